// Package conllu reads Universal Dependencies CoNLL-U files: sentences with
// their words, multiword token ranges, comments such as "# text =" and the
// MISC column, as the treebanks in ../shared/corpora carry them. The tagger,
// the parser, the NER and coreference trainers and `kg eval` all read their
// gold data through it.
package conllu

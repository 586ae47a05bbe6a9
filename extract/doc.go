// Package extract turns a kg.Document into a kg.Extraction: the sentences of
// the document, the entities it names, where it names them, and the facts
// between them with the sentence that says so.
//
// Pipeline is the one entry point, safe for concurrent use, so `kg ingest`
// runs one Pipeline on all cores. It runs the stages in order, each in its
// own subpackage with models trained here and embedded by package data:
//
//	tokenize   sentences and words with byte offsets
//	tagger     UPOS, XPOS and morphology        lemma   dictionary forms
//	parser     UD dependency trees              ner     PER, ORG, LOC, ... spans
//	coref      mentions and chains in a document
//	alias      canonical names and slugs across documents
//	relations  clause-based facts over the trees
//
// Arguments of a relation link to the named entity their head word belongs
// to; other nominal arguments ("a draft resolution") become kg.Concept
// entities named by their words. Package extract knows nothing of the store.
package extract

package data

import (
	"embed"
	"io/fs"
)

//go:embed models gazetteer samples
var files embed.FS

// Models is the folder of trained models, each a compressed file named after
// its stage (tagger.bin.zst, parser.bin.gz, …).
var Models = mustSub(files, "models")

// Gazetteer is the folder of kg's own TSV lists of countries (aliases,
// demonyms, capitals), international organizations and role titles, read by
// package extract/gazetteer.
var Gazetteer = mustSub(files, "gazetteer")

// Samples is the folder of sample articles written for kg demo and tests
// (articles.jsonl, one {"id","title","date","source","text"} object a line).
var Samples = mustSub(files, "samples")

// Synonyms is the table of predicates with the same meaning, one group a
// line as "canonical: predicate predicate ..." with # comments, shared by
// the relation extractor and the question parser.
//
//go:embed lexicon/synonyms.txt
var Synonyms string

// VerbSynonyms is the table of verb synonyms that kg train synonyms builds
// from WordNet 3.0: "verb: synonym ..." lines. kg ask reads evidence
// sentences with it when no sentence holds the question's own verb.
//
//go:embed lexicon/verb-synonyms.txt
var VerbSynonyms string

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // unreachable: dir is a literal embedded above
	}
	return sub
}

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/wordnet"
)

// Where kg train synonyms reads WordNet and writes its table by default.
const (
	DefaultWordNetDir  = "/usr/share/wordnet" // Debian's wordnet-base
	DefaultLexiconDir  = "data/lexicon"
	VerbSynonymsFile   = "verb-synonyms.txt"
	wordnetIndexVerb   = "index.verb"
	wordnetDataVerb    = "data.verb"
	synonymsOutDefault = DefaultModelDir // --out's default, which this stage replaces with DefaultLexiconDir
)

// trainSynonyms builds the verb synonym table from the WordNet folder of
// --train (Debian's wordnet-base by default) into --out (data/lexicon by
// default).
func trainSynonyms(c *cli.Context, e *env) (trainReport, error) {
	dir := DefaultWordNetDir
	if files := c.StringSlice("train"); len(files) > 0 {
		dir = files[0]
	}
	out := c.String("out")
	if !c.IsSet("out") || out == synonymsOutDefault {
		out = DefaultLexiconDir
	}
	start := time.Now()
	syn, err := readWordNet(dir)
	if err != nil {
		return trainReport{}, err
	}
	table := syn.Table(wordnet.DefaultSenses)
	logf(e, "synonyms: %d verbs with synonyms from %s", len(table), dir)
	p, err := saveModel(out, VerbSynonymsFile, func(w io.Writer) error { return wordnet.WriteTable(w, table) })
	if err != nil {
		return trainReport{}, err
	}
	return trainReport{Seconds: since(start), Files: []string{p}}, nil
}

// readWordNet reads index.verb and data.verb from dir.
func readWordNet(dir string) (*wordnet.Synsets, error) {
	index, err := os.Open(filepath.Join(dir, wordnetIndexVerb))
	if err != nil {
		return nil, kg.Errorf(kg.ENOTFOUND, "no WordNet in %s (apt-get install wordnet-base): %v", dir, err)
	}
	defer index.Close()
	data, err := os.Open(filepath.Join(dir, wordnetDataVerb))
	if err != nil {
		return nil, kg.Errorf(kg.ENOTFOUND, "no WordNet in %s (apt-get install wordnet-base): %v", dir, err)
	}
	defer data.Close()
	s, err := wordnet.Read(index, data)
	if err != nil {
		return nil, fmt.Errorf("read WordNet in %s: %w", dir, err)
	}
	return s, nil
}

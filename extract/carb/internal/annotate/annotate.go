// Package annotate builds a carb.Annotator from the committed tagger,
// lemmatizer and parser models, for the CaRB accuracy test and the
// confidence fitter. The pipeline proper wires the same models itself.
package annotate

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/carb"
	"github.com/kgnews/kg/extract/lemma"
	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
)

// Load reads the tagger, lemmatizer and parser from fsys (data.Models in
// production) and returns an Annotator that tags, lemmatizes and parses.
func Load(fsys fs.FS) (carb.Annotator, error) {
	tg, err := tagger.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("annotate: %w", err)
	}
	lm, err := lemma.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("annotate: %w", err)
	}
	ps, err := parser.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("annotate: %w", err)
	}
	return func(_ context.Context, s *kg.Sentence) error {
		words := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			words[i] = t.Text
		}
		tags := tg.Tag(words)
		upos, xpos := make([]string, len(words)), make([]string, len(words))
		for i, t := range tags {
			upos[i], xpos[i] = t.UPOS, t.XPOS
		}
		heads, rels := ps.Parse(words, upos, xpos)
		for i := range s.Tokens {
			t := &s.Tokens[i]
			t.UPOS, t.XPOS, t.Feats = upos[i], xpos[i], tags[i].Feats
			t.Lemma = lm.Lemma(words[i], upos[i], xpos[i])
			t.Head, t.Rel = heads[i], rels[i]
		}
		return nil
	}, nil
}

package main

import (
	"os"
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/tokenize"
)

// FuzzRawAlign feeds arbitrary CoNLL-U to the --raw alignment and scoring:
// no panics, every gold span inside the text and spelling its word, never
// more aligned words than either side has, scores in percent.
func FuzzRawAlign(f *testing.F) {
	mini, err := os.ReadFile(evalFile("mini.conllu"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(mini))
	f.Add("# text = a b\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n2\tb\tb\tX\tX\t_\t0\troot\t_\t_\n\n")
	f.Add("# text = \n1\tx\tx\tX\tX\t_\t-3\tdep\t_\t_\n\n")
	a, err := newAnnotator(modelSet{fsys: os.DirFS("../../data/models"), name: "data/models"})
	if err != nil {
		f.Fatal(err)
	}
	tok := tokenize.Default()
	f.Fuzz(func(t *testing.T, data string) {
		gold, err := conllu.ReadAll(strings.NewReader(data))
		if err != nil {
			return
		}
		r := rawFromGold(gold)
		for sp, ref := range r.words {
			if sp.start < 0 || sp.end > len(r.text) || sp.start > sp.end {
				t.Fatalf("span %v outside the text (%d bytes)", sp, len(r.text))
			}
			if got, want := r.text[sp.start:sp.end], gold[ref.sent].Words[ref.word].Form; got != want {
				t.Fatalf("span %v holds %q, want %q", sp, got, want)
			}
		}
		al := align(r, tok.Sentences(r.text))
		if c := al.counts; c.Aligned > c.GoldWords || c.Aligned > c.SystemWords {
			t.Fatalf("counts %+v: more aligned words than words", c)
		}
		ts := evalTagRaw(tok, a.m.Tagger, a.m.Lemmatizer, gold)
		ps := evalParseRaw(tok, a.m.Tagger, a.m.Parser, gold)
		for _, v := range []float64{ts.UPOS, ts.Lemma, ps.UAS, ps.LAS, al.counts.WordF1} {
			if v < 0 || v > 100 {
				t.Fatalf("score %v is not a percentage", v)
			}
		}
	})
}

package coref

import (
	"sync"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/lemma"
	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
	"github.com/kgnews/kg/extract/tokenize"
)

// trained holds the models the tests load once.
var trained struct {
	once sync.Once
	tg   *tagger.Model
	ps   *parser.Model
	lem  *lemma.Lemmatizer
	err  error
}

// loadModels returns the trained tagger, parser and lemmatizer from
// data/models, loading them on first use.
func loadModels(tb testing.TB) (*tagger.Model, *parser.Model, *lemma.Lemmatizer) {
	tb.Helper()
	trained.once.Do(func() {
		if trained.tg, trained.err = tagger.Load(data.Models); trained.err != nil {
			return
		}
		if trained.ps, trained.err = parser.Load(data.Models); trained.err != nil {
			return
		}
		trained.lem, trained.err = lemma.Load(data.Models)
	})
	if trained.err != nil {
		tb.Fatal(trained.err)
	}
	return trained.tg, trained.ps, trained.lem
}

// pipeline tokenizes, tags, lemmatizes and parses text with the trained
// models, as extract.Pipeline does before coreference.
func pipeline(tb testing.TB, text string) []kg.Sentence {
	tb.Helper()
	tg, ps, lem := loadModels(tb)
	sents := tokenize.Sentences(text)
	for si := range sents {
		toks := sents[si].Tokens
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = tk.Text
		}
		tags := tg.Tag(words)
		upos, xpos := make([]string, len(words)), make([]string, len(words))
		for i := range words {
			upos[i], xpos[i] = tags[i].UPOS, tags[i].XPOS
		}
		heads, rels := ps.Parse(words, upos, xpos)
		for i := range toks {
			toks[i].UPOS, toks[i].XPOS, toks[i].Feats = upos[i], xpos[i], tags[i].Feats
			toks[i].Lemma = lem.Lemma(words[i], upos[i], xpos[i])
			toks[i].Head, toks[i].Rel = heads[i], rels[i]
		}
	}
	return sents
}

// TestNewsPredicted resolves a short news text through the real models: the
// pronoun of the last sentence goes to the subject of the sentence before,
// not to the other man named, and the surname joins the full name with its
// title.
func TestNewsPredicted(t *testing.T) {
	text := "U.S. Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Moscow on Wednesday. " +
		"Lavrov accused Washington of violating international law. " +
		"Tillerson said the relationship between the two countries was at a low point. " +
		"He ruled out toppling the Syrian government by force."
	chains := Resolve(pipeline(t, text))
	t.Logf("chains: %v", texts(chains))
	he := chainOfText(chains, "He", 0)
	if he < 0 {
		t.Fatalf("no mention He: %v", texts(chains))
	}
	for _, name := range []string{"Tillerson", "U.S. Secretary of State Rex Tillerson"} {
		if c := chainOfText(chains, name, 0); c != he {
			t.Errorf("He and %q in chains %d and %d, want one", name, he, c)
		}
	}
	if lav := chainOfText(chains, "Lavrov", 0); lav == he {
		t.Errorf("He linked to Lavrov")
	}
}

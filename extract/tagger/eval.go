package tagger

import (
	"time"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/lemma"
)

// Scores are tagging accuracies on gold sentences, in percent of words.
type Scores struct {
	UPOS            float64 `json:"upos"`              // universal tags right
	XPOS            float64 `json:"xpos"`              // Penn Treebank tags right
	Feats           float64 `json:"feats"`             // morphological features right (all of them)
	Lemma           float64 `json:"lemma"`             // lemmas right, from predicted tags; 0 without a lemmatizer
	Tokens          int     `json:"tokens"`            // words scored
	TokensPerSecond float64 `json:"tokens_per_second"` // tagging (and lemmatizing) speed
}

// Evaluate tags the words of gold (gold word tokenization) with m, lemmatizes
// them with lem when it is not nil, and scores the result.
func Evaluate(m *Model, lem *lemma.Lemmatizer, gold []*conllu.Sentence) Scores {
	var upos, xpos, feats, lemmas, n int
	var elapsed time.Duration
	for _, s := range gold {
		words := Words(s)
		start := time.Now()
		tags := m.Tag(words)
		var lems []string
		if lem != nil {
			lems = make([]string, len(words))
			for i, t := range tags {
				lems[i] = lem.Lemma(words[i], t.UPOS, t.XPOS)
			}
		}
		elapsed += time.Since(start)
		for i, w := range s.Words {
			n++
			upos += b2i(tags[i].UPOS == w.UPOS)
			xpos += b2i(tags[i].XPOS == w.XPOS)
			feats += b2i(tags[i].Feats == w.Feats)
			if lems != nil {
				lemmas += b2i(lems[i] == w.Lemma)
			}
		}
	}
	if n == 0 {
		return Scores{}
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(n) }
	sc := Scores{UPOS: pct(upos), XPOS: pct(xpos), Feats: pct(feats), Tokens: n}
	if lem != nil {
		sc.Lemma = pct(lemmas)
	}
	if elapsed > 0 {
		sc.TokensPerSecond = float64(n) / elapsed.Seconds()
	}
	return sc
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

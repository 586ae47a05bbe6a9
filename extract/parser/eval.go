package parser

import (
	"context"
	"strings"
	"time"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/tagger"
)

// Scores are attachment scores in percent over every word, punctuation
// included.
type Scores struct {
	UPOS            float64 `json:"upos"`              // UPOS accuracy of the tags the parser saw
	UAS             float64 `json:"uas"`               // words with the right head
	LAS             float64 `json:"las"`               // right head and full relation (subtypes kept)
	LASUniversal    float64 `json:"las_universal"`     // right head and universal relation (subtypes stripped, as the CoNLL 2018 scorer does)
	Tokens          int     `json:"tokens"`            // words scored
	TokensPerSecond float64 `json:"tokens_per_second"` // words tagged (when a tagger is given) and parsed per second, one goroutine
}

// Evaluate parses the gold sentences' words, tagged by tg (nil = the gold
// tags), and scores the result against the gold trees. It stops early, with
// the scores so far, when ctx is done.
func Evaluate(ctx context.Context, p *Model, tg *tagger.Model, gold []*conllu.Sentence) Scores {
	var sc Scores
	var upos, uas, las, lasU int
	var elapsed time.Duration
	for _, s := range gold {
		if ctx.Err() != nil {
			break
		}
		n := len(s.Words)
		words, up, xp := make([]string, n), make([]string, n), make([]string, n)
		for i, w := range s.Words {
			words[i], up[i], xp[i] = w.Form, w.UPOS, w.XPOS
		}
		start := time.Now()
		if tg != nil {
			for i, t := range tg.Tag(words) {
				if i < n {
					up[i], xp[i] = t.UPOS, t.XPOS
				}
			}
		}
		heads, rels := p.Parse(words, up, xp)
		elapsed += time.Since(start)
		for i, w := range s.Words {
			sc.Tokens++
			if up[i] == w.UPOS {
				upos++
			}
			if heads[i] != w.Head {
				continue
			}
			uas++
			if rels[i] == w.Deprel {
				las++
			}
			if universal(rels[i]) == universal(w.Deprel) {
				lasU++
			}
		}
	}
	if sc.Tokens == 0 {
		return sc
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(sc.Tokens) }
	sc.UPOS, sc.UAS, sc.LAS, sc.LASUniversal = pct(upos), pct(uas), pct(las), pct(lasU)
	if elapsed > 0 {
		sc.TokensPerSecond = float64(sc.Tokens) / elapsed.Seconds()
	}
	return sc
}

// universal strips a relation's subtype: acl:relcl becomes acl.
func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

package main

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/tagger"
)

// noisyTags is a cheap stand-in for jackknifing: it tags the dev sentences
// with tg, counts how often each gold (UPOS, XPOS) pair comes out as each
// predicted pair, and corrupts the training tags with those rates (fixed
// seed).
func noisyTags(tg *tagger.Model, dev, train []*conllu.Sentence) [][]tagger.Tag {
	conf := map[tagPair]map[tagPair]int{}
	for _, s := range dev {
		pred := tg.Tag(tagger.Words(s))
		for i, w := range s.Words {
			g, p := tagPair{w.UPOS, w.XPOS}, tagPair{pred[i].UPOS, pred[i].XPOS}
			if conf[g] == nil {
				conf[g] = map[tagPair]int{}
			}
			conf[g][p]++
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([][]tagger.Tag, len(train))
	for k, s := range train {
		out[k] = make([]tagger.Tag, len(s.Words))
		for i, w := range s.Words {
			g := tagPair{w.UPOS, w.XPOS}
			out[k][i] = tagger.Tag{UPOS: w.UPOS, XPOS: w.XPOS, Feats: w.Feats}
			row, total := conf[g], 0
			for _, n := range row {
				total += n
			}
			if total == 0 {
				continue
			}
			r := rng.IntN(total)
			for _, p := range sortedPairs(row) {
				if r -= row[p]; r < 0 {
					out[k][i].UPOS, out[k][i].XPOS = p.upos, p.xpos
					break
				}
			}
		}
	}
	return out
}

type tagPair struct{ upos, xpos string }

// sortedPairs lists a row's pairs in a fixed order.
func sortedPairs(row map[tagPair]int) []tagPair {
	out := make([]tagPair, 0, len(row))
	for p := range row {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b tagPair) int {
		return cmp.Or(cmp.Compare(a.upos, b.upos), cmp.Compare(a.xpos, b.xpos))
	})
	return out
}

package parser

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/tagger"
)

// newVocab builds the atom tables and label set of a model from the training
// sentences: words seen at least minCount times, every tag, every relation.
func newVocab(sents []*conllu.Sentence, tags [][]tagger.Tag, minCount int) (*Model, error) {
	wc := map[string]int{}
	xc, uc, lc := map[string]int{}, map[string]int{}, map[string]int{}
	var buf []byte
	for i, s := range sents {
		for j, w := range s.Words {
			buf = normWord(buf, w.Form)
			wc[string(buf)]++
			xc[w.XPOS]++
			uc[w.UPOS]++
			lc[w.Deprel]++
			if tags != nil && j < len(tags[i]) {
				xc[tags[i][j].XPOS]++
				uc[tags[i][j].UPOS]++
			}
		}
	}
	m := &Model{words: ids(wc, minCount), xpos: ids(xc, 1), upos: ids(uc, 1)}
	if len(m.words) > maxWords-atomUnk || len(m.xpos) > maxTags-atomUnk || len(m.upos) > maxTags-atomUnk {
		return nil, fmt.Errorf("vocabulary too large: %d words, %d xpos, %d upos", len(m.words), len(m.xpos), len(m.upos))
	}
	m.labels = byCount(lc, 1)
	if len(m.labels) == 0 || 1+2*len(m.labels) > 256 {
		return nil, fmt.Errorf("need 1 to 127 relations, got %d", len(m.labels))
	}
	return m, nil
}

// byCount returns the keys seen at least min times, most frequent first.
func byCount(c map[string]int, min int) []string {
	var out []string
	for k, n := range c {
		if n >= min {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		if d := cmp.Compare(c[b], c[a]); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	return out
}

// ids numbers the keys seen at least min times from atomUnk+1.
func ids(c map[string]int, min int) map[string]uint32 {
	out := map[string]uint32{}
	for i, k := range byCount(c, min) {
		out[k] = uint32(i + atomUnk + 1)
	}
	return out
}

// instances turns the training sentences into oracle inputs, dropping
// malformed trees and treating non-projective ones as np says.
func (m *Model) instances(sents []*conllu.Sentence, tags [][]tagger.Tag, np NonProjective) ([]instance, error) {
	label := map[string]int16{}
	for i, l := range m.labels {
		label[l] = int16(i)
	}
	var out []instance
	pb := &parseBuf{}
	for i, s := range sents {
		n := len(s.Words)
		heads, labels, ok := goldTree(s, label)
		if !ok {
			continue
		}
		if !projective(heads) {
			switch np {
			case Skip:
				continue
			case Lift:
				lift(heads)
			}
		}
		words, upos, xpos := make([]string, n), make([]string, n), make([]string, n)
		for j, w := range s.Words {
			words[j], upos[j], xpos[j] = w.Form, w.UPOS, w.XPOS
			if tags != nil {
				if len(tags[i]) != n {
					return nil, fmt.Errorf("sentence %d: %d tags for %d words", i, len(tags[i]), n)
				}
				upos[j], xpos[j] = tags[i][j].UPOS, tags[i][j].XPOS
			}
		}
		m.fillAtoms(pb, words, upos, xpos)
		at := atoms{w: slices.Clone(pb.at.w), p: slices.Clone(pb.at.p), u: slices.Clone(pb.at.u)}
		out = append(out, instance{at: at, g: newGold(heads, labels)})
	}
	return out, nil
}

// goldTree converts a sentence's tree to the parser's indexing (root at n)
// and reports whether it is a well-formed tree with a single root.
func goldTree(s *conllu.Sentence, label map[string]int16) ([]int32, []int16, bool) {
	n := len(s.Words)
	heads, labels := make([]int32, n), make([]int16, n)
	roots := 0
	for j, w := range s.Words {
		if w.ID != j+1 || w.Head < 0 || w.Head > n || w.Head == w.ID {
			return nil, nil, false
		}
		heads[j] = int32(w.Head - 1)
		if w.Head == 0 {
			heads[j] = int32(n)
			roots++
		}
		labels[j] = label[w.Deprel]
	}
	return heads, labels, roots == 1 && acyclic(heads)
}

// acyclic reports whether every word reaches the root (index n).
func acyclic(heads []int32) bool {
	n := int32(len(heads))
	for d := range heads {
		h, steps := int32(d), 0
		for h != n {
			h = heads[h]
			steps++
			if steps > len(heads) {
				return false
			}
		}
	}
	return true
}

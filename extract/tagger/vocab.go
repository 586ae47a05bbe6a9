package tagger

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kgnews/kg/extract/conllu"
)

// newModel returns a model with its labels, ambiguity classes and feature
// tables learned from sents but no weights yet, and the gold label of every
// word.
func newModel(sents []*conllu.Sentence, minCount int) (*Model, [][]int, error) {
	labelSet := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			labelSet[w.UPOS+"\t"+w.XPOS] = true
		}
	}
	if len(labelSet) > maxLabels {
		return nil, nil, fmt.Errorf("%d labels, at most %d supported", len(labelSet), maxLabels)
	}
	names := make([]string, 0, len(labelSet))
	for l := range labelSet {
		names = append(names, l)
	}
	sort.Strings(names)
	m := &Model{}
	ids := map[string]int{}
	for i, l := range names {
		u, x, _ := strings.Cut(l, "\t")
		m.upos, m.xpos = append(m.upos, u), append(m.xpos, x)
		ids[l] = i
	}
	golds := make([][]int, len(sents))
	for i, s := range sents {
		golds[i] = make([]int, len(s.Words))
		for j, w := range s.Words {
			golds[i][j] = ids[w.UPOS+"\t"+w.XPOS]
		}
	}
	m.buildAmbiguity(sents, golds, minCount)
	m.buildFixed(sents, golds)
	m.buildCands(sents, golds)
	m.all = make([]uint8, len(m.upos))
	for i := range m.all {
		m.all[i] = uint8(i)
	}
	m.buildFeats(sents, golds)
	return m, golds, nil
}

// labelCounts counts, for every word in lowercase (by hash), how often it
// took each gold label.
func labelCounts(sents []*conllu.Sentence, golds [][]int) map[uint64]map[int]int {
	counts := map[uint64]map[int]int{}
	for i, s := range sents {
		for j, w := range s.Words {
			h := lowerHash(w.Form)
			if counts[h] == nil {
				counts[h] = map[int]int{}
			}
			counts[h][golds[i][j]]++
		}
	}
	return counts
}

// buildAmbiguity gives every word seen at least minCount times the set of
// labels it takes at least a tenth of the time, as a small integer id.
func (m *Model) buildAmbiguity(sents []*conllu.Sentence, golds [][]int, minCount int) {
	counts := labelCounts(sents, golds)
	sigOf := map[uint64]string{}
	sigs := map[string]bool{}
	for h, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < minCount {
			continue
		}
		var ls []int
		for l, n := range c {
			if 10*n >= total {
				ls = append(ls, l)
			}
		}
		sort.Ints(ls)
		var b strings.Builder
		for _, l := range ls {
			b.WriteString(strconv.Itoa(l))
			b.WriteByte(',')
		}
		sigOf[h] = b.String()
		sigs[b.String()] = true
	}
	list := make([]string, 0, len(sigs))
	for s := range sigs {
		list = append(list, s)
	}
	sort.Strings(list)
	id := map[string]uint32{}
	for i, s := range list {
		id[s] = uint32(i + 1)
	}
	vals := map[uint64]uint32{}
	for h, s := range sigOf {
		vals[h] = id[s]
	}
	for h, p := range caseProfiles(sents, minCount) {
		vals[h] |= p << acBits
	}
	m.ac = newTable(len(vals))
	for h, v := range vals {
		m.ac.put(h, v)
	}
}

// Ambiguity-table values hold the class id in the low acBits bits and the
// case profile above them.
const (
	acBits = 24
	acMask = 1<<acBits - 1
)

// caseProfiles returns the case profile of every word seen at least
// minCount times away from sentence starts.
func caseProfiles(sents []*conllu.Sentence, minCount int) map[uint64]uint32 {
	cases := map[uint64]*[4]int{}
	for _, s := range sents {
		for j, w := range s.Words {
			if j == 0 {
				continue
			}
			h := lowerHash(w.Form)
			if cases[h] == nil {
				cases[h] = &[4]int{}
			}
			cases[h][caseOf(w.Form)]++
		}
	}
	out := map[uint64]uint32{}
	for h, c := range cases {
		if p := caseProfile(c, minCount); p != 0 {
			out[h] = p
		}
	}
	return out
}

// caseOf classifies a form as lowercase (0), capitalized (1), all capitals
// (2) or other (3).
func caseOf(w string) int {
	upper, lower, first := 0, 0, true
	firstUpper := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		}
		first = false
	}
	switch {
	case upper == 0 && lower > 0:
		return 0
	case upper > 1 && lower == 0:
		return 2
	case firstUpper:
		return 1
	}
	return 3
}

// caseProfile summarizes how a word is written away from sentence starts:
// 1 mostly lowercase, 2 mostly capitalized, 3 mostly in capitals, 4 mixed;
// 0 when it was seen fewer than minCount times.
func caseProfile(c *[4]int, minCount int) uint32 {
	total := c[0] + c[1] + c[2] + c[3]
	if total < minCount {
		return 0
	}
	for k := range 3 {
		if 10*c[k] >= 9*total {
			return uint32(k + 1)
		}
	}
	return 4
}

// buildFeats learns the most frequent features of each label, and of each
// word with a label where they differ from the label's.
func (m *Model) buildFeats(sents []*conllu.Sentence, golds [][]int) {
	type wl struct {
		h uint64
		l int
	}
	byLabel := make([]map[string]int, len(m.upos))
	for i := range byLabel {
		byLabel[i] = map[string]int{}
	}
	byWord := map[wl]map[string]int{}
	for i, s := range sents {
		for j, w := range s.Words {
			l := golds[i][j]
			byLabel[l][w.Feats]++
			k := wl{lowerHash(w.Form), l}
			if byWord[k] == nil {
				byWord[k] = map[string]int{}
			}
			byWord[k][w.Feats]++
		}
	}
	index := map[string]uint32{}
	intern := func(s string) uint32 {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = uint32(len(m.feats))
		m.feats = append(m.feats, s)
		return index[s]
	}
	intern("_")
	m.featDefault = make([]uint32, len(m.upos))
	for l, c := range byLabel {
		m.featDefault[l] = intern(mostFrequent(c))
	}
	keys := make([]wl, 0, len(byWord))
	for k := range byWord {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].h != keys[b].h {
			return keys[a].h < keys[b].h
		}
		return keys[a].l < keys[b].l
	})
	type kv struct {
		k uint64
		v uint32
	}
	var kept []kv
	for _, k := range keys {
		if f := mostFrequent(byWord[k]); f != m.feats[m.featDefault[k.l]] {
			kept = append(kept, kv{featKey(k.h, k.l), intern(f)})
		}
	}
	m.featKeys = newTable(len(kept))
	for _, e := range kept {
		m.featKeys.put(e.k, e.v)
	}
}

// mostFrequent returns the key with the highest count, the smallest key on
// ties, or "_" for an empty map.
func mostFrequent(c map[string]int) string {
	best, bn := "_", -1
	for k, n := range c {
		if n > bn || (n == bn && k < best) {
			best, bn = k, n
		}
	}
	return best
}

// buildFixed finds the frequent words that (nearly) always take one label.
func (m *Model) buildFixed(sents []*conllu.Sentence, golds [][]int) {
	counts := map[uint64]map[int]int{}
	var a atoms
	var buf []rune
	for i, s := range sents {
		for j, w := range s.Words {
			buf = makeAtoms(&a, w.Form, buf)
			if counts[a.word] == nil {
				counts[a.word] = map[int]int{}
			}
			counts[a.word][golds[i][j]]++
		}
	}
	type kv struct {
		k uint64
		v uint32
	}
	var fixed []kv
	for h, c := range counts {
		total, best, bn := 0, 0, -1
		for l, n := range c {
			total += n
			if n > bn || (n == bn && l < best) {
				best, bn = l, n
			}
		}
		if total >= fixedCount && float64(bn) >= fixedShare*float64(total) {
			fixed = append(fixed, kv{h, uint32(best)})
		}
	}
	sort.Slice(fixed, func(a, b int) bool { return fixed[a].k < fixed[b].k })
	m.fixed = newTable(len(fixed))
	for _, e := range fixed {
		m.fixed.put(e.k, e.v)
	}
}

// A word seen at least candCount times gets a tag dictionary entry: the
// labels it took in training, the only ones it is scored for (far fewer
// additions than scoring every label, and no label a frequent word never
// took). Other words are scored for the labels that rare words took at
// least openMin times.
const (
	candCount = 10
	openMin   = 10
)

// openLabels appends to candLabels the labels that rare words (seen fewer
// than candCount times) took at least openMin times and returns their
// span, or 0 (any label) when there are none.
func (m *Model) openLabels(counts map[uint64]map[int]int) uint32 {
	rare := make([]int, len(m.upos))
	for _, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < candCount {
			for l, n := range c {
				rare[l] += n
			}
		}
	}
	lo := len(m.candLabels)
	for l, n := range rare {
		if n >= openMin {
			m.candLabels = append(m.candLabels, uint8(l))
		}
	}
	if len(m.candLabels) == lo {
		return 0
	}
	return uint32(lo)<<8 | uint32(len(m.candLabels)-lo)
}

// buildCands fills the tag dictionary: for every word (in lowercase) seen
// at least candCount times, the labels it took in training.
func (m *Model) buildCands(sents []*conllu.Sentence, golds [][]int) {
	counts := labelCounts(sents, golds)
	keys := make([]uint64, 0, len(counts))
	for h, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total >= candCount {
			keys = append(keys, h)
		}
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	m.cands = newTable(len(keys))
	m.candLabels = nil
	m.open = m.openLabels(counts)
	for _, h := range keys {
		lo := len(m.candLabels)
		for l := range len(m.upos) {
			if counts[h][l] > 0 {
				m.candLabels = append(m.candLabels, uint8(l))
			}
		}
		m.cands.put(h, uint32(lo)<<8|uint32(len(m.candLabels)-lo))
	}
}

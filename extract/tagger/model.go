package tagger

import "sync"

// Tag is the part of speech of one word.
type Tag struct {
	UPOS  string // universal part of speech, such as NOUN
	XPOS  string // Penn Treebank tag, such as NNS
	Feats string // UD morphological features, "_" when none
}

// Model is a trained tagger. Its methods are safe for concurrent use.
type Model struct {
	upos, xpos []string // the UPOS and XPOS of each joint label

	weights wtable // feature hash → its weights, left to right
	back    wtable // the same for the right-to-left tagger; empty in a one-way model

	ac    table // lowercase word hash → ambiguity class id | case profile<<acBits
	fixed table // word hash (as written) → the one label a frequent word always takes

	featKeys    table    // featKey(word, label) → index into feats
	feats       []string // distinct feature strings
	featDefault []uint32 // per label, the index of its most frequent feats

	pool sync.Pool // *scratch
}

// scratch is the per-call working memory of Tag.
type scratch struct {
	at     []atoms
	rat    []atoms // at reversed, for the right-to-left pass
	back   []int32 // right-to-left scores, one row of labels per word
	runes  []rune
	feats  []uint64
	spans  []uint32 // spans of the features found, see wtable.span
	scores []int32
}

// featKey is the key of the features of a word with a label.
func featKey(lower uint64, label int) uint64 {
	h := mix(lower ^ uint64(label+1)*golden)
	if h == 0 {
		return 1
	}
	return h
}

// Labels returns the number of joint UPOS|XPOS labels the model predicts.
func (m *Model) Labels() int { return len(m.upos) }

// Tag returns the tags of a sentence's words, one per word.
func (m *Model) Tag(words []string) []Tag {
	out := make([]Tag, len(words))
	if len(words) == 0 || len(m.upos) == 0 {
		return out
	}
	s := m.getScratch()
	defer m.pool.Put(s)
	m.prepare(s, words)
	var back []int32
	if len(m.back.slots) > 0 {
		back = m.backward(s, len(words))
	}
	L := len(m.upos)
	p1, p2 := 0, 0
	for i := range words {
		c := s.at[i+2].fixed - 1
		if c < 0 {
			var add []int32
			if back != nil {
				add = back[i*L : (i+1)*L]
			}
			c = m.classify(&m.weights, s, s.at, i, p1, p2, add)
		}
		out[i] = Tag{UPOS: m.upos[c], XPOS: m.xpos[c], Feats: m.featsOf(s.at[i+2].lower, c)}
		p1, p2 = c+1, p1
	}
	return out
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{scores: make([]int32, len(m.upos)), feats: make([]uint64, 0, maxFeatures), spans: make([]uint32, 0, maxFeatures)}
}

// prepare computes the atoms of every word, with padding around them.
func (m *Model) prepare(s *scratch, words []string) {
	s.at = s.at[:0]
	s.at = append(s.at, padAtoms(padStart), padAtoms(padStart))
	for _, w := range words {
		s.at = append(s.at, atoms{})
		a := &s.at[len(s.at)-1]
		s.runes = makeAtoms(a, w, s.runes)
		if v, ok := m.ac.get(a.lower); ok {
			a.ac, a.cp = uint64(v&acMask), uint64(v>>acBits)
		}
		if v, ok := m.fixed.get(a.word); ok {
			a.fixed = int(v) + 1
		}
	}
	s.at = append(s.at, padAtoms(padEnd), padAtoms(padEnd))
}

// backward runs the right-to-left tagger over the n words in s and returns
// its scores for every word, in sentence order.
func (m *Model) backward(s *scratch, n int) []int32 {
	L := len(m.upos)
	s.rat = s.rat[:0]
	for i := len(s.at) - 1; i >= 0; i-- {
		s.rat = append(s.rat, s.at[i])
	}
	if cap(s.back) < n*L {
		s.back = make([]int32, n*L)
	}
	back := s.back[:n*L]
	p1, p2 := 0, 0
	for j := range n {
		c := s.rat[j+2].fixed - 1
		if c < 0 {
			c = m.classify(&m.back, s, s.rat, j, p1, p2, nil)
			copy(back[(n-1-j)*L:], s.scores)
		}
		p1, p2 = c+1, p1
	}
	return back
}

// classify scores word i of at with the weights w, given the labels (plus
// one) of the two words before it, adds add (scores of the other direction)
// when it is not nil, and returns the best label. It finds the spans of all
// the features before reading any weights, so that the processor overlaps
// the cache misses.
func (m *Model) classify(w *wtable, s *scratch, at []atoms, i, p1, p2 int, add []int32) int {
	sc := s.scores
	clear(sc)
	if len(w.slots) == 0 {
		return 0
	}
	s.feats = features(s.feats[:0], at, i, p1, p2)
	spans := s.spans[:0]
	for _, f := range s.feats {
		if sp := w.span(f); sp != 0 {
			spans = append(spans, sp)
		}
	}
	s.spans = spans
	for _, sp := range spans {
		lo := sp >> 8
		for _, e := range w.entries[lo : lo+sp&0xff] {
			sc[e>>weightBits] += entryWeight(e)
		}
	}
	if add != nil {
		for c := range sc {
			sc[c] += add[c]
		}
	}
	best := 0
	for c, v := range sc {
		if v > sc[best] {
			best = c
		}
	}
	return best
}

// featsOf returns the morphological features of a word with a label.
func (m *Model) featsOf(lower uint64, label int) string {
	if i, ok := m.featKeys.get(featKey(lower, label)); ok {
		return m.feats[i]
	}
	return m.feats[m.featDefault[label]]
}

package tagger

import (
	"math"
	"slices"
	"sync"
)

// Tag is the part of speech of one word.
type Tag struct {
	UPOS  string // universal part of speech, such as NOUN
	XPOS  string // Penn Treebank tag, such as NNS
	Feats string // UD morphological features, "_" when none
}

// Model is a trained tagger. Its methods are safe for concurrent use.
type Model struct {
	upos, xpos []string // the UPOS and XPOS of each joint label

	weights wtable // feature hash → its weights for both directions

	ac         table   // lowercase word hash → ambiguity class id | case profile<<acBits
	fixed      table   // word hash (as written) → the one label a frequent word always takes
	cands      table   // lowercase word hash → span (first << 8 | count) of its labels in candLabels
	candLabels []uint8 // the labels each frequent word took in training, then those rare words took
	open       uint32  // span in candLabels of the labels of words without an entry in cands; 0 for every label
	all        []uint8 // every label, for open == 0

	featKeys    table    // featKey(word, label) → index into feats
	feats       []string // distinct feature strings
	featDefault []uint32 // per label, the index of its most frequent feats

	pool sync.Pool // *scratch
}

// scratch is the per-call working memory of Tag.
type scratch struct {
	at     []atoms
	runes  []rune
	feats  []uint64
	spans  []uint32     // spans of the features found, see wtable.span
	cands  []candidates // per word
	off    []int        // per word, where its candidates' scores start in fwd, bwd and back
	fwd    []int32      // static forward scores of the candidates of every word
	bwd    []int32      // static backward scores, likewise
	back   []int32      // total backward scores, likewise
	scores []int32      // scores of one word by score index (see wtable)
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
	m.static(s)
	m.backward(s)
	p1, p2 := 0, 0
	for i := range words {
		c := s.at[i+2].fixed - 1
		if c < 0 {
			c = m.decide(s, i, p1, p2, false)
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
	return &scratch{scores: make([]int32, 2*backOffset), feats: make([]uint64, 0, maxFeatures), spans: make([]uint32, 0, maxFeatures)}
}

// prepare computes the atoms and candidate labels of every word, with
// padding around them.
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
		} else if v, ok := m.cands.get(a.lower); ok {
			a.cands = v
		} else {
			a.cands = m.open
		}
	}
	if sc := sentenceCase(s.at[2:]); sc != 0 {
		for i := range s.at[2:] {
			s.at[i+2].sent = sc
		}
	}
	s.at = append(s.at, padAtoms(padEnd), padAtoms(padEnd))
}

// candList returns the candidate labels of a word.
func (m *Model) candList(a *atoms) []uint8 {
	if a.cands == 0 {
		return m.all
	}
	return m.candLabels[a.cands>>8 : a.cands>>8+a.cands&0xff]
}

// static scores the candidate labels of every word that is not fixed with
// the features that do not depend on other words' labels, for both
// directions at once: each feature is looked up once per word.
func (m *Model) static(s *scratch) {
	n := len(s.at) - 4
	s.cands = slices.Grow(s.cands[:0], n)[:n]
	s.off = slices.Grow(s.off[:0], n+1)[:n+1]
	s.fwd, s.bwd = s.fwd[:0], s.bwd[:0]
	sc := s.scores
	for i := range n {
		s.off[i] = len(s.fwd)
		a := &s.at[i+2]
		if a.fixed > 0 {
			continue
		}
		cs := &s.cands[i]
		cs.reset(m.candList(a))
		for _, c := range cs.list {
			sc[c], sc[int(c)+backOffset] = 0, 0
		}
		s.feats = staticFeatures(s.feats[:0], s.at, i)
		m.weights.add(sc, m.lookup(s), cs, true, true)
		for _, c := range cs.list {
			s.fwd = append(s.fwd, sc[c])
			s.bwd = append(s.bwd, sc[int(c)+backOffset])
		}
	}
	s.off[n] = len(s.fwd)
	s.back = slices.Grow(s.back[:0], len(s.bwd))[:len(s.bwd)]
}

// lookup returns the spans of the features in s.feats that have weights.
func (m *Model) lookup(s *scratch) []uint32 {
	spans := s.spans[:0]
	for _, f := range s.feats {
		if sp := m.weights.span(f); sp != 0 {
			spans = append(spans, sp)
		}
	}
	s.spans = spans
	return spans
}

// backward runs the right-to-left tagger and leaves its total scores for
// every word's candidates in s.back.
func (m *Model) backward(s *scratch) {
	q1, q2 := 0, 0
	for i := len(s.at) - 5; i >= 0; i-- {
		c := s.at[i+2].fixed - 1
		if c < 0 {
			c = m.decide(s, i, q1, q2, true)
		}
		q1, q2 = c+1, q1
	}
}

// decide adds the scores of the features of word i that combine the labels
// (plus one) of the two words before it (after it, for the backward
// tagger) to its static scores and returns its best candidate. The
// forward tagger adds the backward tagger's totals too; the backward one
// stores its totals in s.back.
func (m *Model) decide(s *scratch, i, l1, l2 int, backward bool) int {
	cs := &s.cands[i]
	sc := s.scores
	base := 0
	if backward {
		base = backOffset
		s.feats = backTagFeatures(s.feats[:0], s.at, i, l1, l2)
	} else {
		s.feats = tagFeatures(s.feats[:0], s.at, i, l1, l2)
	}
	for _, c := range cs.list {
		sc[int(c)+base] = 0
	}
	m.weights.add(sc, m.lookup(s), cs, !backward, backward)
	off := s.off[i]
	best, bv := 0, int32(math.MinInt32)
	for k, c := range cs.list {
		var v int32
		if backward {
			v = s.bwd[off+k] + sc[int(c)+backOffset]
			s.back[off+k] = v
		} else {
			v = s.fwd[off+k] + sc[c] + s.back[off+k]
		}
		if v > bv {
			best, bv = int(c), v
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

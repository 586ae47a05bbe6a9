package parser

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"
)

// Model is a trained dependency parser. It is safe for concurrent use.
type Model struct {
	words  map[string]uint32 // normalized word -> atom id
	xpos   map[string]uint32 // XPOS tag -> atom id
	upos   map[string]uint32 // UPOS tag -> atom id
	labels []string          // relation of each label id
	wt     weights           // averaged perceptron weights
	pool   sync.Pool         // of *parseBuf
}

// parseBuf is the per-call scratch space of Parse.
type parseBuf struct {
	st     state
	at     atoms
	keys   []uint64
	scores []float32
	norm   []byte
	cache  featureCache // valid for the Model whose pool holds this buffer
}

// numClasses returns the number of transitions the model scores.
func (m *Model) numClasses() int { return 1 + 2*len(m.labels) }

// Labels returns the dependency relations the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// normWord lowercases w and maps every digit to 0, writing into buf.
func normWord(buf []byte, w string) []byte {
	buf = buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(w)...)
		}
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		buf = append(buf, c)
	}
	return buf
}

func tagAtom(m map[string]uint32, tags []string, i int) uint64 {
	if i >= len(tags) {
		return atomUnk
	}
	if id, ok := m[tags[i]]; ok {
		return uint64(id)
	}
	return atomUnk
}

// fillAtoms computes the atoms of a sentence once, before parsing.
func (m *Model) fillAtoms(pb *parseBuf, words, upos, xpos []string) {
	pb.at.reset(len(words))
	for i, w := range words {
		pb.norm = normWord(pb.norm, w)
		id, ok := m.words[string(pb.norm)]
		if !ok {
			id = atomUnk
		}
		pb.at.w[i] = uint64(id)
		pb.at.p[i] = tagAtom(m.xpos, xpos, i)
		pb.at.u[i] = tagAtom(m.upos, upos, i)
	}
}

// Parse returns for each word its head (1-based index, 0 = root) and
// relation. upos and xpos are the words' tags; missing or unknown tags are
// tolerated. Parse is safe for concurrent use.
func (m *Model) Parse(words, upos, xpos []string) (heads []int, rels []string) {
	n := len(words)
	heads, rels = make([]int, n), make([]string, n)
	if n == 0 {
		return heads, rels
	}
	if len(m.labels) == 0 { // an untrained model: attach everything to the first word
		for i := range heads {
			heads[i], rels[i] = 1, "dep"
		}
		heads[0], rels[0] = 0, "root"
		return heads, rels
	}
	pb, _ := m.pool.Get().(*parseBuf)
	if pb == nil {
		pb = &parseBuf{}
	}
	defer m.pool.Put(pb)
	if len(pb.scores) != m.numClasses() {
		pb.scores = make([]float32, m.numClasses())
	}
	m.fillAtoms(pb, words, upos, xpos)
	st := &pb.st
	st.reset(n)
	for !st.terminal() {
		pb.keys = pb.at.extract(st, pb.keys[:0])
		m.wt.score(pb.keys, pb.scores, &pb.cache)
		st.apply(bestValid(st, pb.scores))
	}
	for i := range n {
		h := int(st.heads[i])
		if h == n {
			h = -1
		}
		heads[i] = h + 1
		if l := st.labels[i]; l >= 0 && int(l) < len(m.labels) {
			rels[i] = m.labels[l]
		}
	}
	promoteMainClause(words, heads, rels)
	objectsNotClauses(upos, heads, rels)
	namesOverTitles(upos, heads, rels)
	objectsNotInfinitiveSubjects(words, heads, rels)
	return heads, rels
}

// bestValid returns the highest-scoring legal class.
func bestValid(st *state, scores []float32) int {
	best, bestScore := -1, float32(0)
	canL, canR := st.canLeft(), st.canRight()
	if st.canShift() {
		best, bestScore = shift, scores[shift]
	}
	for c := 1; c < len(scores); c++ {
		if isLeft(c) && !canL || !isLeft(c) && !canR {
			continue
		}
		if best < 0 || scores[c] > bestScore {
			best, bestScore = c, scores[c]
		}
	}
	return best
}

// Size returns the number of features the model knows and the number of
// (feature, transition) weights it stores.
func (m *Model) Size() (features, weights int) { return len(m.wt.keys), len(m.wt.ent) }

// Pruned returns a copy of m without the weights smaller in magnitude than
// minWeight: a smaller, faster model that is usually as accurate.
func (m *Model) Pruned(minWeight float64) *Model {
	var w weights
	w.start = append(w.start, 0)
	for f, k := range m.wt.keys {
		for _, e := range m.wt.ent[m.wt.start[f]:m.wt.start[f+1]] {
			if math.Abs(float64(entryWeight(e))) >= minWeight {
				w.ent = append(w.ent, e)
			}
		}
		if int(w.start[len(w.start)-1]) < len(w.ent) {
			w.keys = append(w.keys, k)
			w.start = append(w.start, uint32(len(w.ent)))
		}
	}
	w.index(m.numClasses())
	return m.withWeights(w)
}

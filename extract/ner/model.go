package ner

import (
	"sync"
)

// Model is a trained named-entity tagger. Its methods are safe for
// concurrent use.
type Model struct {
	labels      []string            // label names; labels[0] is "O"
	allowed     [][]bool            // allowed[prev+1][cur]: whether cur may follow prev (-1 before the sentence)
	useUPOS     bool                // whether the features include UPOS tags
	phrases     *phraseSet          // gazetteer phrases, or nil
	lex         map[string]lexEntry // word clusters and capitalization by lowercase word, or nil
	lexFeatures uint8               // which lexicon features the model uses (lexClusters, lexCaps)
	table       featureTable
	pool        sync.Pool // *sentence buffers
}

// featureTable maps feature hashes to rows of per-label weights with open
// addressing over flat arrays.
type featureTable struct {
	hashes  []uint64  // feature hash of each row, in row order
	slots   []slot    // open-addressing slots
	mask    uint64    // len(slots)-1
	weights []float32 // row-major: row r holds weights[r*nl:(r+1)*nl]
	nl      int       // number of labels
}

// slot is one place in the feature table: a feature hash (0 when empty) and
// its row, side by side so that a lookup touches one cache line.
type slot struct {
	key uint64
	row int32
}

func newFeatureTable(hashes []uint64, weights []float32, nl int) featureTable {
	size := 1
	for size < 2*len(hashes) {
		size *= 2
	}
	t := featureTable{hashes: hashes, slots: make([]slot, size), mask: uint64(size - 1), weights: weights, nl: nl}
	for r, h := range hashes {
		i := h & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{key: h, row: int32(r)}
	}
	return t
}

// row returns the weights of feature h, or nil when the model lacks it.
func (t *featureTable) row(h uint64) []float32 {
	if len(t.slots) == 0 {
		return nil
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.slots[i].key {
		case h:
			r := int(t.slots[i].row) * t.nl
			return t.weights[r : r+t.nl]
		case 0:
			return nil
		}
	}
}

// Labels returns the BIO labels the model can assign, "O" first.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Types returns the entity types the model knows, such as PER, ORG, LOC.
func (m *Model) Types() []string {
	var out []string
	for _, l := range m.labels {
		if p, typ := splitTag(l); p == 'B' {
			out = append(out, typ)
		}
	}
	return out
}

// Tag returns one BIO tag per word, such as B-PER, I-PER or O. upos may be
// nil; when given it must hold one UPOS tag per word, and a model trained
// without UPOS ignores it. A model trained with document features sees the
// sentence as a document of its own (TagDocument sees the whole document).
func (m *Model) Tag(words []string, upos []string) []string {
	var doc []uint8
	if m.lexFeatures&lexDoc != 0 {
		doc = documentBits([][]string{words})[0]
	}
	return m.tag(words, upos, doc)
}

// tag is Tag with the words' document bits (nil when unknown).
func (m *Model) tag(words []string, upos []string, doc []uint8) []string {
	out := make([]string, len(words))
	if len(words) == 0 {
		return out
	}
	s, _ := m.pool.Get().(*sentence)
	if s == nil {
		s = &sentence{}
	}
	if len(upos) != len(words) {
		upos = nil
	}
	s.reset(words, upos, m.phrases, m.lex, m.lexFeatures, doc)
	for i, l := range m.decode(s, len(words)) {
		out[i] = m.labels[l]
	}
	m.pool.Put(s)
	return out
}

func bestAllowed(scores []float32, allowed []bool) int {
	best := 0 // O is always allowed
	for k, v := range scores {
		if allowed[k] && v > scores[best] {
			best = k
		}
	}
	return best
}

// transitions returns which label may follow which: I-X only after B-X or
// I-X. Row 0 is the start of the sentence.
func transitions(labels []string) [][]bool {
	out := make([][]bool, len(labels)+1)
	for p := -1; p < len(labels); p++ {
		row := make([]bool, len(labels))
		for c, l := range labels {
			cp, ctyp := splitTag(l)
			row[c] = true
			if cp == 'I' {
				row[c] = false
				if p >= 0 {
					_, ptyp := splitTag(labels[p])
					row[c] = ptyp == ctyp
				}
			}
		}
		out[p+1] = row
	}
	return out
}

package ner

import (
	"errors"
	"slices"
)

// maxLexicon bounds the lexicon of a model file.
const maxLexicon = 1 << 22

// saveLexicon writes the lexicon features in use and the lexicon, words in
// byte order, each with its cluster path, depth and capitalization bucket.
func (m *Model) saveLexicon(e *encoder) {
	e.uvarint(uint64(m.lexFeatures))
	keys := make([]string, 0, len(m.lex))
	for k := range m.lex {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		x := m.lex[k]
		e.str(k)
		e.uvarint(uint64(x.path))
		e.uvarint(uint64(x.depth))
		e.uvarint(uint64(x.caps))
	}
}

// readLexicon reads what saveLexicon wrote.
func (m *Model) readLexicon(d *decoder) {
	m.lexFeatures = uint8(d.count(lexClusters | lexCaps | lexDoc))
	n := d.count(maxLexicon)
	if n == 0 {
		return
	}
	m.lex = make(map[string]lexEntry, min(n, 1<<16))
	for range n {
		w := d.str()
		path, depth, caps := d.uvarint(), d.uvarint(), d.uvarint()
		if d.err != nil {
			return
		}
		if depth > 32 || path >= 1<<depth || caps > 5 {
			d.err = errors.New("bad lexicon entry")
			return
		}
		m.lex[w] = lexEntry{path: uint32(path), depth: uint8(depth), caps: uint8(caps)}
	}
}

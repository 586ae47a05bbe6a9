package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg/extract/gazetteer"
)

// gazBegin marks the first word of a gazetteer phrase and gazLower a phrase
// written in lower case; the low bits are one bit per gazetteer.Kind.
const (
	gazBegin = 0x8000
	gazLower = 0x4000
)

// phraseSet is the model's own copy of the gazetteer: lowercase phrases with
// the kinds they name, as a bit per gazetteer.Kind.
type phraseSet struct {
	kinds    map[string]uint16
	prefixes map[string]bool
	maxWords int
}

// headBits are the kinds of words that end organization and place names.
const headBits = 1<<(gazetteer.OrganizationHead-1) | 1<<(gazetteer.PlaceHead-1)

// lowerKinds are the kinds that may match in lower case.
const lowerKinds = 1<<(gazetteer.Country-1) | 1<<(gazetteer.Capital-1) | 1<<(gazetteer.Organization-1) | 1<<(gazetteer.Place-1)

func newPhraseSet() *phraseSet {
	return &phraseSet{kinds: map[string]uint16{}, prefixes: map[string]bool{}}
}

func phrasesFrom(g *gazetteer.Gazetteer) *phraseSet {
	ps := newPhraseSet()
	g.Phrases(func(p string, entries []gazetteer.Entry) {
		var bits uint16
		for _, e := range entries {
			bits |= 1 << (e.Kind - 1)
		}
		ps.add(p, bits)
	})
	return ps
}

func (ps *phraseSet) add(phrase string, bits uint16) {
	ps.kinds[phrase] |= bits & (gazLower - 1)
	n := 1
	for i := range len(phrase) {
		if phrase[i] == ' ' {
			ps.prefixes[phrase[:i]] = true
			n++
		}
	}
	ps.maxWords = max(ps.maxWords, n)
}

// mark sets the gazetteer bits of every word inside a phrase, leftmost
// longest match first. A phrase that starts with a lower-case word gets
// gazLower, and only country, capital, place and organization phrases of more than
// two letters match in lower case, so that "us" and "chair" stay words.
func (ps *phraseSet) mark(words, lower []string, out []uint16) {
	var buf []byte
	for i := 0; i < len(words); {
		r, _ := utf8.DecodeRuneInString(words[i])
		lowerCase := !unicode.IsUpper(r) && !unicode.IsDigit(r)
		buf = buf[:0]
		end, bits, size := 0, uint16(0), 0
		for j := i; j < len(words) && j < i+ps.maxWords; j++ {
			if j > i {
				buf = append(buf, ' ')
			}
			buf = append(buf, lower[j]...)
			if k, ok := ps.kinds[string(buf)]; ok {
				end, bits, size = j+1, k, len(buf)
			}
			if !ps.prefixes[string(buf)] {
				break
			}
		}
		if lowerCase {
			bits &= lowerKinds
			if size <= 2 {
				bits = 0
			}
			bits |= gazLower
		}
		if end == 0 || bits&^gazLower == 0 {
			i++
			continue
		}
		out[i] = bits | gazBegin
		for j := i + 1; j < end; j++ {
			out[j] = bits
		}
		i = end
	}
}

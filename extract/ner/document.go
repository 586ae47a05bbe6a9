package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document-level word bits: how the word's lowercase form is written
// elsewhere in the same document.
const (
	docLowerElsewhere = 1 << iota // in lower case somewhere else in the document
	docCapElsewhere               // capitalized away from a sentence start somewhere else
)

// docCounts counts, per lowercase form, the lower-case and mid-sentence
// capitalized occurrences in one document.
type docCounts map[string][2]int32

// wordCase reports whether a word is written in lower case and whether it is
// capitalized away from the start of its sentence (position i).
func wordCase(w string, i int) (lower, capMid bool) {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r), i > 0 && unicode.IsUpper(r)
}

func countDocument(sents [][]string) docCounts {
	c := docCounts{}
	for _, s := range sents {
		for i, w := range s {
			lower, capMid := wordCase(w, i)
			if !lower && !capMid {
				continue
			}
			lw := strings.ToLower(w)
			n := c[lw]
			if lower {
				n[0]++
			}
			if capMid {
				n[1]++
			}
			c[lw] = n
		}
	}
	return c
}

// bits returns the document bits of each word of words, not counting the
// word's own occurrence.
func (c docCounts) bits(words, lower []string) []uint8 {
	out := make([]uint8, len(words))
	for i, w := range words {
		n := c[lower[i]]
		if l, m := wordCase(w, i); l {
			n[0]--
		} else if m {
			n[1]--
		}
		if n[0] > 0 {
			out[i] |= docLowerElsewhere
		}
		if n[1] > 0 {
			out[i] |= docCapElsewhere
		}
	}
	return out
}

// documentBits returns the document bits of every word of every sentence.
func documentBits(sents [][]string) [][]uint8 {
	c := countDocument(sents)
	out := make([][]uint8, len(sents))
	for k, s := range sents {
		lower := make([]string, len(s))
		for i, w := range s {
			lower[i] = strings.ToLower(w)
		}
		out[k] = c.bits(s, lower)
	}
	return out
}

// TagDocument tags the sentences of one document, such as a news article,
// and returns one BIO tag per word of each. Besides what Tag uses, a model
// trained with document features looks at how each word is written in the
// document's other sentences (in lower case, or capitalized mid-sentence).
// upos may be nil, or hold one UPOS slice per sentence.
func (m *Model) TagDocument(sents [][]string, upos [][]string) [][]string {
	var bits [][]uint8
	if m.lexFeatures&lexDoc != 0 {
		bits = documentBits(sents)
	}
	out := make([][]string, len(sents))
	for k, words := range sents {
		var u []string
		if k < len(upos) {
			u = upos[k]
		}
		var b []uint8
		if bits != nil {
			b = bits[k]
		}
		out[k] = m.tag(words, u, b)
	}
	return out
}

// documents groups consecutive sentences with the same non-empty Doc; a
// sentence without a Doc is a document of its own. It returns the index
// ranges of the groups.
func documents(sents []Sentence) [][2]int {
	var out [][2]int
	for i := 0; i < len(sents); {
		j := i + 1
		for j < len(sents) && sents[i].Doc != "" && sents[j].Doc == sents[i].Doc {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// sentenceDocBits returns the document bits of every word of sents, with
// documents as documents groups them.
func sentenceDocBits(sents []Sentence) [][]uint8 {
	out := make([][]uint8, len(sents))
	for _, r := range documents(sents) {
		words := make([][]string, 0, r[1]-r[0])
		for _, s := range sents[r[0]:r[1]] {
			words = append(words, s.Words)
		}
		copy(out[r[0]:r[1]], documentBits(words))
	}
	return out
}

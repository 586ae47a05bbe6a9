package coref

import (
	"strings"

	"github.com/kgnews/kg"
)

// Mention is one expression that refers to an entity: a name, a noun phrase
// or a pronoun. Positions are word indices in kg.Sentence.Tokens.
type Mention struct {
	Sentence int           `json:"sentence"` // index of the sentence in the document
	Start    int           `json:"start"`    // first word
	End      int           `json:"end"`      // just past the last word
	Head     int           `json:"head"`     // head word; the last word of a flat name ("Tillerson" in "Rex Tillerson")
	Text     string        `json:"text"`     // the words joined by single spaces
	Type     kg.EntityType `json:"type"`     // from NER, pronouns and the chain; Concept when unknown
	Named    bool          `json:"named"`    // headed by a proper noun or inside a named entity
	Pronoun  bool          `json:"pronoun"`  // a personal, possessive, reflexive or demonstrative pronoun
}

// Chain is the mentions of one entity in a document, in textual order.
type Chain struct {
	Mentions       []Mention `json:"mentions"`       // in textual order
	Representative int       `json:"representative"` // index of the best name: the longest named mention, else the first nominal
}

// tree holds the children of every word of a sentence.
type tree struct {
	toks     []kg.Token
	children [][]int
}

func newTree(s kg.Sentence) tree {
	t := tree{toks: s.Tokens, children: make([][]int, len(s.Tokens))}
	for i, tk := range s.Tokens {
		if h := tk.Head - 1; h >= 0 && h < len(s.Tokens) && h != i {
			t.children[h] = append(t.children[h], i)
		}
	}
	return t
}

// head returns the head index of word i, or -1 for the root or a bad head.
func (t tree) head(i int) int {
	h := t.toks[i].Head - 1
	if h < 0 || h >= len(t.toks) || h == i {
		return -1
	}
	return h
}

// extent returns the first and last word of i's subtree, leaving out i's
// children for which skip is true. Cycles in bad parses are cut by depth.
func (t tree) extent(i int, skip func(c int) bool) (lo, hi int) {
	lo, hi = i, i
	var walk func(n, depth int)
	walk = func(n, depth int) {
		if depth > len(t.toks) {
			return
		}
		for _, c := range t.children[n] {
			if n == i && skip != nil && skip(c) {
				continue
			}
			lo, hi = min(lo, c), max(hi, c)
			walk(c, depth+1)
		}
	}
	walk(i, 0)
	return lo, hi
}

// phraseExtent is extent that leaves out punctuation children of i beyond
// the word after the rest of the phrase, so that a sentence's final period
// attached to a predicate nominal does not stretch it over the clause the
// other skipped children make ("the solution ; government is the problem .").
func (t tree) phraseExtent(i int, skip func(c int) bool) (lo, hi int) {
	_, hi0 := t.extent(i, func(c int) bool { return skip(c) || t.isPunct(c) && c > i })
	return t.extent(i, func(c int) bool { return skip(c) || t.isPunct(c) && c > hi0+1 })
}

// baseRel returns the universal part of a relation: nmod for nmod:poss.
func baseRel(rel string) string {
	if b, _, ok := strings.Cut(rel, ":"); ok {
		return b
	}
	return rel
}

// isPunct reports whether token i is punctuation.
func (t tree) isPunct(i int) bool { return t.toks[i].UPOS == "PUNCT" }

// trim narrows [lo, hi] so that it neither starts nor ends with punctuation
// unless the punctuation is balanced inside, and never goes past keep.
func (t tree) trim(lo, hi, keep int) (int, int) {
	for lo < keep && t.isPunct(lo) {
		lo++
	}
	for hi > keep && t.isPunct(hi) && !closesBracket(t.toks, lo, hi) {
		hi--
	}
	return lo, hi
}

// closesBracket reports whether toks[hi] closes a bracket or quote opened
// inside [lo, hi).
func closesBracket(toks []kg.Token, lo, hi int) bool {
	want := map[string]string{")": "(", "]": "[", "}": "{", "”": "“", "\"": "\"", "’": "‘"}[toks[hi].Text]
	if want == "" {
		return false
	}
	for k := lo; k < hi; k++ {
		if toks[k].Text == want {
			return true
		}
	}
	return false
}

// nameHead returns the last word of the flat name that i heads, so that
// "Rex Tillerson" is headed by "Tillerson" as English names are.
func (t tree) nameHead(i int) int {
	h := t.lastFlatName(i, i)
	if roleTitles[strings.ToLower(t.toks[h].Text)] {
		// A name a parser hung on the title's complement ("Secretary of
		// State Rex Tillerson" with the name flat under "State").
		for _, c := range t.children[h] {
			if t.inTitle(c) {
				h = t.lastFlatName(c, h)
			}
		}
	}
	return h
}

// lastFlatName returns the last proper noun after h that is a flat child of
// word i, or h.
func (t tree) lastFlatName(i, h int) int {
	for _, c := range t.children[i] {
		if baseRel(t.toks[c].Rel) == "flat" && c > h && t.toks[c].UPOS == "PROPN" {
			h = c
		}
	}
	return h
}

// text joins the words lo..hi (inclusive) with single spaces.
func (t tree) text(lo, hi int) string {
	var b strings.Builder
	for k := lo; k <= hi; k++ {
		if k > lo {
			b.WriteByte(' ')
		}
		b.WriteString(t.toks[k].Text)
	}
	return b.String()
}

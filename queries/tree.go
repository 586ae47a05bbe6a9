package queries

import (
	"strings"

	"github.com/kgnews/kg"
)

// tree is a parsed evidence sentence, read again to answer a question whose
// fact the graph does not hold.
type tree struct {
	s    kg.Sentence
	kids [][]int // children of each token, in order
}

func newTree(s kg.Sentence) *tree {
	t := &tree{s: s, kids: make([][]int, len(s.Tokens))}
	for i, tok := range s.Tokens {
		if h := tok.Head - 1; h >= 0 && h < len(s.Tokens) && h != i {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

func (t *tree) tok(i int) kg.Token { return t.s.Tokens[i] }
func (t *tree) rel(i int) string   { return t.s.Tokens[i].Rel }
func (t *tree) head(i int) int     { return t.s.Tokens[i].Head - 1 }
func (t *tree) low(i int) string   { return strings.ToLower(t.s.Tokens[i].Text) }
func (t *tree) lemma(i int) string { return strings.ToLower(t.s.Tokens[i].Lemma) }

// child returns the first child of i whose relation starts with rel, or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, c := range t.kids[i] {
		for _, r := range rels {
			if t.rel(c) == r || strings.HasPrefix(t.rel(c), r+":") {
				return c
			}
		}
	}
	return -1
}

// caseOf returns the preposition of a nominal, lowercased, or "".
func (t *tree) caseOf(i int) string {
	var parts []string
	for _, c := range t.kids[i] {
		if t.rel(c) == "case" {
			parts = append(parts, t.low(c))
		}
	}
	return strings.Join(parts, "_")
}

// passive reports whether verb i is in the passive voice.
func (t *tree) passive(i int) bool {
	if t.child(i, "nsubj:pass", "aux:pass") >= 0 || t.rel(i) == "acl" && t.tok(i).XPOS == "VBN" {
		return true
	}
	// "cyclones are sustained by heat", the participle tagged as an adjective
	if t.tok(i).UPOS == "ADJ" && t.child(i, "cop") >= 0 {
		for _, c := range t.kids[i] {
			if strings.HasPrefix(t.rel(c), "obl") && t.caseOf(c) == "by" {
				return true
			}
		}
	}
	return false
}

// subject returns the doer of verb i: its subject, the agent of a passive,
// or what it inherits from the verb it is conjoined with or controlled by,
// or the noun a relative clause modifies. It returns -1 when none is found.
func (t *tree) subject(i int) int {
	if t.tok(i).UPOS == "NOUN" { // an event noun: "Warhol's death", "the death of Warhol"
		if c := t.child(i, "nmod:poss"); c >= 0 {
			return c
		}
		for _, c := range t.kids[i] {
			if t.rel(c) == "nmod" && t.caseOf(c) == "of" {
				return c
			}
		}
		return -1
	}
	if t.passive(i) {
		for _, c := range t.kids[i] {
			if t.rel(c) == "obl:agent" || t.rel(c) == "obl" && t.caseOf(c) == "by" {
				return c
			}
		}
		return -1
	}
	if c := t.nearestSubject(i); c >= 0 {
		return c
	}
	for steps, v := 0, i; steps < 4 && v >= 0; steps++ {
		h := t.head(v)
		if h < 0 {
			return -1
		}
		switch t.rel(v) {
		case "conj", "xcomp", "advcl":
			if t.rel(v) == "xcomp" {
				if o := t.child(h, "obj"); o >= 0 {
					return o
				}
			}
		case "acl:relcl":
			return h
		case "acl": // "he issued a decree abolishing Congress": the decree's verb
			if h = t.head(h); h < 0 {
				return -1
			}
		default:
			return -1
		}
		if c := t.child(h, "nsubj"); c >= 0 && !t.passive(h) {
			return c
		}
		v = h
	}
	return -1
}

// nearestSubject returns the active subject of verb i nearest to it: with
// two (a title parsed apart from its name, "Secretary … Rex Tillerson
// held"), the name next to the verb.
func (t *tree) nearestSubject(i int) int {
	best := -1
	for _, c := range t.kids[i] {
		r := t.rel(c)
		if (r == "nsubj" || r == "csubj" || strings.HasPrefix(r, "nsubj:") && r != "nsubj:pass") && (best < 0 || c < i && c > best) {
			best = c
		}
	}
	return best
}

// object returns what verb i acts on: its object, or the subject of a
// passive, or the noun a participle modifies ("infection caused by X"). It
// returns -1 when none is found.
func (t *tree) object(i int) int {
	if t.passive(i) {
		if c := t.child(i, "nsubj:pass", "nsubj"); c >= 0 {
			return c
		}
		if t.rel(i) == "acl" || t.rel(i) == "acl:relcl" {
			return t.head(i)
		}
		return -1
	}
	if c := t.child(i, "obj"); c >= 0 {
		return c
	}
	if t.rel(i) == "acl:relcl" && t.child(i, "nsubj") >= 0 {
		return t.head(i)
	}
	return -1
}

// obliques returns the obliques of verb i with their prepositions.
func (t *tree) obliques(i int) []int {
	var out []int
	for _, c := range t.kids[i] {
		if strings.HasPrefix(t.rel(c), "obl") || t.rel(c) == "nmod:tmod" || t.rel(c) == "advmod" && t.tok(c).UPOS == "NOUN" {
			out = append(out, c)
		}
	}
	return out
}

// phrase returns the words of i's subtree as written, without a leading
// determiner or preposition, relative clauses, appositions and edge
// punctuation.
func (t *tree) phrase(i int) string {
	lo, hi := t.extent(i)
	for lo < hi && t.drop(t.s.Tokens[lo]) {
		lo++
	}
	for hi > lo && t.tok(hi).UPOS == "PUNCT" {
		hi--
	}
	if lo > hi {
		return ""
	}
	return strings.TrimSpace(t.s.Text[t.tok(lo).Start:t.tok(hi).End])
}

func (t *tree) drop(tok kg.Token) bool {
	switch tok.UPOS {
	case "DET", "ADP", "PUNCT", "CCONJ":
		return true
	}
	return tok.Rel == "case" || tok.Rel == "mark" || tok.Rel == "cop" || strings.HasPrefix(tok.Rel, "nsubj") && tok.UPOS == "PRON"
}

// extent returns the first and last token of i's subtree, leaving out
// clauses and appositions that hang on it.
func (t *tree) extent(i int) (int, int) {
	lo, hi := i, i
	var walk func(n int)
	walk = func(n int) {
		for _, c := range t.kids[n] {
			switch t.rel(c) {
			case "acl:relcl", "parataxis", "advcl", "ccomp", "dep":
				continue
			case "acl": // a participle belongs to its noun; a finite verb is a clause the parser hung there
				if x := t.tok(c).XPOS; x == "VBD" || x == "VBZ" || x == "VBP" {
					continue
				}
			case "conj", "cc":
				// "The Globe and Mail": a name joined to the next name by and
				if n == i && !(t.tok(i).UPOS == "PROPN" && c > i && c-hi <= 2 && (t.tok(c).UPOS == "PROPN" || t.low(c) == "and")) {
					continue
				}
			case "appos", "punct":
				if n == i {
					continue
				}
			}
			if c < i && c < lo-8 || c > i && c > hi+12 { // a bounded phrase, not a clause
				continue
			}
			lo, hi = min(lo, c), max(hi, c)
			walk(c)
		}
	}
	walk(i)
	return lo, hi
}

// words returns the lowercased words of i's whole subtree.
func (t *tree) words(i int) string {
	lo, hi := t.subtree(i)
	return strings.ToLower(t.s.Text[t.tok(lo).Start:t.tok(hi).End])
}

// subtree returns the first and last token of i's whole subtree.
func (t *tree) subtree(i int) (int, int) {
	lo, hi := i, i
	var walk func(n int)
	walk = func(n int) {
		for _, c := range t.kids[n] {
			lo, hi = min(lo, c), max(hi, c)
			walk(c)
		}
	}
	walk(i)
	return lo, hi
}

package relations

import (
	"strings"

	"github.com/kgnews/kg"
)

// tree indexes one sentence's dependency tree: 0-based heads (-1 for the
// root or for a head out of range), children in sentence order, and
// lowercased relations and lemmas.
type tree struct {
	s     *kg.Sentence
	heads []int    // 0-based head of each word, -1 at a root
	rels  []string // full relation, lowercased (acl:relcl)
	lem   []string // lowercased lemma, or the lowercased word when there is none
	low   []string // lowercased word
	kids  [][]int  // children of each word, in order
	mark  []bool   // scratch for span collection
	stack []int    // scratch for span collection
}

func newTree(s *kg.Sentence) *tree {
	n := len(s.Tokens)
	t := &tree{s: s, heads: make([]int, n), rels: make([]string, n), lem: make([]string, n),
		low: make([]string, n), kids: make([][]int, n), mark: make([]bool, n)}
	for i, tok := range s.Tokens {
		h := tok.Head - 1
		if h < -1 || h >= n || h == i {
			h = -1
		}
		t.heads[i] = h
		t.rels[i] = strings.ToLower(tok.Rel)
		t.low[i] = strings.ToLower(tok.Text)
		t.lem[i] = strings.ToLower(tok.Lemma)
		if t.lem[i] == "" || t.lem[i] == "_" {
			t.lem[i] = t.low[i]
		}
	}
	t.breakCycles()
	t.lowerPrepositionHeads()
	t.liftNamePhrases()
	t.attachWithToEvents()
	t.subjectsOfNounLikeVerbs()
	t.splitNamesFromTimes()
	t.relativeThroughReports()
	t.invertedSpeakers()
	for i, h := range t.heads {
		if h >= 0 {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

// liftPrepositions are the case markers of phrases that say where or when
// something happened, which modify an event rather than a name.
var liftPrepositions = map[string]bool{"in": true, "at": true, "on": true, "during": true,
	"after": true, "before": true, "since": true, "until": true}

// liftNamePhrases attaches to the verb, as obl, a place or time phrase that a
// parser hung on a person's name after that verb: in "met Jonas Berg in
// Tallinn" the meeting, not Jonas Berg, is in Tallinn. Places and
// organizations keep theirs ("the Academy Building in downtown Milwaukee"),
// and "of" phrases and the like stay where they are.
func (t *tree) liftNamePhrases() {
	for i, h := range t.heads {
		if h < 0 || t.rels[i] != "nmod" || !strings.HasSuffix(t.s.Tokens[h].NER, "-PER") || h > i || t.heads[h] > h {
			continue
		}
		v := t.heads[h]
		if v < 0 || t.s.Tokens[v].UPOS != "VERB" {
			continue
		}
		switch t.rels[h] {
		case "obj", "iobj", "obl":
		default:
			continue
		}
		if c := t.caseMarker(i); c >= 0 && liftPrepositions[t.low[c]] {
			t.heads[i], t.rels[i] = v, "obl"
		}
	}
}

// caseMarker returns the first word before i whose head is i and relation
// case, or -1; kids are not built yet when it runs.
func (t *tree) caseMarker(i int) int {
	for k := i - 1; k >= 0; k-- {
		if t.heads[k] == i && t.rels[k] == "case" {
			return k
		}
	}
	return -1
}

// lowerPrepositionHeads repairs a parse that made a preposition the head of
// its noun ("a meeting with Vladimir Putin" with "with" as nmod of
// "meeting" and "Vladimir" as obl of "with"): the noun takes the
// preposition's place and relation, and the preposition becomes its case
// marker, as UD has it.
func (t *tree) lowerPrepositionHeads() {
	for a, h := range t.heads {
		if t.s.Tokens[a].UPOS != "ADP" || h < 0 {
			continue
		}
		switch t.rels[a] {
		case "nmod", "obl", "obj", "advmod":
		default:
			continue
		}
		for c := a + 1; c < len(t.heads); c++ {
			if t.heads[c] != a || !nominal(t.s.Tokens[c].UPOS) {
				continue
			}
			rel := t.rels[a]
			if rel == "advmod" || rel == "obj" {
				rel = "obl"
			}
			t.heads[c], t.rels[c] = h, rel
			t.heads[a], t.rels[a] = c, "case"
			break
		}
	}
}

// breakCycles cuts every cycle in the head links by making one of its words
// a root, so that walks up and down the tree always end.
func (t *tree) breakCycles() {
	n := len(t.heads)
	state := make([]uint8, n) // 0 unseen, 1 on the current path, 2 done
	for i := range n {
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			j = t.heads[j]
		}
		if j >= 0 && state[j] == 1 {
			t.heads[j] = -1 // j closes a cycle
		}
		for k := i; k >= 0 && state[k] == 1; k = t.heads[k] {
			state[k] = 2
		}
	}
}

// base returns the universal part of word i's relation (obl for obl:tmod).
func (t *tree) base(i int) string {
	r := t.rels[i]
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

func (t *tree) upos(i int) string { return t.s.Tokens[i].UPOS }
func (t *tree) xpos(i int) string { return t.s.Tokens[i].XPOS }

// feat reports whether word i carries the morphological feature kv, such as
// "VerbForm=Ger".
func (t *tree) feat(i int, kv string) bool {
	for f := range strings.SplitSeq(t.s.Tokens[i].Feats, "|") {
		if f == kv {
			return true
		}
	}
	return false
}

// child returns the first child of i whose full relation is one of rels, or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, c := range t.kids[i] {
		for _, r := range rels {
			if t.rels[c] == r {
				return c
			}
		}
	}
	return -1
}

// subjects returns the subjects of predicate i, in order. A tree should
// give a predicate one subject (more through conj), but a parser sometimes
// gives it several. Then a subject that only a name's own words separate
// from the nearest one before the predicate is a misattached modifier and is
// dropped ("Labor Minister Joost Verhagen met", with both "Labor" and "Joost"
// as nsubj); the rest all count when a coordinating conjunction joins them
// ("the Trump administration and the Kremlin agreed"), else the first does.
func (t *tree) subjects(i int) []int {
	var subj []int
	near := -1
	for _, c := range t.kids[i] {
		switch t.rels[c] {
		case "nsubj", "nsubj:pass", "csubj", "csubj:pass":
			subj = append(subj, c)
			if c < i && c > near {
				near = c
			}
		}
	}
	if len(subj) < 2 || near < 0 {
		return subj
	}
	var out []int
	for _, c := range subj {
		if c < near && !t.conjunctionBetween(c, near, i) && t.spanOf(near, c+1, near) {
			continue
		}
		out = append(out, c)
	}
	if len(out) > 1 && !t.conjunctionBetween(out[0], out[len(out)-1], i) {
		return out[:1]
	}
	return out
}

// conjunctionBetween reports whether a coordinating conjunction strictly
// between subjects a and b of predicate p joins them: it hangs on one of
// them or on p. One inside a subject's own phrase ("his Iranian and Syrian
// counterparts") does not.
func (t *tree) conjunctionBetween(a, b, p int) bool {
	for k := a + 1; k < b; k++ {
		if h := t.heads[k]; t.upos(k) == "CCONJ" && (h == a || h == b || h == p) {
			return true
		}
	}
	return false
}

// spanOf reports whether head dominates every word from lo up to hi
// (exclusive).
func (t *tree) spanOf(head, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		j := k
		for n := 0; j >= 0 && j != head && n < len(t.heads); n++ {
			j = t.heads[j]
		}
		if j != head {
			return false
		}
	}
	return true
}

// childBase returns the first child of i whose universal relation is base, or -1.
func (t *tree) childBase(i int, base string) int {
	for _, c := range t.kids[i] {
		if t.base(c) == base {
			return c
		}
	}
	return -1
}

// caseOf returns the case marker words of a nominal, joined with "_" as
// lemmas ("according_to", "in") and the word indices, or "" and nil.
func (t *tree) caseOf(i int) (string, []int) {
	var idx []int
	poss := t.rels[i] == "nmod:poss"
	for _, c := range t.kids[i] {
		if t.rels[c] == "case" && (c < i || poss) {
			idx = append(idx, c)
			for _, f := range t.kids[c] {
				if t.rels[f] == "fixed" {
					idx = append(idx, f)
				}
			}
		}
	}
	if len(idx) == 0 {
		return "", nil
	}
	sortInts(idx)
	parts := make([]string, len(idx))
	for k, c := range idx {
		parts[k] = t.low[c]
	}
	return strings.Join(parts, "_"), idx
}

// conjuncts returns i followed by the words conjoined to it (conj children,
// and their conj children in turn) that are arguments like i rather than
// clauses of their own.
func (t *tree) conjuncts(i int) []int {
	out := []int{i}
	for k := 0; k < len(out); k++ {
		for _, c := range t.kids[out[k]] {
			if t.rels[c] == "conj" && !t.clausal(c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// clausal reports whether word c heads a clause: a verb, or a word with its
// own subject or copula.
func (t *tree) clausal(c int) bool {
	switch t.s.Tokens[c].UPOS {
	case "VERB", "AUX":
		return true
	}
	return t.child(c, "nsubj", "nsubj:pass", "cop", "csubj") >= 0
}

// below returns the child of a on the path up from p, the clause to leave
// out of a's span when a is p's antecedent; -1 when p is not under a.
func (t *tree) below(p, a int) int {
	for q, n := p, 0; q >= 0 && n < len(t.heads); q, n = t.heads[q], n+1 {
		if t.heads[q] == a {
			return q
		}
	}
	return -1
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

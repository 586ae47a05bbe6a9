package relations

// clauseRels are the relations of a clause's own dependents: they belong to
// the predicate, not to a nominal predicate's span.
var clauseRels = map[string]bool{
	"nsubj": true, "csubj": true, "cop": true, "aux": true, "mark": true, "cc": true,
	"conj": true, "punct": true, "parataxis": true, "advcl": true, "ccomp": true,
	"obl": true, "discourse": true, "expl": true, "vocative": true, "xcomp": true,
	"obj": true, "iobj": true, "dislocated": true, "orphan": true, "reparandum": true,
}

// ownFactRels are the relations whose subtrees give facts of their own and
// are left out of every argument span.
var ownFactRels = map[string]bool{"acl:relcl": true, "appos": true, "parataxis": true, "advcl:relcl": true}

// span collects the words under head, leaving out the direct children of head
// for which skip reports true and, anywhere below, the relative clauses,
// appositions and parataxis that give facts of their own. Punctuation and
// conjunctions at either edge are trimmed. The result is sorted.
func (t *tree) span(head int, skip func(c int) bool) []int {
	return t.spanExcept(head, -1, skip)
}

// spanExcept is span without the subtree of word except (the clause that
// modifies an antecedent, when the antecedent is its argument).
func (t *tree) spanExcept(head, except int, skip func(c int) bool) []int {
	t.stack = append(t.stack[:0], head)
	t.mark[head] = true
	lo, hi := head, head
	for len(t.stack) > 0 {
		i := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		for _, c := range t.kids[i] {
			if t.mark[c] || c == except || ownFactRels[t.rels[c]] && !t.freeRelative(i, c) || (i == head && skip != nil && skip(c)) {
				continue
			}
			t.mark[c] = true
			lo, hi = min(lo, c), max(hi, c)
			t.stack = append(t.stack, c)
		}
	}
	out := make([]int, 0, hi-lo+1)
	for i := lo; i <= hi; i++ {
		if t.mark[i] {
			out = append(out, i)
			t.mark[i] = false
		}
	}
	return t.trim(out, head)
}

// freeRelative reports whether c is the relative clause of a wh-word that
// stands for a whole noun phrase ("what happened"): the clause then belongs
// to the span.
func (t *tree) freeRelative(i, c int) bool {
	if t.rels[c] != "acl:relcl" {
		return false
	}
	switch t.lem[i] {
	case "what", "whatever", "whoever", "whichever", "wherever", "whenever":
		return true
	}
	return false
}

// trim drops punctuation, conjunctions and subordinators at the edges of a
// span, never the head itself.
func (t *tree) trim(span []int, head int) []int {
	edge := func(i int) bool {
		if i == head {
			return false
		}
		switch t.base(i) {
		case "punct", "cc", "mark":
			return true
		}
		return t.upos(i) == "PUNCT"
	}
	for len(span) > 1 && edge(span[0]) {
		span = span[1:]
	}
	for len(span) > 1 && edge(span[len(span)-1]) {
		span = span[:len(span)-1]
	}
	return span
}

// nominalSpan is the span of a conjunct used as an argument: without its own
// conjuncts and coordinators, and without a case marker when noCase is set
// (the preposition then belongs to the predicate).
func (t *tree) nominalSpan(head int, noCase bool) []int {
	return t.nominalSpanExcept(head, -1, noCase)
}

// nominalSpanExcept is nominalSpan without the subtree of word except.
func (t *tree) nominalSpanExcept(head, except int, noCase bool) []int {
	return t.spanExcept(head, except, func(c int) bool {
		switch t.rels[c] {
		case "conj", "cc", "punct", "cc:preconj":
			return true
		case "case":
			return noCase && (c < head || t.rels[head] == "nmod:poss") // "Russia 's"
		}
		return false
	})
}

// argSpan is the span of an argument with head a, leaving out the clause
// except that the argument belongs to: a nominal span, or a predicate span
// when the head is itself a predicate ("a form of medicine which treats").
func (t *tree) argSpan(a, except int, noCase bool) []int {
	if t.child(a, "cop", "nsubj", "nsubj:pass") >= 0 {
		return t.spanExcept(a, except, func(c int) bool {
			return clauseRels[t.base(c)] || (noCase && t.rels[c] == "case") || t.isNeg(c)
		})
	}
	return t.nominalSpanExcept(a, except, noCase)
}

// predicateSpan is the span of a nominal or adjectival predicate as an
// argument: the word and its modifiers, without the clause's own dependents.
func (t *tree) predicateSpan(head int) []int {
	first := head // the clause's first own word: what comes before it modifies the clause
	for _, c := range t.kids[head] {
		if b := t.base(c); (b == "cop" || b == "nsubj" || b == "aux") && c < first {
			first = c
		}
	}
	return t.span(head, func(c int) bool {
		return clauseRels[t.base(c)] || t.rels[c] == "case" || t.isNeg(c) || c < first
	})
}

// clauseSpan is the span of a whole clause used as an argument, without the
// subordinator that introduces it.
func (t *tree) clauseSpan(head int) []int {
	return t.span(head, func(c int) bool { return t.base(c) == "mark" || t.base(c) == "punct" })
}

// isNeg reports whether word i is a negation marker (not, never, n't).
func (t *tree) isNeg(i int) bool {
	return (t.base(i) == "advmod" || t.base(i) == "aux" || t.base(i) == "det") && lex.is("negation", t.lem[i])
}

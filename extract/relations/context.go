package relations

import "github.com/kgnews/kg"

// context is what a predicate's surroundings say about the truth of its
// facts: negation, modality, the framing verb and who claims it.
type context struct {
	negated  bool
	modality string
	governor string
	attrib   *Argument
}

// context computes the context of predicate p: its own auxiliaries and
// negation and those of the chain verbs above it, then, walking up the tree,
// reported speech, "according to", charges, indirect questions and
// conditional clauses.
func (x *extractor) context(p int) context {
	t := x.t
	w := walk{x: x}
	x.ownContext(p, &w.c)
	prev := -1
	for q, n := p, 0; q >= 0 && n < 64; n++ {
		w.dependents(q, prev)
		h := t.heads[q]
		if h < 0 {
			w.hypo = w.hypo || !w.crossed && x.conditional(q) // a sentence that opens with "If"
			break
		}
		w.up(q, h)
		prev, q = q, h
	}
	if w.hypo && (w.c.modality == kg.ModalityAsserted || w.c.modality == kg.ModalityFuture) {
		w.c.modality = kg.ModalityHypothetical
	}
	return w.c
}

// ownContext reads negation and modality from p's own words, from the chain
// verbs above it ("agreed to", "refused to", "is likely to") and, for a
// conjoined verb without a subject, from the verb it is conjoined to.
func (x *extractor) ownContext(p int, c *context) {
	t := x.t
	q := p
	for n := 0; n < 8; n++ {
		x.auxiliaries(q, c)
		h := t.heads[q]
		if h < 0 {
			return
		}
		switch {
		case x.chainedConj(q):
		case t.rels[q] == "xcomp" && x.chainHead(h) && t.child(h, "obj") < 0:
			x.chainModality(h, c)
		case t.base(q) == "advcl" && x.toInfinitive(q) && x.obliqueController(h, q) >= 0:
			x.chainModality(h, c) // "pleaded with him to send"
			return
		case t.rels[q] == "conj" && t.child(q, "nsubj", "nsubj:pass") < 0 && c.modality == "":
			x.auxiliaries(h, c)
			return
		default:
			return
		}
		q = h
	}
}

// auxiliaries reads modal auxiliaries and negation among q's children.
func (x *extractor) auxiliaries(q int, c *context) {
	t := x.t
	for _, k := range t.kids[q] {
		if t.isNeg(k) && t.base(k) != "det" {
			c.negated = true
		}
		if t.base(k) != "aux" || c.modality != "" {
			continue
		}
		switch w := t.lem[k]; {
		case lex.is("aux-future", w) || lex.is("aux-future", t.low[k]):
			c.modality = kg.ModalityFuture
		case lex.is("aux-possible", w) || lex.is("aux-possible", t.low[k]):
			c.modality = kg.ModalityPossible
		case lex.is("aux-hypothetical", w) || lex.is("aux-hypothetical", t.low[k]):
			c.modality = kg.ModalityHypothetical
		}
	}
}

// chainModality reads what the chain verb h says about its xcomp.
func (x *extractor) chainModality(h int, c *context) {
	t := x.t
	w := t.lem[h]
	if c.governor == "" {
		c.governor = w
	}
	switch {
	case lex.is("negative", w):
		c.negated = !c.negated
	case lex.is("intended", w):
		c.modality = kg.ModalityIntended
	case lex.is("possible", w) && c.modality == "":
		c.modality = kg.ModalityPossible
	case lex.is("future", w) && (w != "go" || t.low[h] == "going") && c.modality == "":
		c.modality = kg.ModalityFuture
	}
}

// contentNoun returns the noun whose content the clause q states:
// "information that Russia was involved", "reports that", and "there is no
// evidence that" when a parser hangs the clause on the existential verb. It
// returns -1 when q is no content clause.
func (x *extractor) contentNoun(q int) int {
	t := x.t
	h := t.heads[q]
	if h < 0 || lex.is("time", t.lem[h]) {
		return -1 // "at the same time that they met" is a relative clause
	}
	if t.upos(h) != "NOUN" {
		n := t.child(h, "nsubj")
		if t.lem[h] != "be" || t.child(h, "expl") < 0 || n < 0 || n > q || t.upos(n) != "NOUN" {
			return -1
		}
		h = n
	}
	for _, m := range t.kids[q] {
		if t.base(m) == "mark" && (t.lem[m] == "that" || t.lem[m] == "whether") && m < q {
			return h
		}
	}
	return -1
}

// negatedNoun reports whether noun n is denied by its determiner: "no
// evidence", "no information".
func (x *extractor) negatedNoun(n int) bool {
	for _, d := range x.t.kids[n] {
		if x.t.base(d) == "det" && x.t.isNeg(d) {
			return true
		}
	}
	return false
}

// conditional reports whether clause k is introduced by "if" or "unless".
func (x *extractor) conditional(k int) bool {
	t := x.t
	for _, m := range t.kids[k] {
		if t.base(m) == "mark" && lex.is("conditional", t.lem[m]) && !x.comparative(m) {
			return true
		}
	}
	return false
}

// comparative reports whether the subordinator m is the "if" of "as if" or
// "even if", which compare or concede and leave the main clause asserted.
func (x *extractor) comparative(m int) bool {
	t := x.t
	if m > 0 && (t.low[m-1] == "as" || t.low[m-1] == "even") {
		return true
	}
	// "few if any manufacturers use it": a hedge on a quantity, no condition
	return m > 0 && m+1 < len(t.low) && (t.low[m-1] == "few" || t.low[m-1] == "little") && t.low[m+1] == "any"
}

// reporter reports whether k is a bare speech verb after its clause, such
// as "he said" in "Russia was involved, he said": a subject, no object.
func (x *extractor) reporter(k int) bool {
	t := x.t
	h := t.heads[k]
	return h >= 0 && k > h && lex.is("speech", t.lem[k]) && t.child(k, "nsubj") >= 0 &&
		t.child(k, "obj") < 0 && t.child(k, "ccomp") < 0 && t.child(k, "mark") < 0
}

// speaker returns who says what speech verb h reports: its subject, the
// by-agent of a passive ("it is asserted by the Crown that"), or, when the
// sentence names nobody ("the parents are accused of"), the verb itself,
// which names no entity and so stands for an unknown source.
func (x *extractor) speaker(h int) *Argument {
	t := x.t
	subs := x.subjects(h, 0)
	if x.passive(h) {
		subs = nil // "the parents are accused of": the subject is not who says so
		for _, c := range t.kids[h] {
			if prep, _ := t.caseOf(c); t.base(c) == "obl" && (t.rels[c] == "obl:agent" || prep == "by") {
				subs = []int{c}
			}
		}
	}
	if len(subs) == 0 || t.upos(subs[0]) == "PRON" && t.base(subs[0]) == "expl" {
		a := x.arg(h, []int{h})
		return &a
	}
	s := x.resolve(subs[0], h)
	a := x.arg(s, t.nominalSpan(s, false))
	return &a
}

// indirectQuestion reports whether clause q is an indirect question that
// its verb asks or leaves open rather than asserts: it opens with "how",
// "whether" or "why" ("comment on how the government was prepared").
func (x *extractor) indirectQuestion(q int) bool {
	t := x.t
	switch t.base(q) {
	case "ccomp", "advcl", "acl", "csubj", "obl", "xcomp":
	default:
		return false
	}
	for _, k := range t.kids[q] {
		if k < q && (t.base(k) == "advmod" || t.base(k) == "mark") {
			switch t.lem[k] {
			case "how", "whether", "why":
				return true
			}
		}
	}
	return false
}

// forestalled reports whether clause q says what did not happen because
// its main clause came first: "before he could be given medical treatment".
func (x *extractor) forestalled(q int) bool {
	t := x.t
	before, modal := false, false
	for _, k := range t.kids[q] {
		switch {
		case k < q && t.base(k) == "mark" && t.lem[k] == "before":
			before = true
		case k < q && t.base(k) == "aux" && (t.low[k] == "could" || t.low[k] == "can"):
			modal = true
		}
	}
	return before && modal
}

// chargeClause reports whether clause q states a charge: introduced by
// "of" or "for" ("accused of lying", "blamed for the attack").
func (x *extractor) chargeClause(q int) bool {
	t := x.t
	for _, m := range t.kids[q] {
		if (t.base(m) == "mark" || t.base(m) == "case") && (t.lem[m] == "of" || t.lem[m] == "for") && m < q {
			return true
		}
	}
	return false
}

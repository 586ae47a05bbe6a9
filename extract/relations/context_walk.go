package relations

import "github.com/kgnews/kg"

// walk is the state of context's climb from a predicate to the root.
type walk struct {
	x       *extractor
	c       context
	hypo    bool // under a condition
	crossed bool // past a noun's clause: the conditions above are not its own
}

// dependents reads what the dependents of q, other than prev (the word
// the climb came from), say: "according to X", an "if" clause, a bare
// speech verb after the clause ("..., he said").
func (w *walk) dependents(q, prev int) {
	x, t := w.x, w.x.t
	for _, k := range t.kids[q] {
		if k == prev {
			continue
		}
		switch {
		case w.c.attrib == nil && t.base(k) == "obl":
			if prep, _ := t.caseOf(k); lex.is("according", prep) {
				a := x.arg(k, t.nominalSpan(k, true))
				w.c.attrib = &a
			}
		case t.base(k) == "advcl" && !w.crossed && x.conditional(k):
			w.hypo = true
		case w.c.attrib == nil && k > q && (t.base(k) == "parataxis" || t.base(k) == "ccomp") && x.reporter(k):
			w.c.attrib = x.speaker(k)
		}
	}
}

// up reads what the link from q to its head h says: reported speech and
// claims, charges, indirect questions, conditions, and the content
// clauses of nouns.
func (w *walk) up(q, h int) {
	x, t := w.x, w.x.t
	c := &w.c
	if !w.crossed && t.heads[h] < 0 && (t.base(q) == "parataxis" || t.base(q) == "conj") && x.conditional(h) {
		w.hypo = true // "If an infant's not getting enough iodine ... development won't be completed"
	}
	if c.modality == "" && x.indirectQuestion(q) && !lex.is("factive", t.lem[h]) {
		c.modality = kg.ModalityPossible // "comment on how the government was prepared"
	}
	switch t.base(q) {
	case "ccomp", "parataxis":
		if c.attrib == nil && lex.is("speech", t.lem[h]) {
			c.attrib = x.speaker(h)
		}
	case "xcomp":
		if c.attrib == nil && !w.crossed && lex.is("speech", t.lem[h]) {
			c.attrib = x.speaker(h) // "claiming to be Protector of Mexico", "is said to be"
		}
	case "advcl":
		w.hypo = w.hypo || !w.crossed && x.conditional(q)
		c.negated = c.negated || x.forestalled(q) // "died before he could be given treatment"
		if c.attrib == nil && !w.crossed && lex.is("allege", t.lem[h]) && x.chargeClause(q) {
			c.attrib = x.speaker(h) // "accused Russia of trying to cover up the attack"
		}
	case "acl":
		if g := t.heads[h]; c.attrib == nil && !w.crossed && g >= 0 && t.base(h) == "obj" && lex.is("allege", t.lem[g]) && x.chargeClause(q) {
			c.attrib = x.speaker(g) // the charge of "accused Russia of trying to"
		}
		w.crossed = true
		if n := x.contentNoun(q); t.rels[q] == "acl" && n >= 0 {
			if c.modality == "" {
				c.modality = kg.ModalityPossible // "information that Russia was involved"
			}
			c.negated = c.negated || x.negatedNoun(n) // "no evidence that it works"
		}
	}
}

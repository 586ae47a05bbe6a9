package relations

// events adds the facts that event nouns state: "X obtained a meeting with
// Y" (a light verb whose object is an event noun) and "X's sit-down with Y"
// or "Russia's veto of the resolution" (an event noun with a possessor) both
// say that X did the event's verb to Y. It runs after the clause pass and
// reads the relations that pass found, so it must be called once.
func (x *extractor) events() {
	t := x.t
	n := len(x.out)
	for k := 0; k < n; k++ {
		r := x.out[k]
		if r.Object == nil || len(r.RelTokens) == 0 || r.Passive {
			continue
		}
		o := r.Object.Head
		verb := r.RelTokens[len(r.RelTokens)-1]
		if x.eventVerb(o) == "" || !lex.is("light", t.lem[verb]) {
			continue
		}
		x.eventFacts(r, r.Subject, o)
	}
	for o := range t.lem {
		if x.eventVerb(o) == "" {
			continue
		}
		poss := t.child(o, "nmod:poss")
		if poss < 0 {
			continue
		}
		subj := x.arg(poss, t.nominalSpan(poss, true))
		x.eventFacts(Relation{Confidence: 0.5}, subj, o)
	}
}

// eventFacts appends one relation per prepositional modifier of event noun
// o: subj did o's verb with, against or to the modifier. Negation, modality
// and attribution come from base, the clause the noun sits in.
func (x *extractor) eventFacts(base Relation, subj Argument, o int) {
	t := x.t
	verb := x.eventVerb(o)
	for _, c := range t.kids[o] {
		target, prep, caseIdx := x.eventTarget(c)
		if target < 0 || lex.is("time", t.lem[target]) {
			continue // "its strike on Tuesday" says when, not against whom
		}
		for _, obj := range t.conjuncts(target) {
			a := x.arg(obj, t.nominalSpan(obj, true))
			words := uniqueSorted(append([]int{o}, caseIdx...))
			x.out = append(x.out, Relation{Subject: subj, Object: &a,
				Predicate: lex.canonical(verb + "_" + prep), Surface: t.text(words), RelTokens: words,
				Negated: base.Negated, Modality: base.Modality, Governor: base.Governor,
				AttributedTo: base.AttributedTo, Time: base.Time, Confidence: base.Confidence * 0.9})
		}
	}
}

// eventTarget reads child c of an event noun as its prepositional
// modifier: the nominal, its preposition and the preposition's words. It
// accepts what parsers make of "a meeting with Putin": the nominal as nmod or
// obl with a case child, or the preposition itself as the modifier with the
// nominal as its object. It returns -1 when c is no such modifier.
func (x *extractor) eventTarget(c int) (target int, prep string, caseIdx []int) {
	t := x.t
	switch {
	case (t.base(c) == "nmod" || t.base(c) == "obl") && t.rels[c] != "nmod:poss" && nominal(t.upos(c)):
		prep, caseIdx = t.caseOf(c)
		if prep == "" {
			return -1, "", nil
		}
		return c, prep, caseIdx
	case t.upos(c) == "ADP":
		if d := t.child(c, "obj"); d >= 0 && nominal(t.upos(d)) {
			return d, t.low[c], []int{c}
		}
	}
	return -1, "", nil
}

// eventVerb returns the verb that event noun o stands for, or "". A noun
// written with a hyphen that the tokenizer split ("sit - down") is looked up
// whole, whichever of its parts the parser made the head.
func (x *extractor) eventVerb(o int) string {
	t := x.t
	if v, ok := lex.events[t.lem[o]]; ok {
		return v
	}
	for _, c := range t.kids[o] {
		if first := min(c, o); max(c, o) == first+2 {
			if v := t.hyphenEvent(first); v != "" {
				return v
			}
		}
	}
	return ""
}

package relations

import "strings"

// copulaFrame fills f for a copular clause whose predicate word is p:
// "X is in Y" (be_in), "X is director of Y" (director_of), "X is independent
// from Y" (be_independent_from), "X is a lawyer" and "X is happy" (be).
func (x *extractor) copulaFrame(p int, f *frame) {
	t := x.t
	f.kind = kindCopula
	f.words = append(x.chainPrefix(p), x.group(p)...)
	f.words = remove(f.words, p)
	obls := x.obliques(p, f)
	switch {
	case nominal(t.upos(p)):
		if prep, caseIdx := t.caseOf(p); prep != "" {
			f.pred = []string{"be", prep}
			f.words = append(f.words, caseIdx...)
			x.predicateObjects(p, f)
		} else if !x.role(p, f) {
			f.pred = []string{"be"}
			x.predicateObjects(p, f)
		}
	case len(obls) > 0 && t.child(obls[0], "case") >= 0 && obls[0] > p:
		prep, caseIdx := t.caseOf(obls[0])
		f.pred = []string{"be", t.lem[p], prep}
		f.words = append(f.words, p)
		f.words = append(f.words, caseIdx...)
		x.addObjects(f, obls[0], true)
		f.promote = true
		obls = obls[1:]
	default:
		f.pred = []string{"be"}
		x.predicateObjects(p, f)
	}
	x.complements(p, f)
	x.promote(p, f, obls, false)
}

// predicateObjects adds the nominal or adjectival predicate p, and each
// conjunct of it that has no clause of its own, as objects of "be".
func (x *extractor) predicateObjects(p int, f *frame) {
	t := x.t
	f.objs = append(f.objs, x.arg(p, t.predicateSpan(p)))
	for _, c := range t.conjuncts(p)[1:] {
		if t.child(c, "cop") < 0 && t.child(c, "nsubj") < 0 && t.upos(c) != "VERB" {
			f.objs = append(f.objs, x.arg(c, t.nominalSpan(c, false)))
		}
	}
}

// role fills a role fact when the nominal p has an "of" modifier and names a
// role: "director of the Carnegie Moscow Center" gives director_of with the
// center as object. It reports whether it did.
func (x *extractor) role(p int, f *frame) bool {
	t := x.t
	if t.upos(p) != "NOUN" || !lex.is("title", t.lem[p]) && !lex.is("role", t.lem[p]) {
		return false // "a form of medicine" and "the loss of IQ" are no roles
	}
	m := -1
	for _, c := range t.kids[p] {
		if t.base(c) == "nmod" && c > p {
			if prep, _ := t.caseOf(c); prep == "of" {
				m = c
				break
			}
		}
	}
	if m < 0 {
		return false
	}
	var name []string
	for _, c := range t.kids[p] {
		switch t.rels[c] {
		case "det", "amod", "compound", "nummod", "nmod:poss", "flat":
			if c < p {
				f.words = append(f.words, c)
				if t.rels[c] == "compound" || t.rels[c] == "flat" {
					name = append(name, t.lem[c])
				}
			}
		}
	}
	_, caseIdx := t.caseOf(m)
	f.words = append(f.words, p)
	f.words = append(f.words, caseIdx...)
	f.pred = append(append(name, t.lem[p]), "of")
	x.addObjects(f, m, true)
	f.promote = true
	return true
}

// apposition emits the role fact of an apposition a: "Dmitri Trenin, director
// of the Carnegie Moscow Center" gives (Dmitri Trenin, director_of, Carnegie
// Moscow Center), and "Ken Follett, a novelist" gives (Ken Follett, be, a
// novelist).
func (x *extractor) apposition(a int) {
	t := x.t
	n := x.nearerAnchor(a, t.heads[a])
	if n < 0 || !nominal(t.upos(n)) || !nominal(t.upos(a)) || t.upos(n) == "PRON" ||
		t.upos(a) == "NUM" || t.upos(n) == "NUM" || year(t.low[n]) || lex.is("time", t.lem[n]) || lex.is("time", t.lem[a]) {
		return // "Thomas Sam, 42" and "Friday, May 8" are not roles
	}
	if x.parenthetical(a) || x.plural(n) != x.plural(a) || x.listItem(n, a) {
		return // "news reports (BBC etc.)", "writers ... Mark Twain" are no identities
	}
	f := frame{kind: kindAppos, synth: "is"}
	switch {
	case x.place(n) && x.place(a):
		f.pred, f.synth = []string{"be", "in"}, "is in" // "Sydney, Australia"
		f.objs = append(f.objs, x.arg(a, t.nominalSpan(a, false)))
	case !x.role(a, &f):
		f.pred = []string{"be"}
		f.objs = append(f.objs, x.arg(a, t.nominalSpan(a, false)))
	}
	x.emit(a, []int{n}, &f)
}

// nearerAnchor returns the noun that apposition a names: its head n, or
// the noun right before it (past a comma) when that noun lies inside n's
// phrase, as in "trial for the death of their child, Gloria", where a
// parser hangs Gloria on "trial".
func (x *extractor) nearerAnchor(a, n int) int {
	t := x.t
	if n < 0 {
		return n
	}
	k := a - 1
	for k > n && t.upos(k) == "PUNCT" {
		k--
	}
	if k > n && (t.upos(k) == "NOUN" || t.upos(k) == "PROPN") && t.descends(k, n) && t.base(k) != "compound" && t.base(k) != "flat" {
		return k
	}
	return n
}

// listItem reports whether the apposition a of n is rather the next item of
// a list of common nouns: "the restoration of X, the gentrification of Y and
// the renovation of Z".
func (x *extractor) listItem(n, a int) bool {
	t := x.t
	if t.upos(n) != "NOUN" || t.upos(a) != "NOUN" {
		return false
	}
	if len(t.conjuncts(a)) > 1 || t.base(n) == "appos" {
		return true // "..., the gentrification of Y and the renovation of Z"; a chain of appositions
	}
	n2 := 0
	for _, c := range t.kids[n] {
		if t.base(c) == "appos" {
			n2++
		}
	}
	return n2 > 1
}

// parenthetical reports whether the apposition a is written in brackets:
// a translation, an example or a source, not a second name.
func (x *extractor) parenthetical(a int) bool {
	t := x.t
	for _, c := range t.kids[a] {
		if c < a && t.upos(c) == "PUNCT" && (t.low[c] == "(" || t.low[c] == "[") {
			return true
		}
	}
	return a > 0 && (t.low[a-1] == "(" || t.low[a-1] == "[")
}

// plural reports whether noun i is plural.
func (x *extractor) plural(i int) bool {
	t := x.t
	return t.xpos(i) == "NNS" || t.xpos(i) == "NNPS" || t.feat(i, "Number=Plur")
}

// place reports whether word i is tagged as part of a place name.
func (x *extractor) place(i int) bool {
	tag := x.t.s.Tokens[i].NER
	return strings.HasSuffix(tag, "-LOC") || strings.HasSuffix(tag, "-GPE")
}

// possessive emits the nominal relation of a possessor a: "Russia 's foreign
// minister" gives (Russia, have, foreign minister). Pronouns are left out:
// "his wife" says little until coreference has run.
func (x *extractor) possessive(a int) {
	t := x.t
	n := t.heads[a]
	if n < 0 || !nominal(t.upos(n)) || t.upos(n) == "PRON" || (t.upos(a) != "PROPN" && t.upos(a) != "NOUN") ||
		lex.is("time", t.lem[a]) || lex.is("poss-generic", t.lem[n]) {
		return // "on Assad's behalf" says nothing that Assad has
	}
	_, caseIdx := t.caseOf(a)
	f := frame{kind: kindPoss, synth: "has", pred: []string{"have"}, words: caseIdx}
	obj := t.spanExcept(n, a, func(c int) bool { return c > n && t.rels[c] != "flat" && t.rels[c] != "compound" })
	obj = t.trim(obj, n)
	if len(obj) == 0 {
		return
	}
	f.objs = append(f.objs, x.arg(n, obj))
	x.emit(a, []int{a}, &f)
}

// title emits the role fact of a name written after its title: "Foreign
// Minister Sergei Lavrov" gives (Sergei Lavrov, be, Foreign Minister).
func (x *extractor) title(n int) {
	t := x.t
	switch t.base(n) {
	case "compound", "flat":
		return
	}
	var role, name []int
	hasTitle := false
	for _, c := range t.kids[n] {
		switch {
		case c > n:
		case t.rels[c] == "compound" || t.rels[c] == "amod":
			role = append(role, t.span(c, nil)...)
			hasTitle = hasTitle || lex.is("title", t.lem[c])
		case t.rels[c] == "flat":
			name = append(name, c)
		}
	}
	// The name is the head, its flat parts, and the proper nouns of the
	// compound after the last title word.
	for len(role) > 0 && t.upos(role[len(role)-1]) == "PROPN" && !lex.is("title", t.lem[role[len(role)-1]]) {
		name = append(name, role[len(role)-1])
		role = role[:len(role)-1]
	}
	if !hasTitle || len(role) == 0 || !lex.is("title", t.lem[role[len(role)-1]]) {
		return
	}
	name = uniqueSorted(append(name, n))
	f := frame{kind: kindAppos, synth: "is", pred: []string{"be"}}
	f.objs = append(f.objs, x.arg(role[len(role)-1], uniqueSorted(role)))
	x.emitWith(n, []Argument{x.arg(n, name)}, &f)
}

// location emits the nominal relation of a place modifier a: "Henry Wood
// Hall in Glasgow" gives (Henry Wood Hall, be_in, Glasgow).
func (x *extractor) location(a int) {
	t := x.t
	n := t.heads[a]
	if n < 0 || t.upos(a) != "PROPN" || (t.upos(n) != "PROPN" && t.upos(n) != "NOUN") || lex.is("time", t.lem[a]) {
		return
	}
	prep, caseIdx := t.caseOf(a)
	if !lex.is("place-case", prep) {
		return
	}
	subj := t.spanExcept(n, a, func(c int) bool {
		return t.rels[c] == "case" || t.rels[c] == "conj" || t.rels[c] == "cc" || t.rels[c] == "punct" || c > a
	})
	if len(subj) == 0 {
		return
	}
	f := frame{kind: kindNmod, synth: "is", pred: []string{"be", prep}, words: caseIdx}
	f.objs = append(f.objs, x.arg(a, t.nominalSpan(a, true)))
	x.emitWith(a, []Argument{x.arg(n, subj)}, &f)
}

func remove(s []int, v int) []int {
	out := s[:0]
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

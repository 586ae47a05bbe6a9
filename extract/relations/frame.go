package relations

import (
	"strconv"
	"strings"
)

// verbFrame fills f for a verbal predicate p.
func (x *extractor) verbFrame(p int, f *frame) {
	t := x.t
	f.kind = kindVerb
	f.words = append(x.chainPrefix(p), x.group(p)...)
	f.pred = []string{t.lem[p]}
	if prt := t.child(p, "compound:prt"); prt >= 0 {
		f.pred = append(f.pred, t.lem[prt])
	}
	if o := t.child(p, "obj"); o >= 0 {
		x.addObjects(f, x.resolve(o, p), false)
	}
	if io := t.child(p, "iobj"); io >= 0 && len(f.objs) == 0 {
		x.addObjects(f, io, false)
	} else if io >= 0 {
		f.extras = append(f.extras, x.arg(io, t.nominalSpan(io, false)))
	}
	x.complements(p, f)
	obls := x.obliques(p, f)
	for _, h := range x.chainHeads(p) {
		for _, c := range x.obliques(h, f) {
			f.extras = append(f.extras, x.arg(c, t.span(c, nil)))
		}
	}
	passive := x.passive(p)
	if passive && len(f.agents) == 0 {
		f.pred[0] = "be_" + t.low[p]
	}
	if !passive {
		obls = x.lightVerb(p, f, obls)
		x.idiomObject(p, f, obls)
	}
	if passive && len(f.agents) > 0 {
		x.promote(p, f, obls, false) // the patient is the object
		return
	}
	x.promote(p, f, obls, true)
}

// addObjects adds one object per conjunct of o.
func (x *extractor) addObjects(f *frame, o int, noCase bool) {
	for _, c := range x.t.conjuncts(o) {
		f.objs = append(f.objs, x.arg(c, x.t.nominalSpan(c, noCase)))
	}
}

// complements handles ccomp and xcomp: a clause or a nominal as the object
// when there is none yet, else as a further argument.
func (x *extractor) complements(p int, f *frame) {
	t := x.t
	for _, c := range t.kids[p] {
		switch t.rels[c] {
		case "ccomp":
			if len(f.objs) > 0 || x.reporter(c) || !x.boundClause(p, c) {
				continue
			}
			if m := t.child(c, "mark"); m >= 0 && m < c {
				f.words = append(f.words, m)
			}
			f.objs = append(f.objs, x.arg(c, t.clauseSpan(c)))
			f.clause = true
		case "xcomp":
			if x.chainHead(p) && t.child(p, "obj") < 0 {
				continue
			}
			span := t.span(c, nil)
			if len(f.objs) == 0 && !(t.upos(c) == "VERB" || t.upos(c) == "AUX") {
				f.objs = append(f.objs, x.arg(c, span))
			} else {
				f.extras = append(f.extras, x.arg(c, span))
			}
		}
	}
}

// boundClause reports whether the ccomp c really is p's complement rather
// than a clause a parser hung on it across a comma: it has a subordinator,
// p reports speech or knowledge, or no punctuation separates them.
func (x *extractor) boundClause(p, c int) bool {
	t := x.t
	if t.child(c, "mark") >= 0 || lex.is("speech", t.lem[p]) || lex.is("factive", t.lem[p]) {
		return true
	}
	for i := p + 1; i < c && i < len(t.heads); i++ {
		if t.upos(i) == "PUNCT" {
			return false
		}
	}
	return true
}

// obliques sorts p's obliques into the agent, the time, "according to" (left
// to the attribution) and the rest, which it returns in order.
func (x *extractor) obliques(p int, f *frame) []int {
	t := x.t
	var rest []int
	passive := x.passive(p)
	for _, c := range t.kids[p] {
		if t.base(c) != "obl" {
			continue
		}
		prep, caseIdx := t.caseOf(c)
		switch {
		case lex.is("according", prep):
		case passive && (t.rels[c] == "obl:agent" || prep == "by") && len(f.agents) == 0 && !x.manner(c):
			f.agents = t.conjuncts(c)
			f.words = append(f.words, caseIdx...)
		case f.time == nil && x.temporal(c):
			// "at the same time that they met": the clause is a fact of its own
			a := x.arg(c, t.span(c, func(k int) bool { return clausalRels[t.base(k)] }))
			f.time = &a
		default:
			rest = append(rest, x.resolve(c, p))
		}
	}
	return rest
}

// clausalRels are the relations of clauses that a time phrase leaves out.
var clausalRels = map[string]bool{"acl": true, "advcl": true, "ccomp": true, "xcomp": true, "parataxis": true}

// manner reports whether the by-phrase c says how rather than who: a bare
// noun of the manner-by list ("by force", "by hand").
func (x *extractor) manner(c int) bool {
	t := x.t
	return lex.is("manner-by", t.lem[c]) && t.child(c, "det") < 0 && t.child(c, "nmod:poss") < 0
}

// temporal reports whether the oblique c is a time expression.
func (x *extractor) temporal(c int) bool {
	t := x.t
	switch t.rels[c] {
	case "obl:tmod", "obl:unmarked", "obl:npmod":
		return lex.is("time", t.lem[c]) || t.upos(c) == "NUM" || t.child(c, "nummod") >= 0
	}
	if lex.is("time", t.lem[c]) || year(t.low[c]) {
		return true
	}
	prep, _ := t.caseOf(c)
	if lex.is("time-case", prep) && (t.upos(c) == "NUM" || t.child(c, "nummod") >= 0) {
		return true
	}
	return x.timePart(c)
}

// timePart reports whether c names a part of a time: "the end of the
// year", "over the course of the next 15 years".
func (x *extractor) timePart(c int) bool {
	t := x.t
	if !lex.is("time-part", t.lem[c]) {
		return false
	}
	if prep, _ := t.caseOf(c); t.lem[c] == "end" && (prep == "in" || prep == "at") && t.child(c, "nmod") < 0 {
		return true // "may in the end make", "at the end"
	}
	for _, k := range t.kids[c] {
		if t.base(k) == "nmod" && (lex.is("time", t.lem[k]) || year(t.low[k])) {
			return true
		}
	}
	return false
}

// year reports whether w is a year (1941) or a decade (1730s).
func year(w string) bool {
	w = strings.TrimSuffix(w, "s")
	y, err := strconv.Atoi(w)
	return err == nil && len(w) == 4 && y >= 1000 && y <= 2100
}

// lightVerb turns "held talks with X" into meet(X) when the verb, its bare
// object noun and the preposition form a phrase in the synonym table. It
// returns the obliques still unused.
func (x *extractor) lightVerb(p int, f *frame, obls []int) []int {
	t := x.t
	o := t.child(p, "obj")
	if o < 0 || len(f.objs) != 1 || len(obls) == 0 || t.child(o, "det") >= 0 {
		return obls
	}
	prep, caseIdx := t.caseOf(obls[0])
	key := strings.Join(f.pred, "_") + "_" + t.lem[o] + "_" + prep
	if _, ok := lex.synonyms[key]; !ok || prep == "" {
		return obls
	}
	f.pred = []string{key}
	f.words = append(f.words, o)
	f.words = append(f.words, caseIdx...)
	f.objs = f.objs[:0]
	x.addObjects(f, obls[0], true)
	f.promote = true
	return obls[1:]
}

// idiomObject joins a bare object noun that forms an idiom with its verb to
// the predicate ("took place in Olympia" gives take_place_in Olympia, "make
// way for" make_way_for), so that the oblique becomes the object. Without
// an oblique the object stays: "made landfall".
func (x *extractor) idiomObject(p int, f *frame, obls []int) {
	t := x.t
	o := t.child(p, "obj")
	if o < 0 || len(obls) == 0 || len(f.objs) != 1 || f.objs[0].Head != o || t.child(o, "det") >= 0 || t.child(o, "amod") >= 0 {
		return
	}
	if !lex.is("idiom-object", f.pred[0]+"_"+t.lem[o]) {
		return
	}
	f.pred = append(f.pred, t.lem[o])
	f.words = append(f.words, o)
	f.objs = f.objs[:0]
}

// promote makes the first oblique after the verb the object when there is
// none, its preposition joining the predicate (met with X: meet_with); the
// other obliques become further arguments with their prepositions.
func (x *extractor) promote(p int, f *frame, obls []int, allow bool) {
	t := x.t
	pick := -1
	if allow && len(f.objs) == 0 {
		for k, c := range obls {
			if c > p || pick < 0 {
				pick = k
				if c > p {
					break
				}
			}
		}
	}
	for k, c := range obls {
		if k != pick {
			f.extras = append(f.extras, x.arg(c, t.span(c, nil)))
			continue
		}
		prep, caseIdx := t.caseOf(c)
		if prep != "" {
			f.pred = append(f.pred, prep)
			f.words = append(f.words, caseIdx...)
		}
		if who := x.proxyOwner(c); who >= 0 {
			f.pred = append(f.pred, t.lem[c], "of") // "acted on Stein's behalf": act_on_behalf_of Stein
			f.words = append(f.words, c)
			c = who
		}
		x.addObjects(f, c, true)
		f.promote = true
	}
}

// proxyOwner returns whose behalf or sake the oblique c names: the
// possessor of "on Stein's behalf" or the of-phrase of "on behalf of
// Stein"; -1 when c is no such noun.
func (x *extractor) proxyOwner(c int) int {
	t := x.t
	if !lex.is("proxy-noun", t.lem[c]) {
		return -1
	}
	if o := t.child(c, "nmod:poss"); o >= 0 && t.upos(o) != "PRON" {
		return o
	}
	for _, k := range t.kids[c] {
		if prep, _ := t.caseOf(k); t.base(k) == "nmod" && prep == "of" {
			return k
		}
	}
	return -1
}

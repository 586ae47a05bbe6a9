package relations

import "strings"

// frame is what one predicate contributes before it is paired with its
// subjects: the relation phrase, the predicate lemma parts, the objects (one
// relation each) and the further arguments.
type frame struct {
	words   []int      // relation phrase words
	pred    []string   // predicate parts, joined with _
	objs    []Argument // one relation per object; none for an intransitive
	extras  []Argument // obliques with their preposition, indirect objects, controlled clauses
	time    *Argument  // the first time expression
	agents  []int      // by-agent heads of a passive: they become the subjects
	synth   string     // a word the sentence leaves implicit ("is" in an apposition), put first in Surface
	kind    int        // kindVerb, kindCopula, kindAppos, kindPoss or kindNmod
	promote bool       // the object is an oblique whose preposition joined the predicate
	clause  bool       // the object is a clause
}

const (
	kindVerb = iota
	kindCopula
	kindAppos
	kindPoss
	kindNmod
)

// nonClauseRels are relations under which a verb is a modifier or a noun, not
// the head of a clause.
var nonClauseRels = map[string]bool{
	"amod": true, "compound": true, "nmod": true, "obj": true, "iobj": true, "nsubj": true,
	"det": true, "case": true, "mark": true, "fixed": true, "flat": true, "goeswith": true,
	"reparandum": true, "discourse": true, "aux": true, "cop": true, "obl": true, "cc": true,
	"punct": true, "nummod": true, "vocative": true,
}

// predicate emits the relations whose predicate is word p.
func (x *extractor) predicate(p int) {
	t := x.t
	cop := t.child(p, "cop")
	if cop < 0 && !x.verbal(p) {
		return
	}
	if x.chainHead(p) && t.child(p, "obj") < 0 {
		return // the xcomp below carries the fact: "agreed to restore"
	}
	if x.listGerund(p) {
		return // "loss of IQ, learning difficulties, hearing difficulties": a gerund in a list of nouns
	}
	if x.titleBeforeName(p) {
		return // "in love with Miss Chaworth": a title tagged as a verb
	}
	if p > 0 && t.low[p-1] == "-" && t.xpos(p) != "VB" {
		return // "chlorine-containing sanitisers", "self-appointed": an adjective
	}
	if m := t.child(p, "mark"); m >= 0 && t.lem[m] == "of" && t.child(p, "cop", "aux") >= 0 {
		return // no finite clause starts with "of": a parser split a noun phrase
	}
	subs := x.subjects(p, 0)
	if len(subs) == 0 {
		return
	}
	if cop >= 0 && x.progressiveNoun(p, cop) {
		return // "are undergoing trial": a verb the tagger made an adjective, no copula
	}
	f := frame{}
	if cop >= 0 && t.upos(p) != "VERB" {
		x.copulaFrame(p, &f)
	} else {
		x.verbFrame(p, &f)
	}
	x.emit(p, subs, &f)
}

// verbal reports whether word p heads a verbal clause.
func (x *extractor) verbal(p int) bool {
	t := x.t
	switch t.upos(p) {
	case "AUX", "PUNCT", "ADP", "CCONJ", "SCONJ", "DET", "PART":
		return false
	}
	if t.child(p, "nsubj", "nsubj:pass", "csubj", "csubj:pass") >= 0 {
		return true
	}
	return t.upos(p) == "VERB" && !nonClauseRels[t.base(p)]
}

// chainHead reports whether p hands its fact to a verbal xcomp, as "agreed"
// does in "agreed to restore" and "able" in "is able to pay".
func (x *extractor) chainHead(p int) bool {
	t := x.t
	if t.upos(p) != "VERB" && !(t.upos(p) == "ADJ" && t.child(p, "cop") >= 0) {
		return false
	}
	c := t.child(p, "xcomp")
	return c >= 0 && (t.upos(c) == "VERB" || t.upos(c) == "AUX") && t.child(c, "cop") < 0
}

// subjects returns the subject heads of predicate p: its own (split at
// conjunctions), or those it inherits as a conjoined verb, a controlled
// xcomp, a participle or a non-finite adverbial clause.
func (x *extractor) subjects(p, depth int) []int {
	t := x.t
	if depth > 8 {
		return nil
	}
	if subj := t.subjects(p); len(subj) > 0 {
		var out []int
		for _, s := range subj {
			a := x.resolve(s, p)
			if a != s && !nominal(t.upos(a)) {
				return nil // a relative clause hung on a verb by the parser
			}
			out = append(out, t.conjuncts(a)...)
		}
		return out
	}
	h := t.heads[p]
	if h < 0 {
		return nil
	}
	switch t.base(p) {
	case "conj":
		if t.upos(h) == "VERB" || t.child(h, "cop") >= 0 || t.child(h, "nsubj", "nsubj:pass") >= 0 {
			return x.subjects(h, depth+1)
		}
	case "xcomp":
		if lex.is("speech", t.lem[h]) && t.child(h, "obj") >= 0 {
			return nil // "announced new measures to prevent incidents": a purpose, no controller
		}
		if o := x.controller(h); o >= 0 && (!x.toInfinitive(p) || lex.is("object-control", t.lem[h])) {
			return t.conjuncts(x.resolve(o, h)) // "saw the U.S. conduct", "urged Sweden to sign"
		}
		if c := x.obliqueController(h, p); c >= 0 {
			return []int{c} // "pleaded with him to send her"
		}
		return x.subjects(h, depth+1) // "packed the streets to pay homage": a purpose
	case "acl":
		if nominal(t.upos(h)) && !x.toInfinitive(p) && !x.afterPreposition(h, p) {
			return []int{h} // "people living near the coast"; not "a mandate to create"
		}
	case "advcl":
		if t.rels[p] == "advcl:relcl" && nominal(t.upos(h)) {
			return []int{h}
		}
		if x.contentInfinitive(h, p) {
			return nil // "vetoed a resolution to condemn X": the resolution would condemn
		}
		if c := x.obliqueController(h, p); c >= 0 && x.toInfinitive(p) {
			return []int{c}
		}
		if x.nonFinite(p) {
			if t.upos(h) == "ADV" && t.base(h) == "advmod" && t.heads[h] >= 0 {
				h = t.heads[h] // "went as far as to threaten": the clause of "far" is the verb's
			}
			return x.subjects(h, depth+1)
		}
	}
	return nil
}

// resolve maps a relative pronoun argument of a relative clause to the noun
// the clause modifies; any other argument is returned unchanged.
func (x *extractor) resolve(a, p int) int {
	t := x.t
	switch t.lem[a] {
	case "who", "whom", "which", "that":
	default:
		return a
	}
	for q, n := p, 0; q >= 0 && n < 4; q, n = t.heads[q], n+1 {
		h := t.heads[q]
		if h >= 0 && (t.rels[q] == "acl:relcl" || t.rels[q] == "advcl:relcl") {
			if !nominal(t.upos(h)) {
				return x.antecedentOnVerb(h, a) // the clause hung on a verb: "the treaty, which"
			}
			return h
		}
		// "Lavrov, who is scheduled ...", misparsed as parataxis: a wh-word
		// right after a noun still refers to it.
		if h >= 0 && t.lem[a] != "that" && nominal(t.upos(h)) && a > h && a-h <= 2 {
			return h
		}
		if t.base(q) != "conj" && q != p {
			break
		}
	}
	return a
}

// antecedentOnVerb returns what relative pronoun a stands for when a parser
// hung its clause on verb v: v's object before it ("restore an agreement
// over Syrian skies, which"), else the noun right before it, past a comma,
// else a itself.
func (x *extractor) antecedentOnVerb(v, a int) int {
	t := x.t
	if o := t.child(v, "obj"); o >= 0 && o < a && nominal(t.upos(o)) && t.upos(o) != "PRON" {
		return o
	}
	for i := a - 1; i >= 0 && i >= a-2; i-- {
		switch {
		case t.upos(i) == "PUNCT" && t.low[i] == ",":
		case t.upos(i) == "NOUN" || t.upos(i) == "PROPN":
			if t.rels[i] == "flat" || t.rels[i] == "compound" {
				if h := t.heads[i]; h >= 0 && nominal(t.upos(h)) {
					return h
				}
			}
			return i
		default:
			return a
		}
	}
	return a
}

// contentInfinitive reports whether the to-infinitive p, hung on verb h,
// states the content of h's object, a noun of the content-noun list, as in
// "vetoed a draft resolution to condemn the government".
func (x *extractor) contentInfinitive(h, p int) bool {
	t := x.t
	if !x.toInfinitive(p) {
		return false
	}
	o := t.child(h, "obj")
	if o < 0 || o > p {
		return false
	}
	if lex.is("partitive", t.lem[o]) {
		if n := t.child(o, "nmod"); n >= 0 && n < p {
			o = n // "the latest version of a draft resolution"
		}
	}
	return lex.is("content-noun", t.lem[o])
}

// controller returns the object of verb h that may control its xcomp, or
// -1: obj, or an iobj (as parsers read "urged Karl Stein to") of an
// object-control verb.
func (x *extractor) controller(h int) int {
	t := x.t
	if o := t.child(h, "obj"); o >= 0 {
		return o
	}
	if lex.is("object-control", t.lem[h]) {
		return t.child(h, "iobj")
	}
	return -1
}

// obliqueController returns the noun of the "with" or "on" phrase of verb
// h that controls its xcomp p, for the verbs of the oblique-control list:
// in "pleaded with Thomas to send Gloria" Thomas would send; -1 otherwise.
func (x *extractor) obliqueController(h, p int) int {
	t := x.t
	if !lex.is("oblique-control", t.lem[h]) {
		return -1
	}
	for _, c := range t.kids[h] {
		if prep, _ := t.caseOf(c); c < p && t.base(c) == "obl" && (prep == "with" || prep == "on" || prep == "upon") {
			return c
		}
	}
	return -1
}

// afterPreposition reports whether the participle p, modifying noun h,
// comes right after a preposition that follows h: in "the restoration of
// surviving buildings" or "the context of hardening attitudes" the noun
// does not do what the participle says.
func (x *extractor) afterPreposition(h, p int) bool {
	t := x.t
	if p <= h+1 || t.xpos(p) != "VBG" || t.upos(h) == "PROPN" || t.s.Tokens[h].NER != "" && t.s.Tokens[h].NER != "O" {
		return false // "accused Russia of trying": a name does what it is accused of
	}
	switch t.low[p-1] {
	case "of", "in", "for", "by", "with", "without", "on", "about", "from":
		return t.upos(p-1) == "ADP" || t.base(p-1) == "mark" // a parser may make "of" a subordinator
	}
	return t.upos(p-1) == "ADP"
}

// listGerund reports whether the gerund p is an item of a list of nouns
// that a parser made a verb: conjoined to a noun, or hung on one after a
// comma when that noun is itself in a list.
func (x *extractor) listGerund(p int) bool {
	t := x.t
	h := t.heads[p]
	if t.xpos(p) != "VBG" || h < 0 || t.upos(h) != "NOUN" || t.child(p, "nsubj") >= 0 {
		return false
	}
	switch t.base(p) {
	case "conj":
		return true
	case "acl":
		return p > 0 && t.low[p-1] == "," && (t.base(h) == "conj" || len(t.conjuncts(h)) > 1)
	}
	return false
}

// progressiveNoun reports whether the nominal predicate p of copula cop
// is rather the object of an -ing verb tagged as its adjective, right after
// the copula: "are undergoing trial".
func (x *extractor) progressiveNoun(p, cop int) bool {
	t := x.t
	k := cop + 1
	return k < p && t.heads[k] == p && t.base(k) == "amod" && strings.HasSuffix(t.low[k], "ing") && t.upos(p) == "NOUN" &&
		!lex.is("ing-adjective", t.low[k])
}

// titleBeforeName reports whether the word p, capitalized inside the
// sentence, comes right before a person's name: a title ("Miss", "Judge")
// that a tagger took for a verb.
func (x *extractor) titleBeforeName(p int) bool {
	t := x.t
	w := t.s.Tokens[p].Text
	if p == 0 || p+1 >= len(t.low) || w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return strings.HasSuffix(t.s.Tokens[p+1].NER, "-PER") && t.upos(p+1) == "PROPN"
}

// toInfinitive reports whether clause p is introduced by "to": the noun a
// to-infinitive modifies is its purpose or content ("measures to prevent
// incidents", "a desire to improve relations"), not its subject.
func (x *extractor) toInfinitive(p int) bool {
	t := x.t
	for _, m := range t.kids[p] {
		if t.base(m) == "mark" && t.low[m] == "to" && m < p {
			return true
		}
	}
	return false
}

// nonFinite reports whether verb p is an infinitive or participle.
func (x *extractor) nonFinite(p int) bool {
	t := x.t
	switch t.xpos(p) {
	case "VBG", "VBN", "VB":
		return t.child(p, "aux", "aux:pass") < 0 || t.xpos(p) == "VB"
	}
	return t.feat(p, "VerbForm=Ger") || t.feat(p, "VerbForm=Inf") || t.feat(p, "VerbForm=Part")
}

// passive reports whether p is a passive verb.
func (x *extractor) passive(p int) bool {
	t := x.t
	if t.child(p, "aux:pass", "nsubj:pass", "csubj:pass") >= 0 {
		return true
	}
	if h := t.heads[p]; t.base(p) == "conj" && t.xpos(p) == "VBN" && h >= 0 && h < p && t.child(p, "aux", "nsubj") < 0 &&
		t.child(h, "aux:pass", "nsubj:pass") >= 0 {
		return true // "he was shot and abandoned"
	}
	if t.xpos(p) == "VBN" && t.child(p, "obl:agent") >= 0 && t.child(p, "aux", "nsubj") < 0 {
		return true // "he was shot in the abdomen, abandoned by his opponents"
	}
	return t.rels[p] == "acl" && (t.xpos(p) == "VBN" || t.feat(p, "Tense=Past") && t.feat(p, "VerbForm=Part"))
}

func nominal(upos string) bool {
	switch upos {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "SYM":
		return true
	}
	return false
}

// group returns the words of p's own verb group: auxiliaries, copula,
// negation and particle, with p itself, in order.
func (x *extractor) group(p int) []int {
	t := x.t
	out := []int{p}
	for _, c := range t.kids[p] {
		switch t.rels[c] {
		case "aux", "aux:pass", "cop", "compound:prt":
			out = append(out, c)
		default:
			if t.isNeg(c) && t.base(c) != "det" {
				out = append(out, c)
			}
		}
	}
	sortInts(out)
	return out
}

// chainedConj reports whether p is a verb conjoined to an xcomp of a chain
// head, without a subject of its own.
func (x *extractor) chainedConj(p int) bool {
	t := x.t
	h := t.heads[p]
	return t.rels[p] == "conj" && h >= 0 && t.rels[h] == "xcomp" && t.child(p, "nsubj", "nsubj:pass") < 0 &&
		t.heads[h] >= 0 && x.chainHead(t.heads[h]) && t.child(t.heads[h], "obj") < 0
}

// chainHeads returns the chain verbs above p, nearest first: "trying" for
// "organise" in "was trying to organise".
func (x *extractor) chainHeads(p int) []int {
	t := x.t
	var out []int
	if x.chainedConj(p) {
		p = t.heads[p]
	}
	for q, n := p, 0; t.rels[q] == "xcomp" && n < 8; n++ {
		h := t.heads[q]
		if h < 0 || !x.chainHead(h) || t.child(h, "obj") >= 0 {
			break
		}
		out = append(out, h)
		q = h
	}
	return out
}

// chainPrefix returns the words of the chain heads above an xcomp, with the
// "to" that links them: "agreed to" for "agreed to restore".
func (x *extractor) chainPrefix(p int) []int {
	t := x.t
	if x.chainedConj(p) {
		p = t.heads[p] // "able to reinforce and defeat": defeat shares the chain
	}
	var out []int
	q := p
	for _, h := range x.chainHeads(p) {
		for _, c := range t.kids[q] {
			if t.rels[c] == "mark" {
				out = append(out, c)
			}
		}
		out = append(out, x.group(h)...)
		q = h
	}
	return out
}

package queries

import (
	"strings"

	"github.com/kgnews/kg"
)

// treePhrase is an answer phrase found in a parsed sentence.
type treePhrase struct {
	text string
	head string        // the phrase's head word as written
	typ  kg.EntityType // Date, Statement, or "" for an entity or phrase
}

// readTree finds the frame's answers in one parsed sentence: for each verb
// of the family whose known argument names the known entity, the phrase in
// the slot the question asks about.
//
// When pronoun is set the sentence names the known entity only by a
// pronoun, and a pronoun argument stands for it.
func readTree(t *tree, f kg.Frame, fam predicateFamily, args frameArgs, pronoun bool) []treePhrase {
	var out []treePhrase
	for v := range t.s.Tokens {
		if !t.isFamilyVerb(v, f, fam) {
			continue
		}
		subj, obj := t.antecedent(t.subject(v)), t.antecedent(t.object(v))
		if obj < 0 {
			obj = t.antecedent(t.relativeChild(v))
		}
		is := func(i int, e *kg.Entity) bool {
			if i < 0 || e == nil {
				return false
			}
			if t.tok(i).UPOS == "PRON" && isPersonal(t.low(i)) && (pronoun || mentions(strings.ToLower(t.s.Text), nameForms(e))) {
				// a subject pronoun after another person's name stands for that person
				return mentions(t.low(i), pronounsFor(e.Type)) && !(strings.HasPrefix(t.rel(i), "nsubj") && t.otherPersonBefore(i, e))
			}
			return mentions(t.words(i), nameForms(e))
		}
		add := func(i int, typ kg.EntityType) {
			if i >= 0 && typ == "" && isPronoun(t.low(i)) {
				i = t.thingPronoun(i, v)
			}
			if i >= 0 {
				if p := t.phrase(i); p != "" && !isPronoun(p) {
					out = append(out, treePhrase{text: p, head: t.tok(i).Text, typ: typ})
				}
			}
		}
		switch f.Kind {
		case kg.AskSubject:
			if is(obj, args.obj) || f.ObjPrep != "" && is(t.obliqueWith(v, f.ObjPrep), args.obj) {
				add(subj, "")
			}
		case kg.AskWhere, kg.AskWhen:
			if !is(subj, args.known()) && !is(obj, args.known()) {
				continue
			}
			if f.Kind == kg.AskWhere {
				add(t.placeOf(v), "")
			} else {
				add(t.timeOf(v), kg.Date)
			}
		case kg.AskSay:
			if is(subj, args.subj) {
				out = append(out, treePhrase{text: t.statement(v), typ: kg.Statement})
			}
		default:
			switch {
			case args.subj != nil && is(subj, args.subj):
			case args.subj == nil && is(obj, args.obj):
				obj = subj // "What are the United States confronted with?": the doer
			default:
				continue
			}
			if f.Prep != "" && f.Prep != "by" {
				add(t.obliqueWith(v, f.Prep), "")
			} else {
				add(obj, "")
			}
		}
	}
	return out
}

// isFamilyVerb reports whether token v is a verb of the question's family.
func (t *tree) isFamilyVerb(v int, f kg.Frame, fam predicateFamily) bool {
	tok := t.tok(v)
	if tok.UPOS == "NOUN" && (f.Kind == kg.AskWhen || f.Kind == kg.AskWhere) {
		return t.isEventNoun(v, fam)
	}
	if tok.UPOS != "VERB" && !(tok.UPOS == "ADJ" && (tok.XPOS == "VBN" || t.low(v) == f.Verb)) {
		return false
	}
	if fam.heads[t.lemma(v)] || t.low(v) == f.Verb {
		return true
	}
	for _, l := range verbLemmas(t.low(v)) { // "swore" when the lemmatizer left it
		if fam.heads[l] {
			return true
		}
	}
	// "held talks with": a light verb with the noun of a multiword synonym
	for _, noun := range fam.light[t.lemma(v)] {
		if o := t.child(v, "obj"); o >= 0 && strings.TrimSuffix(t.lemma(o), "s") == strings.TrimSuffix(noun, "s") {
			return true
		}
	}
	return false
}

// obliqueWith returns verb v's oblique with the preposition, or -1.
func (t *tree) obliqueWith(v int, prep string) int {
	for _, c := range t.obliques(v) {
		if cs := t.caseOf(c); cs == prep || strings.HasSuffix(cs, "_"+prep) {
			return c
		}
	}
	// "died from infection" parsed with the noun as an object of the prep's verb
	if o := t.child(v, "obj"); o >= 0 && t.caseOf(o) == prep {
		return o
	}
	return -1
}

// placeOf returns verb v's oblique of place: a locative preposition before
// a name, or -1.
func (t *tree) placeOf(v int) int {
	best := -1
	for _, c := range t.adjuncts(v) {
		cs := t.caseOf(c)
		if !locativePreps[cs] || isTimeWords(strings.ToLower(t.phrase(c))) {
			continue
		}
		if t.hasProper(c) {
			return c
		}
		if best < 0 {
			best = c
		}
	}
	return best
}

// timeOf returns verb v's oblique of time, or -1.
func (t *tree) timeOf(v int) int {
	for _, c := range t.adjuncts(v) {
		if isTimeWords(strings.ToLower(t.phrase(c))) {
			return c
		}
	}
	return -1
}

// adjuncts returns verb v's obliques, then the nominal modifiers of its
// object and obliques, where parsers often hang a place or a time ("held
// talks with Putin in Moscow").
func (t *tree) adjuncts(v int) []int {
	out := t.obliques(v)
	if t.tok(v).UPOS == "NOUN" { // "death in 1987"
		for _, c := range t.kids[v] {
			if strings.HasPrefix(t.rel(c), "nmod") && t.rel(c) != "nmod:poss" {
				out = append(out, c)
			}
		}
	}
	for _, c := range t.kids[v] {
		if t.rel(c) == "xcomp" { // "found swimming along the coast"
			out = append(out, t.obliques(c)...)
		}
		if t.rel(c) != "obj" && !strings.HasPrefix(t.rel(c), "obl") {
			continue
		}
		for _, m := range t.kids[c] {
			if strings.HasPrefix(t.rel(m), "nmod") && t.rel(m) != "nmod:poss" {
				out = append(out, m)
				for _, mm := range t.kids[m] {
					if strings.HasPrefix(t.rel(mm), "nmod") && t.rel(mm) != "nmod:poss" {
						out = append(out, mm)
					}
				}
			}
		}
	}
	return out
}

func (t *tree) hasProper(i int) bool {
	lo, hi := t.extent(i)
	for k := lo; k <= hi; k++ {
		if t.tok(k).UPOS == "PROPN" {
			return true
		}
	}
	return false
}

// timeWords name times: months, days, and time nouns.
var timeWords = map[string]bool{"january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "year": true, "years": true, "century": true, "decade": true, "yesterday": true,
	"today": true, "week": true, "month": true, "morning": true, "night": true, "age": true}

// eraWords mark a number as a year: 3000 BC, 394 AD.
var eraWords = map[string]bool{"bc": true, "ad": true, "bce": true, "ce": true, "b.c.": true, "a.d.": true}

// isTimeWords reports whether lowercased words name a time: a year or a
// time word.
func isTimeWords(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
		if timeWords[w] {
			return true
		}
		if len(w) == 4 && (w[0] == '1' || w[0] == '2') && allDigits(w) || eraWords[w] {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isPronoun reports whether a phrase is a bare pronoun, which answers
// nothing by itself.
func isPronoun(p string) bool {
	switch strings.ToLower(p) {
	case "i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "who", "whom", "which", "that", "this", "these", "those", "one", "someone", "something":
		return true
	}
	return false
}

// statement returns what speech verb v reports: its clausal complement as
// written, or the whole sentence for a quote ("“…,” said X").
func (t *tree) statement(v int) string {
	c := t.child(v, "ccomp")
	if c < 0 {
		return strings.TrimSpace(t.s.Text)
	}
	lo, hi := t.subtree(c)
	for lo < hi && (t.tok(lo).UPOS == "PUNCT" || t.rel(lo) == "mark") {
		lo++
	}
	return strings.TrimSpace(t.s.Text[t.tok(lo).Start:t.tok(hi).End])
}

// relativePronouns open relative clauses.
var relativePronouns = map[string]bool{"who": true, "whom": true, "which": true, "that": true}

// antecedent returns what a relative pronoun at i stands for: the noun its
// clause modifies ("a citizen who proclaimed"; the subject of "X was a
// citizen who …"), or, when the parser hung the clause elsewhere, the name
// or noun just before it. Any other token is returned as it is.
func (t *tree) antecedent(i int) int {
	if i < 0 || t.tok(i).UPOS != "PRON" || !relativePronouns[t.low(i)] || t.tok(i).Text[0] < 'a' {
		return i // not a relative pronoun (WHO is an organization)
	}
	if v := t.head(i); v >= 0 && t.rel(v) == "acl:relcl" {
		h := t.head(v)
		if h >= 0 && t.child(h, "cop") >= 0 {
			if s := t.child(h, "nsubj"); s >= 0 {
				return s
			}
		}
		return h
	}
	for k := i - 1; k >= 0; k-- {
		switch t.tok(k).UPOS {
		case "PUNCT":
			continue
		case "PROPN", "NOUN":
			for t.rel(k) == "flat" || t.rel(k) == "compound" {
				k = t.head(k)
			}
			return k
		}
		break
	}
	return -1
}

// relativeChild returns a relative pronoun that verb v governs as other
// than its subject ("whom he met", parsed as an oblique), or -1.
func (t *tree) relativeChild(v int) int {
	for _, c := range t.kids[v] {
		if relativePronouns[t.low(c)] && !strings.HasPrefix(t.rel(c), "nsubj") && t.tok(c).UPOS == "PRON" {
			return c
		}
	}
	return -1
}

// isPersonal reports whether a word is a third-person personal pronoun.
func isPersonal(w string) bool {
	switch w {
	case "he", "she", "him", "her", "his", "it", "its", "they", "them", "their":
		return true
	}
	return false
}

// thingPronoun returns what "it" or "them" at i, an argument of verb v,
// stands for within its sentence: the subject of the clause that v's clause
// depends on ("A resolution failed after China vetoed it"), else the
// nearest noun before it. It returns -1 for other pronouns and when nothing
// fits.
func (t *tree) thingPronoun(i, v int) int {
	switch t.low(i) {
	case "it", "them":
	default:
		return -1
	}
	for h, steps := v, 0; steps < 3 && h >= 0; steps++ {
		switch t.rel(h) {
		case "advcl", "conj", "ccomp", "xcomp", "parataxis":
			h = t.head(h)
			if h < 0 {
				return -1
			}
			for _, c := range t.kids[h] {
				if strings.HasPrefix(t.rel(c), "nsubj") && t.tok(c).UPOS == "NOUN" {
					return c
				}
			}
		default:
			h = -1
		}
	}
	subj := t.nearestSubject(v)
	for _, c := range t.kids[v] { // a second subject of a misparsed clause
		if c != subj && strings.HasPrefix(t.rel(c), "nsubj") && t.tok(c).UPOS == "NOUN" {
			return c
		}
	}
	for k := i - 1; k >= 0; k-- { // the nearest subject or object noun before it
		if t.tok(k).UPOS == "NOUN" && (strings.HasPrefix(t.rel(k), "nsubj") || t.rel(k) == "obj") {
			return k
		}
	}
	return -1
}

// isEventNoun reports whether noun v names the event of one of the
// family's verbs ("death" for die).
func (t *tree) isEventNoun(v int, fam predicateFamily) bool {
	for h := range fam.heads {
		for _, n := range eventNouns[h] {
			if t.lemma(v) == n {
				return true
			}
		}
	}
	return false
}

// otherPersonBefore reports whether a person the entity's names do not
// cover is named before token i: "Tillerson …, he said" is not Lavrov.
func (t *tree) otherPersonBefore(i int, e *kg.Entity) bool {
	forms := nameForms(e)
	for k := 0; k < i; k++ {
		if strings.HasSuffix(t.tok(k).NER, "PER") && t.tok(k).UPOS == "PROPN" && !inAnyForm(t.low(k), forms) {
			return true
		}
	}
	return false
}

// inAnyForm reports whether a word is a word of one of the name forms.
func inAnyForm(w string, forms []string) bool {
	for _, f := range forms {
		if containsWord(f, w) {
			return true
		}
	}
	return false
}

package coref

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// speaker links first and second person pronouns of the same person and
// number said in the same voice: outside quotes, or inside one quotation.
func (r *resolver) speaker(m, a *ment) bool {
	if !m.Pronoun || !a.Pronoun || m.pron.person == 3 || m.pron.person != a.pron.person {
		return false
	}
	return m.pron.number == a.pron.number && m.quote == a.quote
}

// exactMatch links noun phrases with the same words.
func (r *resolver) exactMatch(m, a *ment) bool {
	if a.Pronoun || len(m.words) != len(a.words) || !contentful(m.words) {
		return false
	}
	for k := range m.words {
		if m.words[k] != a.words[k] {
			return false
		}
	}
	return true
}

// relaxedString links noun phrases whose words up to the head match.
func (r *resolver) relaxedString(m, a *ment) bool {
	if a.Pronoun || a.indef || len(m.preHead) != len(a.preHead) || !contentful(m.preHead) || r.nested(m, a) {
		return false
	}
	for k := range m.preHead {
		if m.preHead[k] != a.preHead[k] {
			return false
		}
	}
	return true
}

// contentful reports whether words hold more than stop words.
func contentful(words []string) bool {
	for _, w := range words {
		if !stopWords[w] {
			return true
		}
	}
	return false
}

// appositive links a noun phrase to the one it stands in apposition to
// ("Rex Tillerson, the secretary of state").
func (r *resolver) appositive(m, a *ment) bool {
	if m.Pronoun || a.Pronoun || m.Sentence != a.Sentence || a.coord {
		return false
	}
	if baseRel(m.rel) != "appos" || m.verbHead != a.synHead || a.Start > a.synHead || m.Start == 0 {
		return false
	}
	t := r.trees[m.Sentence]
	if !appositionMarks[t.toks[m.Start-1].Text] {
		return false // a parser's appos without a comma or bracket is rarely one
	}
	if m.Named && a.Named && m.Type == kg.Place && a.Type == kg.Place {
		return false // "San Francisco, California" names two places
	}
	return r.compatible(r.cluster(m), r.cluster(a))
}

// appositionMarks are the punctuation marks that set off an apposition.
var appositionMarks = map[string]bool{",": true, "(": true, "-": true, "–": true, "—": true}

// roleAppositive links a name to the title phrase that ends with it, even
// when the parse heads the phrase with the title: "Secretary of State Rex
// Tillerson" and "Rex Tillerson" inside it.
func (r *resolver) roleAppositive(m, a *ment) bool {
	if !m.Named || a.Pronoun || a.coord || a.Sentence != m.Sentence || a.Start >= m.Start || a.End != m.End {
		return false
	}
	t := r.trees[a.Sentence]
	prev := t.toks[m.Start-1]
	ofTitle := prev.Text == "of" && titleComplements[m.words[0]] && len(m.words) > 1 // "Secretary of [State Rex Tillerson]" misparsed
	if !ofTitle && (prev.UPOS == "ADP" || prev.UPOS == "DET" || prev.UPOS == "PUNCT" || prev.UPOS == "CCONJ") {
		return false // "the King of Athens", "the Senator from Alaska"
	}
	for k := m.Start - 1; k >= a.Start; k-- {
		w := t.toks[k].Text
		if roleTitles[strings.ToLower(w)] {
			return r.compatible(r.cluster(m), r.cluster(a))
		}
		if w != "of" && !startsUpper(w) {
			return false
		}
	}
	return false
}

// startsUpper reports whether w begins with an upper-case letter.
func startsUpper(w string) bool {
	for _, c := range w {
		return unicode.IsUpper(c)
	}
	return false
}

// predicative links the subject of a copula to its predicate nominative
// ("Tillerson is the secretary of state").
func (r *resolver) predicative(m, a *ment) bool {
	if m.Pronoun || a.Pronoun || m.Sentence != a.Sentence || m.indef {
		return false
	}
	t := r.trees[m.Sentence]
	return baseRel(a.rel) == "nsubj" && a.verbHead == m.synHead && hasChild(t, m.synHead, "cop") && !hasChild(t, m.synHead, "case")
}

// hasChild reports whether word i has a child with relation rel.
func hasChild(t tree, i int, rel string) bool {
	for _, c := range t.children[i] {
		if baseRel(t.toks[c].Rel) == rel {
			return true
		}
	}
	return false
}

// acronym reports whether short, written in capitals, spells the initials
// of the capitalized words of long ("UN" and "United Nations").
func acronym(short, long *ment) bool {
	return short.acr != "" && short.acr == long.initials
}

// acronymForm returns the letters of m as a short form ("UN" for "the
// U.N."): m is one word written like an acronym, with at most a
// determiner before it. It returns "" for any other mention.
func acronymForm(m *ment) string {
	if m.Head != m.End-1 || m.Start+2 < m.End || m.Start+1 < m.End && !stopWords[m.words[0]] || !acronymLike(m) {
		return ""
	}
	fields := strings.Fields(m.Text)
	return strings.ReplaceAll(fields[len(fields)-1], ".", "")
}

// initialsOf returns the initials of the capitalized words of a named
// mention of two words or more (a long form an acronym may stand for), or
// "".
func initialsOf(m *ment) string {
	if len(m.words) < 2 || !m.Named {
		return ""
	}
	var initials strings.Builder
	for _, w := range strings.Fields(m.Text) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !stopWords[strings.ToLower(w)] {
			initials.WriteRune(r)
		}
	}
	return initials.String()
}

// acronymLike reports whether the last word of m is written like an
// acronym: two to eight capitals, dots allowed.
func acronymLike(m *ment) bool {
	fields := strings.Fields(m.Text)
	if len(fields) == 0 {
		return false
	}
	raw := strings.ReplaceAll(fields[len(fields)-1], ".", "")
	return len(raw) >= 2 && len(raw) <= 8 && strings.ToUpper(raw) == raw && strings.ToLower(raw) != raw
}

// nested reports whether one mention contains the other (i-within-i).
func (r *resolver) nested(m, a *ment) bool {
	return m.Sentence == a.Sentence && m.Start < a.End && a.Start < m.End
}

// strictHead links noun phrases whose head matches a head of the earlier
// cluster, optionally requiring that the later cluster's words are all in
// the earlier one (inclusion) and that the mention's modifiers are too.
func (r *resolver) strictHead(m, a *ment, modifiers, inclusion bool) bool {
	if a.Pronoun || m.coord || a.coord || r.nested(m, a) || len(a.words) > 0 && quantifiers[a.words[0]] {
		return false
	}
	if bareNoun(m) || bareNoun(a) {
		return false // "government", "the brain" ... "brain": bare nouns are mostly generic
	}
	ca, cm := r.cluster(a), r.cluster(m)
	if !ca.heads[m.head] {
		return false
	}
	if modifiers && !allIn(m.mods, ca.words) {
		return false
	}
	if inclusion && !keysIn(cm.words, ca.words) {
		return false
	}
	return r.compatible(cm, ca)
}

// bareNoun reports whether m is a common noun phrase without a determiner
// or possessive ("government", "mice").
func bareNoun(m *ment) bool {
	return !m.Named && m.headPOS == "NOUN" && len(m.words) == 1
}

// definite reports whether a noun phrase starts with a definite determiner
// or a possessive.
func definite(m *ment) bool {
	if len(m.words) == 0 {
		return false
	}
	w := m.words[0]
	return w == "the" || w == "this" || w == "these" || w == "that" || w == "those" || pronouns[w].possessive
}

// keysIn reports whether every word of x that is not a stop word is in set.
func keysIn(x, set map[string]bool) bool {
	for w := range x {
		if !stopWords[w] && !set[w] {
			return false
		}
	}
	return true
}

// allIn reports whether every word that is not a stop word is in set.
func allIn(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if !stopWords[w] && !set[w] {
			return false
		}
	}
	return true
}

// properHead links names with the same head word ("Tillerson", "Rex
// Tillerson", "Mr. Tillerson") unless they differ in a number or a
// capitalized modifier that the other lacks in a way that contradicts.
func (r *resolver) properHead(m, a *ment) bool {
	if !m.Named || !a.Named || m.coord || a.coord || r.nested(m, a) {
		return false
	}
	if m.head != a.head && !(roleTitles[m.head] && r.cluster(m).heads[a.head]) {
		return false // "Secretary of State Rex Tillerson" headed by its title matches by the name inside
	}
	ca := r.cluster(a)
	if numbersDiffer(m.words, a.words) || !allIn(nonTitle(m.mods), ca.words) || !r.compatible(r.cluster(m), ca) {
		return false
	}
	return true
}

// nonTitle returns the modifiers that are not part of a role title or an
// honorific, so that "Secretary of State Rex Tillerson" may join an earlier
// "Rex Tillerson".
func nonTitle(mods []string) []string {
	var out []string
	for _, w := range mods {
		if _, hon := titleGender[w]; !hon && !roleTitles[w] && !titleComplements[w] {
			out = append(out, w)
		}
	}
	return out
}

// numbersDiffer reports whether both phrases hold numbers and they differ.
func numbersDiffer(x, y []string) bool {
	nums := func(ws []string) string {
		var b strings.Builder
		for _, w := range ws {
			if w != "" && unicode.IsDigit(rune(w[0])) {
				b.WriteString(w + " ")
			}
		}
		return b.String()
	}
	nx, ny := nums(x), nums(y)
	return nx != "" && ny != "" && nx != ny
}

// roleTitle links a definite title ("the secretary") to an earlier named
// person introduced with that title ("Secretary of State Rex Tillerson").
func (r *resolver) roleTitle(m, a *ment) bool {
	if m.Named || !roleTitles[m.head] || len(m.words) > 4 || !a.Named {
		return false
	}
	if len(m.words) > 1 && m.words[0] != "the" {
		return false
	}
	ca := r.cluster(a)
	return ca.mods[m.head] && r.compatible(r.cluster(m), ca)
}

package alias

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/gazetteer"
)

// placeCases are the prepositions after which a name is a place: "in
// Coron", "near Busuanga".
var placeCases = map[string]bool{"in": true, "near": true, "across": true, "throughout": true, "around": true,
	"at": true, "into": true, "toward": true, "towards": true, "via": true, "within": true, "inside": true, "outside": true}

// personVerbs are the verbs whose subject is a person: a place does not say,
// think, marry or die; personObjects those whose object is one.
var (
	personVerbs   = map[string]bool{"say": true, "tell": true, "think": true, "believe": true, "write": true, "marry": true, "die": true, "reply": true, "recall": true, "explain": true}
	personObjects = map[string]bool{"appoint": true, "elect": true, "marry": true, "hire": true, "name": true}
)

// personal reports whether a mention's head is the subject of a verb of
// personVerbs or the object of one of personObjects.
func personal(toks []kg.Token, head int) bool {
	gov := toks[head].Head - 1
	if gov < 0 || gov >= len(toks) || toks[gov].UPOS != "VERB" {
		return false
	}
	l := toks[gov].Lemma
	return toks[head].Rel == "nsubj" && personVerbs[l] || toks[head].Rel == "obj" && personObjects[l]
}

// caseMarks are the words between the parties of a court case: "Ratych v.
// Bloomer".
var caseMarks = map[string]bool{"v.": true, "vs.": true}

// regnal are the numbers after a ruler's name: "Norton I", "Henry VIII".
var regnal = map[string]bool{"I": true, "II": true, "III": true, "IV": true, "V": true, "VI": true, "VII": true,
	"VIII": true, "IX": true, "X": true, "XI": true, "XII": true, "XIII": true, "XIV": true, "XV": true, "XVI": true}

// evidence is what a document says of its entities besides their names,
// by entity ID.
type evidence struct {
	loc      map[string]int // mentions after a place preposition
	personal map[string]int // personal pronouns (he, she) in their chains
	party    map[string]int // mentions as a party of a court case
	acts     map[string]int // mentions as the subject of say, think, … or the object of appoint, elect, …
}

// minPersonal is how many personal pronouns make an entity a person.
const minPersonal = 2

// eventLast and eventFirst are words that make a name an event: the "Olympic
// Games", "Cyclone Phailin".
var (
	eventLast  = map[string]bool{"games": true, "olympics": true, "war": true, "cup": true, "championship": true, "championships": true, "festival": true, "revolution": true}
	eventFirst = map[string]bool{"cyclone": true, "hurricane": true, "typhoon": true, "storm": true, "tropical": true}
)

// retype makes the type of each entity agree with what its name says,
// whatever the entity tagger voted: a name the gazetteer knows as a country
// or place is a Place, one ending with an organization's head word
// ("Aberdeen Grammar School", "Atlantic Lottery Corporation") an
// Organization, one ending with a place's ("Pittock Mansion") a Place, a
// storm or a games an Event; a one-word "person" that the document puts
// after "in" or "near" is a Place; an entity that the document calls "he"
// or "she" is a Person; and a Concept named like a person (a given name and
// a surname) is a Person.
func (r *Resolver) retype(ents []kg.Entity, ev evidence) {
	if r.gaz == nil {
		return
	}
	people := map[string]bool{} // the words of the document's person names
	for _, e := range ents {
		if e.Type == kg.Person {
			for _, w := range strings.Fields(e.Label) {
				people[w] = true
			}
		}
	}
	for i := range ents {
		e := &ents[i]
		if notName(e.Label) || !strings.ContainsFunc(e.Label, unicode.IsUpper) {
			e.Type = kg.Concept // "one kingdom" is no name
			continue
		}
		if t, ok := r.nameType(e.Label, e.Type, people); ok {
			e.Type = t
			continue
		}
		words := strings.Fields(e.Label)
		switch {
		case e.Type != kg.Person && len(words) == 1 && ev.party[e.ID] > 0,
			e.Type == kg.Place && len(words) == 1 && ev.acts[e.ID] > 0 && ev.loc[e.ID] == 0:
			e.Type = kg.Person
		case e.Type == kg.Person && len(words) == 1 && ev.loc[e.ID] > 0 && !r.has(words[0], gazetteer.GivenName):
			e.Type = kg.Place
		case ev.personal[e.ID] >= minPersonal && ev.loc[e.ID] == 0 && e.Type != kg.Concept:
			e.Type = kg.Person
		case e.Type == kg.Concept && len(words) >= 2 && len(words) <= 4 && allCapitalized(words) &&
			r.has(words[0], gazetteer.GivenName):
			e.Type = kg.Person
		}
	}
}

// nameType returns the type a label's words give, and false when they give
// none. people holds the words of the document's person names, which make
// "Norton I" a ruler.
func (r *Resolver) nameType(label string, typ kg.EntityType, people map[string]bool) (kg.EntityType, bool) {
	words := strings.Fields(label)
	if len(words) == 0 {
		return "", false
	}
	given := r.has(words[0], gazetteer.GivenName)
	if typ != kg.Person || !given {
		for _, e := range r.gaz.Lookup(label) {
			switch e.Kind {
			case gazetteer.Country, gazetteer.Capital, gazetteer.Place:
				return kg.Place, true
			case gazetteer.Organization:
				return kg.Organization, true
			}
		}
	}
	if len(words) < 2 || typ == kg.Person && given {
		return "", false
	}
	ruler := regnal[words[len(words)-1]] && people[words[0]]
	if ruler {
		words = words[:len(words)-1]
	}
	first, last := strings.ToLower(words[0]), strings.ToLower(words[len(words)-1])
	switch {
	case eventLast[last] || eventFirst[first]:
		return kg.Event, true
	case ruler:
		return kg.Person, true
	}
	return r.headType(words)
}

// headType returns the type the head word of a name gives: its last word
// ("Aberdeen Grammar School"), its first before "of" ("Court of Appeal"), or
// the word before a place that ends it ("Vrije Universiteit Amsterdam").
func (r *Resolver) headType(words []string) (kg.EntityType, bool) {
	if len(words) < 2 {
		return "", false
	}
	head := words[len(words)-1]
	switch {
	case len(words) > 2 && strings.EqualFold(words[1], "of"):
		head = words[0] // "Court of Appeal", "Municipality of Culion"
	case r.known(head) && len(words) > 2:
		if w := words[len(words)-2]; r.has(w, gazetteer.OrganizationHead) {
			head = w
		}
	}
	switch {
	case r.has(head, gazetteer.OrganizationHead):
		return kg.Organization, true
	case r.has(head, gazetteer.PlaceHead):
		return kg.Place, true
	}
	return "", false
}

// has reports whether the gazetteer lists word with the kind.
func (r *Resolver) has(word string, kind gazetteer.Kind) bool {
	for _, e := range r.gaz.Lookup(word) {
		if e.Kind == kind {
			return true
		}
	}
	return false
}

// courtParty reports whether the mention stands before or after the "v."
// of a court case.
func courtParty(toks []kg.Token, start, end int) bool {
	return end < len(toks) && caseMarks[strings.ToLower(toks[end].Text)] ||
		start > 0 && caseMarks[strings.ToLower(toks[start-1].Text)]
}

// locative reports whether a mention's head is the object of a place
// preposition ("in Coron"), the of-phrase of a place noun ("the island of
// Busuanga") or a name in front of one ("Barracuda lake").
func (r *Resolver) locative(toks []kg.Token, head int) bool {
	for _, t := range toks {
		if t.Head-1 == head && t.Rel == "case" && placeCases[strings.ToLower(t.Text)] {
			return true
		}
	}
	gov := toks[head].Head - 1
	if gov < 0 || gov >= len(toks) || toks[gov].UPOS != "NOUN" || !r.placeNoun(toks[gov].Lemma) {
		return false
	}
	rel := toks[head].Rel
	if rel == "conj" && toks[gov].Rel == "compound" { // "Barracuda and Kayangan lakes"
		return r.locative(toks, gov)
	}
	return rel == "compound" || strings.HasPrefix(rel, "nmod") && hasCaseWord(toks, head, "of")
}

// placeNoun reports whether a common noun names a kind of place ("island",
// "lake"), by the gazetteer's place head words.
func (r *Resolver) placeNoun(lemma string) bool {
	if lemma == "" {
		return false
	}
	rn, size := utf8.DecodeRuneInString(lemma)
	return r.has(string(unicode.ToUpper(rn))+lemma[size:], gazetteer.PlaceHead)
}

// hasCaseWord reports whether word i has the case marker w.
func hasCaseWord(toks []kg.Token, i int, w string) bool {
	for _, t := range toks {
		if t.Head-1 == i && t.Rel == "case" && strings.EqualFold(t.Text, w) {
			return true
		}
	}
	return false
}

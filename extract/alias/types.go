package alias

import (
	"strings"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/gazetteer"
)

// placeCases are the prepositions after which a name is a place: "in
// Coron", "near Busuanga".
var placeCases = map[string]bool{"in": true, "near": true, "across": true, "throughout": true, "around": true}

// evidence is what a document says of its entities besides their names,
// by entity ID.
type evidence struct {
	loc      map[string]int // mentions after a place preposition
	personal map[string]int // personal pronouns (he, she) in their chains
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
	for i := range ents {
		e := &ents[i]
		if notName(e.Label) {
			continue
		}
		if t, ok := r.nameType(e.Label, e.Type); ok {
			e.Type = t
			continue
		}
		words := strings.Fields(e.Label)
		switch {
		case e.Type == kg.Person && len(words) == 1 && ev.loc[e.ID] > 0 && !r.has(words[0], gazetteer.GivenName):
			e.Type = kg.Place
		case ev.personal[e.ID] >= minPersonal && e.Type != kg.Concept:
			e.Type = kg.Person
		case e.Type == kg.Concept && len(words) >= 2 && len(words) <= 4 && allCapitalized(words) &&
			r.has(words[0], gazetteer.GivenName):
			e.Type = kg.Person
		}
	}
}

// nameType returns the type a label's words give, and false when they give
// none.
func (r *Resolver) nameType(label string, typ kg.EntityType) (kg.EntityType, bool) {
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
	first, last := strings.ToLower(words[0]), strings.ToLower(words[len(words)-1])
	if eventLast[last] || eventFirst[first] {
		return kg.Event, true
	}
	head := words[len(words)-1]
	if len(words) > 2 && strings.EqualFold(words[1], "of") {
		head = words[0] // "Court of Appeal", "Municipality of Culion"
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

// locative reports whether a mention's head is the object of a place
// preposition.
func locative(toks []kg.Token, head int) bool {
	for _, t := range toks {
		if t.Head-1 == head && t.Rel == "case" && placeCases[strings.ToLower(t.Text)] {
			return true
		}
	}
	return false
}

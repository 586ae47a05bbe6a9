package coref

import (
	"sort"
	"strings"

	"github.com/kgnews/kg"
)

// Agreement values. Zero means unknown and agrees with anything.
type (
	number  uint8
	gender  uint8
	animacy uint8
)

const (
	singular number = iota + 1
	plural
)

const (
	male gender = iota + 1
	female
	neuter
)

const (
	animate animacy = iota + 1
	inanimate
)

// pron describes one English pronoun.
type pron struct {
	known      bool
	person     int // 1, 2 or 3
	number     number
	gender     gender
	animacy    animacy
	reflexive  bool
	possessive bool
	demonstr   bool
}

// pronouns is the closed class of English pronouns that coreference resolves.
var pronouns = func() map[string]pron {
	m := map[string]pron{}
	set := func(words string, p pron) {
		p.known = true
		for _, w := range strings.Fields(words) {
			m[w] = p
		}
	}
	set("i me myself", pron{person: 1, number: singular, animacy: animate})
	set("my mine", pron{person: 1, number: singular, animacy: animate, possessive: true})
	set("we us ourselves ourself", pron{person: 1, number: plural, animacy: animate})
	set("our ours", pron{person: 1, number: plural, animacy: animate, possessive: true})
	set("you yourself yourselves y'all ya", pron{person: 2, animacy: animate})
	set("your yours", pron{person: 2, animacy: animate, possessive: true})
	set("he him himself", pron{person: 3, number: singular, gender: male, animacy: animate})
	set("his", pron{person: 3, number: singular, gender: male, animacy: animate, possessive: true})
	set("she her herself", pron{person: 3, number: singular, gender: female, animacy: animate})
	set("hers", pron{person: 3, number: singular, gender: female, animacy: animate, possessive: true})
	set("it itself", pron{person: 3, number: singular, gender: neuter, animacy: inanimate})
	set("its", pron{person: 3, number: singular, gender: neuter, animacy: inanimate, possessive: true})
	set("they them themselves themself", pron{person: 3, number: plural})
	set("their theirs", pron{person: 3, number: plural, possessive: true})
	set("this that", pron{person: 3, number: singular, animacy: inanimate, demonstr: true})
	set("these those", pron{person: 3, number: plural, demonstr: true})
	for _, w := range strings.Fields("myself ourselves ourself yourself yourselves himself herself itself themselves themself") {
		p := m[w]
		p.reflexive = true
		m[w] = p
	}
	return m
}()

// pronounInfo looks a pronoun up, case-insensitively.
func pronounInfo(word string) pron {
	return pronouns[strings.ToLower(word)]
}

// sortMentions orders mentions by sentence, first word, then longer first.
func sortMentions(ms []Mention) {
	sort.SliceStable(ms, func(a, b int) bool {
		x, y := ms[a], ms[b]
		if x.Sentence != y.Sentence {
			return x.Sentence < y.Sentence
		}
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return x.End > y.End
	})
}

// typeAnimacy returns the animacy an entity type implies. Places are left
// unknown: NER tags too many persons as places for that to be safe.
func typeAnimacy(t kg.EntityType) animacy {
	switch t {
	case kg.Person:
		return animate
	case kg.Event:
		return inanimate
	}
	return 0
}

package extract

import (
	"strings"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/relations"
)

// clauseWord reports whether token t, before a concept's head, belongs to a
// clause rather than to a noun phrase: an auxiliary, or a verb that does
// not modify the noun. A concept named with one is a
// sentence fragment that a bad parse made an argument.
func clauseWord(t kg.Token) bool {
	if t.UPOS == "AUX" {
		return true
	}
	if t.UPOS != "VERB" {
		return false
	}
	switch t.Rel {
	case "amod", "compound", "flat":
		return false // "hardening attitudes", "the proposed law"
	}
	return true // "the two also announced new measures": a verb heading a clause
}

// leadingDebris reports whether token i, when it would open a concept's
// label, is a word that a noun phrase's name does without: determiners,
// pronouns, punctuation, prepositions and particles, and focus or degree
// adverbs ("even the best preparation", "at least 5 events", "only its
// ruins").
func leadingDebris(toks []kg.Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Text == "-" {
		return false // "all - time low"
	}
	t := toks[i]
	w := strings.ToLower(t.Text)
	switch t.UPOS {
	case "DET", "PRON", "PUNCT", "ADP", "PART", "CCONJ", "SCONJ":
		return true
	case "ADV":
		return focusAdverbs[w]
	case "ADJ":
		return (w == "least" || w == "most") && i > 0 && strings.EqualFold(toks[i-1].Text, "at")
	}
	return false
}

// focusAdverbs open a noun phrase without being part of what it names.
var focusAdverbs = map[string]bool{"even": true, "only": true, "just": true, "almost": true, "nearly": true,
	"possibly": true, "probably": true, "perhaps": true, "about": true, "around": true, "roughly": true,
	"approximately": true, "also": true, "merely": true, "simply": true, "very": true, "too": true,
	"so": true, "quite": true, "rather": true, "still": true, "already": true, "mostly": true, "largely": true,
	"therefore": true, "thus": true, "hence": true, "potentially": true, "allegedly": true, "reportedly": true,
	"apparently": true, "arguably": true, "now": true, "currently": true, "once": true, "eventually": true, "finally": true, "ultimately": true, "certainly": true, "especially": true, "particularly": true}

// underPossessor reports whether token i belongs to the possessor of head
// ("Assad's", "Moscow's"): the possessor is an argument of its own, not
// part of the possessed thing's name.
func underPossessor(toks []kg.Token, i, head int) bool {
	for n, j := 0, i; j >= 0 && j < len(toks) && j != head && n <= len(toks); n++ {
		if toks[j].Rel == "nmod:poss" {
			return true
		}
		if toks[j].Rel == "case" && toks[j].Head > 0 && toks[j].Head <= len(toks) && toks[toks[j].Head-1].Rel == "nmod:poss" {
			return true
		}
		j = toks[j].Head - 1
	}
	return false
}

// article reports whether t is an article or demonstrative, which a
// concept's label leaves out wherever it stands ("possibly an all-time low").
func article(t kg.Token) bool {
	if t.UPOS != "DET" {
		return false
	}
	switch strings.ToLower(t.Text) {
	case "a", "an", "the", "this", "that", "these", "those":
		return true
	}
	return false
}

// prepositions are the case markers a predicate can end with.
var prepositions = map[string]bool{"about": true, "across": true, "after": true, "against": true, "along": true,
	"among": true, "around": true, "as": true, "at": true, "before": true, "behind": true, "between": true,
	"by": true, "despite": true, "during": true, "for": true, "from": true, "in": true, "into": true,
	"near": true, "of": true, "off": true, "on": true, "onto": true, "out": true, "over": true, "since": true,
	"than": true, "through": true, "throughout": true, "to": true, "toward": true, "towards": true,
	"under": true, "until": true, "upon": true, "via": true, "with": true, "within": true, "without": true, "outside": true, "inside": true,
	"beyond": true, "above": true, "below": true, "beneath": true, "amid": true, "like": true, "per": true,
	"alongside": true, "next": true, "past": true, "up": true, "down": true, "off_of": true}

// extraPreposition reports whether a further argument with preposition
// prep makes a fact of its own with predicate pred: not when pred already
// ends with a preposition ("exist_at" + "in" reads as nothing a reader
// asks for), and not for "of" or "than", which modify a noun or compare.
func extraPreposition(pred, prep string) bool {
	if prep == "of" || prep == "than" || strings.Contains(prep, "_") {
		return false
	}
	if i := strings.LastIndexByte(pred, '_'); i >= 0 && prepositions[pred[i+1:]] {
		return false
	}
	return true
}

// timeHead reports whether an argument is headed by a time word or a year
// that names no entity: such an argument is a time, not a participant.
func (b *factBuilder) timeHead(si int, a relations.Argument) bool {
	toks := b.x.Sentences[si].Tokens
	if a.Head < 0 || a.Head >= len(toks) || b.isPerson(b.byToken[si][a.Head]) {
		return false // "May" may be a person
	}
	a = partOf(toks, a) // "a lot of the last five months"
	return relations.TimeWord(toks[a.Head].Lemma) || relations.TimeWord(toks[a.Head].Text)
}

// falseIdentity reports whether a "be" fact would equate two named
// entities: two places ("place be place" from a list of places), entities
// of different types, or two names the entity linker kept apart, which a
// copula between them rarely makes one (a parse of "the White House and the
// Senate" or of a list).
func (b *factBuilder) falseIdentity(pred, subj, obj string) bool {
	if pred != "be" {
		return false
	}
	i, ok1 := b.entities[subj]
	j, ok2 := b.entities[obj]
	if !ok1 || !ok2 {
		return false
	}
	s, o := b.x.Entities[i].Type, b.x.Entities[j].Type
	return s != kg.Concept && o != kg.Concept
}

// selfPossession reports whether a have fact would give an entity what its
// own name's possessive already names: "Moscow has Moscow's Carnegie
// Center".
func (b *factBuilder) selfPossession(pred, subj, obj string) bool {
	i, ok1 := b.entities[subj]
	j, ok2 := b.entities[obj]
	if pred != "have" || !ok1 || !ok2 {
		return false
	}
	s, o := b.x.Entities[i].Label, b.x.Entities[j].Label
	if strings.Contains(o, s) {
		return true // "NSW has University of NSW": named after it, not owned
	}
	for _, apos := range []string{"’s", "'s"} {
		if k := strings.Index(o, apos); k > 0 {
			owner := strings.TrimSpace(o[:k])
			if strings.Contains(s, owner) || strings.Contains(owner, s) {
				return true // "New People Party has New People Party's Michael Tien"
			}
		}
	}
	return false
}

// hasSubject reports whether token i has a subject of its own.
func hasSubject(toks []kg.Token, i int) bool {
	for _, t := range toks {
		if t.Head-1 == i && strings.HasPrefix(t.Rel, "nsubj") {
			return true
		}
	}
	return false
}

package extract

import (
	"strings"

	"github.com/kgnews/kg"
)

// clauseWord reports whether token t belongs to a clause rather than to a
// noun phrase: a finite verb or an auxiliary. A concept named with one is a
// sentence fragment that a bad parse made an argument.
func clauseWord(t kg.Token) bool {
	if t.UPOS == "AUX" {
		return true
	}
	if t.UPOS != "VERB" {
		return false
	}
	switch t.XPOS {
	case "VBD", "VBZ", "VBP", "MD":
		return t.Rel != "amod" && t.Rel != "compound"
	}
	return false
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
	switch t := toks[i]; t.UPOS {
	case "DET", "PRON", "PUNCT", "ADP", "PART", "ADV", "CCONJ":
		return true
	case "ADJ":
		w := strings.ToLower(t.Text)
		return (w == "least" || w == "most") && i > 0 && strings.EqualFold(toks[i-1].Text, "at")
	}
	return false
}

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

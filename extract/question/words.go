package question

import (
	"strings"

	"github.com/kgnews/kg"
)

// Word classes the reader needs. They are closed classes of English, not
// lists of names or predicates.
var (
	whWords  = set("who whom what which where when whose how")
	modals   = set("will would can could may might shall should must ca wo")
	preps    = set("about above across after against along among around at before behind below beside between beyond by despite during for from in inside into like near of off on onto out outside over since through throughout till to toward towards under until upon via with within without instead")
	months   = set("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec")
	timeHead = set("year years month months week weeks day days today yesterday tomorrow tonight morning afternoon evening night weekend hour hours century centuries decade decades era season spring summer autumn winter date monday tuesday wednesday thursday friday saturday sunday christmas")
	// stopLemmas carry no content for matching sentences.
	stopLemmas = set("be have do the a an of to in on at by for with from and or not who whom what which where when whose how that this these those it its he she they them his her their we you i me my our your there here also first else ever other")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func lower(t kg.Token) string { return strings.ToLower(t.Text) }

func lemmaOf(t kg.Token) string {
	if t.Lemma != "" {
		return strings.ToLower(t.Lemma)
	}
	return lower(t)
}

func isBe(t kg.Token) bool {
	switch lower(t) {
	case "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re":
		return true
	}
	return false
}

func isDoHave(t kg.Token) bool {
	switch lower(t) {
	case "do", "does", "did", "has", "have", "had":
		return true
	}
	return modals[lower(t)]
}

func isHave(t kg.Token) bool {
	switch lower(t) {
	case "has", "have", "had":
		return true
	}
	return false
}

// isVerb reports whether a token is a content verb (not an auxiliary).
func isVerb(t kg.Token) bool {
	if isBe(t) || modals[lower(t)] {
		return false
	}
	return t.UPOS == "VERB" || strings.HasPrefix(t.XPOS, "VB") && t.UPOS != "AUX"
}

func isParticiple(t kg.Token) bool { return t.XPOS == "VBN" || t.XPOS == "VBD" && t.UPOS == "VERB" }

// isPrep reports whether a token is a preposition (not the to of an
// infinitive).
func isPrep(t kg.Token) bool {
	if !preps[lower(t)] {
		return false
	}
	return t.UPOS == "ADP" || t.UPOS == "SCONJ" || t.UPOS == "ADV" || t.XPOS == "IN" || t.XPOS == "TO" || t.XPOS == "RP"
}

// isParticle reports whether a token is a verb particle (carry out).
func isParticle(t kg.Token) bool {
	return t.XPOS == "RP" || t.Rel == "compound:prt"
}

// isNominal reports whether a token can be part of a noun phrase.
func isNominal(t kg.Token) bool {
	switch t.UPOS {
	case "DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON", "PART", "X", "SYM":
		return t.UPOS != "PART" || t.XPOS == "POS"
	case "PUNCT":
		return t.Text == "-" || t.Text == "." || t.Text == "'" || t.Text == "’" || t.Text == "&"
	}
	return false
}

// isTimePhrase reports whether a noun phrase names a time: a year, a month,
// a day, or a time noun.
func isTimePhrase(toks []kg.Token) bool {
	for _, t := range toks {
		w := lower(t)
		if months[w] && (w != "may" || t.UPOS == "PROPN") || timeHead[w] {
			return true
		}
		if t.UPOS == "NUM" && len(w) == 4 && w[0] >= '1' && w[0] <= '2' {
			return true
		}
		if strings.HasSuffix(w, "s") && len(w) == 5 && w[0] >= '1' && w[0] <= '2' && w[3] == '0' { // 1990s
			return true
		}
	}
	return false
}

// hasProper reports whether a phrase holds a proper noun.
func hasProper(toks []kg.Token) bool {
	for _, t := range toks {
		if t.UPOS == "PROPN" {
			return true
		}
	}
	return false
}

package queries

import (
	"slices"
	"strings"
	"unicode"
)

// articles are dropped inside verb phrases: "have a meeting with".
var articles = map[string]bool{"a": true, "an": true, "the": true}

func isAux(w string) bool {
	switch strings.ToLower(w) {
	case "has", "have", "had", "did", "does", "do", "will", "would", "could", "might", "may", "also", "else", "ever":
		return true
	}
	return false
}

// isParticiple reports whether w looks like a past participle or past tense.
func isParticiple(w string) bool {
	w = strings.ToLower(w)
	if _, ok := irregularVerbs[w]; ok {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "ed")
}

// isVerbPhrase reports whether words are a verb followed only by particles
// and articles, or a known multiword predicate.
func isVerbPhrase(words []string) bool {
	if len(words) == 0 || particles[strings.ToLower(words[0])] {
		return false
	}
	if _, ok := knownPhrase(words); ok {
		return true
	}
	for _, w := range words[1:] {
		if lw := strings.ToLower(w); !particles[lw] && !articles[lw] {
			return false
		}
	}
	return true
}

// knownPhrase reports whether words, lemmatized, are a multiword predicate
// of the synonym table (hold talks with → hold_talk_with).
func knownPhrase(words []string) (string, bool) {
	if len(words) < 2 {
		return "", false
	}
	for _, p := range phraseForms(words) {
		if _, ok := canonicalPredicate[p]; ok {
			return p, true
		}
	}
	return "", false
}

// verbPhraseStart returns where the verb phrase at the end of words starts:
// a known multiword predicate when one ends the words, else the last word
// that is not a particle. It returns -1 when there is none.
func verbPhraseStart(words []string) int {
	for i := 1; i < len(words)-1; i++ { // longest known phrase first
		if _, ok := knownPhrase(words[i:]); ok {
			return i
		}
	}
	j := len(words) - 1
	for j >= 0 && particles[strings.ToLower(words[j])] {
		j--
	}
	return j
}

// verbPhraseLen returns how many words at the start of words make the verb
// phrase: a known multiword predicate, or a verb and its particles.
func verbPhraseLen(words []string) int {
	for n := min(len(words)-1, 5); n >= 2; n-- {
		if _, ok := knownPhrase(words[:n]); ok {
			return n
		}
	}
	if len(words) == 0 || particles[strings.ToLower(words[0])] {
		return 0
	}
	n := 1
	for n < len(words)-1 && particles[strings.ToLower(words[n])] {
		n++
	}
	return n
}

// phraseForms returns the predicate spellings a verb phrase may stand for:
// each lemma candidate of its verb joined with the lemmas of the rest.
func phraseForms(words []string) []string {
	var rest []string
	for _, w := range words[1:] {
		lw := strings.ToLower(w)
		switch {
		case articles[lw]:
		case particles[lw]:
			rest = append(rest, lw)
		default:
			rest = append(rest, nounLemma(lw))
		}
	}
	var out []string
	for _, l := range verbLemmas(words[0]) {
		out = append(out, strings.Join(append([]string{l}, rest...), "_"))
	}
	return out
}

// isWord reports whether w has a letter and only letters, hyphens and
// apostrophes: what a verb may look like.
func isWord(w string) bool {
	letter := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case r != '-' && r != '\'':
			return false
		}
	}
	return letter
}

// withPredicates fills the question's predicate from a verb phrase: the
// canonical form of the best lemma, and every candidate with its synonyms.
// ok is false when the verb phrase is no verb.
func withPredicates(q Question, verb []string) (Question, bool) {
	if len(verb) == 0 || !isWord(verb[0]) {
		return q, false
	}
	forms := phraseForms(verb)
	for _, f := range forms {
		for _, p := range synonymsOf(f) {
			if !slices.Contains(q.Predicates, p) {
				q.Predicates = append(q.Predicates, p)
			}
		}
	}
	q.Predicate = forms[0]
	for _, f := range forms {
		if c, ok := canonicalPredicate[f]; ok {
			q.Predicate = c
			break
		}
	}
	return q, true
}

package relations

import (
	_ "embed"
	"strings"

	"github.com/kgnews/kg/data"
)

//go:embed lexicon.txt
var lexiconText string

// lexicon holds the word lists of lexicon.txt, each as a set of lemmas.
type lexicon struct {
	lists    map[string]map[string]bool
	synonyms map[string]string // predicate → canonical predicate
	events   map[string]string // event noun → the verb it stands for
}

var lex = parseLexicon(lexiconText, data.Synonyms)

// parseLexicon reads "name: word word ..." lines of the word lists and
// "canonical: predicate ..." lines of the synonym table; malformed lines are
// skipped.
func parseLexicon(text, synonyms string) *lexicon {
	l := &lexicon{lists: map[string]map[string]bool{}, synonyms: map[string]string{}, events: map[string]string{}}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, words, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		fields := strings.Fields(words)
		if verb, ok := strings.CutPrefix(name, "event-"); ok {
			for _, w := range fields {
				l.events[w] = verb
			}
			continue
		}
		set := l.lists[name]
		if set == nil {
			set = map[string]bool{}
			l.lists[name] = set
		}
		for _, w := range fields {
			set[w] = true
		}
	}
	for line := range strings.SplitSeq(synonyms, "\n") {
		canon, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(canon, "#") {
			continue
		}
		for _, w := range strings.Fields(words) {
			l.synonyms[w] = strings.TrimSpace(canon)
		}
	}
	return l
}

// is reports whether word is in the named list.
func (l *lexicon) is(list, word string) bool { return l.lists[list][word] }

// canonical maps a predicate to its canonical synonym, or returns it unchanged.
func (l *lexicon) canonical(pred string) string {
	if c, ok := l.synonyms[pred]; ok {
		return c
	}
	return pred
}

// Partitive reports whether a noun lemma names a part or version of what its
// of-phrase names ("the latest version of a draft resolution").
func Partitive(lemma string) bool { return lex.is("partitive", lemma) }

// Speech reports whether lemma is a verb of reported speech or belief
// ("say", "claim"), whose clausal complement its subject vouches for.
func Speech(lemma string) bool { return lex.is("speech", strings.ToLower(lemma)) }

// TimeWord reports whether word is a time noun of the lexicon ("week",
// "Monday") or a year.
func TimeWord(word string) bool {
	w := strings.ToLower(word)
	return lex.is("time", w) || year(w)
}

package lemma

import (
	"sort"
	"strings"

	"github.com/kgnews/kg/extract/conllu"
)

// Train learns a lemmatizer from gold sentences: every lowercase lemma goes
// into the lexicon the rules choose from, and every (form, XPOS) whose most
// frequent gold lemma the rules get wrong becomes an exception. Lemma falls
// back to the exceptions of the lowercase form, so "Went" finds "went".
func Train(sents []*conllu.Sentence) *Lemmatizer {
	l := &Lemmatizer{exceptions: map[string]string{}, lexicon: map[string]bool{}}
	exact := map[string]map[string]int{}
	count := func(c map[string]map[string]int, k, v string) {
		if c[k] == nil {
			c[k] = map[string]int{}
		}
		c[k][v]++
	}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "" || w.Lemma == "_" {
				continue
			}
			if isLowerWord(w.Lemma) {
				l.lexicon[w.Lemma] = true
			}
			count(exact, key(w.XPOS, w.Form), w.Lemma+"\x00"+w.UPOS)
		}
	}
	for _, k := range sortedKeys(exact) {
		lem, upos, _ := strings.Cut(mostFrequent(exact[k]), "\x00")
		f := strings.Split(k, "\x00")
		if l.rule(f[1], strings.ToLower(f[1]), upos, f[0]) != lem {
			l.exceptions[k] = lem
		}
	}
	return l
}

func sortedKeys(m map[string]map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// mostFrequent returns the key with the highest count, the smallest on ties.
func mostFrequent(c map[string]int) string {
	best, bn := "", 0
	for v, n := range c {
		if n > bn || (n == bn && v < best) {
			best, bn = v, n
		}
	}
	return best
}

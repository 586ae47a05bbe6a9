package lemma

import (
	"sort"
	"strings"

	"github.com/kgnews/kg/extract/conllu"
)

// Train learns a lemmatizer from gold sentences: every lowercase lemma goes
// into the lexicon the rules choose from, and every (form, XPOS) whose most
// frequent gold lemma the rules get wrong becomes an exception. Lemma falls
// back to the exceptions of the lowercase form, so "Went" finds "went". It
// also counts how the lemmas of capitalized nouns are cased, which irregular
// forms have one lemma under every tag, and how proper-noun lemmas are
// cased, so that Lemma depends less on the tagger's proper/common choice.
func Train(sents []*conllu.Sentence) *Lemmatizer {
	l := newLemmatizer()
	exact, proper := map[string]map[string]int{}, map[string]map[string]int{}
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
			if w.UPOS == "PROPN" && hasUpper(w.Lemma) {
				count(proper, strings.ToLower(w.Lemma), w.Lemma)
			}
			if hasUpper(w.Form) && (w.UPOS == "NOUN" || w.UPOS == "PROPN") {
				c := l.casing[w.Form]
				if hasUpper(w.Lemma) {
					c.kept++
				} else if isLowerWord(w.Lemma) {
					c.lowered++
				}
				l.casing[w.Form] = c
			}
		}
	}
	for _, k := range sortedKeys(exact) {
		lem, upos, _ := strings.Cut(mostFrequent(exact[k]), "\x00")
		f := strings.Split(k, "\x00")
		if l.rule(f[1], strings.ToLower(f[1]), upos, f[0]) != lem {
			l.exceptions[k] = lem
		}
	}
	l.byForm = irregularForms(exact, l.exceptions)
	l.proper = properLemmas(proper)
	return l
}

// minIrregular is how often an irregular form must be seen in training for
// its lemma to carry over to other tags (once may be a typo in the data).
const minIrregular = 2

// irregularForms returns the forms with an exception whose gold lemma was
// the same under every tag they were seen with (at least minIrregular
// times), for tags training never gave them (sang tagged VBP finds sing
// from VBD).
func irregularForms(exact map[string]map[string]int, exceptions map[string]string) map[string]formLemma {
	lemmas, tags, seen := map[string]string{}, map[string][]string{}, map[string]int{}
	for _, k := range sortedKeys(exact) {
		xpos, form, _ := strings.Cut(k, "\x00")
		for v, n := range exact[k] {
			seen[form] += n
			lem, _, _ := strings.Cut(v, "\x00")
			if prev, ok := lemmas[form]; ok && prev != lem {
				lem = "\x00" // ambiguous
			}
			lemmas[form] = lem
		}
		tags[form] = append(tags[form], xpos)
	}
	out := map[string]formLemma{}
	for k := range exceptions {
		_, form, _ := strings.Cut(k, "\x00")
		if lem := lemmas[form]; isLowerWord(lem) && seen[form] >= minIrregular {
			out[form] = formLemma{lemma: lem, tags: strings.Join(tags[form], ",")}
		}
	}
	return out
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

// minProper is how often a proper-noun lemma must be seen in training for
// properCase to restore its casing.
const minProper = 2

// properLemmas maps lowercase proper-noun lemmas seen at least minProper
// times to their most frequent casing.
func properLemmas(c map[string]map[string]int) map[string]string {
	out := map[string]string{}
	for lw, cased := range c {
		best := mostFrequent(cased)
		if cased[best] >= minProper {
			out[lw] = best
		}
	}
	return out
}

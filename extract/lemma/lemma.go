package lemma

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lemmatizer turns words with their tags into lemmas. Its methods are safe
// for concurrent use.
type Lemmatizer struct {
	exceptions map[string]string    // key(XPOS, form) → lemma, where the rules get it wrong
	lexicon    map[string]bool      // lowercase lemmas seen in training, to choose between rule outputs
	casing     map[string]casing    // forms with capitals → how training cased their lemmas
	byForm     map[string]formLemma // irregular forms → their lemma under any tag
	proper     map[string]string    // lowercase proper-noun lemmas → their usual casing
}

// formLemma is the lemma an irregular form had under every tag it was seen
// with in training, and those tags (XPOS, comma-separated).
type formLemma struct{ lemma, tags string }

// casing counts the training lemmas of one capitalized form by case: kept
// (a proper-noun lemma, "Apple") or lowered (a common word, "laughter").
type casing struct{ kept, lowered int }

func newLemmatizer() *Lemmatizer {
	return &Lemmatizer{exceptions: map[string]string{}, lexicon: map[string]bool{},
		casing: map[string]casing{}, byForm: map[string]formLemma{}, proper: map[string]string{}}
}

// key is the exceptions key of a form with its tag.
func key(xpos, form string) string { return xpos + "\x00" + form }

// Lemma returns the lemma of word tagged upos (universal) and xpos (Penn
// Treebank). Exceptions learned for the form with its tag win, first as
// written and then in lowercase; otherwise the rules for the tag apply.
func (l *Lemmatizer) Lemma(word, upos, xpos string) string {
	if word == "" {
		return ""
	}
	upos, xpos = l.properness(word, upos, xpos)
	if lem, ok := l.exceptions[key(xpos, word)]; ok {
		return lem
	}
	lw := strings.ToLower(word)
	if lw != word {
		if lem, ok := l.exceptions[key(xpos, lw)]; ok {
			return lem
		}
	}
	lem := l.rule(word, lw, upos, xpos)
	if l.lexicon[lem] || xpos == "NNP" || xpos == "NNPS" {
		return lem
	}
	if f, ok := l.byForm[word]; ok && !hasTag(f.tags, xpos) {
		return f.lemma
	}
	return lem
}

// Casing thresholds: a capitalized form seen at least minCased times in
// training whose lemma kept its case in at most lowerShare of them is
// lemmatized as a common word whatever its tag, and in at least keepShare of
// them as a proper noun.
const (
	minCased   = 5
	lowerShare = 0.1
	keepShare  = 0.9
)

// properness overrides the properness of a capitalized word's tags with the
// training evidence on how its lemma is cased, since the tagger confuses
// proper and common nouns far more often than the treebanks disagree on a
// form: NNP(S) becomes NN(S) for forms whose lemmas were lowercased, and
// common tags become NNP(S) for forms whose lemmas kept their case.
func (l *Lemmatizer) properness(word, upos, xpos string) (string, string) {
	c, ok := l.casing[word]
	if !ok || c.kept+c.lowered < minCased {
		return upos, xpos
	}
	share := float64(c.kept) / float64(c.kept+c.lowered)
	switch {
	case (xpos == "NNP" || xpos == "NNPS") && share <= lowerShare:
		if xpos == "NNPS" {
			return "NOUN", "NNS"
		}
		return "NOUN", "NN"
	case (xpos == "NN" || xpos == "NNS") && share >= keepShare:
		if xpos == "NNS" {
			return "PROPN", "NNPS"
		}
		return "PROPN", "NNP"
	}
	return upos, xpos
}

// hasTag reports whether the comma-separated list tags holds tag.
func hasTag(tags, tag string) bool {
	for t := range strings.SplitSeq(tags, ",") {
		if t == tag {
			return true
		}
	}
	return false
}

// rule undoes regular English inflection by tag.
func (l *Lemmatizer) rule(word, lw, upos, xpos string) string {
	switch {
	case xpos == "NNP" || (upos == "PROPN" && xpos != "NNPS"):
		return l.properCase(word, lw)
	case xpos == "NNPS":
		return l.properSingular(word, lw)
	case xpos == "NNS":
		return l.pick(nounSingular(trimPossessive(lw)))
	case xpos == "VBZ":
		return l.pick(verbThird(lw))
	case xpos == "VBD" || xpos == "VBN":
		return l.pick(strip(lw, "ed", "ied"))
	case xpos == "VBG":
		return l.pick(strip(lw, "ing", ""))
	case xpos == "JJR" || xpos == "RBR":
		return l.pick(strip(lw, "er", "ier"))
	case xpos == "JJS" || xpos == "RBS":
		return l.pick(strip(lw, "est", "iest"))
	case upos == "PUNCT" || upos == "SYM":
		return word
	case xpos == "CD" && isGroupedNumber(word):
		return strings.ReplaceAll(word, ",", "")
	}
	return lw
}

// pick returns the first candidate seen as a lemma in training, or the
// first candidate (the rules' best guess) when none was.
func (l *Lemmatizer) pick(cands []string) string {
	for _, c := range cands {
		if l.lexicon[c] {
			return c
		}
	}
	return cands[0]
}

// properCase is the lemma of a proper noun: the word itself, or for a word
// in a casing never seen in training (india, TEHRAN) the usual casing of a
// proper-noun lemma it spells when that is a capitalized word (Mexico, not
// an acronym like SF), unless it spells a common lemma too.
func (l *Lemmatizer) properCase(word, lw string) string {
	if _, seen := l.casing[word]; seen || l.lexicon[lw] {
		return word
	}
	if p, ok := l.proper[lw]; ok && isTitle(p) {
		return p
	}
	return word
}

// isTitle reports whether w is a capital letter followed by lowercase ones
// (Mexico, not SF or McDonald).
func isTitle(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && isLowerWord(w[size:])
}

// properSingular is the singular of a plural proper noun in the case of
// word: a singular of the lowercase form seen in training (Diaries → Diary),
// else word without its plural -s (Americans → American).
func (l *Lemmatizer) properSingular(word, lw string) string {
	for _, c := range nounSingular(lw) {
		if c != lw && l.lexicon[c] {
			k := 0
			for k < len(c) && k < len(lw) && c[k] == lw[k] {
				k++
			}
			return word[:k] + c[k:]
		}
	}
	return plainSingular(word)
}

// trimPossessive drops the clitic of a possessive the tokenizer left on a
// word tagged as a plural (astronaut's → astronaut).
func trimPossessive(w string) string {
	for _, s := range []string{"'s", "’s"} {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

// plainSingular drops a plural -s from a proper noun, keeping its case.
func plainSingular(w string) string {
	if len(w) > 2 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "S")) && !strings.HasSuffix(strings.ToLower(w), "ss") {
		return w[:len(w)-1]
	}
	return w
}

// nounSingular lists singulars of a plural noun, best guess first.
func nounSingular(w string) []string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return []string{w[:n-3] + "y", w[:n-1]}
	case n > 4 && strings.HasSuffix(w, "ves"):
		return []string{w[:n-1], w[:n-3] + "f", w[:n-3] + "fe"}
	case n > 3 && strings.HasSuffix(w, "men"):
		return []string{w[:n-3] + "man", w}
	case hasAnySuffix(w, "sses", "xes", "zes", "ches", "shes"):
		return []string{w[:n-2], w[:n-1]}
	case n > 4 && strings.HasSuffix(w, "oes"):
		return []string{w[:n-1], w[:n-2]}
	case n > 3 && strings.HasSuffix(w, "ses"):
		return []string{w[:n-1], w[:n-2]}
	case n > 2 && strings.HasSuffix(w, "s") && !hasAnySuffix(w, "ss", "us", "is"):
		return []string{w[:n-1], w}
	}
	return []string{w}
}

// verbThird lists base forms of a third-person singular verb.
func verbThird(w string) []string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return []string{w[:n-3] + "y", w[:n-1]}
	case hasAnySuffix(w, "sses", "xes", "zes", "ches", "shes", "oes"):
		return []string{w[:n-2], w[:n-1]}
	case n > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return []string{w[:n-1], w[:n-2]}
	}
	return []string{w}
}

// strip lists stems of w without the suffix suf (ed, ing, er, est): the
// stem as is, with a final e restored, or with a doubled consonant undone,
// in the order a rule of thumb finds likeliest. iSuf is the spelling of the
// suffix after a y turned i (ied, ier), "" when there is none.
func strip(w, suf, iSuf string) []string {
	n := len(w)
	if iSuf != "" && n > len(iSuf)+1 && strings.HasSuffix(w, iSuf) {
		stem := w[:n-len(iSuf)]
		return []string{stem + "y", stem + "ie"}
	}
	if n < len(suf)+2 || !strings.HasSuffix(w, suf) {
		return []string{w}
	}
	stem := w[:n-len(suf)]
	withE := stem + "e"
	if strings.HasSuffix(stem, "e") { // agreed, seeing
		return []string{stem, w[:n-len(suf)+1]}
	}
	if k := len(stem); k >= 3 && stem[k-1] == stem[k-2] && isConsonant(stem[k-1]) {
		single := stem[:k-1]
		if strings.IndexByte("lsfz", stem[k-1]) >= 0 {
			return []string{stem, single, withE}
		}
		return []string{single, stem, withE}
	}
	if needsE(stem) {
		return []string{withE, stem}
	}
	return []string{stem, withE}
}

// needsE reports whether a stem looks like it lost a final silent e
// (mov-ed, danc-ing, judg-ed, argu-ed, creat-ed, organiz-ed).
func needsE(stem string) bool {
	if hasAnySuffix(stem, "v", "c", "u", "dg", "iz", "is", "ys", "rs", "ns", "ag") {
		return true
	}
	return len(stem) > 4 && hasAnySuffix(stem, "at", "ut", "os", "ir", "ur")
}

func isConsonant(b byte) bool {
	return b >= 'a' && b <= 'z' && strings.IndexByte("aeiou", b) < 0
}

func hasAnySuffix(w string, sufs ...string) bool {
	for _, s := range sufs {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// isLowerWord reports whether w has a letter and no uppercase letter.
func isLowerWord(w string) bool {
	letter := false
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsUpper(r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
		i += size
	}
	return letter
}

// isGroupedNumber reports whether w is digits in comma-separated groups
// (6,606 or 30,000), whose lemma the treebanks write without the commas.
func isGroupedNumber(w string) bool {
	groups := strings.Split(w, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 {
			return false
		}
		for j := 0; j < len(g); j++ {
			if g[j] < '0' || g[j] > '9' {
				return false
			}
		}
	}
	return true
}

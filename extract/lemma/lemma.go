package lemma

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lemmatizer turns words with their tags into lemmas. Its methods are safe
// for concurrent use.
type Lemmatizer struct {
	exceptions map[string]string // key(XPOS, form) → lemma, where the rules get it wrong
	lexicon    map[string]bool   // lowercase lemmas seen in training, to choose between rule outputs
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
	if lem, ok := l.exceptions[key(xpos, word)]; ok {
		return lem
	}
	lw := strings.ToLower(word)
	if lw != word {
		if lem, ok := l.exceptions[key(xpos, lw)]; ok {
			return lem
		}
	}
	return l.rule(word, lw, upos, xpos)
}

// rule undoes regular English inflection by tag.
func (l *Lemmatizer) rule(word, lw, upos, xpos string) string {
	switch {
	case xpos == "NNP" || (upos == "PROPN" && xpos != "NNPS"):
		return word
	case xpos == "NNPS":
		return plainSingular(word)
	case xpos == "NNS":
		return l.pick(nounSingular(lw))
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

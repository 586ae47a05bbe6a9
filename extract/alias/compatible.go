package alias

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// compatible reports whether two canonical labels can name one entity, so
// that coreference may join them: the words of the shorter appear in the
// longer in the same order ("Norton" and "Joshua Abraham Norton"), or one is
// the acronym of the other ("NASA"). Two different full names ("Drew Cass",
// "Devin Thurlow"), or two names that share only a head word ("Trinity
// College", "King's College"), are not.
func compatible(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return true
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if subsequence(wa, wb) {
		return !onlyComplement(wa, wb)
	}
	return len(wa) == 1 && (isAcronymOf(wa[0], wb) || isAcronymOf(strings.ToLower(b), nameWords(a)))
}

// onlyComplement reports whether the short name lies wholly in the of-phrase
// of the long one, as "Australia" in "Medical Journal of Australia": the
// place a name is of, not the thing it names.
func onlyComplement(short, long []string) bool {
	of := slices.Index(long, "of")
	if of <= 0 || !subsequence(short, long[of+1:]) {
		return false
	}
	return !slices.ContainsFunc(short, func(w string) bool { return slices.Contains(long[:of], w) })
}

// nameWords returns the lowercase words of a label without dots, a leading
// "the" and possessive endings, split at spaces and hyphens.
func nameWords(label string) []string {
	f := func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == ',' }
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(label), f) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.ReplaceAll(w, ".", "")
		if w == "" || len(out) == 0 && w == "the" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// subsequence reports whether the words of short appear in long in order.
func subsequence(short, long []string) bool {
	i := 0
	for _, w := range long {
		if i < len(short) && short[i] == w {
			i++
		}
	}
	return i == len(short)
}

// isAcronymOf reports whether word is made of the first letters of the
// words of name other than joiners ("nasa" for "national aeronautics and
// space administration").
func isAcronymOf(word string, name []string) bool {
	var b strings.Builder
	for _, w := range name {
		if nameJoiners[w] || w == "the" || w == "for" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return len(word) >= 2 && (word == b.String() || slices.Equal([]string{word}, name))
}

package tokenize

import "strings"

// wordCuts returns where the surface token w splits into syntactic words, as
// byte offsets inside w in increasing order (none when w is one word):
// do|n't, ca|n't, it|'s, states|', gon|na, can|not, do|nt.
func wordCuts(w string, buf []int) []int {
	buf = buf[:0]
	n := len(w)
	if n < 2 {
		return buf
	}
	if k := lastApostrophe(w); k > 0 {
		if cut := apostropheCut(w, k); cut > 0 {
			buf = append(buf, cut)
		}
		return buf
	}
	if n > 8 {
		return buf
	}
	var low [8]byte
	for i := 0; i < n; i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	if cut, ok := fusions[string(low[:n])]; ok {
		return append(buf, cut)
	}
	if n >= 4 && low[n-2] == 'n' && low[n-1] == 't' && negatable[string(low[:n-2])] {
		return append(buf, n-2) // dont, didnt, cant: do|nt as EWT has it
	}
	return buf
}

// lastApostrophe returns the byte offset of the last ' or ’ in w, or -1; a
// backquote inside a word counts as one ("can`t" is written so too).
func lastApostrophe(w string) int {
	for i := len(w) - 1; i >= 0; i-- {
		switch w[i] {
		case '\'', '`':
			return i
		case 0x99: // last byte of ’ (E2 80 99)
			if i >= 2 && w[i-2] == 0xE2 && w[i-1] == 0x80 {
				return i - 2
			}
		}
	}
	return -1
}

// apostropheCut returns the offset where a clitic starts, given the last
// apostrophe of w at k: n't, 's, 're, 'll, 've, 'd, 'm, or the final ' of a
// plural possessive; 0 when there is none.
func apostropheCut(w string, k int) int {
	size := 1
	if w[k] == 0xE2 { // ’
		size = 3
	}
	rest := w[k+size:]
	switch {
	case len(rest) == 1 && rest[0]|0x20 == 't' && w[k-1]|0x20 == 'n':
		if k >= 2 && isLetterOrDigit(w[k-2]) {
			return k - 1 // n't
		}
		return 0
	case !isLetterOrDigit(w[k-1]):
		return 0
	case rest == "":
		if w[k-1]|0x20 == 's' {
			return k // states'
		}
		return 0
	}
	switch len(rest) {
	case 1:
		if c := rest[0] | 0x20; c == 's' || c == 'd' || c == 'm' {
			return k
		}
	case 2:
		if strings.EqualFold(rest, "re") || strings.EqualFold(rest, "ll") || strings.EqualFold(rest, "ve") {
			return k
		}
	}
	return 0
}

func isLetterOrDigit(c byte) bool { return isWordByte(c) || c >= 0x80 }

// fusions are contractions written without an apostrophe that UD English
// splits into two words, in lower case, with where they split.
var fusions = map[string]int{
	"gonna": 3, "wanna": 3, "gotta": 3, "outta": 3, "gimme": 3, "lemme": 3,
	"cannot": 3, "im": 1, "ive": 1, "thats": 4, "youre": 3, "theyre": 4,
	"whats": 4, "shes": 3, "wont": 2,
}

// negatable are the stems that take "nt" in apostrophe-less negations.
var negatable = map[string]bool{
	"do": true, "does": true, "did": true, "is": true, "was": true, "are": true,
	"were": true, "have": true, "has": true, "had": true, "would": true,
	"could": true, "should": true, "ca": true, "must": true, "need": true,
}

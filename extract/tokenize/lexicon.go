package tokenize

import (
	"embed"
	"strings"
)

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// Word lists read once from the embedded lexicon files.
var (
	abbreviations = readList("lexicon/abbreviations.txt")
	hyphenPrefix  = readList("lexicon/prefixes.txt")
	emoticons     = readList("lexicon/emoticons.txt")
	abbrevLower   = lowerSet(abbreviations)
	units         = readList("lexicon/units.txt")
)

// readList reads one entry per line, skipping blank lines and # comments. A
// missing file gives an empty set; the embed directive makes that impossible.
func readList(name string) map[string]bool {
	b, err := lexiconFiles.ReadFile(name)
	set := map[string]bool{}
	if err != nil {
		return set
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || (line[0] == '#' && len(line) > 1 && line[1] == ' ') {
			continue
		}
		set[line] = true
	}
	return set
}

// lowerSet returns the ASCII lower-case forms of the entries of set.
func lowerSet(set map[string]bool) map[string]bool {
	out := make(map[string]bool, len(set))
	for w := range set {
		out[asciiLower(w)] = true
	}
	return out
}

// isAbbreviation reports whether w (without its final period) is a listed
// abbreviation, as written or in lower case.
func isAbbreviation(w string) bool {
	if abbreviations[w] {
		return true
	}
	return inLower(abbrevLower, w)
}

// inLower reports whether the ASCII lower case of w is in set, without
// allocating for short words.
func inLower(set map[string]bool, w string) bool {
	var buf [24]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// asciiLower lower-cases ASCII letters.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

package entityeval

import (
	"regexp"
	"strings"
)

var (
	spaces      = regexp.MustCompile(`\s+`)
	edgePunct   = regexp.MustCompile(`^["'(\[,;:.\-]+|["')\],;:\-]+$`)
	possessive  = regexp.MustCompile(`\s*'s?$`)
	identSuffix = regexp.MustCompile(`_?\(.*\)$`)
	quotes      = strings.NewReplacer("\u2019", "'", "\u2018", "'", "`", "'", "_", " ")
)

// articles are dropped from the start of a name, in this order.
var articles = []string{"the ", "a ", "an "}

// Norm is the form in which names are compared: lower case, single spaces,
// without quotes and brackets at the ends, a leading article, a possessive
// 's and dots ("The U.S.'s" → "us").
func Norm(s string) string {
	s = quotes.Replace(s)
	s = strings.ToLower(spaces.ReplaceAllString(strings.TrimSpace(s), " "))
	s = strings.TrimSpace(edgePunct.ReplaceAllString(s, ""))
	for _, a := range articles {
		s = strings.TrimPrefix(s, a)
	}
	s = possessive.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, ".", "")
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

// identityName is a Wikipedia identity without its bracketed qualifier.
func identityName(ident string) string {
	return identSuffix.ReplaceAllString(ident, "")
}

// joiners may stand inside a name between proper nouns: Sea-Air-Space,
// University of X.
var joiners = map[string]bool{"-": true, "&": true, "of": true, "and": true, "de": true, "von": true}

// counter counts strings and remembers the order they first came in, so
// that ties go to the first.
type counter struct {
	n     map[string]int
	order []string
}

func (c *counter) add(s string) {
	if c.n == nil {
		c.n = map[string]int{}
	}
	if _, ok := c.n[s]; !ok {
		c.order = append(c.order, s)
	}
	c.n[s]++
}

// mostCommon returns the most frequent string, the first seen on ties.
func (c *counter) mostCommon() string {
	best := ""
	for _, s := range c.order {
		if best == "" || c.n[s] > c.n[best] {
			best = s
		}
	}
	return best
}

// propnRuns returns the runs of consecutive proper nouns among the
// uncovered words of a mention.
func propnRuns(toks []Token, unc []int) [][]int {
	var runs [][]int
	var cur []int
	for _, j := range unc {
		switch {
		case toks[j].UPOS == "PROPN" && (len(cur) == 0 || cur[len(cur)-1] == j-1):
			cur = append(cur, j)
		case toks[j].UPOS == "PROPN":
			runs = append(runs, cur)
			cur = []int{j}
		case len(cur) > 0:
			runs = append(runs, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// headRun returns the proper nouns around the head word i, with joiners
// between them.
func headRun(toks []Token, i int) []int {
	a, b := i, i
	for a > 0 && (toks[a-1].UPOS == "PROPN" || a > 1 && joiners[toks[a-1].Form] && toks[a-2].UPOS == "PROPN") {
		a--
	}
	for b+1 < len(toks) && (toks[b+1].UPOS == "PROPN" || b+2 < len(toks) && joiners[toks[b+1].Form] && toks[b+2].UPOS == "PROPN") {
		b++
	}
	out := make([]int, 0, b-a+1)
	for j := a; j <= b; j++ {
		out = append(out, j)
	}
	return out
}

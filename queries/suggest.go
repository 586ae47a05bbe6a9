package queries

import (
	"sort"
	"strings"

	"github.com/kgnews/kg"
)

// suggest returns entities whose names are spelled close to the folded name
// k: each word of k is matched to the index's words within a small edit
// distance (one edit per four letters, at least one), and entities score by
// how many of k's words they match and how closely. The cost is bounded: only
// words with the same first letter or the same second letter and a length
// within the allowed distance are compared.
func (ix *nameIndex) suggest(k string) []kg.Entity {
	score := map[int32]int{}
	for _, w := range strings.Fields(k) {
		maxd := max(1, len([]rune(w))/4)
		for _, cand := range ix.closeWords(w, maxd) {
			for _, e := range ix.byWord[cand.word] {
				score[e] += 10 - cand.dist
			}
		}
	}
	ents := make([]int32, 0, len(score))
	for e := range score {
		ents = append(ents, e)
	}
	sort.Slice(ents, func(i, j int) bool {
		a, b := ents[i], ents[j]
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		if ix.ents[a].Mentions != ix.ents[b].Mentions {
			return ix.ents[a].Mentions > ix.ents[b].Mentions
		}
		return ix.ents[a].Label < ix.ents[b].Label
	})
	if len(ents) > MaxCandidates {
		ents = ents[:MaxCandidates]
	}
	out := make([]kg.Entity, len(ents))
	for i, e := range ents {
		out[i] = ix.ents[e]
	}
	return out
}

type closeWord struct {
	word string
	dist int
}

// closeWords returns the index's words within maxd edits of w that share
// its first letter (or, for a typo in the first letter, its second).
func (ix *nameIndex) closeWords(w string, maxd int) []closeWord {
	var out []closeWord
	seen := map[int32]bool{}
	check := func(list []int32) {
		for _, i := range list {
			if seen[i] {
				continue
			}
			seen[i] = true
			c := ix.words[i]
			if d := len(c) - len(w); d > maxd || -d > maxd {
				continue
			}
			if d := editDistance(w, c, maxd); d <= maxd {
				out = append(out, closeWord{c, d})
			}
		}
	}
	check(ix.byFirst[w[0]])
	if len(w) > 1 {
		for _, first := range []byte(w[1:2]) {
			list := ix.byFirst[first]
			if len(list) < 20000 { // a common letter costs too much for a first-letter typo
				check(list)
			}
		}
	}
	return out
}

// editDistance returns the Levenshtein distance of a and b in bytes, or
// maxd+1 as soon as it must exceed maxd.
func editDistance(a, b string, maxd int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > maxd {
			return maxd + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

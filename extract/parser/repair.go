package parser

import "strings"

// promoteMainClause repairs a sentence that opens with a subordinate clause
// ("After Putin declined to meet him, Tillerson defended his talks") parsed
// as the main clause coordinated with the real one: the root carries a
// subordinating mark and its conjunct follows a comma with no coordinator.
// The conjunct becomes the root and the marked clause its advcl, taking
// along the punctuation that follows the conjunct. heads are 1-based, 0 the
// root, as Parse returns them.
func promoteMainClause(words []string, heads []int, rels []string) {
	root := -1
	for i, h := range heads {
		if h == 0 {
			root = i
			break
		}
	}
	if root < 0 || !hasChildBefore(heads, rels, root, "mark") {
		return
	}
	for c, h := range heads {
		if h != root+1 || rels[c] != "conj" || c < root || hasChildBefore(heads, rels, c, "cc") || !commaBefore(words, heads, c) {
			continue
		}
		heads[c], rels[c] = 0, "root"
		heads[root], rels[root] = c+1, "advcl"
		for k := c + 1; k < len(heads); k++ {
			if heads[k] == root+1 && rels[k] == "punct" {
				heads[k] = c + 1
			}
		}
		return
	}
}

// hasChildBefore reports whether word i has a child with relation rel
// before it.
func hasChildBefore(heads []int, rels []string, i int, rel string) bool {
	for k := 0; k < i; k++ {
		if heads[k] == i+1 && rels[k] == rel {
			return true
		}
	}
	return false
}

// commaBefore reports whether a comma precedes the first word of word c's
// phrase (or is that word, attached inside the phrase).
func commaBefore(words []string, heads []int, c int) bool {
	first := firstOf(heads, c)
	if words[first] == "," {
		return true
	}
	return first > 0 && words[first-1] == ","
}

// below reports whether word k lies in the phrase of word c; the walk up
// is bounded, so a malformed tree cannot loop.
func below(heads []int, k, c int) bool {
	for range heads {
		h := heads[k] - 1
		if h < 0 {
			return false
		}
		if h == c {
			return true
		}
		k = h
	}
	return false
}

// objectsNotClauses relabels as obj a ccomp that heads no clause: a noun or
// adverb ("defended his sit-down") with no subject, copula, marker or
// auxiliary of its own. upos holds the words' universal tags.
func objectsNotClauses(upos []string, heads []int, rels []string) {
	for i, r := range rels {
		if r != "ccomp" || i >= len(upos) {
			continue
		}
		switch upos[i] {
		case "NOUN", "PROPN", "PRON", "ADV", "NUM":
		default:
			continue
		}
		clause := false
		for k, h := range heads {
			if h == i+1 {
				switch rels[k] {
				case "nsubj", "nsubj:pass", "csubj", "cop", "mark", "aux", "aux:pass", "expl":
					clause = true
				}
			}
		}
		if !clause && heads[i] > 0 && heads[i] <= len(upos) && upos[heads[i]-1] == "VERB" {
			rels[i] = "obj"
		}
	}
}

// namesOverTitles repairs a name hung on the common noun before it ("Council
// chair Ingrid Salo said" with "Ingrid" and "Salo" flat under "chair"):
// flat joins the words of one name, not a noun and a name, so the name's
// first word takes the noun's place and the noun describes it (nmod:desc),
// keeping its own modifiers on its left; words after the name follow it.
func namesOverTitles(upos []string, heads []int, rels []string) {
	for n := range heads {
		if n >= len(upos) || upos[n] != "NOUN" || n+1 >= len(heads) {
			continue
		}
		p := n + 1
		if heads[p] != n+1 || rels[p] != "flat" || upos[p] != "PROPN" {
			continue
		}
		heads[p], rels[p] = heads[n], rels[n]
		heads[n], rels[n] = p+1, "nmod:desc"
		for k := p + 1; k < len(heads); k++ {
			if heads[k] == n+1 {
				heads[k] = p + 1
			}
		}
	}
}

// objectsNotInfinitiveSubjects repairs an object a parser read as the
// subject of the to-infinitive after it ("met Canadian Fisheries Minister
// Paul Desrosiers in Oslo to settle …" with "Fisheries" as the object of
// "met" and "Paul" as the subject of "settle"): a to-infinitive without
// "for" has no subject of its own. When the verb the infinitive depends on
// has an object ending right before the would-be subject's phrase, the
// subject becomes that verb's object and the old object a compound of it.
func objectsNotInfinitiveSubjects(words []string, heads []int, rels []string) {
	for v := range heads {
		h := heads[v] - 1
		to := markBefore(words, heads, rels, v, "to")
		if h < 0 || to < 0 || markBefore(words, heads, rels, v, "for") >= 0 {
			continue
		}
		for n := 0; n < to; n++ {
			if heads[n] != v+1 || rels[n] != "nsubj" {
				continue
			}
			o := objectEndingBefore(heads, rels, h, firstOf(heads, n))
			if o < 0 {
				continue
			}
			heads[n], rels[n] = h+1, "obj"
			heads[o], rels[o] = n+1, "compound"
		}
	}
}

// markBefore returns the first child of word v before it with relation
// mark and the word w (any case), or -1.
func markBefore(words []string, heads []int, rels []string, v int, w string) int {
	for k := 0; k < v; k++ {
		if heads[k] == v+1 && rels[k] == "mark" && strings.EqualFold(words[k], w) {
			return k
		}
	}
	return -1
}

// objectEndingBefore returns the obj child of word h whose phrase ends at
// word end-1, or -1.
func objectEndingBefore(heads []int, rels []string, h, end int) int {
	for o := range heads {
		if heads[o] == h+1 && rels[o] == "obj" && o < end && lastOf(heads, o) == end-1 {
			return o
		}
	}
	return -1
}

// firstOf and lastOf return the first and last word of word c's phrase.
func firstOf(heads []int, c int) int {
	first := c
	for k := c - 1; k >= 0; k-- {
		if below(heads, k, c) {
			first = k
		}
	}
	return first
}

func lastOf(heads []int, c int) int {
	last := c
	for k := c + 1; k < len(heads); k++ {
		if below(heads, k, c) {
			last = k
		}
	}
	return last
}

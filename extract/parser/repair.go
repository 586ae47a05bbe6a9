package parser

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
	first := c
	for k := c - 1; k >= 0; k-- {
		if below(heads, k, c) {
			first = k
		}
	}
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

package relations

// Repairs of parser mistakes that cost facts, applied to the head links
// before the children are indexed. Each one fixes a shape that no correct
// UD tree has, or a prepositional attachment that the lexicon settles.

// attachWithToEvents hangs a "with" phrase on the event noun between it and
// the noun a parser attached it to: in "in addition to his sit-down with
// Sergei Lavrov" the sit-down, not the addition, is with Lavrov. The event
// noun must lie inside the phrase of the old head, so the new link crosses
// no other, and outside the "with" phrase, so it makes no cycle.
func (t *tree) attachWithToEvents() {
	for p, h := range t.heads {
		if h < 0 || h > p || !nominal(t.s.Tokens[p].UPOS) || (t.base(p) != "nmod" && t.base(p) != "obl") {
			continue
		}
		c := t.caseMarker(p)
		if c < 0 || t.low[c] != "with" || !nominal(t.s.Tokens[h].UPOS) || t.isEvent(h) {
			continue
		}
		for e := c - 1; e > h; e-- {
			if t.isEvent(e) && t.descends(e, h) && !t.descends(e, p) {
				t.heads[p], t.rels[p] = e, "nmod"
				break
			}
		}
	}
}

// isEvent reports whether word i is an event noun of the lexicon, whole or
// as either part of a hyphenated word the tokenizer split ("sit - down").
func (t *tree) isEvent(i int) bool {
	if _, ok := lex.events[t.lem[i]]; ok && nominal(t.s.Tokens[i].UPOS) {
		return true
	}
	return t.hyphenEvent(i-2) != "" || t.hyphenEvent(i) != ""
}

// hyphenEvent returns the verb of the event noun that words first, "-" and
// first+2 spell together ("sit - down"), or "".
func (t *tree) hyphenEvent(first int) string {
	if first < 0 || first+2 >= len(t.low) || t.low[first+1] != "-" {
		return ""
	}
	return lex.events[t.low[first]+"-"+t.low[first+2]]
}

// descends reports whether word d lies below word a in the head links.
// The walk is bounded by the sentence length, so it ends on any links.
func (t *tree) descends(d, a int) bool {
	for k, steps := t.heads[d], 0; k >= 0 && steps < len(t.heads); k, steps = t.heads[k], steps+1 {
		if k == a {
			return true
		}
	}
	return false
}

// subjectsOfNounLikeVerbs repairs a verb that a parser read as the end of a
// noun phrase ("saw the U.S. conduct a strike" with "the" and "U.S." as det
// and compound of "conduct"): a verb takes no determiner, so the last
// compound before it becomes its subject, heading the determiner and the
// other compounds. The verb must act as one, with an object or as a clause.
func (t *tree) subjectsOfNounLikeVerbs() {
	for v := range t.heads {
		if t.s.Tokens[v].UPOS != "VERB" || !t.verbal(v) {
			continue
		}
		if t.hasChild(v, "nsubj") {
			continue
		}
		det, subj := -1, -1
		for k := 0; k < v; k++ {
			switch {
			case t.heads[k] != v:
			case t.rels[k] == "det" && subj < 0:
				det = k
			case t.rels[k] == "compound" && det >= 0 && nominal(t.s.Tokens[k].UPOS):
				subj = k
			}
		}
		if subj < 0 {
			continue
		}
		for k := det; k < subj; k++ {
			if t.heads[k] == v && (t.rels[k] == "det" || t.rels[k] == "compound" || t.rels[k] == "amod") {
				t.heads[k] = subj
			}
		}
		t.rels[subj] = "nsubj"
	}
}

// verbal reports whether word v has an object or heads a clause.
func (t *tree) verbal(v int) bool {
	switch t.rels[v] {
	case "root", "xcomp", "ccomp", "advcl", "conj", "parataxis":
		return true
	}
	return t.hasChild(v, "obj")
}

// hasChild reports whether word i has a child whose relation, subtype
// stripped, is base; kids are not built yet when the repairs run.
func (t *tree) hasChild(i int, base string) bool {
	for k, h := range t.heads {
		if h == i && t.base(k) == base {
			return true
		}
	}
	return false
}

// timeDeterminers open a bare time phrase.
var timeDeterminers = map[string]bool{"next": true, "last": true, "this": true, "every": true,
	"coming": true, "previous": true, "past": true, "same": true}

// splitNamesFromTimes separates a name that a parser made a compound of the
// bare time phrase after it ("meet Piet Weller next week" with "Piet" as
// compound of "week"): the name takes the time phrase's place under the
// verb, as its object when the verb has none, and the time phrase stays.
func (t *tree) splitNamesFromTimes() {
	for tm, v := range t.heads {
		if v < 0 || !lex.is("time", t.lem[tm]) || t.s.Tokens[v].UPOS != "VERB" {
			continue
		}
		opener := -1
		for k := tm - 1; k >= 0 && t.heads[k] == tm && (t.rels[k] == "amod" || t.rels[k] == "det"); k-- {
			if timeDeterminers[t.low[k]] {
				opener = k
			}
		}
		if opener < 1 || t.heads[opener-1] == tm && t.rels[opener-1] != "compound" {
			continue
		}
		name := -1
		for k := opener - 1; k >= 0 && t.descends(k, tm); k-- {
			if t.heads[k] == tm && t.rels[k] == "compound" && t.s.Tokens[k].UPOS == "PROPN" {
				name = k
				break
			}
		}
		if name < 0 {
			continue
		}
		rel := "obl"
		if !t.hasChild(v, "obj") {
			rel = "obj"
		}
		t.heads[name], t.rels[name] = v, rel
	}
}

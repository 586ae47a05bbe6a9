package relations

// Repairs of clause shapes that parsers get wrong in news sentences and that
// cost the fact of a relative clause or the speaker of a quote.

// relativeThroughReports hands the relative pronoun of "the treaty, which
// Oslo said it had signed" to the reported verb it is the object of: a
// parser hangs "which" on "said" as a second subject, or as its object,
// while "said" has a subject of its own and a clause without an object.
func (t *tree) relativeThroughReports() {
	for w, v := range t.heads {
		if v < 0 || w > v || (t.rels[v] != "acl:relcl" && t.rels[v] != "advcl:relcl") || !relativePronoun(t.low[w]) {
			continue
		}
		if b := t.base(w); b != "nsubj" && b != "obj" {
			continue
		}
		if !lex.is("speech", t.lem[v]) || !t.hasOtherSubject(v, w) {
			continue
		}
		for c, h := range t.heads {
			if h == v && t.rels[c] == "ccomp" && c > w && !t.hasChild(c, "obj") && t.hasChild(c, "nsubj") {
				t.heads[w], t.rels[w] = c, "obj"
				break
			}
		}
	}
}

// relativePronoun reports whether w can stand for the noun a relative
// clause modifies as an object.
func relativePronoun(w string) bool {
	switch w {
	case "which", "that", "whom", "who":
		return true
	}
	return false
}

// hasOtherSubject reports whether verb v has a subject other than word w.
func (t *tree) hasOtherSubject(v, w int) bool {
	for k, h := range t.heads {
		if h == v && k != w && t.base(k) == "nsubj" {
			return true
		}
	}
	return false
}

// invertedSpeakers makes the speaker of a quote written after its verb the
// verb's subject: in "“A useful step,” wrote Karl Stein" a parser reads Karl
// Stein as the object of "wrote". The speech verb follows a closing quote or
// a comma, has no subject, and its object comes right after it.
func (t *tree) invertedSpeakers() {
	for v := range t.heads {
		if v == 0 || !lex.is("speech", t.lem[v]) || t.s.Tokens[v].UPOS != "VERB" || t.hasChild(v, "nsubj") {
			continue
		}
		switch t.low[v-1] {
		case "”", "\"", ",", "''", "’":
		default:
			continue
		}
		for o := v + 1; o < len(t.heads) && o <= v+3; o++ {
			if t.heads[o] == v && t.rels[o] == "obj" && nominal(t.s.Tokens[o].UPOS) {
				t.rels[o] = "nsubj"
				break
			}
		}
	}
}

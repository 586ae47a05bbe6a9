package coref

import (
	"strings"

	"github.com/kgnews/kg"
)

// detectMentions returns the mentions of sentence si in textual order
// (by first word, longer first).
func detectMentions(si int, s kg.Sentence) []Mention {
	t := newTree(s)
	seen := map[[2]int]bool{}
	var out []Mention
	add := func(lo, hi, head int) {
		lo, hi = t.trim(lo, hi, head)
		if lo > hi || seen[[2]int{lo, hi}] {
			return
		}
		seen[[2]int{lo, hi}] = true
		out = append(out, t.mention(si, lo, hi, head))
	}
	for i, tk := range t.toks {
		switch {
		case tk.UPOS == "PRON":
			if baseRel(tk.Rel) == "expl" || strings.Contains(tk.Feats, "PronType=Rel") || whPronouns[strings.ToLower(tk.Text)] {
				continue
			}
			lo, hi := t.phraseExtent(i, func(c int) bool { return !t.nominalDep(i, c) })
			if lo != hi {
				add(i, i, i) // "those" alone when modifiers follow
			}
			add(lo, hi, i)
		case tk.UPOS == "NOUN" || tk.UPOS == "PROPN" || (tk.UPOS == "NUM" && isNominalRel(tk.Rel)):
			if !t.nominalHead(i) || t.inTitle(i) {
				continue
			}
			t.addNominal(i, add)
		}
	}
	heads := map[int]bool{}
	for _, m := range out {
		heads[m.Head] = true
	}
	for _, ne := range nerSpans(s.Tokens) {
		if !heads[ne[1]] && !heads[t.nameHead(ne[0])] {
			add(ne[0], ne[1], ne[1]) // a name the parse did not make a noun phrase
		}
	}
	for _, j := range t.splitTitles(out) {
		add(j[0], j[1], j[2])
	}
	sortMentions(out)
	return out
}

// splitTitles finds a title phrase the parser split from the name it
// introduces ("U.S. Secretary of State" and "Rex Tillerson" as two subjects
// of "met") and returns the joined phrase's first word, last word and head.
func (t tree) splitTitles(ms []Mention) [][3]int {
	var out [][3]int
	for _, a := range ms {
		if !roleTitles[strings.ToLower(t.toks[a.Head].Text)] || t.toks[a.Head].UPOS != "PROPN" {
			continue
		}
		for _, b := range ms {
			if b.Start == a.End && b.Named && !b.Pronoun && t.toks[b.Head].UPOS == "PROPN" &&
				t.head(a.Head) == t.head(b.Start) && t.toks[a.Head].Rel == t.toks[b.Start].Rel {
				out = append(out, [3]int{a.Start, b.End - 1, b.Head})
			}
		}
	}
	return out
}

// whPronouns are interrogative and relative pronouns, which head free
// relatives ("what they found") and questions rather than refer; the tagger
// does not always mark them PronType=Rel.
var whPronouns = map[string]bool{"what": true, "whatever": true, "which": true, "whichever": true,
	"who": true, "whom": true, "whoever": true}

// isNominalRel reports whether rel is a relation a noun phrase fills.
func isNominalRel(rel string) bool {
	switch baseRel(rel) {
	case "nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root", "dep":
		return true
	}
	return false
}

// nominalHead reports whether noun i heads its own phrase rather than being
// part of a compound or a flat name.
func (t tree) nominalHead(i int) bool {
	switch baseRel(t.toks[i].Rel) {
	case "flat", "fixed", "goeswith":
		return false
	case "compound":
		h := t.head(i)
		return h >= 0 && t.toks[h].UPOS == "NOUN" && t.toks[i].UPOS != "NUM"
	}
	return true
}

// nominalDep reports whether child c of noun i belongs to the noun phrase i
// heads, rather than to the clause a predicate nominal heads.
func (t tree) nominalDep(i, c int) bool {
	switch baseRel(t.toks[c].Rel) {
	case "det", "amod", "nummod", "compound", "flat", "fixed", "goeswith", "clf":
		return true
	case "appos":
		return !hasChild(t, c, "nsubj") && !hasChild(t, c, "cop") // not a clause the parser hung on the noun
	case "nmod":
		if t.toks[i].UPOS == "PROPN" {
			return t.ofPhrase(c) // "Bank of England", not "Lavrov in Moscow"
		}
		return !t.adverbialPP(i, c)
	case "acl":
		if t.toks[i].UPOS != "PROPN" {
			return true
		}
		return c > i && !hasChild(t, c, "mark") // not "Born in England, Norton" nor "Washington of violating"
	case "conj":
		return t.nominalConj(c)
	case "cc", "punct":
		return c > i
	case "case":
		return c > i // the possessive 's of "Byron 's"
	}
	return false
}

// adverbialPreps are prepositions whose phrase, after the object of a verb,
// more often modifies the verb than the noun ("sunk American warplanes in
// Coron waters"); a parser's attachment of them is the commonest boundary
// error.
var adverbialPreps = map[string]bool{"in": true, "at": true, "on": true, "within": true, "during": true,
	"by": true, "from": true, "to": true, "as": true, "since": true, "until": true, "after": true,
	"before": true, "like": true, "than": true, "circa": true, "despite": true}

// adverbialPP reports whether nmod c of noun i is a prepositional phrase
// that likely belongs to the verb: i is the object or oblique of a verb and
// c is introduced by an adverbial preposition.
func (t tree) adverbialPP(i, c int) bool {
	switch baseRel(t.toks[i].Rel) {
	case "obj", "obl", "iobj", "nmod":
	default:
		return false
	}
	for _, k := range t.children[c] {
		if baseRel(t.toks[k].Rel) == "case" && k < c {
			return adverbialPreps[strings.ToLower(t.toks[k].Text)]
		}
	}
	return false
}

// nominalConj reports whether conjunct c is a noun phrase rather than a
// clause ("a pandemic, and it has caused distress").
func (t tree) nominalConj(c int) bool {
	switch t.toks[c].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM":
	default:
		return false
	}
	return !hasChild(t, c, "nsubj") && !hasChild(t, c, "cop")
}

// ofPhrase reports whether word c is introduced by "of" or a possessive,
// or by no preposition at all.
func (t tree) ofPhrase(c int) bool {
	for _, k := range t.children[c] {
		if baseRel(t.toks[k].Rel) == "case" && k < c {
			w := strings.ToLower(t.toks[k].Text)
			return w == "of"
		}
	}
	return t.toks[c].UPOS != "VERB"
}

// inTitle reports whether word i completes a role title ("State" in
// "Secretary of State") rather than naming something of its own.
func (t tree) inTitle(i int) bool {
	h := t.head(i)
	return h >= 0 && baseRel(t.toks[i].Rel) == "nmod" && roleTitles[strings.ToLower(t.toks[h].Text)] &&
		titleComplements[strings.ToLower(t.toks[i].Text)] && (t.toks[i].NER == "" || t.toks[i].NER == "O")
}

// addNominal adds the phrase headed by noun i and, when it is coordinated,
// the first conjunct alone.
func (t tree) addNominal(i int, add func(lo, hi, head int)) {
	head := t.nameHead(i)
	lo, hi := t.phraseExtent(i, func(c int) bool { return !t.nominalDep(i, c) || baseRel(t.toks[c].Rel) == "appos" })
	hasConj := false
	for _, c := range t.children[i] {
		if baseRel(t.toks[c].Rel) == "conj" && t.nominalConj(c) {
			hasConj = true
		}
	}
	if !hasConj {
		add(lo, hi, head)
		return
	}
	add(lo, hi, head)
	clo, chi := t.phraseExtent(i, func(c int) bool {
		r := baseRel(t.toks[c].Rel)
		return !t.nominalDep(i, c) || r == "appos" || r == "conj" || (r == "cc" && c > i) || (r == "punct" && c > i)
	})
	add(clo, chi, head)
}

// nerSpans returns the [first, last] words of each BIO entity.
func nerSpans(toks []kg.Token) [][2]int {
	var out [][2]int
	start := -1
	typ := ""
	flush := func(end int) {
		if start >= 0 {
			out = append(out, [2]int{start, end})
		}
		start = -1
	}
	for i, tk := range toks {
		tag := tk.NER
		switch {
		case strings.HasPrefix(tag, "B-"):
			flush(i - 1)
			start, typ = i, tag[2:]
		case strings.HasPrefix(tag, "I-") && start >= 0 && tag[2:] == typ:
		case strings.HasPrefix(tag, "I-"):
			flush(i - 1)
			start, typ = i, tag[2:]
		default:
			flush(i - 1)
		}
	}
	flush(len(toks) - 1)
	return out
}

// mention builds the Mention for words lo..hi headed by head.
func (t tree) mention(si, lo, hi, head int) Mention {
	m := Mention{Sentence: si, Start: lo, End: hi + 1, Head: head, Text: t.text(lo, hi)}
	tk := t.toks[head]
	m.Pronoun = tk.UPOS == "PRON" && lo == hi && pronounInfo(tk.Text).known
	m.Named = tk.UPOS == "PROPN" || (tk.NER != "" && tk.NER != "O")
	m.Type = nerType(tk.NER)
	if m.Type == "" && m.Pronoun {
		if p := pronounInfo(tk.Text); p.gender == male || p.gender == female || p.animacy == animate && p.person != 3 {
			m.Type = kg.Person
		}
	}
	if m.Type == "" {
		m.Type = kg.Concept
	}
	return m
}

// nerType maps a BIO tag's type to an entity type, or "" for none.
func nerType(tag string) kg.EntityType {
	if len(tag) < 3 || tag[1] != '-' {
		return ""
	}
	switch strings.ToUpper(tag[2:]) {
	case "PER", "PERSON":
		return kg.Person
	case "ORG", "ORGANIZATION", "NORP":
		return kg.Organization
	case "LOC", "GPE", "LOCATION", "PLACE", "FAC":
		return kg.Place
	case "EVENT", "EVT":
		return kg.Event
	}
	return kg.Concept
}

package alias

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/coref"
	"github.com/kgnews/kg/extract/gazetteer"
)

// Chains turns one document's coreference chains into entities and
// mentions. A chain becomes an entity when it holds a named mention; its
// label and slug are the canonical form of its representative, resolved
// together with every other name of the document (see Document), so two
// chains that resolve to one slug become one entity. Each named mention is a
// name of the entity (an alias when it differs from the label); a name whose
// own canonical form differs from its chain's is recorded as a "coref" merge.
// Every mention of a kept chain, pronouns included, becomes a kg.Mention
// with byte offsets from the sentence's tokens. Chains without a name are
// left out.
func (r *Resolver) Chains(sents []kg.Sentence, chains []coref.Chain) ([]kg.Entity, []kg.Mention) {
	d := r.chainNamesOf(sents, chains)
	res := r.chainNames(d.names, d.owner, d.reps)
	ents := Entities(d.names, res)
	var ments []kg.Mention
	ev := evidence{loc: map[string]int{}, personal: map[string]int{}, party: map[string]int{}, acts: map[string]int{}}
	for ci, c := range chains {
		if d.reps[ci] < 0 {
			continue
		}
		for mi, m := range c.Mentions {
			slug := res[d.reps[ci]].Slug
			if k := d.nameOf[ci][mi]; k >= 0 {
				slug = res[k].Slug
				if m.Sentence >= 0 && m.Sentence < len(sents) {
					toks := sents[m.Sentence].Tokens
					ev.loc[slug] += btoi(r.locative(toks, m.Head))
					ev.party[slug] += btoi(courtParty(toks, m.Start, m.End))
					ev.acts[slug] += btoi(personal(toks, m.Head))
				}
			} else if m.Pronoun && m.Type == kg.Person {
				ev.personal[slug]++
			}
			if km, ok := docMention(sents, m, slug); ok {
				ments = append(ments, km)
			}
		}
	}
	r.retype(ents, ev)
	return ents, ments
}

// namedSpan is the name of a named mention of chain c.
type namedSpan struct {
	c    int
	name coref.Mention
}

// nameSpans returns the names of the chains' named mentions, by sentence.
func (r *Resolver) nameSpans(sents []kg.Sentence, chains []coref.Chain) map[int][]namedSpan {
	out := map[int][]namedSpan{}
	for ci, c := range chains {
		for _, m := range c.Mentions {
			if !m.Named || m.Pronoun {
				continue
			}
			if name, ok := r.nameSpan(sents, m, m.Type == kg.Person); ok {
				out[m.Sentence] = append(out[m.Sentence], namedSpan{ci, name})
			}
		}
	}
	return out
}

// insideName reports whether a named mention of chain c is only a word of a
// longer name of another chain: its head continues an entity tag and lies
// inside that name ("Appeal" in "Court of Appeal").
func insideName(sents []kg.Sentence, m coref.Mention, spans map[int][]namedSpan, c int) bool {
	if m.Sentence < 0 || m.Sentence >= len(sents) || m.Head < 0 || m.Head >= len(sents[m.Sentence].Tokens) ||
		!strings.HasPrefix(sents[m.Sentence].Tokens[m.Head].NER, "I-") {
		return false
	}
	for _, o := range spans[m.Sentence] {
		if o.c != c && o.name.Start <= m.Start && m.End <= o.name.End && o.name.End-o.name.Start > m.End-m.Start {
			return true
		}
	}
	return false
}

// known reports whether the gazetteer knows a name as a country, a place
// or an organization, which stays an entity inside a longer name ("British
// Columbia" in "British Columbia Lottery Corporation").
func (r *Resolver) known(name string) bool {
	if r.gaz == nil {
		return false
	}
	for _, e := range r.gaz.Lookup(tidy(name)) {
		switch e.Kind {
		case gazetteer.Country, gazetteer.Capital, gazetteer.Place, gazetteer.Organization:
			return true
		}
	}
	return false
}

// referredAsThey reports whether a chain holds "they", "them" or "their".
func referredAsThey(c coref.Chain) bool {
	for _, m := range c.Mentions {
		switch strings.ToLower(m.Text) {
		case "they", "them", "their", "theirs", "themselves":
			return true
		}
	}
	return false
}

// pluralName reports whether a mention is one plural proper noun.
func pluralName(sents []kg.Sentence, m coref.Mention) bool {
	if m.Sentence < 0 || m.Sentence >= len(sents) || m.Head < 0 || m.Head >= len(sents[m.Sentence].Tokens) {
		return false
	}
	t := sents[m.Sentence].Tokens[m.Head]
	return t.XPOS == "NNPS" && m.End-m.Start <= 2
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// docNames are the names of a document's chains.
type docNames struct {
	names  []Name
	owner  []int   // owner[i]: chain of names[i]
	reps   []int   // reps[c]: index in names of chain c's representative, -1 if none
	nameOf [][]int // nameOf[c][m]: index in names of mention m of chain c, -1 if none
}

// chainNamesOf collects the names of the chains' named mentions, leaving
// out bare titles, and typing words that name no entity (notName) Concept.
func (r *Resolver) chainNamesOf(sents []kg.Sentence, chains []coref.Chain) docNames {
	d := docNames{nameOf: make([][]int, len(chains))}
	spans := r.nameSpans(sents, chains)
	for ci, c := range chains {
		d.reps = append(d.reps, -1)
		d.nameOf[ci] = make([]int, len(c.Mentions))
		typ := c.Mentions[c.Representative].Type
		for mi, m := range c.Mentions {
			d.nameOf[ci][mi] = -1
			if !m.Named || m.Pronoun || r.isTitle(m.Text) || insideName(sents, m, spans, ci) && !r.known(m.Text) {
				continue
			}
			mt := mentionType(m, typ)
			text := r.nameText(sents, m, mt == kg.Person)
			if r.isTitle(text) {
				continue
			}
			switch {
			case notName(text):
				mt = kg.Concept // "Wednesday", "BC": a name, but of no person, organization or place
			case mt == kg.Concept && pluralName(sents, m) && referredAsThey(c) && !r.known(text):
				mt = kg.Person // "the Sams", "the Tagbanuas": a family or a people
			}
			if mi == c.Representative || d.reps[ci] < 0 {
				d.reps[ci] = len(d.names)
			}
			d.nameOf[ci][mi] = len(d.names)
			d.names = append(d.names, Name{Text: text, Type: mt})
			d.owner = append(d.owner, ci)
		}
	}
	return d
}

// chainNames resolves the names of a document and joins each to its chain's
// representative, unless the two cannot name the same thing (see
// compatible): "Devin Thurlow" in a chain led by "Drew Cass", "King's
// College" in one led by "Trinity College" keep their own identity.
func (r *Resolver) chainNames(names []Name, owner, reps []int) []Resolved {
	own := r.Document(names)
	res := make([]Resolved, len(names))
	for i := range names {
		rep := own[reps[owner[i]]]
		res[i] = own[i]
		if own[i].Slug != rep.Slug && compatible(own[i].Label, rep.Label) {
			res[i] = Resolved{Label: rep.Label, Slug: rep.Slug, Rule: RuleCoref}
		}
	}
	return res
}

// mentionType is the type of a named mention: its own entity tag's, else
// its chain's.
func mentionType(m coref.Mention, chain kg.EntityType) kg.EntityType {
	if m.Type == "" || m.Type == kg.Concept {
		return chain
	}
	return m.Type
}

// docMention places a coreference mention in the document by its tokens'
// byte offsets, or reports false when the positions are out of range.
func docMention(sents []kg.Sentence, m coref.Mention, entity string) (kg.Mention, bool) {
	if m.Sentence < 0 || m.Sentence >= len(sents) {
		return kg.Mention{}, false
	}
	s := sents[m.Sentence]
	if m.Start < 0 || m.End > len(s.Tokens) || m.Start >= m.End {
		return kg.Mention{}, false
	}
	start, end := s.Tokens[m.Start].Start, s.Tokens[m.End-1].End
	text := m.Text
	if a, b := start-s.Start, end-s.Start; a >= 0 && a <= b && b <= len(s.Text) {
		text = s.Text[a:b]
	}
	return kg.Mention{Entity: entity, Sentence: s.Index, Start: start, End: end, Text: text}, true
}

// isTitle reports whether a name is only a role title ("Foreign Minister",
// "the President"), which names an office, not an entity of its own.
func (r *Resolver) isTitle(name string) bool {
	if r.gaz == nil {
		return false
	}
	words := strings.Fields(strings.TrimPrefix(tidy(name), "the "))
	for len(words) > 1 && (noise[strings.ToLower(words[0])] || r.isPlace(words[0])) {
		words = words[1:] // "U.S. Secretary of State", "former President"
	}
	title := strings.Join(words, " ")
	for _, t := range []string{title, strings.TrimSuffix(title, "s")} { // "Senators"
		for _, e := range r.gaz.Lookup(t) {
			if e.Kind == gazetteer.Title {
				return true
			}
		}
	}
	return false
}

// nameText returns the name a named mention carries, as written in the
// document ("al-Assad", not "al - Assad"): the mention's words up to the end
// of its head's name, without what follows the name (appositions, relative
// clauses, prepositional phrases that a parse put inside the mention), and
// cut where it joins two names or a person's affiliation (see cutName).
func (r *Resolver) nameText(sents []kg.Sentence, m coref.Mention, person bool) string {
	name, ok := r.nameSpan(sents, m, person)
	if !ok {
		return m.Text
	}
	if km, ok := docMention(sents, name, ""); ok {
		return km.Text
	}
	return m.Text
}

// nameSpan is nameText's words as a mention, with false when the mention's
// positions are out of range. The name may start before the mention where
// the entity tag of its head does ("Newfoundland and Labrador Court of
// Appeal" when a parse starts the mention at Labrador).
func (r *Resolver) nameSpan(sents []kg.Sentence, m coref.Mention, person bool) (coref.Mention, bool) {
	if m.Sentence < 0 || m.Sentence >= len(sents) {
		return m, false
	}
	s := sents[m.Sentence]
	if m.Start < 0 || m.End > len(s.Tokens) || m.Start >= m.End || m.Head < m.Start || m.Head >= m.End {
		return m, false
	}
	end, last := m.Head+1, m.Head
	if e := nerEnd(s.Tokens, m); e > 0 {
		end, last = e, e-1
	}
	for end < m.End && inName(s.Tokens, m.Head, end) && !isAddress(s.Tokens[end].Text) {
		end++
	}
	name := m
	name.Start = nameStart(s.Tokens, min(m.Start, tagStart(s.Tokens, last)), last)
	name.End = nameEnd(s.Tokens, last+1, end)
	name.Start, name.End = r.cutName(s.Tokens, name.Start, name.End, last, person)
	return name, true
}

// tagStart returns where the entity tag of word i starts, or i when the word
// has no tag.
func tagStart(toks []kg.Token, i int) int {
	tag := toks[i].NER
	if !strings.HasPrefix(tag, "I-") {
		return i
	}
	j := i
	for j > 0 && toks[j-1].NER == tag {
		j--
	}
	if j > 0 && toks[j-1].NER == "B-"+tag[2:] {
		return j - 1
	}
	return i
}

// nerEnd returns the end of the one entity tag span inside a mention whose
// head is outside any span ("U.S. Secretary of State Rex Tillerson" parsed
// with Secretary as head), or 0 when there is no such single span.
func nerEnd(toks []kg.Token, m coref.Mention) int {
	if t := toks[m.Head].NER; t != "" && t != "O" {
		return 0
	}
	end, spans := 0, 0
	for i := m.Start; i < m.End; i++ {
		switch {
		case strings.HasPrefix(toks[i].NER, "B-"):
			spans++
			end = i + 1
		case strings.HasPrefix(toks[i].NER, "I-") && end == i:
			end = i + 1
		}
	}
	if spans != 1 || end <= m.Head {
		return 0
	}
	return end
}

// inName reports whether token i continues the name headed at head: a flat
// or compound part, a hyphen inside a name, the inside of the same entity
// tag, or a capitalized "of" phrase and apposition that continue a title
// ("Secretary of State Rex Tillerson" when a parser heads it at Secretary).
func inName(toks []kg.Token, head, i int) bool {
	t := toks[i]
	capital := func(k int) bool {
		r, _ := utf8.DecodeRuneInString(toks[k].Text)
		return unicode.IsUpper(r)
	}
	switch {
	case strings.HasPrefix(t.NER, "I-") && toks[i-1].NER != "O" && toks[i-1].NER != "":
		return true
	case (t.Rel == "flat" || t.Rel == "compound" || t.Rel == "fixed") && t.UPOS != "PUNCT":
		return true
	case t.Text == "-" && i+1 < len(toks) && toks[i+1].Rel == "flat":
		return true
	case strings.EqualFold(t.Text, "of") && i+1 < len(toks) && capital(i+1) && toks[i+1].UPOS == "PROPN" &&
		(!strings.HasSuffix(toks[head].NER, "-PER") || t.NER == "I-PER"):
		return true
	case t.UPOS == "PROPN" && capital(i) && (t.Rel == "appos" || t.Rel == "nmod") && t.Head-1 >= head && t.Head-1 < i:
		return true
	}
	return false
}

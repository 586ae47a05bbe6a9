package alias

import (
	"strings"

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
	var names []Name
	var owner, reps []int // owner[i]: chain of names[i]; reps[c]: index in names of chain c's representative, -1 if none
	for ci, c := range chains {
		reps = append(reps, -1)
		typ := c.Mentions[c.Representative].Type
		for mi, m := range c.Mentions {
			if !m.Named || m.Pronoun || r.isTitle(m.Text) {
				continue
			}
			if mi == c.Representative || reps[ci] < 0 {
				reps[ci] = len(names)
			}
			names = append(names, Name{Text: m.Text, Type: typ})
			owner = append(owner, ci)
		}
	}
	own := r.Document(names)
	res := make([]Resolved, len(names))
	for i := range names {
		rep := own[reps[owner[i]]]
		res[i] = own[i]
		if own[i].Slug != rep.Slug {
			res[i] = Resolved{Label: rep.Label, Slug: rep.Slug, Rule: RuleCoref}
		}
	}
	ents := Entities(names, res)
	var ments []kg.Mention
	for ci, c := range chains {
		if reps[ci] < 0 {
			continue
		}
		slug := own[reps[ci]].Slug
		for _, m := range c.Mentions {
			if km, ok := docMention(sents, m, slug); ok {
				ments = append(ments, km)
			}
		}
	}
	return ents, ments
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
	for _, e := range r.gaz.Lookup(strings.TrimPrefix(tidy(name), "the ")) {
		if e.Kind == gazetteer.Title {
			return true
		}
	}
	return false
}

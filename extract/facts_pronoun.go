package extract

import (
	"strings"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/relations"
)

// reportingSpeaker returns the named speaker that the pronoun subject at
// token p of a reported clause stands for, as in "Sweden said it had signed"
// or "Berg said she would resign": the pronoun is the subject of the
// complement of a speech verb whose subject is a named entity that agrees
// with it (it: no person; he, she: a person; they: not one person). It
// returns "" otherwise, and coreference decides.
func (b *factBuilder) reportingSpeaker(si, p int) string {
	toks := b.x.Sentences[si].Tokens
	t := toks[p]
	if t.UPOS != "PRON" || !strings.HasPrefix(t.Rel, "nsubj") || t.Head < 1 || t.Head > len(toks) {
		return ""
	}
	c := t.Head - 1
	if toks[c].Rel != "ccomp" || toks[c].Head < 1 || toks[c].Head > len(toks) {
		return ""
	}
	v := toks[c].Head - 1
	if !relations.Speech(toks[v].Lemma) {
		return ""
	}
	for i, s := range toks {
		if s.Head-1 != v || s.Rel != "nsubj" || i > p {
			continue
		}
		id := b.byToken[si][i]
		if k, ok := b.entities[id]; ok && agrees(strings.ToLower(t.Text), b.x.Entities[k].Type) {
			return id
		}
	}
	return ""
}

// agrees reports whether a personal pronoun can stand for an entity of
// type typ.
func agrees(pron string, typ kg.EntityType) bool {
	switch pron {
	case "it":
		return typ == kg.Organization || typ == kg.Place
	case "he", "she":
		return typ == kg.Person
	case "they":
		return typ == kg.Organization
	}
	return false
}

// pronounFits reports whether the entity id that coreference gave a
// pronoun can be what a pronoun stands for: not a time ("It is an oath" is
// not January). Person, place and organization types are not checked: the
// tagger's types are too often wrong for that ("Byron", "Coron").
func (b *factBuilder) pronounFits(id string) bool {
	k, ok := b.entities[id]
	if !ok {
		return true
	}
	e := b.x.Entities[k]
	return e.Type == kg.Person || !relations.TimeWord(lastWord(e.Label))
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// reflexive reports whether a pronoun is reflexive: "himself", "themselves".
func reflexive(pron string) bool {
	return strings.HasSuffix(strings.ToLower(pron), "self") || strings.HasSuffix(strings.ToLower(pron), "selves")
}

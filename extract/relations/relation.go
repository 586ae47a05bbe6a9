package relations

import (
	"strings"

	"github.com/kgnews/kg"
)

// Argument is one argument of a relation: a head word and the words of its
// span, as 0-based indices into the sentence's tokens.
type Argument struct {
	Head   int    `json:"head"`   // word index of the argument's head (the entity linker maps it)
	Tokens []int  `json:"tokens"` // sorted word indices of the span
	Text   string `json:"text"`   // the span in the sentence's own words
}

// Relation is one fact a sentence states, in Open IE form.
type Relation struct {
	Subject      Argument   `json:"subject"`                 // who or what the fact is about
	Object       *Argument  `json:"object,omitempty"`        // nil for an intransitive relation
	Extra        []Argument `json:"extra,omitempty"`         // further arguments: obliques with their preposition, indirect objects
	Predicate    string     `json:"predicate"`               // lemma with particles and prepositions joined by _: meet, meet_with, director_of
	Surface      string     `json:"surface"`                 // the relation phrase in the sentence's words: "met with", "is director of"
	RelTokens    []int      `json:"rel_tokens"`              // word indices of the relation phrase
	Passive      bool       `json:"passive,omitempty"`       // said in the passive with a by-agent: Subject is the agent, Object the patient, and Surface reads Object first
	Negated      bool       `json:"negated,omitempty"`       // "did not meet", "never met", "met no one"
	Modality     string     `json:"modality,omitempty"`      // one of the kg.Modality values
	Governor     string     `json:"governor,omitempty"`      // lemma of the verb that frames this one: agree in "agreed to restore"
	AttributedTo *Argument  `json:"attributed_to,omitempty"` // who says so, for reported claims
	Time         *Argument  `json:"time,omitempty"`          // when it held, as the sentence says it
	Confidence   float64    `json:"confidence"`              // 0..1, from the features of the extraction
}

// Asserted reports whether the text itself states the relation as a plain,
// positive fact: not negated, not modal, not reported.
func (r *Relation) Asserted() bool {
	return !r.Negated && r.Modality == kg.ModalityAsserted && r.AttributedTo == nil
}

// Extract returns the relations that one parsed sentence states. The tokens
// need Text, Lemma, UPOS, Head and Rel (XPOS and Feats help); Head is 1-based
// with 0 for the root, as in kg.Token. Malformed trees (heads out of range,
// cycles) give fewer relations, never a panic.
func Extract(s *kg.Sentence) []Relation {
	if s == nil || len(s.Tokens) == 0 {
		return nil
	}
	x := &extractor{t: newTree(s)}
	for p := range s.Tokens {
		x.predicate(p)
	}
	for a := range s.Tokens {
		if s.Tokens[a].UPOS == "PROPN" {
			x.title(a)
		}
		switch x.t.rels[a] {
		case "appos":
			x.apposition(a)
		case "nmod:poss":
			x.possessive(a)
		case "nmod":
			x.location(a)
		}
	}
	x.events()
	return x.out
}

// extractor holds the state of one Extract call.
type extractor struct {
	t   *tree
	out []Relation
}

// arg builds the Argument for a span.
func (x *extractor) arg(head int, span []int) Argument {
	return Argument{Head: head, Tokens: span, Text: x.t.text(span)}
}

// text joins the words of a sorted span, with the sentence's own spacing
// between adjacent words when the offsets allow it and one space otherwise.
func (t *tree) text(span []int) string {
	var b strings.Builder
	toks := t.s.Tokens
	for k, i := range span {
		if k > 0 {
			prev := span[k-1]
			if !(prev == i-1 && toks[prev].End == toks[i].Start && toks[i].Start > 0) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(toks[i].Text)
	}
	return b.String()
}

package coref

import (
	"testing"

	"github.com/kgnews/kg"
)

// TestAgreementMistaggedName checks that a capitalized word inside a
// sentence that a tagger called a common noun is not taken for a thing, so
// "he" can still refer to it; a lowercase noun is.
func TestAgreementMistaggedName(t *testing.T) {
	s := kg.Sentence{Tokens: []kg.Token{
		{Text: "Yesterday", UPOS: "NOUN", Head: 3, Rel: "obl:tmod"},
		{Text: "Tillerson", UPOS: "NOUN", XPOS: "NN", Head: 3, Rel: "nsubj"},
		{Text: "signed", UPOS: "VERB", Head: 0, Rel: "root"},
		{Text: "treaties", UPOS: "NOUN", XPOS: "NNS", Head: 3, Rel: "obj"},
	}}
	tr := newTree(s)
	tests := []struct {
		head int
		want animacy
	}{
		{1, 0},         // "Tillerson": unknown, not inanimate
		{3, inanimate}, // "treaties"
	}
	for _, tt := range tests {
		m := &ment{Mention: Mention{Start: tt.head, End: tt.head + 1, Head: tt.head, Type: kg.Concept}, headPOS: "NOUN"}
		if _, _, a := agreement(tr, m); a != tt.want {
			t.Errorf("%s: animacy %v, want %v", s.Tokens[tt.head].Text, a, tt.want)
		}
	}
}

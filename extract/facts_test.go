package extract

import (
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/relations"
)

// TestConceptLabelMalformedTree names a concept from a tree whose case
// marker has no head, as a bad parse can give, without panicking.
func TestConceptLabelMalformedTree(t *testing.T) {
	x := &kg.Extraction{Sentences: []kg.Sentence{{Tokens: []kg.Token{
		{Text: "draft", UPOS: "NOUN", Head: 3, Rel: "compound"},
		{Text: "'s", UPOS: "PART", Head: 0, Rel: "case"},
		{Text: "resolution", UPOS: "NOUN", Head: 0, Rel: "root"},
	}}}}
	b := newFactBuilder(x, nil)
	got := b.conceptLabel(0, relations.Argument{Head: 2, Tokens: []int{0, 1, 2}})
	if !strings.HasPrefix(got, "draft ") || !strings.HasSuffix(got, " resolution") {
		t.Errorf("got %q, want draft ... resolution", got)
	}
}

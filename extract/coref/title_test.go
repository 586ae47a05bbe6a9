package coref

import (
	"testing"

	"github.com/kgnews/kg"
)

// TestNameUnderTitleComplement reads a parse that hangs the name on the
// title's complement ("Secretary of State Rex Tillerson" with the name flat
// under "State"): the mention is headed by the surname, and its syntactic
// head is the title, the subject of the verb.
func TestNameUnderTitleComplement(t *testing.T) {
	s := sent(t, "Secretary|PROPN|6|nsubj of|ADP|3|case State|PROPN|1|nmod Rex|PROPN|3|flat Tillerson|PROPN|3|flat spoke|VERB|0|root")
	var found bool
	for _, m := range detectMentions(0, s) {
		if m.Text != "Secretary of State Rex Tillerson" {
			continue
		}
		found = true
		if m.Head != 4 {
			t.Errorf("head %d (%s), want 4 (Tillerson)", m.Head, s.Tokens[m.Head].Text)
		}
		r := newResolver([]kg.Sentence{s})
		if f := r.features(m, make([]int, len(s.Tokens))); f.synHead != 0 || f.rel != "nsubj" {
			t.Errorf("syntactic head %d (%s), want 0 (nsubj)", f.synHead, f.rel)
		}
	}
	if !found {
		t.Errorf("no mention of the whole title and name in %v", detectMentions(0, s))
	}
}

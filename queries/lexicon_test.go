package queries

import (
	"slices"
	"testing"
)

// TestSynonyms checks the shared synonym table as questions read it: every
// group starts with its canonical predicate and phrasings map to it.
func TestSynonyms(t *testing.T) {
	tests := []struct{ pred, want string }{
		{"meet_with", "meet"}, {"sit_down_with", "meet"}, {"hold_talks_with", "meet"},
		{"strike_against", "strike"}, {"veto_of", "veto"}, {"meet", "meet"},
	}
	for _, tt := range tests {
		if got := canonicalPredicate[tt.pred]; got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.pred, got, tt.want)
		}
		if g := synonymsOf(tt.pred); len(g) == 0 || g[0] != tt.want || !slices.Contains(g, tt.pred) {
			t.Errorf("synonymsOf(%s) = %v", tt.pred, g)
		}
	}
	if len(synonymGroups) < 5 {
		t.Errorf("only %d synonym groups read", len(synonymGroups))
	}
}

func TestVerbLemmas(t *testing.T) {
	tests := []struct{ in, want string }{
		{"met", "meet"}, {"struck", "strike"}, {"vetoed", "veto"}, {"vetoes", "veto"}, {"stopped", "stop"},
		{"accused", "accuse"}, {"debated", "debate"}, {"carried", "carry"}, {"visited", "visit"},
		{"criticized", "criticize"}, {"signing", "sign"}, {"meets", "meet"}, {"watches", "watch"},
		{"killed", "kill"}, {"pressed", "press"}, {"held", "hold"}, {"meet", "meet"},
	}
	for _, tt := range tests {
		if got := verbLemmas(tt.in); len(got) == 0 || got[0] != tt.want {
			t.Errorf("verbLemmas(%q) = %q, want %q first", tt.in, got, tt.want)
		}
	}
}

package queries

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSynonymsMatchExtractor keeps the question synonyms consistent with the
// relation extractor's: every synonym-* line of its lexicon must be a group
// here with the same canonical predicate and every member.
func TestSynonymsMatchExtractor(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "extract", "relations", "lexicon.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	groups := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, list, ok := strings.Cut(sc.Text(), ":")
		canon, isSyn := strings.CutPrefix(name, "synonym-")
		if !ok || !isSyn {
			continue
		}
		groups++
		for _, p := range strings.Fields(list) {
			if got := canonicalPredicate[p]; got != canon {
				t.Errorf("extractor maps %s to %s, questions to %q", p, canon, got)
			}
		}
		if !slices.Contains(synonymsOf(canon), canon) {
			t.Errorf("no group for %s", canon)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if groups == 0 {
		t.Error("the extractor's lexicon has no synonym lines; the format changed?")
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

package relations

import (
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/internal/kgtest"
)

// treebank reads a shared CoNLL-U file as kg sentences with gold trees.
func treebank(tb testing.TB, elem ...string) []*kg.Sentence {
	tb.Helper()
	ss, err := conllu.ReadFile(kgtest.SharedFile(tb, elem...))
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]*kg.Sentence, len(ss))
	for i, cs := range ss {
		s := &kg.Sentence{Index: i, Text: cs.Text}
		for _, w := range cs.Words {
			s.Tokens = append(s.Tokens, kg.Token{Text: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS,
				Feats: w.Feats, Head: w.Head, Rel: w.Deprel})
		}
		out[i] = s
	}
	return out
}

// TestGoldTrees runs Extract over the EWT and GUM dev trees and checks that
// every relation is well formed, and that the share of sentences with a
// verbal root yielding a subject-predicate-object relation stays above the
// floor measured when this test was written.
func TestGoldTrees(t *testing.T) {
	tests := []struct {
		name  string
		file  []string
		floor float64 // percent of verbal-root sentences with a relation that has an object
	}{
		{"ewt", []string{"corpora", "ud-ewt", "en_ewt-ud-dev.conllu"}, 78}, // measured 80.0
		{"gum", []string{"corpora", "gum", "en_gum-ud-dev.conllu"}, 85},    // measured 87.3
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			verbal, covered, total := 0, 0, 0
			for _, s := range treebank(t, tt.file...) {
				rels := Extract(s)
				total += len(rels)
				for _, r := range rels {
					checkRelation(t, s, r)
				}
				if !rootVerb(s) {
					continue
				}
				verbal++
				for _, r := range rels {
					if r.Object != nil {
						covered++
						break
					}
				}
			}
			got := 100 * float64(covered) / float64(max(verbal, 1))
			t.Logf("%d relations; %.1f%% of %d verbal-root sentences have one with an object", total, got, verbal)
			if got < tt.floor {
				t.Errorf("coverage %.1f%% below the floor %.1f%%", got, tt.floor)
			}
		})
	}
}

func rootVerb(s *kg.Sentence) bool {
	for _, tok := range s.Tokens {
		if tok.Head == 0 {
			return tok.UPOS == "VERB"
		}
	}
	return false
}

// checkRelation checks the invariants of one relation of s.
func checkRelation(t *testing.T, s *kg.Sentence, r Relation) {
	t.Helper()
	args := []*Argument{&r.Subject, r.Object, r.AttributedTo, r.Time}
	for i := range r.Extra {
		args = append(args, &r.Extra[i])
	}
	for _, a := range args {
		if a == nil {
			continue
		}
		if len(a.Tokens) == 0 || a.Text == "" {
			t.Errorf("%q: empty argument in %s", s.Text, brief(r))
			continue
		}
		for k, i := range a.Tokens {
			if i < 0 || i >= len(s.Tokens) || k > 0 && i <= a.Tokens[k-1] {
				t.Errorf("%q: argument tokens %v not sorted or out of range", s.Text, a.Tokens)
				break
			}
		}
		if a.Head < 0 || a.Head >= len(s.Tokens) {
			t.Errorf("%q: head %d out of range", s.Text, a.Head)
		}
	}
	// Only an apposition's "is" and a bare possessive's "has" have no word of the sentence behind them.
	if r.Predicate == "" || r.Surface == "" || len(r.RelTokens) == 0 && r.Surface != "is" && r.Surface != "has" {
		t.Errorf("%q: empty relation phrase in %s", s.Text, brief(r))
	}
	if r.Confidence <= 0 || r.Confidence >= 1 {
		t.Errorf("%q: confidence %v", s.Text, r.Confidence)
	}
}

func BenchmarkExtract(b *testing.B) {
	sents := treebank(b, "corpora", "ud-ewt", "en_ewt-ud-dev.conllu")
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			Extract(s)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

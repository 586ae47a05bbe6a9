package tokenize

import (
	"testing"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/internal/kgtest"
)

// readGold reads a shared CoNLL-U file.
func readGold(tb testing.TB, elem ...string) []*conllu.Sentence {
	tb.Helper()
	gold, err := conllu.ReadFile(kgtest.SharedFile(tb, append([]string{"corpora"}, elem...)...))
	if err != nil {
		tb.Fatal(err)
	}
	return gold
}

// TestAccuracy holds the dev scores above floors a little under those
// measured when the bundled model was trained (see data/models/README.md).
func TestAccuracy(t *testing.T) {
	tests := []struct {
		name                  string
		file                  []string
		tokenizer             *Tokenizer
		token, word, sentence float64 // floors, %
	}{
		{"ewt dev", []string{"ud-ewt", "en_ewt-ud-dev.conllu"}, Default(), 99.4, 99.0, 89.0},
		{"gum dev", []string{"gum", "en_gum-ud-dev.conllu"}, Default(), 99.8, 99.8, 95.5},
		{"ewt dev rules", []string{"ud-ewt", "en_ewt-ud-dev.conllu"}, &Tokenizer{}, 99.4, 99.0, 78.5},
		{"gum dev rules", []string{"gum", "en_gum-ud-dev.conllu"}, &Tokenizer{}, 99.8, 99.8, 92.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.tokenizer.Evaluate(readGold(t, tt.file...))
			t.Logf("token F1 %.2f, word F1 %.2f, sentence F1 %.2f (P %.2f, R %.2f)",
				s.TokenF1, s.WordF1, s.SentenceF1, s.SentencePrecision, s.SentenceRecall)
			if s.TokenF1 < tt.token {
				t.Errorf("token F1 = %.2f, want >= %.2f", s.TokenF1, tt.token)
			}
			if s.WordF1 < tt.word {
				t.Errorf("word F1 = %.2f, want >= %.2f", s.WordF1, tt.word)
			}
			if s.SentenceF1 < tt.sentence {
				t.Errorf("sentence F1 = %.2f, want >= %.2f", s.SentenceF1, tt.sentence)
			}
		})
	}
}

func TestEvaluateScoring(t *testing.T) {
	// Two gold sentences in one paragraph; the second lacks final punctuation
	// and its first token is "ca" "n't" (one surface token).
	gold := []*conllu.Sentence{
		{NewDoc: true, NewPar: true, Words: []conllu.Word{{ID: 1, Form: "Hi", Misc: "SpaceAfter=No"}, {ID: 2, Form: "."}}},
		{Words: []conllu.Word{{ID: 1, Form: "ca"}, {ID: 2, Form: "n't"}, {ID: 3, Form: "stop"}},
			Ranges: []conllu.Range{{First: 1, Last: 2, Form: "can't"}}},
	}
	g := rebuild(gold)
	if g.text != "Hi. can't stop" {
		t.Fatalf("rebuilt text %q", g.text)
	}
	var rules Tokenizer
	s := rules.Evaluate(gold)
	if s.GoldTokens != 4 || s.SystemTokens != 4 || s.TokenF1 != 100 {
		t.Errorf("tokens: gold %d, system %d, F1 %.2f; want 4, 4, 100", s.GoldTokens, s.SystemTokens, s.TokenF1)
	}
	if s.WordF1 != 100 {
		t.Errorf("word F1 = %.2f, want 100", s.WordF1)
	}
	// Rules do not split before a lower-case word: one system sentence that
	// matches neither gold sentence.
	if s.GoldSentences != 2 || s.SystemSentences != 1 || s.SentenceF1 != 0 {
		t.Errorf("sentences: gold %d, system %d, F1 %.2f; want 2, 1, 0", s.GoldSentences, s.SystemSentences, s.SentenceF1)
	}
}

func TestMatchesAndPRF(t *testing.T) {
	gold := []span{{0, 2}, {3, 5}, {6, 9}}
	sys := []span{{0, 2}, {3, 4}, {4, 5}, {6, 9}}
	if n := matches(gold, sys); n != 2 {
		t.Fatalf("matches = %d, want 2", n)
	}
	p, r, f := prf(2, 4, 3)
	if p != 50 || r < 66.66 || r > 66.67 || f < 57.14 || f > 57.15 {
		t.Errorf("prf = %.2f %.2f %.2f, want 50 66.67 57.14", p, r, f)
	}
	if p, r, f := prf(0, 0, 0); p != 0 || r != 0 || f != 0 {
		t.Errorf("prf of nothing = %v %v %v, want zeros", p, r, f)
	}
}

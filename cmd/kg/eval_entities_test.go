package main

import (
	"testing"

	"github.com/kgnews/kg/internal/kgtest"
)

// TestEvalEntitiesDev scores the named entities of the 20 GUM dev documents
// with the committed models, one store per document, against floors just
// under what they measured (the same figures as
// ../shared/eval/entities/score.py).
func TestEvalEntitiesDev(t *testing.T) {
	got := runJSON(t, "eval", "entities", "--json", "--gold", kgtest.SharedFile(t, "corpora", "gum", "en_gum-ud-dev.conllu"))
	per, ok := got["per_document"].(map[string]any)
	if !ok {
		t.Fatalf("per_document = %v, want an object", got["per_document"])
	}
	floors := []struct {
		key      string
		min, max float64 // least and most acceptable value
	}{
		{"clean_share", 76, 100},     // measured 76.83
		{"recall", 81.5, 100},        // measured 82.53
		{"type_accuracy", 85.5, 100}, // measured 86.61
		{"bad_label", 0, 23},         // measured 22
		{"merges", 0, 2},
		{"splits", 0, 21},
	}
	for _, f := range floors {
		v, ok := per[f.key].(float64)
		if !ok || v < f.min || v > f.max {
			t.Errorf("%s = %v, want between %v and %v", f.key, per[f.key], f.min, f.max)
		}
	}
	if got["documents"] != float64(20) {
		t.Errorf("documents = %v, want 20", got["documents"])
	}
}

package carb

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kgnews/kg"
)

// fixedParse annotates "Russia vetoed the resolution ." style sentences of
// the form SUBJECT VERB DET OBJECT with a hand-built tree.
func fixedParse(_ context.Context, s *kg.Sentence) error {
	if len(s.Tokens) != 5 {
		return errors.New("want five tokens")
	}
	tree := []struct {
		upos, lemma, rel string
		head             int
	}{{"PROPN", "", "nsubj", 2}, {"VERB", "veto", "root", 0}, {"DET", "the", "det", 4}, {"NOUN", "", "obj", 2}, {"PUNCT", ".", "punct", 2}}
	for i, n := range tree {
		t := &s.Tokens[i]
		t.UPOS, t.Lemma, t.Rel, t.Head = n.upos, n.lemma, n.rel, n.head
	}
	return nil
}

func TestExtract(t *testing.T) {
	in := "Russia vetoed the resolution .\n\nRussia  vetoed the Plan . \r\n"
	var out bytes.Buffer
	n, err := Extract(t.Context(), strings.NewReader(in), &out, fixedParse)
	if err != nil {
		t.Fatal(err)
	}
	want := "Russia vetoed the resolution .\t%s\tvetoed\tRussia\tthe resolution\n" +
		"Russia  vetoed the Plan . \t%s\tvetoed\tRussia\tthe Plan\n"
	lines := strings.Split(out.String(), "\n")
	if n != 2 || len(lines) != 3 {
		t.Fatalf("got %d sentences, output %q", n, out.String())
	}
	conf := strings.Split(lines[0], "\t")[1]
	if got := out.String(); got != strings.ReplaceAll(want, "%s", conf) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestExtractAnnotatorError(t *testing.T) {
	_, err := Extract(t.Context(), strings.NewReader("too short\n"), &bytes.Buffer{}, fixedParse)
	if err == nil || !strings.Contains(err.Error(), "sentence 1") {
		t.Errorf("got %v, want an error naming sentence 1", err)
	}
}

func TestExtractTokensNoDuplicates(t *testing.T) {
	lines, err := ExtractTokens(t.Context(), strings.Fields("Russia vetoed the resolution ."), fixedParse)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, l := range lines {
		if seen[l.String()] {
			t.Errorf("duplicate line %q", l)
		}
		seen[l.String()] = true
		if len(l.Args) < 2 {
			t.Errorf("line %q has fewer than two arguments", l)
		}
	}
	if len(lines) != 1 {
		t.Errorf("got %d lines, want 1", len(lines))
	}
}

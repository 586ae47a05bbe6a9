package ner

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestCapBucket(t *testing.T) {
	tests := []struct {
		caps, lower int
		want        uint8
	}{
		{0, 0, 0},
		{1, 0, 0},
		{0, 40, 1},
		{1, 9, 2},
		{1, 1, 3},
		{9, 1, 4},
		{40, 0, 5},
	}
	for _, tt := range tests {
		if got := capBucket(tt.caps, tt.lower); got != tt.want {
			t.Errorf("capBucket(%d, %d) = %d, want %d", tt.caps, tt.lower, got, tt.want)
		}
	}
}

func TestPrefixBits(t *testing.T) {
	e := lexEntry{path: 0b101101, depth: 6}
	tests := []struct {
		n    int
		want uint64
	}{
		{4, 0b1011<<8 | 4},
		{6, 0b101101<<8 | 6},
		{20, 0b101101<<8 | 6},
	}
	for _, tt := range tests {
		if got := prefixBits(e, tt.n); got != tt.want {
			t.Errorf("prefixBits(%d) = %b, want %b", tt.n, got, tt.want)
		}
	}
}

// toyText is a corpus in which days and cities each share their contexts.
func toyText() [][]string {
	var text [][]string
	for range 20 {
		for _, day := range []string{"Monday", "Tuesday", "Friday"} {
			text = append(text, strings.Fields("we met on "+day+" morning at noon"))
		}
		for _, city := range []string{"Paris", "London", "Berlin"} {
			text = append(text, strings.Fields("she flew to "+city+" from home last year"))
		}
		text = append(text, strings.Fields("Paris is big and london is old"))
	}
	return text
}

func TestBuildLexicon(t *testing.T) {
	lex := buildLexicon(toyText(), 3, 1000, 8)
	if again := buildLexicon(toyText(), 3, 1000, 8); !maps.Equal(lex, again) {
		t.Fatal("two builds from the same text differ")
	}
	for _, w := range []string{"monday", "paris", "met", "flew"} {
		if lex[w].depth == 0 {
			t.Errorf("%q has no cluster", w)
		}
	}
	same := func(a, b string) bool { return prefixBits(lex[a], 2) == prefixBits(lex[b], 2) }
	if !same("monday", "friday") || !same("paris", "berlin") {
		t.Errorf("words with the same contexts split early: monday %b friday %b paris %b berlin %b",
			lex["monday"].path, lex["friday"].path, lex["paris"].path, lex["berlin"].path)
	}
	if same("monday", "paris") {
		t.Errorf("days and cities share a 2-bit prefix %b", prefixBits(lex["monday"], 2)>>8)
	}
	if got := lex["london"].caps; got != 3 {
		t.Errorf("london caps bucket = %d, want 3 (half capitalized)", got)
	}
	if got := lex["met"].caps; got != 1 {
		t.Errorf("met caps bucket = %d, want 1", got)
	}
}

func TestDocumentBits(t *testing.T) {
	doc := [][]string{
		strings.Fields("Apple sold apple pies"),
		strings.Fields("Brown met Smith and Apple"),
		strings.Fields("Smith liked the brown pie"),
	}
	want := [][]uint8{
		{docLowerElsewhere | docCapElsewhere, 0, docCapElsewhere, 0},
		{docLowerElsewhere, 0, 0, 0, docLowerElsewhere},
		{docCapElsewhere, 0, 0, 0, 0},
	}
	got := documentBits(doc)
	for k := range want {
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("sentence %d: bits %v, want %v", k, got[k], want[k])
		}
	}
}

func TestDocuments(t *testing.T) {
	sents := []Sentence{{Doc: "a"}, {Doc: "a"}, {}, {}, {Doc: "b"}, {Doc: "a"}}
	want := [][2]int{{0, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}}
	if got := documents(sents); !slices.Equal(got, want) {
		t.Errorf("documents = %v, want %v", got, want)
	}
}

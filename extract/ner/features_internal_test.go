package ner

import (
	"strings"
	"testing"
)

func TestWordShape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"McDonald's", "XxXxx'x"},
		{"1984", "dd"},
		{"U.S.", "X.X."},
		{"NATO", "XX"},
		{"al-Assad", "xx-Xxx"},
		{"Zürich", "Xxx"},
		{"東京", "**"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := wordShape(tt.in); got != tt.want {
			t.Errorf("wordShape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentenceCasing(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
	}{
		{"i live in san rafael ca", 1},
		{"WHERE CAN I BUY IT ?", 2},
		{"Ten Best Places To Eat In Boston", 3},
		{"Rex Tillerson met Sergei Lavrov in Moscow .", 0},
		{"Hi !", 0},
	}
	for _, tt := range tests {
		if got := sentenceCasing(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("sentenceCasing(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestPhraseSetMark(t *testing.T) {
	ps := newPhraseSet()
	ps.add("united states", 1)
	ps.add("moscow", 4)
	ps.add("us", 1)
	words := strings.Fields("The United States and moscow and us")
	lower := strings.Fields(strings.ToLower("The United States and moscow and us"))
	got := make([]uint16, len(words))
	ps.mark(words, lower, got)
	want := []uint16{0, 1 | gazBegin, 1, 0, 4 | gazBegin | gazLower, 0, 0}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d (%s): bits %#x, want %#x", i, words[i], got[i], want[i])
		}
	}
}

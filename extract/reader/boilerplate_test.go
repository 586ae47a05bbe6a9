package reader_test

import (
	"testing"

	"github.com/kgnews/kg/extract/reader"
)

func TestStripBoilerplate(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"photo credit", "Talks went on.\n\nPhoto credit: ANNA BERG/AFP/Getty Images\n", "Talks went on.\n"},
		{"widgets", "Talks went on.\n\nTrending Now Sponsored Links by Taboola\n\nBy Taboola\n\nMore from Harbor News", "Talks went on.\n"},
		{"author note", "Talks went on.\n\nAnna Berg is Harbor News's Oslo correspondent.", "Talks went on.\n"},
		{"byline", "By Anna Berg and Karl Stein\nTalks went on.", "Talks went on."},
		{"glued credit", "By TaboolaHarbor talks end", "Harbor talks end"},
		{"article kept", "Berg said the photo credit was wrong.\nShare prices fell.", "Berg said the photo credit was wrong.\nShare prices fell."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reader.StripBoilerplate(tt.in); got != tt.want {
				t.Errorf("StripBoilerplate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseTextDropsFurniture(t *testing.T) {
	doc := reader.ParseText("Harbor talks end\n\nThe council met.\n\nPhoto: Karl Stein\n\nBy Taboola\n")
	if doc.Text != "Harbor talks end\n\nThe council met." || doc.Title != "Harbor talks end" {
		t.Errorf("got text %q, title %q", doc.Text, doc.Title)
	}
}

package reader

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func utf8Valid(s string) bool { return utf8.ValidString(s) }

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name, in          string
		title, date, text string
	}{
		{"heading and emphasis", "# The *Big* Day\n\nIt was **very** _warm_ and ~~cold~~.",
			"The Big Day", "", "The Big Day\n\nIt was very warm and cold."},
		{"front matter", "---\ntitle: \"Front title\"\ndate: 2021-05-06T08:00:00Z\n---\n# Other\n\nBody.",
			"Front title", "2021-05-06", "Other\n\nBody."},
		{"links and images", "See [the report](https://x.example/r \"t\") and ![chart](c.png) <https://y.example>.\n\n[ref]: https://z.example",
			"See the report and https://y.example.", "", "See the report and https://y.example."},
		{"code fence dropped", "Intro line.\n\n```go\nfunc main() {}\n```\n\nAfter `x := 1` code.",
			"Intro line.", "", "Intro line.\n\nAfter x := 1 code."},
		{"lists and quotes", "Title\n=====\n\n- one item\n- two *items*\n\n> quoted\n> text\n\n1. first",
			"Title", "", "Title\n\none item\n\ntwo items\n\nquoted text\n\nfirst"},
		{"snake case kept", "Use snake_case_names and 2*3*4 here.", "Use snake_case_names and 2*3*4 here.", "",
			"Use snake_case_names and 2*3*4 here."},
		{"rules and tables", "A\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |", "A", "", "A\n\na b\n\n1 2"},
		{"unclosed front matter", "---\ntitle: x\nno end", "title: x no end", "", "title: x no end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseMarkdown(tt.in)
			if d.Title != tt.title || d.Date != tt.date || d.Text != tt.text {
				t.Errorf("got title %q date %q text %q\nwant title %q date %q text %q", d.Title, d.Date, d.Text, tt.title, tt.date, tt.text)
			}
		})
	}
}

func BenchmarkParseMarkdown(b *testing.B) {
	src := strings.Repeat("## A heading\n\nSome *emphasis*, a [link](http://x.example) and `code`.\n\n- an item\n- another\n\n", 200)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		ParseMarkdown(src)
	}
}

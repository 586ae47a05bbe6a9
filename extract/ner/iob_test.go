package ner_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/ner"
)

func TestReadIOB(t *testing.T) {
	tests := []struct {
		name   string
		scheme string
		in     string
		want   []ner.Sentence
	}{
		{
			name:   "uner columns",
			scheme: "iob2",
			in:     "# sent_id = a\n# text = Rex Tillerson met\n1\tRex\tB-PER\t-\t-\n2\tTillerson\tI-PER\t-\t-\n3\tmet\tO\t-\t-\n\n1\tMoscow\tB-LOC\t-\t-\n",
			want: []ner.Sentence{
				{Words: []string{"Rex", "Tillerson", "met"}, Tags: []string{"B-PER", "I-PER", "O"}},
				{Words: []string{"Moscow"}, Tags: []string{"B-LOC"}},
			},
		},
		{
			name:   "iob1 with spaces",
			scheme: "iob1",
			in:     "-DOCSTART- O\n\nThe I-ORG\nUN I-ORG\nand O\nEU I-ORG\nNATO B-ORG\nmet O\n",
			want: []ner.Sentence{
				{Words: []string{"The", "UN", "and", "EU", "NATO", "met"}, Tags: []string{"B-ORG", "I-ORG", "O", "B-ORG", "B-ORG", "O"}, Doc: "doc-1"},
			},
		},
		{
			name:   "documents",
			scheme: "iob2",
			in:     "# newdoc id = d1\n1\tRex\tB-PER\n\n1\tMoscow\tB-LOC\n\n# newdoc id = d2\n1\tNATO\tB-ORG\n",
			want: []ner.Sentence{
				{Words: []string{"Rex"}, Tags: []string{"B-PER"}, Doc: "d1"},
				{Words: []string{"Moscow"}, Tags: []string{"B-LOC"}, Doc: "d1"},
				{Words: []string{"NATO"}, Tags: []string{"B-ORG"}, Doc: "d2"},
			},
		},
		{
			name:   "two columns with tabs, blank words skipped",
			scheme: "iob2",
			in:     "Paris\tB-LOC\n \tO\n!\tO\n\n\n",
			want:   []ner.Sentence{{Words: []string{"Paris", "!"}, Tags: []string{"B-LOC", "O"}}},
		},
		{name: "empty", scheme: "iob2", in: "", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ner.ReadIOB(strings.NewReader(tt.in), tt.scheme)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestReadIOBErrors(t *testing.T) {
	tests := []struct{ name, scheme, in string }{
		{"bad scheme", "bio", "a O\n"},
		{"one column", "iob2", "word\n"},
		{"bad tag", "iob2", "word X-PER\n"},
		{"tag without type", "iob2", "word B-\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ner.ReadIOB(strings.NewReader(tt.in), tt.scheme); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func FuzzReadIOB(f *testing.F) {
	f.Add("1\tRex\tB-PER\t-\t-\n2\tTillerson\tI-PER\t-\t-\n\n", "iob2")
	f.Add("The I-ORG\nUN I-ORG\n-DOCSTART- O\n", "iob1")
	f.Add("# c\nx\tB-LOC\n\t\n", "iob2")
	f.Fuzz(func(t *testing.T, in, scheme string) {
		sents, err := ner.ReadIOB(strings.NewReader(in), scheme)
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Tags) {
				t.Fatalf("sentence with %d words and %d tags", len(s.Words), len(s.Tags))
			}
			for _, sp := range ner.Spans(s.Tags) {
				if sp.Start < 0 || sp.End > len(s.Words) || sp.Start >= sp.End || sp.Type == "" {
					t.Fatalf("bad span %+v", sp)
				}
			}
		}
	})
}

func TestSpans(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []ner.Span
	}{
		{"none", "O O", nil},
		{"one", "B-PER I-PER O", []ner.Span{{0, 2, "PER"}}},
		{"adjacent", "B-LOC B-LOC I-LOC", []ner.Span{{0, 1, "LOC"}, {1, 3, "LOC"}}},
		{"I without B", "O I-ORG I-ORG", []ner.Span{{1, 3, "ORG"}}},
		{"I of another type", "B-PER I-LOC", []ner.Span{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{"at the end", "O B-MISC", []ner.Span{{1, 2, "MISC"}}},
		{"junk tag closes", "B-PER X I-PER", []ner.Span{{0, 1, "PER"}, {2, 3, "PER"}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ner.Spans(strings.Fields(tt.tags)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Spans(%q) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestMapTypes(t *testing.T) {
	in := []ner.Sentence{{Words: strings.Fields("a b c d"), Tags: strings.Fields("B-MISC I-PER B-person I-person")}}
	got := ner.MapTypes(in, map[string]string{"PER": "PER", "person": "PER"})
	want := strings.Fields("O B-PER B-PER I-PER")
	if !reflect.DeepEqual(got[0].Tags, want) {
		t.Errorf("got %v, want %v", got[0].Tags, want)
	}
}

func TestScore(t *testing.T) {
	gold := []ner.Sentence{
		{Words: strings.Fields("a b c d"), Tags: strings.Fields("B-PER I-PER O B-LOC")},
		{Words: strings.Fields("e f"), Tags: strings.Fields("B-ORG O")},
	}
	pred := [][]string{
		strings.Fields("B-PER I-PER O B-ORG"), // PER right, LOC typed wrong
		strings.Fields("B-ORG B-EVENT"),       // ORG right, EVENT not in gold: ignored
	}
	s := ner.Score(gold, pred)
	if s.PerType["PER"].F1 != 100 || s.PerType["LOC"].Recall != 0 || s.PerType["ORG"].Precision != 50 {
		t.Errorf("per type = %+v", s.PerType)
	}
	if _, ok := s.PerType["EVENT"]; ok {
		t.Error("EVENT scored, want it left out")
	}
	if want := 100 * 2.0 / 3; s.Precision != want || s.Recall != 100*2.0/3 {
		t.Errorf("P %v R %v, want %v each", s.Precision, s.Recall, want)
	}
}

package alias

import (
	"strings"
	"testing"

	"github.com/kgnews/kg"
)

func TestCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Norton", "Joshua Abraham Norton", true},
		{"Joshua Norton", "Joshua Abraham Norton", true},
		{"NASA", "National Aeronautics and Space Administration", true},
		{"Drew Cass", "Devin Thurlow", false},
		{"Trinity College", "King's College", false},
		{"Cambridge", "Trinity College", false},
		{"Australia", "Medical Journal of Australia", false},
		{"Court", "Court of Appeal", true},
	}
	for _, tt := range tests {
		if got := compatible(tt.a, tt.b); got != tt.want {
			t.Errorf("compatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// words makes tokens from "form/NER" items; a bare form is tagged O.
func words(spec string) []kg.Token {
	var out []kg.Token
	for _, it := range strings.Fields(spec) {
		form, tag, ok := strings.Cut(it, "/")
		if !ok {
			tag = "O"
		}
		out = append(out, kg.Token{Text: form, NER: tag})
	}
	return out
}

func TestNameSpan(t *testing.T) {
	tests := []struct {
		name, spec string
		head       int
		want       string
	}{
		{"verb before", "included Drew/B-PER Cass/I-PER", 2, "Drew Cass"},
		{"adjectives before", "a strong and prosperous America/B-LOC", 4, "America"},
		{"title kept", "Secretary of State Rex/B-PER Tillerson/I-PER", 4, "Secretary of State Rex Tillerson"},
		{"two tags", "Netherlands/B-LOC Lotte/B-PER Wilms/I-PER", 2, "Lotte Wilms"},
		{"address", "m.p.cock@vu.nl Vrije/B-ORG Universiteit/I-ORG", 2, "Vrije Universiteit"},
		{"trailing of", "Isabel/B-PER Ruiz/I-PER of", 1, "Isabel Ruiz"},
		{"etc", "BBC/B-ORG etc.", 0, "BBC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := words(tt.spec)
			start := nameStart(toks, 0, tt.head)
			end := nameEnd(toks, tt.head+1, len(toks))
			var got []string
			for _, tk := range toks[start:end] {
				got = append(got, tk.Text)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("name = %q, want %q", g, tt.want)
			}
		})
	}
}

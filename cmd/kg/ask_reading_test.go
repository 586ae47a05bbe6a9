package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/kgnews/kg"
)

// readingArticle is made up for TestAskReadings: each question below needs
// one of the ways kg ask reads a question or a sentence.
const readingArticle = `Harbour talks in Tromsø

The mayor of Tromsø, Per Lund, opened the new bridge on Monday. Lund met Ola Dahl in Tromsø for two hours.
The plan was drafted by Karl Stein, who initiated the talks in Bergen.
Critics praised the paintings of Lena Holm long after Holm's death in 1987.
Anna Berg arrived in Oslo on Tuesday. She died from a heart attack in 2019.
"The budget is a disaster for our schools," said Kari Moe, who leads the teachers' union.
`

// TestAskReadings asks questions of a made-up article whose answers need
// the pipeline's reading of the question and, where no stored fact fits,
// of the evidence sentences: each must come back, first or among the
// answers, with the label the regexp matches.
func TestAskReadings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "harbour.txt")
	if err := os.WriteFile(path, []byte(readingArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	store := ingestedStore(t, path)
	tests := []struct {
		question, want string // want matches the label of an answer, or of a path's entity
		first          bool   // the first answer must match
	}{
		{"Who is Per Lund?", `(?i)mayor`, false},                      // apposition
		{"Who initiated the talks?", `Karl Stein`, true},              // relative pronoun read as its antecedent
		{"When did Lena Holm die?", `1987`, true},                     // event noun: Holm's death in 1987
		{"What did Anna Berg die from?", `(?i)heart attack`, true},    // pronoun after the naming sentence
		{"Where did Lund meet Ola Dahl?", `Tromsø`, true},             // place adjunct
		{"Did Per Lund meet Ola Dahl?", `Ola Dahl|Per Lund`, true},    // yes/no
		{"What did Kari Moe say about the budget?", `disaster`, true}, // a quote with the speaker after it
		{"Who met Per Lund?", `Ola Dahl`, true},                       // symmetric: Lund met Dahl
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := runKG(t, t.Context(), "", "--store", store, "ask", "--json", tt.question)
			var res kg.Result
			if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
				t.Fatalf("exit %d, stderr %q: %v", r.code, r.stderr, err)
			}
			re := regexp.MustCompile(tt.want)
			var labels []string
			for _, a := range res.Answers {
				labels = append(labels, a.Entity.Label)
			}
			for _, p := range res.Paths {
				for _, h := range p {
					labels = append(labels, h.From.Label, h.To.Label)
				}
			}
			found := false
			for i, l := range labels {
				if re.MatchString(l) && (!tt.first || i == 0) {
					found = true
				}
			}
			if !found {
				t.Errorf("want %s%s; got %q (interpretation %+v)", map[bool]string{true: "first ", false: ""}[tt.first], tt.want, labels, res.Interpretation)
			}
		})
	}
}

package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
)

// seedStore writes the seed fixture to a bolt file and returns its URL.
func seedStore(t *testing.T) string {
	t.Helper()
	url := "bolt:" + filepath.Join(t.TempDir(), "seed.db")
	s, err := graph.Open(context.Background(), url, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := s.NewWriter()
	for _, x := range kgtest.SeedFixture() {
		if err := w.Write(t.Context(), x); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return url
}

func TestAskCommand(t *testing.T) {
	store := seedStore(t)
	tests := []struct {
		name string
		args []string
	}{
		{"ask_meet", []string{"ask", "Who did Tillerson meet?"}},
		{"ask_meet_json", []string{"ask", "--json", "Who did Tillerson meet?"}},
		{"ask_about_russia", []string{"ask", "Tell me about Russia"}},
		{"ask_who_is", []string{"ask", "who is dmitri trenin"}},
		{"ask_path", []string{"ask", "How is Tillerson connected to Assad?"}},
		{"ask_nothing", []string{"ask", "Who did Lavrov veto?"}},
		{"ask_symmetric", []string{"ask", "Who did Lavrov meet?"}},
		{"ask_yes", []string{"ask", "Did Tillerson meet Putin?"}},
		{"ask_no", []string{"ask", "Did Putin veto Tillerson?"}},
		{"ask_where", []string{"ask", "Where did Tillerson meet Putin?"}},
		{"ask_misspelt", []string{"ask", "Who did Tilerson meet?"}},
		{"ask_unreadable", []string{"ask", "Tell me a joke"}},
		{"path_tillerson_assad", []string{"path", "Tillerson", "Assad"}},
		{"path_none", []string{"path", "--max-hops", "2", "Tillerson", "Assad"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name, runKG(t, t.Context(), "", append([]string{"--store", store}, tt.args...)...))
		})
	}
}

func TestAskExitCodes(t *testing.T) {
	store := seedStore(t)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"ask", "Who did Tillerson meet?"}, exitOK, ""},
		{[]string{"ask", "Who did Lavrov veto?"}, exitNotFound, "nothing found"},
		{[]string{"ask", "Who did Tilerson meet?"}, exitNotFound, "did you mean Rex Tillerson"},
		{[]string{"ask", "Tell me a joke"}, exitUsage, `"Who did Tillerson meet?"`},
		{[]string{"ask"}, exitUsage, "exactly one question"},
		{[]string{"path", "Tillerson"}, exitUsage, "two entities"},
		{[]string{"path", "--max-hops", "0", "Tillerson", "Assad"}, exitUsage, "--max-hops"},
		{[]string{"path", "--limit", "0", "Tillerson", "Assad"}, exitUsage, "--limit"},
		{[]string{"path", "Tillerson", "Nobody"}, exitNotFound, `no entity named "Nobody"`},
		{[]string{"path", "--max-hops", "2", "Tillerson", "Assad"}, exitNotFound, "no path"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runKG(t, t.Context(), "", append([]string{"--store", store}, tt.args...)...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("got exit %d, stderr %q; want %d with %q", r.code, r.stderr, tt.code, tt.stderr)
			}
		})
	}
}

func TestPathJSON(t *testing.T) {
	r := runKG(t, t.Context(), "", "--store", seedStore(t), "path", "--json", "--limit", "2", "Tillerson", "the US")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		From, To kg.Entity
		Paths    []kg.Path
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.From.Label != "Rex Tillerson" || got.To.Label != "United States" || len(got.Paths) != 1 || len(got.Paths[0]) != 1 {
		t.Fatalf("got %+v", got)
	}
	if h := got.Paths[0][0]; h.Predicate != "secretary_of" || len(h.Evidence) != 1 || !strings.Contains(h.Evidence[0].Text, "Secretary of State") {
		t.Errorf("hop %+v", h)
	}
}

func TestDemo(t *testing.T) {
	r := runKG(t, t.Context(), "", "demo", "--json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got demoResult
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Ingest.Documents != 4 || got.Ingest.Replaced != 0 || got.Ingest.Facts == 0 {
		t.Errorf("ingest %+v, want 4 documents, none replaced, some facts", got.Ingest)
	}
	if len(got.Results)+len(got.Missed) != len(demoQuestions) || len(got.Results) < 2 {
		t.Errorf("%d answered, %d missed of %d questions: %+v", len(got.Results), len(got.Missed), len(demoQuestions), got.Missed)
	}
	demoAnswered(t, got)
	for _, res := range got.Results {
		for _, a := range res.Answers {
			if len(a.Evidence) == 0 || a.Evidence[0].Title == "" || a.Evidence[0].Text == "" {
				t.Errorf("%s: answer %s without evidence", res.Question, a.Entity.Label)
			}
		}
	}
	text := runKG(t, t.Context(), "", "demo")
	if text.code != exitOK || !strings.Contains(text.stdout, "Q: "+demoQuestions[0]) || !strings.Contains(text.stdout, "[") {
		t.Errorf("text demo: exit %d\n%s", text.code, text.stdout)
	}
}

// demoAnswered checks that every demo question found answers or paths (an
// entity alone is not enough).
func demoAnswered(t *testing.T, got demoResult) {
	t.Helper()
	answered := map[string]bool{}
	for _, res := range got.Results {
		answered[res.Question] = len(res.Answers)+len(res.Paths) > 0
	}
	for _, q := range demoQuestions {
		if !answered[q] {
			t.Errorf("demo %q: no answers or paths", q)
		}
	}
}

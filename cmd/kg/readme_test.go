package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/internal/kgtest"
)

// readmeQuery finds the query examples of README.md.
var readmeQuery = regexp.MustCompile(`(?m)^kg query (--short )?'(.+)'$`)

// TestReadmeQueries runs every `kg query` example of README.md against the
// seed article, as the README promises, and expects results from each.
func TestReadmeQueries(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(kgtest.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	found := readmeQuery.FindAllStringSubmatch(string(readme), -1)
	if len(found) < 5 {
		t.Fatalf("README.md has %d query examples, want at least 5", len(found))
	}
	store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
	seed := kgtest.SharedFile(t, "eval", "seed", "tillerson-moscow.txt")
	if r := runKG(t, t.Context(), "", "--store", store, "ingest", seed); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	for _, m := range found {
		t.Run(m[2], func(t *testing.T) {
			args := []string{"--store", store, "query"}
			if m[1] != "" {
				args = append(args, "--short")
			}
			r := runKG(t, t.Context(), "", append(args, m[2])...)
			if r.code != exitOK || strings.TrimSpace(r.stdout) == "" {
				t.Errorf("got %+v, want results", r)
			}
		})
	}
}

// readmeAsk finds the kg ask examples of README.md: "go run ./cmd/kg ask"
// in the quick start, after the sample articles are ingested, and "kg ask"
// under Commands, about the seed article as the query examples are.
var readmeAsk = regexp.MustCompile(`(?m)^(go run \./cmd/kg|kg) ask (?:--json )?"([^"]+)"`)

// TestReadmeAsk asks every kg ask example of README.md on the store it is
// written for and expects answers or paths from each.
func TestReadmeAsk(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(kgtest.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	found := readmeAsk.FindAllStringSubmatch(string(readme), -1)
	if len(found) < 5 {
		t.Fatalf("README.md has %d ask examples, want at least 5", len(found))
	}
	stores := map[string]string{
		"go run ./cmd/kg": ingestedStore(t, filepath.Join(kgtest.RepoRoot(t), "data", "samples", "articles.jsonl")),
		"kg":              ingestedStore(t, kgtest.SharedFile(t, "eval", "seed", "tillerson-moscow.txt")),
	}
	for _, m := range found {
		t.Run(m[2], func(t *testing.T) { expectAnswers(t, stores[m[1]], m[2]) })
	}
}

// ingestedStore ingests paths into a fresh bolt store and returns its URL.
func ingestedStore(t *testing.T, paths ...string) string {
	t.Helper()
	store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
	if r := runKG(t, t.Context(), "", append([]string{"--store", store, "ingest"}, paths...)...); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	return store
}

// expectAnswers asks q of the store and fails unless answers or paths come
// back.
func expectAnswers(t *testing.T, store, q string) {
	t.Helper()
	r := runKG(t, t.Context(), "", "--store", store, "ask", "--json", q)
	var res kg.Result
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil && r.code != exitNotFound {
		t.Fatalf("exit %d, stderr %q, output not a result: %v", r.code, r.stderr, err)
	}
	if len(res.Answers)+len(res.Paths) == 0 {
		t.Errorf("%q: nothing found (exit %d, stderr %q)", q, r.code, r.stderr)
	}
}

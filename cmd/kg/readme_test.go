package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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

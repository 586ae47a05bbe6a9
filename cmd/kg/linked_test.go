package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
)

// TestIngestLinksSurnamesAcrossDocuments ingests the sample articles, one of
// which names "Halvorsen" only by her surname, and checks that she is one
// node with the merge recorded, and that no person is a lone surname of a
// full-named person.
func TestIngestLinksSurnamesAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
	if r := runKG(t, ctx, "", "--store", store, "ingest", "../../data/samples/articles.jsonl"); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	r := runKG(t, ctx, "", "--store", store, "entities", "--type", "Person", "--json")
	if r.code != 0 {
		t.Fatalf("entities: exit %d: %s", r.code, r.stderr)
	}
	var people []kg.Entity
	if err := json.Unmarshal([]byte(r.stdout), &people); err != nil {
		t.Fatal(err)
	}
	families := map[string]string{}
	for _, p := range people {
		if f := kg.FamilyName(p.Label); f != "" {
			families[f] = p.Label
		}
	}
	var halvorsen *kg.Entity
	for i, p := range people {
		if full, ok := families[p.Label]; ok {
			t.Errorf("%q is a node of its own beside %q", p.Label, full)
		}
		if p.Label == "Ingrid Halvorsen" {
			halvorsen = &people[i]
		}
	}
	if halvorsen == nil {
		t.Fatalf("no Ingrid Halvorsen among %d people", len(people))
	}
	if !slices.ContainsFunc(halvorsen.Merges, func(m string) bool { return strings.HasPrefix(m, extract.RuleSurnameAcross+":") }) {
		t.Errorf("Ingrid Halvorsen's merges %q record no %q", halvorsen.Merges, extract.RuleSurnameAcross)
	}
}

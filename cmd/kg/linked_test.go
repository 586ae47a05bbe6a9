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

// Two made-up articles: one names Halvorsen by her surname only, the other
// in full.
const (
	surnameDoc = `{"id": "doc-surname", "title": "Quota talks", "date": "2025-03-01", "text": "Halvorsen met Paul Desrosiers in Oslo on Monday.\n\nHalvorsen praised the fishing accord."}`
	fullDoc    = `{"id": "doc-full", "title": "Veto criticized", "date": "2025-03-05", "text": "Norwegian Foreign Minister Ingrid Halvorsen criticized the veto in New York on Thursday.\n\nIngrid Halvorsen visited Geneva."}`
)

// mustPeople lists the store's people through kg entities.
func mustPeople(t *testing.T, store string) []kg.Entity {
	t.Helper()
	r := runKG(t, t.Context(), "", "--store", store, "entities", "--type", "Person", "--json")
	if r.code != 0 {
		t.Fatalf("entities: exit %d: %s", r.code, r.stderr)
	}
	var people []kg.Entity
	if err := json.Unmarshal([]byte(r.stdout), &people); err != nil {
		t.Fatal(err)
	}
	return people
}

// mustIngest ingests JSON lines documents in one run.
func mustIngest(t *testing.T, store string, docs ...string) {
	t.Helper()
	if r := runKG(t, t.Context(), strings.Join(docs, "\n")+"\n", "--store", store, "ingest", "--format", "jsonl", "-"); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
}

// docID returns the ID kg gives a JSON lines document.
func docID(t *testing.T, doc string) string {
	t.Helper()
	r := runKG(t, t.Context(), doc+"\n", "extract", "--format", "jsonl", "--json", "-")
	var x struct{ Document struct{ ID string } }
	if err := json.Unmarshal([]byte(strings.SplitN(r.stdout, "\n", 2)[0]), &x); err != nil || x.Document.ID == "" {
		t.Fatalf("extract: %v %+v", err, r)
	}
	return x.Document.ID
}

// relations returns the predicates of the direct edges from entity iri.
func relations(t *testing.T, store, iri string) []string {
	t.Helper()
	r := runKG(t, t.Context(), "", "--store", store, "export", "--format", "nquads")
	if r.code != 0 {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	var preds []string
	for _, line := range strings.Split(r.stdout, "\n") {
		f := strings.Fields(line)
		if len(f) > 2 && f[0] == "<"+iri+">" && strings.Contains(f[1], "/rel/") {
			preds = append(preds, strings.Trim(f[1][strings.LastIndex(f[1], "/")+1:], "<>"))
		}
	}
	return preds
}

// TestIngestLinksBothWays ingests an article naming Halvorsen by surname and
// one naming Ingrid Halvorsen, in both orders, in one run or two, and checks
// that she is one person labelled with the full name, with the surname as an
// alias, the merge rule recorded and the facts of both articles; and that
// removing either article leaves what the other one says.
func TestIngestLinksBothWays(t *testing.T) {
	tests := []struct {
		name   string
		docs   []string
		oneRun bool
		rule   string
	}{
		{"surname first, two runs", []string{surnameDoc, fullDoc}, false, extract.RuleFullNameAcross},
		{"surname first, one run", []string{surnameDoc, fullDoc}, true, extract.RuleFullNameAcross},
		{"full name first, two runs", []string{fullDoc, surnameDoc}, false, extract.RuleSurnameAcross},
		{"full name first, one run", []string{fullDoc, surnameDoc}, true, extract.RuleSurnameAcross},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
			if tt.oneRun {
				mustIngest(t, store, tt.docs...)
			} else {
				for _, d := range tt.docs {
					mustIngest(t, store, d)
				}
			}
			var found []kg.Entity
			for _, p := range mustPeople(t, store) {
				if strings.Contains(p.Label, "Halvorsen") {
					found = append(found, p)
				}
			}
			if len(found) != 1 {
				t.Fatalf("Halvorsen nodes %+v, want one", found)
			}
			h := found[0]
			if h.Label != "Ingrid Halvorsen" || !slices.Contains(h.Aliases, "Halvorsen") {
				t.Errorf("label %q aliases %q, want Ingrid Halvorsen with alias Halvorsen", h.Label, h.Aliases)
			}
			want := tt.rule + `: "Halvorsen" -> "Ingrid Halvorsen"`
			if !slices.Contains(h.Merges, want) {
				t.Errorf("merges %q, want %q", h.Merges, want)
			}
			rels := relations(t, store, h.ID)
			for _, p := range []string{"meet", "praise", "criticize"} {
				if !slices.Contains(rels, p) {
					t.Errorf("relations %q of %s lack %q", rels, h.ID, p)
				}
			}
			// Removing one article leaves the other's node, label and facts.
			first, second := tt.docs[0], tt.docs[1]
			if r := runKG(t, t.Context(), "", "--store", store, "rm", docID(t, second)); r.code != 0 {
				t.Fatalf("rm: %+v", r)
			}
			left := "Halvorsen"
			if first == fullDoc {
				left = "Ingrid Halvorsen"
			}
			e := lookup(mustPeople(t, store), h.ID)
			if e == nil || e.Label != left || len(e.Merges) > 1 {
				t.Errorf("after rm of the second article: %+v, want %q with at most its title merge", e, left)
			}
			if rels := relations(t, store, h.ID); slices.Contains(rels, "criticize") == (first == surnameDoc) {
				t.Errorf("relations after rm %q", rels)
			}
		})
	}
}

// lookup returns the entity with this ID, or nil.
func lookup(es []kg.Entity, id string) *kg.Entity {
	for i := range es {
		if es[i].ID == id {
			return &es[i]
		}
	}
	return nil
}

// TestIngestKeepsBergsApart checks that a full name joins a surname-only
// node only when nothing else could be meant: Lars Berg does not join the
// node Anna Berg took over from "Berg", nor do two Bergs of one article
// join it together, while the same full name does.
func TestIngestKeepsBergsApart(t *testing.T) {
	docs := []string{
		`{"id": "doc-berg", "title": "Budget", "date": "2025-04-01", "text": "Berg presented the budget in Stockholm on Monday."}`,
		`{"id": "doc-anna", "title": "Finance", "date": "2025-04-02", "text": "Finance Minister Anna Berg defended the budget in Stockholm."}`,
		`{"id": "doc-lars", "title": "Skiing", "date": "2025-04-03", "text": "The skier Lars Berg won the race in Oslo."}`,
		`{"id": "doc-both", "title": "Family", "date": "2025-04-04", "text": "Anna Berg and Lars Berg visited Uppsala."}`,
	}
	store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
	for _, d := range docs {
		mustIngest(t, store, d)
	}
	labels := map[string]string{}
	for _, p := range mustPeople(t, store) {
		if strings.Contains(p.Label, "Berg") {
			if old, ok := labels[p.Label]; ok {
				t.Errorf("%q is two nodes: %s and %s", p.Label, old, p.ID)
			}
			labels[p.Label] = p.ID
		}
	}
	if len(labels) != 2 || labels["Anna Berg"] == "" || labels["Lars Berg"] == "" {
		t.Errorf("Berg people %v, want Anna Berg and Lars Berg apart", labels)
	}
	if strings.HasSuffix(labels["Lars Berg"], "/berg") {
		t.Errorf("Lars Berg took the surname's node: %v", labels)
	}
}

package extract_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/internal/kgtest"
)

// doc builds an extraction naming people, with one fact from the first to
// the second.
func doc(id string, people ...string) *kg.Extraction {
	x := &kg.Extraction{Document: kg.Document{ID: id, Title: id, Text: "text of " + id}}
	for _, p := range people {
		slug := strings.ToLower(strings.ReplaceAll(p, " ", "_"))
		x.Entities = append(x.Entities, kg.Entity{ID: slug, Label: p, Type: kg.Person, Mentions: 1})
		x.Mentions = append(x.Mentions, kg.Mention{Entity: slug, Text: p})
	}
	if len(x.Entities) > 1 {
		x.Facts = append(x.Facts, kg.Fact{Subject: x.Entities[0].ID, Predicate: "meet", Object: x.Entities[1].ID,
			Confidence: 0.9, Evidence: kg.Evidence{Text: "They met."}})
	}
	return x
}

func TestLinkerSurnames(t *testing.T) {
	tests := []struct {
		name    string
		stored  []*kg.Extraction // written to the store first
		earlier []*kg.Extraction // linked earlier in the same run
		x       *kg.Extraction
		want    []string // entity IDs after linking
		subject string   // the fact's subject after linking
	}{
		{"surname of a stored person", []*kg.Extraction{doc("a", "Rex Tillerson", "Vladimir Putin")}, nil,
			doc("b", "Tillerson", "Lavrov"), []string{"rex_tillerson", "lavrov"}, "rex_tillerson"},
		{"surname of a person earlier in the run", nil, []*kg.Extraction{doc("a", "Ingrid Halvorsen")},
			doc("b", "Halvorsen", "Paul Desrosiers"), []string{"ingrid_halvorsen", "paul_desrosiers"}, "ingrid_halvorsen"},
		{"two people share the family name", []*kg.Extraction{doc("a", "George Bush", "Jeb Bush")}, nil,
			doc("b", "Bush", "Clinton"), []string{"bush", "clinton"}, "bush"},
		{"run and store disagree", []*kg.Extraction{doc("a", "George Bush")}, []*kg.Extraction{doc("c", "Jeb Bush")},
			doc("b", "Bush", "Clinton"), []string{"bush", "clinton"}, "bush"},
		{"no one by that name", []*kg.Extraction{doc("a", "Rex Tillerson")}, nil,
			doc("b", "Putin", "Lavrov"), []string{"putin", "lavrov"}, "putin"},
		{"full name in the same document folds in", []*kg.Extraction{doc("a", "Rex Tillerson")}, nil,
			doc("b", "Tillerson", "Rex Tillerson"), []string{"rex_tillerson"}, "rex_tillerson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := kgtest.MustOpenStore(t, "memory:")
			kgtest.MustWrite(t, s, tt.stored...)
			l := extract.NewLinker(s)
			for _, x := range tt.earlier {
				if err := l.Link(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Link(ctx, tt.x); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range tt.x.Entities {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("entities %v, want %v", ids, tt.want)
			}
			if got := tt.x.Facts[0].Subject; got != tt.subject {
				t.Errorf("fact subject %q, want %q", got, tt.subject)
			}
			for _, m := range tt.x.Mentions {
				if !slices.Contains(ids, m.Entity) {
					t.Errorf("mention %q points at %q, not an entity of the document", m.Text, m.Entity)
				}
			}
		})
	}
}

// TestLinkerRecordsMerge checks that a linked person keeps the surname as an
// alias, takes the full label and says which rule merged it.
func TestLinkerRecordsMerge(t *testing.T) {
	s := kgtest.MustOpenStore(t, "memory:")
	kgtest.MustWrite(t, s, doc("a", "Bashar al-Assad", "Vladimir Putin"))
	x := doc("b", "Assad", "Putin")
	if err := extract.NewLinker(s).Link(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	e := x.Entities[0]
	if e.ID != "bashar_al-assad" || e.Label != "Bashar al-Assad" || !slices.Contains(e.Aliases, "Assad") {
		t.Fatalf("linked entity %+v", e)
	}
	want := extract.RuleSurnameAcross + `: "Assad" -> "Bashar al-Assad"`
	if !slices.Contains(e.Merges, want) {
		t.Errorf("merges %q, want %q", e.Merges, want)
	}
}

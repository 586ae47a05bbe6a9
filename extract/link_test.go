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

// TestLinkerFullNames checks the other way round: a full name joins the one
// earlier person named only by its surname, and nothing else.
func TestLinkerFullNames(t *testing.T) {
	place := &kg.Extraction{Document: kg.Document{ID: "p", Title: "p", Text: "text of p"},
		Entities: []kg.Entity{{ID: "jordan", Label: "Jordan", Type: kg.Place, Mentions: 1}}}
	tests := []struct {
		name    string
		stored  []*kg.Extraction // written to the store first
		earlier []*kg.Extraction // linked earlier in the same run
		x       *kg.Extraction
		want    []string // entity IDs after linking
		subject string   // the fact's subject after linking
		merge   string   // a merge the first entity records, if any
	}{
		{"full name of a stored surname", []*kg.Extraction{doc("a", "Halvorsen", "Paul Desrosiers")}, nil,
			doc("b", "Ingrid Halvorsen", "Laura Mendes"), []string{"halvorsen", "laura_mendes"}, "halvorsen",
			extract.RuleFullNameAcross + `: "Halvorsen" -> "Ingrid Halvorsen"`},
		{"full name of a surname earlier in the run", nil, []*kg.Extraction{doc("a", "Halvorsen", "Paul Desrosiers")},
			doc("b", "Ingrid Halvorsen", "Laura Mendes"), []string{"halvorsen", "laura_mendes"}, "halvorsen",
			extract.RuleFullNameAcross + `: "Halvorsen" -> "Ingrid Halvorsen"`},
		{"the same full name again", nil, []*kg.Extraction{doc("a", "Halvorsen"), doc("b", "Ingrid Halvorsen")},
			doc("c", "Ingrid Halvorsen", "Lars Berg"), []string{"halvorsen", "lars_berg"}, "halvorsen", ""},
		{"the surname in the document folds in", []*kg.Extraction{doc("a", "Halvorsen", "Paul Desrosiers")}, nil,
			doc("b", "Halvorsen", "Ingrid Halvorsen"), []string{"halvorsen"}, "halvorsen",
			extract.RuleFullNameAcross + `: "Halvorsen" -> "Ingrid Halvorsen"`},
		{"other given names", nil, []*kg.Extraction{doc("a", "Adams"), doc("b", "John Adams")},
			doc("c", "John Quincy Adams", "Abigail Smith"), []string{"john_quincy_adams", "abigail_smith"}, "john_quincy_adams", ""},
		{"a surname and a full name to choose from", []*kg.Extraction{doc("a", "Berg"), doc("b", "Lars Berg")}, nil,
			doc("c", "Anna Berg", "Karl Stein"), []string{"anna_berg", "karl_stein"}, "anna_berg", ""},
		{"two of the family in the document", []*kg.Extraction{doc("a", "Berg")}, nil,
			doc("c", "Anna Berg", "Lars Berg"), []string{"anna_berg", "lars_berg"}, "anna_berg", ""},
		{"the surname is a place", []*kg.Extraction{place}, nil,
			doc("c", "Michael Jordan", "Scottie Pippen"), []string{"michael_jordan", "scottie_pippen"}, "michael_jordan", ""},
		{"the full name is stored already", []*kg.Extraction{doc("a", "Halvorsen"), doc("b", "Ingrid Halvorsen")}, nil,
			doc("c", "Ingrid Halvorsen", "Lars Berg"), []string{"ingrid_halvorsen", "lars_berg"}, "ingrid_halvorsen", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := t.Context()
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
			e := tt.x.Entities[0]
			if tt.merge == "" && len(e.Merges) > 0 {
				t.Errorf("merges %q, want none", e.Merges)
			}
			if tt.merge != "" && (!slices.Contains(e.Merges, tt.merge) || !slices.Contains(e.Aliases, "Halvorsen") || e.Label != "Ingrid Halvorsen") {
				t.Errorf("entity %+v, want label Ingrid Halvorsen, alias Halvorsen and merge %q", e, tt.merge)
			}
			for _, m := range tt.x.Mentions {
				if !slices.Contains(ids, m.Entity) {
					t.Errorf("mention %q points at %q, not an entity of the document", m.Text, m.Entity)
				}
			}
		})
	}
}

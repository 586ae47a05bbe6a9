package queries

import (
	"testing"

	"github.com/kgnews/kg"
)

func TestResolveSurnameToFullName(t *testing.T) {
	ix := newNameIndex([]kg.Entity{
		{ID: "e/halvorsen", Label: "Halvorsen", Type: kg.Person},
		{ID: "e/ingrid_halvorsen", Label: "Ingrid Halvorsen", Type: kg.Person, Aliases: []string{"Halvorsen"}},
		{ID: "e/berg", Label: "Berg", Type: kg.Person},
		{ID: "e/jonas_berg", Label: "Jonas Berg", Type: kg.Person, Aliases: []string{"Berg"}},
		{ID: "e/anna_berg", Label: "Anna Berg", Type: kg.Person, Aliases: []string{"Berg"}},
	})
	if e, err := ix.resolve("Halvorsen"); err != nil || e.ID != "e/ingrid_halvorsen" {
		t.Errorf("Halvorsen: got %v, %v; want Ingrid Halvorsen", e.ID, err)
	}
	if e, err := ix.resolve("Berg"); err == nil && e.ID != "e/berg" {
		t.Errorf("Berg, two full names: got %v, want the bare surname or an ambiguity error", e.ID)
	}
}

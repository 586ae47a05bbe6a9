package queries

import (
	"context"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/internal/kgtest"
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

// TestIndexBuildsInBackground checks the name index's life: not ready
// before a build, a caller that stops waiting leaves the build running for
// the next one, and a change of the store makes it stale until rebuilt.
func TestIndexBuildsInBackground(t *testing.T) {
	s := kgtest.MustOpenStore(t, "memory:")
	xs := kgtest.SeedFixture()
	kgtest.MustWrite(t, s, xs[0])
	q := New(s)
	if q.readyIndex(t.Context()) != nil {
		t.Fatal("index ready before any build")
	}
	gone, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := q.index(gone); err != nil && kg.ErrorCode(err) != kg.ETIMEOUT {
		t.Errorf("index with an ended context: %v, want the index or %s", err, kg.ETIMEOUT)
	}
	ix, err := q.index(t.Context())
	if err != nil || ix == nil || q.readyIndex(t.Context()) != ix {
		t.Fatalf("index: %v, %v; ready %v", ix, err, q.readyIndex(t.Context()))
	}
	before := len(ix.ents)
	kgtest.MustWrite(t, s, xs[1:]...)
	if q.readyIndex(t.Context()) != nil {
		t.Error("index still ready after the store changed")
	}
	ix, err = q.index(t.Context())
	if err != nil || len(ix.ents) <= before {
		t.Errorf("rebuilt index: %v entities (had %d), %v", len(ix.ents), before, err)
	}
}

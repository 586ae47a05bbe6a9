package graph_test

import (
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
)

// TestEachPredicate checks that listing a node's predicates from bolt's
// index keys gives the predicates of its quads, each once, and that
// EachQuadRef reads the quads of chosen predicates only, on every backend.
func TestEachPredicate(t *testing.T) {
	for _, b := range backends(t) {
		if b.name == "postgres" {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t)
			kgtest.MustWrite(t, s, kgtest.Fixture()...)
			qs := s.QuadStore()
			for _, tt := range []struct {
				iri string
				dir quad.Direction
			}{
				{graph.EntityIRI(graph.DefaultBase, "rex_tillerson"), quad.Subject},
				{graph.EntityIRI(graph.DefaultBase, "vladimir_putin"), quad.Object},
			} {
				node, err := qs.ValueOf(quad.IRI(tt.iri))
				if err != nil || node == nil {
					t.Fatalf("%s: %v, %v", tt.iri, node, err)
				}
				var want []string // predicates of the node's quads, from a scan
				err = graph.EachQuad(t.Context(), qs, tt.dir, quad.IRI(tt.iri), func(q quad.Quad) error {
					if p := q.Predicate.String(); !slices.Contains(want, p) {
						want = append(want, p)
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				var refs []cgraph.Ref
				ok, err := s.EachPredicate(t.Context(), tt.dir, node, func(p cgraph.Ref) error {
					v, err := qs.NameOf(p)
					got, refs = append(got, v.String()), append(refs, p)
					return err
				})
				if err != nil || ok != strings.HasPrefix(b.name, "bolt") {
					t.Fatalf("%s %s: ok %v, err %v; want ok only on bolt", tt.iri, tt.dir, ok, err)
				}
				if !ok {
					continue
				}
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s %s: predicates\n got %q\nwant %q", tt.iri, tt.dir, got, want)
				}
				n := 0
				err = graph.EachQuadRef(t.Context(), qs, tt.dir, node, refs[:1], func(i int, q cgraph.Ref) error {
					p, err := qs.QuadDirection(q, quad.Predicate)
					if i != 0 || p != refs[0] {
						t.Errorf("quad of predicate %v at index %d, want %v at 0", p, i, refs[0])
					}
					n++
					return err
				})
				if err != nil || n == 0 {
					t.Errorf("EachQuadRef: %d quads, %v", n, err)
				}
			}
		})
	}
}

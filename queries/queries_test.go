package queries_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
	"github.com/kgnews/kg/queries"
)

func fixtureService(t *testing.T) (*queries.Service, *graph.Store) {
	s := kgtest.MustOpenStore(t, "memory:")
	kgtest.MustWrite(t, s, kgtest.Fixture()...)
	return queries.New(s), s
}

func TestEntities(t *testing.T) {
	q, s := fixtureService(t)
	tests := []struct {
		name string
		f    queries.EntityFilter
		want []string // labels in order
	}{
		{"all by mentions", queries.EntityFilter{}, []string{"Rex Tillerson", "Vladimir Putin", "Russia", "Security Council", "Sergey Lavrov", "UN resolution"}},
		{"limit", queries.EntityFilter{Limit: 2}, []string{"Rex Tillerson", "Vladimir Putin"}},
		{"type any case", queries.EntityFilter{Type: "person"}, []string{"Rex Tillerson", "Vladimir Putin", "Sergey Lavrov"}},
		{"prefix on label", queries.EntityFilter{Prefix: "ser"}, []string{"Sergey Lavrov"}},
		{"prefix on alias", queries.EntityFilter{Prefix: "mosc"}, []string{"Russia"}},
		{"prefix and type", queries.EntityFilter{Prefix: "r", Type: kg.Place}, []string{"Russia"}},
		{"nothing", queries.EntityFilter{Prefix: "zzz"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := q.Entities(t.Context(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, e := range got {
				labels = append(labels, e.Label)
				if !graph.ValidIRI(e.ID) {
					t.Errorf("entity ID %q is not an IRI", e.ID)
				}
			}
			if !slices.Equal(labels, tt.want) {
				t.Errorf("got %q, want %q", labels, tt.want)
			}
		})
	}
	if _, err := q.Entities(t.Context(), queries.EntityFilter{Type: "Planet"}); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("unknown type: err = %v", err)
	}
	// removed entities never show, though KV and SQL stores keep their nodes
	if _, err := s.RemoveDocument(t.Context(), kgtest.Fixture()[2].Document.ID); err != nil {
		t.Fatal(err)
	}
	got, err := q.Entities(t.Context(), queries.EntityFilter{Prefix: "un"})
	if err != nil || len(got) != 0 {
		t.Errorf("after removal: %v, %v; want nothing", got, err)
	}
}

func TestQuery(t *testing.T) {
	q, _ := fixtureService(t)
	tests := []struct {
		name, lang, text string
		opts             queries.QueryOptions
		want             string // JSON of the results
	}{
		{"who Tillerson met", "gizmo", `g.V("<kg:entity/rex_tillerson>").Out("<kg:rel/meet>").All()`, queries.QueryOptions{},
			`[{"id":"\u003chttps://kg.example/entity/vladimir_putin\u003e"}]`},
		{"short IRIs", "", `g.V("<kg:entity/rex_tillerson>").Out("<kg:rel/meet>").All()`, queries.QueryOptions{Short: true},
			`[{"id":"\u003ckg:entity/vladimir_putin\u003e"}]`},
		{"every document's label, until made unique", "gizmo", `g.V().Has("<rdf:type>", "<schema:Place>").Out("<rdfs:label>").All()`, queries.QueryOptions{},
			`[{"id":"Russia"},{"id":"Russia"},{"id":"Russia"},{"id":"Russia"}]`},
		{"label of a typed entity", "gizmo", `g.V().Has("<rdf:type>", "<schema:Place>").Out("<rdfs:label>").Unique().All()`, queries.QueryOptions{},
			`[{"id":"Russia"}]`},
		{"negated facts by node", "gizmo", `g.V().Has("<kg:negated>").Out("<rdf:predicate>").Out("<rdfs:label>").All()`, queries.QueryOptions{},
			`[{"id":"endorse"}]`},
		{"limit", "gizmo", `g.V().Has("<rdf:type>", "<schema:Person>").All()`, queries.QueryOptions{Limit: 1, Short: true}, ""},
		{"mql", "mql", `[{"id": "<kg:entity/rex_tillerson>", "<kg:rel/meet>": null}]`, queries.QueryOptions{Short: true},
			`[{"\u003chttps://kg.example/rel/meet\u003e":"\u003ckg:entity/vladimir_putin\u003e","id":"\u003ckg:entity/rex_tillerson\u003e"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := q.Query(t.Context(), tt.lang, tt.text, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(got)
			if tt.want == "" {
				if len(got) != tt.opts.Limit {
					t.Errorf("got %d results, want %d: %s", len(got), tt.opts.Limit, b)
				}
				return
			}
			if string(b) != tt.want {
				t.Errorf("got %s\nwant %s", b, tt.want)
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	q, _ := fixtureService(t)
	start := time.Now()
	_, err := q.Query(t.Context(), "gizmo", `while(true){}`, queries.QueryOptions{Timeout: 300 * time.Millisecond})
	if kg.ErrorCode(err) != kg.ETIMEOUT {
		t.Errorf("endless loop: err = %v, want code %s", err, kg.ETIMEOUT)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("endless loop stopped after %s, want about 300ms", took)
	}
	for _, tt := range []struct{ lang, text string }{{"sparql", "SELECT"}, {"gizmo", "g.V(("}} {
		if _, err := q.Query(t.Context(), tt.lang, tt.text, queries.QueryOptions{}); kg.ErrorCode(err) != kg.EINVALID {
			t.Errorf("%s %q: err = %v, want code %s", tt.lang, tt.text, err, kg.EINVALID)
		}
	}
}

package queries_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/kgtest"
	"github.com/kgnews/kg/queries"
)

// TestBackendsAgree checks that questions, neighbors, paths and entity
// listings answer the same on a memory store, which queries read through
// Cayley's generic iterators, and on bolt, which they read through its
// compound indexes, before the name index is built (entities read from the
// store) and after (entities shown from the index).
func TestBackendsAgree(t *testing.T) {
	urls := []string{"memory:", "bolt:" + filepath.Join(t.TempDir(), "kg.db")}
	calls := []struct {
		name string
		call func(q *queries.Service) (any, error)
	}{
		{"ask about", func(q *queries.Service) (any, error) { return q.Ask(t.Context(), "Tell me about Russia") }},
		{"ask object", func(q *queries.Service) (any, error) { return q.Ask(t.Context(), "Who did Tillerson meet?") }},
		{"ask subject", func(q *queries.Service) (any, error) { return q.Ask(t.Context(), "Who vetoed the resolution?") }},
		{"ask who is", func(q *queries.Service) (any, error) { return q.Ask(t.Context(), "Who is Dmitri Trenin?") }},
		{"ask path", func(q *queries.Service) (any, error) {
			return q.Ask(t.Context(), "How is Tillerson connected to Assad?")
		}},
		{"neighbors", func(q *queries.Service) (any, error) { return q.Neighbors(t.Context(), "Tillerson", 0, 0) }},
		{"neighbors page", func(q *queries.Service) (any, error) { return q.Neighbors(t.Context(), "Russia", 2, 1) }},
		{"path", func(q *queries.Service) (any, error) { return q.Path(t.Context(), "Trump", "Russia", 4, 3) }},
		{"entities", func(q *queries.Service) (any, error) { return q.Entities(t.Context(), queries.EntityFilter{}) }},
		{"complete", func(q *queries.Service) (any, error) { return q.Complete(t.Context(), "ru", 5) }},
	}
	var got [][]string
	var runs []string
	for _, u := range urls {
		s := kgtest.MustOpenStore(t, u)
		kgtest.MustWrite(t, s, kgtest.SeedFixture()...)
		q := queries.New(s)
		for _, indexed := range []bool{false, true} {
			if indexed {
				if _, err := q.Complete(t.Context(), "a", 1); err != nil { // builds the name index
					t.Fatal(err)
				}
			}
			var out []string
			for _, c := range calls {
				v, err := c.call(q)
				if err != nil {
					t.Fatalf("%s on %s: %v", c.name, u, err)
				}
				b, err := json.Marshal(v)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, string(b))
			}
			got = append(got, out)
			runs = append(runs, fmt.Sprintf("%s indexed=%v", u[:strings.Index(u, ":")], indexed))
		}
	}
	for i := 1; i < len(got); i++ {
		for j, c := range calls {
			if got[i][j] != got[0][j] {
				t.Errorf("%s:\n %s: %s\n %s: %s", c.name, runs[0], got[0][j], runs[i], got[i][j])
			}
		}
	}
}

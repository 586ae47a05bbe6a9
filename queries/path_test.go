package queries_test

import (
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/internal/kgtest"
	"github.com/kgnews/kg/queries"
)

// pathLine renders a path as "A -pred-> B <-pred- C".
func pathLine(p kg.Path, from string) string {
	var b strings.Builder
	at := from
	b.WriteString(at)
	for _, h := range p {
		if h.From.Label == at {
			b.WriteString(" -" + h.Predicate + "-> " + h.To.Label)
			at = h.To.Label
		} else {
			b.WriteString(" <-" + h.Predicate + "- " + h.From.Label)
			at = h.From.Label
		}
	}
	return b.String()
}

// start returns the label of the entity a path starts from: the end of its
// first hop that the second hop does not share (the From of a lone hop,
// unless it is the same entity as the path's last To).
func start(p kg.Path) string {
	first := p[0]
	if len(p) == 1 {
		return first.From.Label
	}
	if next := p[1]; first.To.ID == next.From.ID || first.To.ID == next.To.ID {
		return first.From.Label
	}
	return first.To.Label
}

func TestPath(t *testing.T) {
	q := seedService(t)
	tests := []struct {
		from, to string
		hops     int
		limit    int
		want     []string
	}{
		{"Tillerson", "Assad", 4, 3, []string{"Rex Tillerson -secretary_of-> United States -strike-> forces of Bashar al-Assad -belong_to-> Bashar al-Assad"}},
		{"Assad", "Tillerson", 4, 3, []string{"Bashar al-Assad <-belong_to- forces of Bashar al-Assad <-strike- United States <-secretary_of- Rex Tillerson"}},
		{"Tillerson", "Assad", 2, 3, nil},
		{"Putin", "Tillerson", 4, 3, []string{"Vladimir Putin -meet-> Rex Tillerson", "Rex Tillerson -meet-> Vladimir Putin"}},
		{"Putin", "Tillerson", 4, 1, []string{"Vladimir Putin -meet-> Rex Tillerson"}},
		{"Trump", "Russia", 4, 3, []string{"Donald Trump -send-> Rex Tillerson -secretary_of-> United States -criticize-> Russia"}},
		{"Lavrov", "Trenin", 4, 3, nil}, // Trenin has no path through asserted facts
	}
	for _, tt := range tests {
		t.Run(tt.from+"→"+tt.to, func(t *testing.T) {
			ps, err := q.Path(t.Context(), tt.from, tt.to, tt.hops, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, pathLine(p, start(p)))
				for _, h := range p {
					if len(h.Evidence) == 0 || h.Evidence[0].Text == "" {
						t.Errorf("hop %s %s %s has no evidence", h.From.Label, h.Predicate, h.To.Label)
					}
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	for _, bad := range []struct{ hops, limit int }{{0, 1}, {queries.MaxHops + 1, 1}, {4, 0}} {
		if _, err := q.Path(t.Context(), "Putin", "Tillerson", bad.hops, bad.limit); kg.ErrorCode(err) != kg.EINVALID {
			t.Errorf("hops %d limit %d: err = %v, want %s", bad.hops, bad.limit, err, kg.EINVALID)
		}
	}
	if _, err := q.Path(t.Context(), "Tilerson", "Putin", 4, 1); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("misspelt name: err = %v, want %s", err, kg.ENOTFOUND)
	}
}

func TestAskPath(t *testing.T) {
	q := seedService(t)
	res, err := q.Ask(t.Context(), "How is Tillerson connected to Assad?")
	if err != nil {
		t.Fatal(err)
	}
	if res.Interpretation.Kind != "path" || res.Interpretation.Object == nil || res.Interpretation.Object.Label != "Bashar al-Assad" {
		t.Errorf("interpretation %+v", res.Interpretation)
	}
	if len(res.Paths) != 1 || len(res.Paths[0]) != 3 {
		t.Fatalf("paths %+v, want one of 3 hops", res.Paths)
	}
}

func TestNeighbors(t *testing.T) {
	s := kgtest.MustOpenStore(t, "memory:")
	kgtest.MustWrite(t, s, kgtest.SeedFixture()...)
	q := queries.New(s)
	all, err := q.Neighbors(t.Context(), "Tillerson", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if all.Entity.Label != "Rex Tillerson" || all.Total != 5 || len(all.Neighbors) != 5 || all.Truncated {
		t.Fatalf("got %+v, want Rex Tillerson with 5 neighbor groups", all)
	}
	page, err := q.Neighbors(t.Context(), all.Entity.ID, 2, 2)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 5 || len(page.Neighbors) != 2 || answerLine(page.Neighbors[0]) != answerLine(all.Neighbors[2]) {
		t.Errorf("page 2: %+v", page)
	}
	for i, want := range all.Neighbors { // pages of one, the ranking kept between them
		one, err := q.Neighbors(t.Context(), all.Entity.ID, 1, i)
		if err != nil || len(one.Neighbors) != 1 || one.Total != 5 {
			t.Fatalf("page %d of one: %+v, %v", i, one, err)
		}
		if got := one.Neighbors[0]; answerLine(got) != answerLine(want) || len(got.Evidence) != len(want.Evidence) {
			t.Errorf("page %d of one: got %s with %d evidence, want %s with %d", i, answerLine(got), len(got.Evidence), answerLine(want), len(want.Evidence))
		}
	}
	past, err := q.Neighbors(t.Context(), all.Entity.ID, 2, 10)
	if err != nil || len(past.Neighbors) != 0 {
		t.Errorf("past the end: %+v, %v", past, err)
	}
	if _, err := q.Neighbors(t.Context(), "Tillerson", -1, 0); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("negative limit: %v", err)
	}
}

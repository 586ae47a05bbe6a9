package graph_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
)

// backend opens a fresh, empty store of one kind for a test.
type backend struct {
	name string
	open func(t *testing.T) *graph.Store
}

func backends(t *testing.T) []backend {
	return []backend{
		{"memory", func(t *testing.T) *graph.Store { return kgtest.MustOpenStore(t, "memory:") }},
		{"bolt", func(t *testing.T) *graph.Store {
			return kgtest.MustOpenStore(t, "bolt:"+filepath.Join(t.TempDir(), "kg.db"))
		}},
		{"bolt read-mostly", func(t *testing.T) *graph.Store { // no existence filter: writes check the indexes
			s, err := graph.Open(context.Background(), "bolt:"+filepath.Join(t.TempDir(), "kg.db"), graph.Options{ReadMostly: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}},
		{"leveldb", func(t *testing.T) *graph.Store {
			return kgtest.MustOpenStore(t, "leveldb:"+filepath.Join(t.TempDir(), "kg.ldb"))
		}},
		{"postgres", openPostgres},
	}
}

// openPostgres opens the PostgreSQL store named by KG_TEST_POSTGRES after
// dropping Cayley's tables, so each test starts empty.
func openPostgres(t *testing.T) *graph.Store {
	url := os.Getenv("KG_TEST_POSTGRES")
	if url == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("KG_TEST_POSTGRES is empty but CI is set: start PostgreSQL (see .ci/run)")
		}
		t.Skip("KG_TEST_POSTGRES not set: skipping the PostgreSQL backend locally")
	}
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range []string{"quads", "nodes"} {
		if _, err := db.Exec("DROP TABLE IF EXISTS " + table + " CASCADE"); err != nil {
			t.Fatalf("reset postgres: %v", err)
		}
	}
	return kgtest.MustOpenStore(t, url)
}

// dump returns the store's N-Quads export as sorted lines.
func dump(t *testing.T, s *graph.Store) []string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Export(t.Context(), &b, "nquads"); err != nil {
		t.Fatalf("export: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if lines[0] == "" {
		return nil
	}
	sort.Strings(lines)
	return lines
}

func entities(t *testing.T, s *graph.Store) map[string]kg.Entity {
	t.Helper()
	out := map[string]kg.Entity{}
	err := s.EachEntity(t.Context(), func(e kg.Entity) error {
		if _, dup := out[e.ID]; dup {
			t.Errorf("entity %s listed twice", e.ID)
		}
		out[e.ID] = e
		return nil
	})
	if err != nil {
		t.Fatalf("entities: %v", err)
	}
	return out
}

func ent(s *graph.Store, slug string) string { return graph.EntityIRI(s.Base(), slug) }

// hasEdge reports whether the direct edge sub -pred-> obj is in the store.
func hasEdge(t *testing.T, s *graph.Store, sub, pred, obj string) bool {
	t.Helper()
	found := false
	err := graph.EachQuad(t.Context(), s.QuadStore(), quad.Subject, quad.IRI(ent(s, sub)), func(q quad.Quad) error {
		if q.Predicate == quad.IRI(graph.RelIRI(s.Base(), pred)) && q.Object == quad.IRI(ent(s, obj)) {
			found = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestStoreConformance(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			for _, c := range conformanceCases {
				t.Run(c.name, func(t *testing.T) { c.run(t, b.open(t)) })
			}
		})
	}
}

var conformanceCases = []struct {
	name string
	run  func(t *testing.T, s *graph.Store)
}{
	{"write and read back", testWriteRead},
	{"write twice gives identical quads", testIdempotent},
	{"changed document from the same source replaces it", testReplace},
	{"remove document", testRemove},
	{"failed batch leaves nothing", testAtomic},
	{"same quads as the memory store", testSameAsMemory},
}

func testSameAsMemory(t *testing.T, s *graph.Store) {
	mem := kgtest.MustOpenStore(t, "memory:")
	kgtest.MustWrite(t, mem, kgtest.Fixture()...)
	kgtest.MustWrite(t, s, kgtest.Fixture()...)
	if got, want := dump(t, s), dump(t, mem); !slices.Equal(got, want) {
		t.Errorf("backend holds %d quads, memory %d; first lines %q vs %q", len(got), len(want), got[:1], want[:1])
	}
}

func testWriteRead(t *testing.T, s *graph.Store) {
	st := kgtest.MustWrite(t, s, kgtest.Fixture()...)
	want := graph.WriteStats{Documents: 3, Sentences: 7, Entities: 11, Facts: 7, Quads: st.Quads}
	if st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	if got := len(dump(t, s)); got != st.Quads || got == 0 {
		t.Errorf("store holds %d quads, writer reported %d", got, st.Quads)
	}
	es := entities(t, s)
	if len(es) != 6 {
		t.Errorf("got %d entities, want 6: %v", len(es), es)
	}
	rt := es[ent(s, "rex_tillerson")]
	if rt.Label != "Rex Tillerson" || rt.Type != kg.Person || rt.Mentions != 4 || !slices.Equal(rt.Aliases, []string{"Tillerson"}) {
		t.Errorf("Tillerson = %+v", rt)
	}
	res := es[ent(s, "UN resolution <draft> \"2017\"")]
	if res.Label != "UN resolution" || res.Type != kg.Concept || len(res.Merges) != 1 {
		t.Errorf("UN resolution = %+v", res)
	}
	for _, e := range []struct {
		sub, pred, obj string
		want           bool
	}{
		{"rex_tillerson", "meet", "vladimir_putin", true},
		{"sergey_lavrov", "speak_with", "rex_tillerson", true},
		{"security_council", "debate for", "UN resolution <draft> \"2017\"", true},
		{"vladimir_putin", "endorse", "rex_tillerson", false}, // negated
		{"rex_tillerson", "meet", "sergey_lavrov", false},     // possible
		{"vladimir_putin", "meet", "security_council", false}, // attributed to Lavrov
	} {
		if got := hasEdge(t, s, e.sub, e.pred, e.obj); got != e.want {
			t.Errorf("edge %s %s %s present = %v, want %v", e.sub, e.pred, e.obj, got, e.want)
		}
	}
	var facts []graph.FactNode
	if err := s.EachFact(t.Context(), func(f graph.FactNode) error { facts = append(facts, f); return nil }); err != nil {
		t.Fatal(err)
	}
	var negated, possible, attributed int
	for _, f := range facts {
		if f.Negated {
			negated++
		}
		if f.Modality == kg.ModalityPossible {
			possible++
		}
		if f.AttributedTo == ent(s, "sergey_lavrov") {
			attributed++
		}
		if f.Sentence == "" || f.Confidence <= 0 {
			t.Errorf("fact %+v lacks evidence or confidence", f)
		}
	}
	if len(facts) != 7 || negated != 1 || possible != 1 || attributed != 1 {
		t.Errorf("facts = %d (negated %d, possible %d, attributed %d), want 7 (1, 1, 1)", len(facts), negated, possible, attributed)
	}
}

func testIdempotent(t *testing.T, s *graph.Store) {
	kgtest.MustWrite(t, s, kgtest.Fixture()...)
	before := dump(t, s)
	st := kgtest.MustWrite(t, s, kgtest.Fixture()...)
	if st.Skipped != 3 || st.Documents != 0 || st.Quads != 0 {
		t.Errorf("second write stats = %+v, want 3 skipped and nothing written", st)
	}
	if after := dump(t, s); !slices.Equal(before, after) {
		t.Errorf("quads changed on the second write: %d before, %d after", len(before), len(after))
	}
	// the same text from another source is the same document
	moved := *kgtest.Fixture()[1]
	moved.Document.Source = "elsewhere/call.txt"
	if st := kgtest.MustWrite(t, s, &moved); st.Skipped != 1 || st.Quads != 0 {
		t.Errorf("same text, other source: stats = %+v, want it skipped", st)
	}
	// the same document twice in one batch is written once
	fresh := kgtest.MustWrite(t, s, kgtest.Fixture()[0], kgtest.Fixture()[0])
	if fresh.Skipped != 2 {
		t.Errorf("stats = %+v, want 2 skipped", fresh)
	}
}

func testReplace(t *testing.T, s *graph.Store) {
	fx := kgtest.Fixture()
	kgtest.MustWrite(t, s, fx...)
	st := kgtest.MustWrite(t, s, kgtest.FixtureUpdate())
	if st.Replaced != 1 || st.Documents != 1 {
		t.Errorf("stats = %+v, want 1 document replacing 1", st)
	}
	all := strings.Join(dump(t, s), "\n")
	for _, gone := range []string{"did not endorse", graph.DocIRI(s.Base(), fx[0].Document.ID)} {
		if strings.Contains(all, gone) {
			t.Errorf("store still holds %q after the replacement", gone)
		}
	}
	es := entities(t, s)
	if rt := es[ent(s, "rex_tillerson")]; rt.Mentions != 3 {
		t.Errorf("Tillerson mentions = %d, want 3 (1 new + 2 from the call)", rt.Mentions)
	}
	if _, ok := es[ent(s, "russia")]; !ok {
		t.Error("Russia vanished though the vote article still names it")
	}
	if !hasEdge(t, s, "rex_tillerson", "meet", "vladimir_putin") {
		t.Error("the updated article's fact is missing")
	}
	// an update within one batch replaces the pending original
	s2 := kgtest.MustOpenStore(t, "memory:")
	st = kgtest.MustWrite(t, s2, fx[0], kgtest.FixtureUpdate())
	if st.Replaced != 1 || st.Documents != 2 || strings.Contains(strings.Join(dump(t, s2), "\n"), "did not endorse") {
		t.Errorf("in-batch replacement: stats = %+v", st)
	}
}

func testRemove(t *testing.T, s *graph.Store) {
	fx := kgtest.Fixture()
	kgtest.MustWrite(t, s, fx...)
	st, err := s.RemoveDocument(t.Context(), fx[2].Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 1 || st.Facts != 2 || st.Sentences != 2 || st.Entities != 3 {
		t.Errorf("remove stats = %+v", st)
	}
	es := entities(t, s)
	if _, ok := es[ent(s, "UN resolution <draft> \"2017\"")]; ok {
		t.Error("the UN resolution is still listed after its only document was removed")
	}
	c, ok := es[ent(s, "security_council")]
	if !ok || !slices.Equal(c.Aliases, []string{"the council"}) || c.Mentions != 1 {
		t.Errorf("Security Council = %+v (ok %v), want it kept with its alias from the call", c, ok)
	}
	if !hasEdge(t, s, "rex_tillerson", "meet", "vladimir_putin") || hasEdge(t, s, "russia", "veto", "UN resolution <draft> \"2017\"") {
		t.Error("removal touched the wrong facts")
	}
	for _, x := range fx[:2] {
		if _, err := s.RemoveDocument(t.Context(), x.Document.ID); err != nil {
			t.Fatal(err)
		}
	}
	if left := dump(t, s); len(left) != 0 {
		t.Errorf("%d quads left after removing every document, e.g. %s", len(left), left[0])
	}
	if es := entities(t, s); len(es) != 0 {
		t.Errorf("entities listed after removing every document: %v", es)
	}
	_, err = s.RemoveDocument(t.Context(), fx[0].Document.ID)
	if kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("removing a missing document: err = %v, want code %s", err, kg.ENOTFOUND)
	}
}

func testAtomic(t *testing.T, s *graph.Store) {
	fx := kgtest.Fixture()
	ctx, cancel := context.WithCancel(t.Context())
	w := s.NewWriter()
	for _, x := range fx[:2] {
		if err := w.Write(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	err := w.Flush(ctx)
	if err == nil || !strings.Contains(err.Error(), fx[0].Document.ID) || !strings.Contains(err.Error(), fx[1].Document.ID) {
		t.Fatalf("flush after cancel: err = %v, want one naming both documents", err)
	}
	if left := dump(t, s); len(left) != 0 {
		t.Errorf("%d quads written by a failed batch", len(left))
	}
	if st := kgtest.MustWrite(t, s, fx...); st.Documents != 3 {
		t.Errorf("rewrite after failure: %+v", st)
	}
}

func TestLockConflict(t *testing.T) {
	for _, path := range []string{"bolt:" + filepath.Join(t.TempDir(), "kg.db"), "leveldb:" + filepath.Join(t.TempDir(), "kg.ldb")} {
		t.Run(path[:strings.IndexByte(path, ':')], func(t *testing.T) {
			kgtest.MustOpenStore(t, path)
			start := time.Now()
			s, err := graph.Open(t.Context(), path, graph.Options{})
			took := time.Since(start)
			if err == nil {
				s.Close()
				t.Fatal("a second open of a held store succeeded")
			}
			if kg.ErrorCode(err) != kg.ECONFLICT {
				t.Errorf("err = %v, want code %s", err, kg.ECONFLICT)
			}
			if took > graph.DefaultLockTimeout+300*time.Millisecond {
				t.Errorf("took %s to fail, want about %s", took, graph.DefaultLockTimeout)
			}
			t.Logf("held store refused after %s: %v", took.Round(time.Millisecond), err)
		})
	}
}

func TestOpenErrors(t *testing.T) {
	for _, tt := range []struct{ url, code string }{
		{"nosuch:x", kg.EINVALID},
		{"bolt:", kg.EINVALID},
		{"leveldb:", kg.EINVALID},
		{"postgres://kg:kg@127.0.0.1:1/kg?sslmode=disable&connect_timeout=2", kg.EUNAVAILABLE},
	} {
		t.Run(tt.url, func(t *testing.T) {
			s, err := graph.Open(t.Context(), tt.url, graph.Options{})
			if err == nil {
				s.Close()
			}
			if kg.ErrorCode(err) != tt.code {
				t.Errorf("err = %v, want code %s", err, tt.code)
			}
		})
	}
	if _, err := graph.Open(t.Context(), "memory:", graph.Options{Base: "not a base"}); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("bad base: err = %v", err)
	}
}

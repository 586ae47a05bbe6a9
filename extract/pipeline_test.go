package extract

import (
	"context"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/internal/kgtest"
)

func mustPipeline(tb testing.TB) *Pipeline {
	tb.Helper()
	p, err := New(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func mustExtract(tb testing.TB, text string) *kg.Extraction {
	tb.Helper()
	x, err := mustPipeline(tb).Extract(context.Background(), kg.Document{Text: text, Source: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// factKey names a fact by its subject, predicate and object entity IDs.
func factKey(f kg.Fact) string { return f.Subject + " " + f.Predicate + " " + f.Object }

func TestFacts(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // subject predicate object, as entity IDs
		asserted   bool
	}{
		{"active", "Foreign Minister Jana Novak met Piet Weller in Lisbon on Tuesday.", "jana_novak meet piet_weller", true},
		{"light verb", "Jana Novak held a long meeting with Piet Weller in Oslo.", "jana_novak meet piet_weller", true},
		{"possessive event", "Norway's veto of the draft resolution angered Sweden.", "norway veto draft_resolution", true},
		{"negated", "Jana Novak did not meet Piet Weller.", "jana_novak meet piet_weller", false},
		{"future", "Jana Novak will meet Piet Weller next week.", "jana_novak meet piet_weller", false},
		{"reported", "Piet Weller said that Jana Novak visited Sweden.", "jana_novak visit sweden", false},
		{"titled names and a purpose clause", "Norwegian Foreign Minister Ingrid Halvorsen met Canadian Fisheries Minister Paul Desrosiers in Oslo on Monday to settle a long quarrel over cod quotas.",
			"ingrid_halvorsen meet paul_desrosiers", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			var got []string
			for _, f := range x.Facts {
				got = append(got, factKey(f))
				if factKey(f) == tt.want {
					if f.Asserted() != tt.asserted {
						t.Errorf("%s: asserted %v, want %v (%+v)", tt.want, f.Asserted(), tt.asserted, f)
					}
					return
				}
			}
			t.Errorf("no fact %q among %q", tt.want, got)
		})
	}
}

func TestEntitiesOneNodePerName(t *testing.T) {
	text := "U.S. Secretary of State Jana Novak met Russian President Piet Weller in Moscow. " +
		"Novak said the United States wanted better ties. Weller said Russia agreed."
	x := mustExtract(t, text)
	ids := map[string]bool{}
	for _, e := range x.Entities {
		ids[e.ID] = true
	}
	for _, id := range []string{"jana_novak", "piet_weller", "united_states", "russia"} {
		if !ids[id] {
			t.Errorf("no entity %q among %v", id, ids)
		}
	}
	for _, bad := range []string{"novak", "weller", "u_s"} {
		if ids[bad] {
			t.Errorf("entity %q should have merged", bad)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	p := mustPipeline(t)
	if _, err := p.Extract(context.Background(), kg.Document{Text: "bad \xff byte"}); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("invalid UTF-8: got %v, want code %s", err, kg.EINVALID)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Extract(ctx, kg.Document{Text: "Some text."}); err == nil {
		t.Error("cancelled context: got no error")
	}
}

// TestInvariants checks, on the seed article, that every fact names known
// entities and every offset points into the text.
func TestInvariants(t *testing.T) {
	text := readSeed(t)
	x := mustExtract(t, text)
	if len(x.Sentences) < 30 || len(x.Entities) < 20 || len(x.Facts) < 20 {
		t.Errorf("got %d sentences, %d entities, %d facts; want at least 30, 20, 20",
			len(x.Sentences), len(x.Entities), len(x.Facts))
	}
	ids := map[string]bool{}
	for _, e := range x.Entities {
		ids[e.ID] = true
	}
	for _, f := range x.Facts {
		if !ids[f.Subject] || !ids[f.Object] || (f.AttributedTo != "" && !ids[f.AttributedTo]) {
			t.Errorf("fact %+v names an unknown entity", f)
		}
		if f.Evidence.Start < 0 || f.Evidence.End > len(text) || text[f.Evidence.Start:f.Evidence.End] != f.Evidence.Text {
			t.Errorf("fact %s: evidence offsets do not match the text", factKey(f))
		}
	}
	for _, m := range x.Mentions {
		if text[m.Start:m.End] != m.Text || !ids[m.Entity] {
			t.Errorf("bad mention %+v", m)
		}
	}
}

func readSeed(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(kgtest.SharedFile(tb, "eval", "seed", "tillerson-moscow.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestConcurrentDeterministic(t *testing.T) {
	text := strings.Repeat("Anna Berg met Karl Stein in Lisbon. Berg later visited Norland. ", 20)
	want := mustExtract(t, text)
	p := mustPipeline(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := p.Extract(context.Background(), kg.Document{Text: text, Source: "test"})
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("concurrent extraction differs: %v", err)
			}
		})
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"Anna Berg met Karl Stein.", "U.S. Dr. A. B. C.", "al-X bin-Y ’s 's", "\n\n.\"“(", "É É É met É", "He met her. It was his."} {
		f.Add(s)
	}
	p := mustPipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		x, err := p.Extract(context.Background(), kg.Document{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range x.Sentences {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("bad sentence offsets %d:%d", s.Start, s.End)
			}
		}
		for _, m := range x.Mentions {
			if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}

// BenchmarkExtract measures the whole pipeline on the seed article, in
// tokens per second.
func BenchmarkExtract(b *testing.B) {
	text := readSeed(b)
	p := mustPipeline(b)
	tokens := 0
	for _, s := range p.Models().Tokenizer.Sentences(text) {
		tokens += len(s.Tokens)
	}
	cpu := kgtest.CPUTime()
	for b.Loop() {
		if _, err := p.Extract(context.Background(), kg.Document{Text: text}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	// Extract runs on one goroutine, so CPU time tells the speed of one core
	// even when other processes share the machine.
	if c := kgtest.CPUTime() - cpu; c > 0 {
		b.ReportMetric(float64(tokens*b.N)/c.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoadModels loads every embedded model and table, as a process
// does once when it first extracts, and reports the CPU milliseconds it took
// (the budget is 300 ms for all of them).
func BenchmarkLoadModels(b *testing.B) {
	cpu := kgtest.CPUTime()
	for b.Loop() {
		if _, err := LoadModels(data.Models, data.Gazetteer); err != nil {
			b.Fatal(err)
		}
	}
	if c := kgtest.CPUTime() - cpu; c > 0 {
		b.ReportMetric(float64(c.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

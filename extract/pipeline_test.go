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
	"github.com/kgnews/kg/internal/kgtest"
)

func mustExtract(tb testing.TB, text string) *kg.Extraction {
	tb.Helper()
	p, err := New(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	x, err := p.Extract(context.Background(), kg.Document{Text: text, Source: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"two", "Anna Berg came home. She slept.", []string{"Anna Berg came home.", "She slept."}},
		{"abbreviation", "Dr. Olga Petrova met Mr. Smith in the U.S. on Monday.", []string{"Dr. Olga Petrova met Mr. Smith in the U.S. on Monday."}},
		{"initial", "George W. Harlow spoke. Then he left!", []string{"George W. Harlow spoke.", "Then he left!"}},
		{"quote", `"We agree." The minister nodded?`, []string{`"We agree."`, "The minister nodded?"}},
		{"lowercase after period", "It costs 3.5 dollars. ok then.", []string{"It costs 3.5 dollars. ok then."}},
		{"paragraph", "A headline without a stop\n\nThe body starts here.", []string{"A headline without a stop", "The body starts here."}},
		{"empty", "  \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			var got []string
			for _, s := range x.Sentences {
				got = append(got, s.Text)
				if tt.text[s.Start:s.End] != s.Text {
					t.Errorf("offsets %d:%d give %q, want %q", s.Start, s.End, tt.text[s.Start:s.End], s.Text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEntities(t *testing.T) {
	text := "Foreign Minister Jana Novak met Piet Weller in Lisbon on Tuesday. " +
		"Novak later visited the Harbor Trade Ministry. Lisbon was calm. " +
		"Yesterday the crowd cheered."
	x := mustExtract(t, text)
	got := map[string]kg.Entity{}
	for _, e := range x.Entities {
		got[e.ID] = e
	}
	want := []struct {
		id, label string
		typ       kg.EntityType
		mentions  int
	}{
		{"jana_novak", "Jana Novak", kg.Person, 2},
		{"piet_weller", "Piet Weller", kg.Concept, 1},
		{"lisbon", "Lisbon", kg.Place, 2},
		{"harbor_trade_ministry", "Harbor Trade Ministry", kg.Organization, 1},
	}
	for _, w := range want {
		e, ok := got[w.id]
		if !ok {
			t.Errorf("entity %s missing; got %v", w.id, x.Entities)
			continue
		}
		if e.Label != w.label || e.Type != w.typ || e.Mentions != w.mentions {
			t.Errorf("%s: got %q %s %d, want %q %s %d", w.id, e.Label, e.Type, e.Mentions, w.label, w.typ, w.mentions)
		}
	}
	for _, bad := range []string{"yesterday", "tuesday", "foreign_minister", "foreign"} {
		if _, ok := got[bad]; ok {
			t.Errorf("entity %s should not be found", bad)
		}
	}
	if len(got["jana_novak"].Merges) != 1 {
		t.Errorf("merges of jana_novak: got %v, want one surname merge", got["jana_novak"].Merges)
	}
	for _, m := range x.Mentions {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q at %d:%d reads %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
}

func TestFacts(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // subject predicate object negated modality
	}{
		{"past", "Yesterday Anna Berg met with Karl Stein.", "anna_berg meet_with karl_stein false "},
		{"regular", "Then Anna Berg visited Norland.", "anna_berg visit norland false "},
		{"passive", "The plan of Norland was vetoed by Ostland.", "ostland veto norland false "},
		{"negated", "Then Norland did not attack Ostland.", "norland attack ostland true "},
		{"modal", "Then Norland may join Ostland.", "norland join ostland false possible"},
		{"conditional", "If Norland joined Ostland, prices would fall.", "norland join ostland false hypothetical"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			if len(x.Facts) != 1 {
				t.Fatalf("got %d facts %+v, want 1", len(x.Facts), x.Facts)
			}
			f := x.Facts[0]
			got := strings.Join([]string{f.Subject, f.Predicate, f.Object, map[bool]string{true: "true", false: "false"}[f.Negated], f.Modality}, " ")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if f.Confidence <= 0 || f.Confidence > 0.5 {
				t.Errorf("confidence %v outside (0, 0.5]", f.Confidence)
			}
			if f.Evidence.Text != x.Sentences[f.Evidence.Sentence].Text || f.Evidence.Doc != x.Document.ID {
				t.Errorf("evidence %+v does not point at its sentence", f.Evidence)
			}
		})
	}
	if x := mustExtract(t, "Then Norland, as usual, Ostland."); len(x.Facts) != 0 {
		t.Errorf("no verb between: got facts %+v", x.Facts)
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Rex Tillerson": "rex_tillerson", "U.S. Navy": "u_s_navy", "Bashar al-Assad": "bashar_al_assad",
		"  Élysée  Palace ": "élysée_palace", "!!!": "_", "": "_",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	p, _ := New(Options{})
	if _, err := p.Extract(context.Background(), kg.Document{Text: "bad \xff byte"}); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("invalid UTF-8: got %v, want code %s", err, kg.EINVALID)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Extract(ctx, kg.Document{Text: "Some text."}); err == nil {
		t.Error("cancelled context: got no error")
	}
	if _, err := New(Options{MaxFactWords: -1}); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("negative option: got %v", err)
	}
}

// TestSeedArticle runs the seed article and checks invariants and a floor
// on what the baseline finds, with no answers written for it.
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile(kgtest.SharedFile(t, "eval", "seed", "tillerson-moscow.txt"))
	if err != nil {
		t.Fatal(err)
	}
	x := mustExtract(t, string(b))
	if len(x.Sentences) < 30 || len(x.Entities) < 20 || len(x.Facts) < 5 {
		t.Errorf("got %d sentences, %d entities, %d facts; want at least 30, 20, 5",
			len(x.Sentences), len(x.Entities), len(x.Facts))
	}
	ids := map[string]bool{}
	for _, e := range x.Entities {
		ids[e.ID] = true
	}
	for _, f := range x.Facts {
		if !ids[f.Subject] || !ids[f.Object] {
			t.Errorf("fact %+v names an unknown entity", f)
		}
	}
}

func TestConcurrentDeterministic(t *testing.T) {
	text := strings.Repeat("Anna Berg met Karl Stein in Lisbon. Berg later visited Norland. ", 20)
	want := mustExtract(t, text)
	p, _ := New(Options{})
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
	for _, s := range []string{"Anna Berg met Karl Stein.", "U.S. Dr. A. B. C.", "al-X bin-Y ’s 's", "\n\n.\"“(", "É É É met É"} {
		f.Add(s)
	}
	p, _ := New(Options{})
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

func BenchmarkExtract(b *testing.B) {
	raw, err := os.ReadFile(kgtest.SharedFile(b, "eval", "seed", "tillerson-moscow.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	p, _ := New(Options{})
	tokens := len(tokenize(text))
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Extract(context.Background(), kg.Document{Text: text}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

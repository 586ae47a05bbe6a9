package kgtest

import (
	"context"
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// MustOpenStore opens the store at url (memory: for a fresh in-memory one)
// with default options and closes it when the test ends.
func MustOpenStore(tb testing.TB, url string) *graph.Store {
	tb.Helper()
	s, err := graph.Open(context.Background(), url, graph.Options{})
	if err != nil {
		tb.Fatalf("open store %s: %v", url, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close store %s: %v", url, err)
		}
	})
	return s
}

// MustWrite writes extractions through one Writer and flushes it.
func MustWrite(tb testing.TB, s *graph.Store, xs ...*kg.Extraction) graph.WriteStats {
	tb.Helper()
	w := s.NewWriter()
	for _, x := range xs {
		if err := w.Write(context.Background(), x); err != nil {
			tb.Fatalf("write %s: %v", x.Document.ID, err)
		}
	}
	if err := w.Flush(context.Background()); err != nil {
		tb.Fatalf("flush: %v", err)
	}
	return w.Stats()
}

// fixtureFact is a fact of a fixture document, with its sentence by index.
type fixtureFact struct {
	kg.Fact
	sentence int
}

// fixture builds an extraction whose sentences split text at ". " and whose
// evidence carries real offsets into it.
func fixture(title, date, source, text string, ents []kg.Entity, facts []fixtureFact) *kg.Extraction {
	doc := kg.Document{ID: kg.DocumentID(text), Title: title, Date: date, Source: source, Text: text}
	x := &kg.Extraction{Document: doc, Entities: ents}
	start := 0
	for i, part := range strings.SplitAfter(text, ". ") {
		t := strings.TrimSpace(part)
		x.Sentences = append(x.Sentences, kg.Sentence{Index: i, Start: start, End: start + len(t), Text: t})
		start += len(part)
	}
	for _, f := range facts {
		s := x.Sentences[f.sentence]
		f.Evidence = kg.Evidence{Doc: doc.ID, Title: title, Date: date, Sentence: s.Index, Text: s.Text, Start: s.Start, End: s.End}
		x.Facts = append(x.Facts, f.Fact)
	}
	return x
}

// Fixture returns three small extractions, written for kg's tests, that
// share entities: a visit to Moscow, a follow-up call, and a piece about a
// UN resolution whose entity names need escaping in IRIs.
func Fixture() []*kg.Extraction {
	tillerson := kg.Entity{ID: "rex_tillerson", Label: "Rex Tillerson", Type: kg.Person, Aliases: []string{"Tillerson"}, Mentions: 2}
	putin := kg.Entity{ID: "vladimir_putin", Label: "Vladimir Putin", Type: kg.Person, Aliases: []string{"Putin"}, Mentions: 2}
	russia := kg.Entity{ID: "russia", Label: "Russia", Type: kg.Place, Aliases: []string{"Moscow"}, Mentions: 1}
	lavrov := kg.Entity{ID: "sergey_lavrov", Label: "Sergey Lavrov", Type: kg.Person, Aliases: []string{"Lavrov"}, Mentions: 1}
	res := kg.Entity{ID: "UN resolution <draft> \"2017\"", Label: "UN resolution", Type: kg.Concept, Mentions: 2,
		Merges: []string{"head match: resolution -> UN resolution"}}
	council := kg.Entity{ID: "security_council", Label: "Security Council", Type: kg.Organization, Aliases: []string{"the council"}, Mentions: 1}
	a := fixture("Envoy visits Moscow", "2017-04-12", "fixture/visit.txt",
		"Rex Tillerson met Vladimir Putin in Moscow on Wednesday. Putin did not endorse the plan. Tillerson may meet Sergey Lavrov again.",
		[]kg.Entity{tillerson, putin, russia, lavrov},
		[]fixtureFact{
			{kg.Fact{Subject: "rex_tillerson", Predicate: "meet", Object: "vladimir_putin", Confidence: 0.9, ValidTime: "Wednesday"}, 0},
			{kg.Fact{Subject: "vladimir_putin", Predicate: "endorse", Object: "rex_tillerson", Confidence: 0.6, Negated: true}, 1},
			{kg.Fact{Subject: "rex_tillerson", Predicate: "meet", Object: "sergey_lavrov", Confidence: 0.5, Modality: kg.ModalityPossible}, 2},
		})
	b := fixture("A call with Lavrov", "2017-04-13", "fixture/call.txt",
		"Sergey Lavrov spoke with Rex Tillerson by phone. Lavrov said Putin met the council.",
		[]kg.Entity{lavrov, tillerson, putin, council},
		[]fixtureFact{
			{kg.Fact{Subject: "sergey_lavrov", Predicate: "speak_with", Object: "rex_tillerson", Confidence: 0.8}, 0},
			{kg.Fact{Subject: "vladimir_putin", Predicate: "meet", Object: "security_council", Confidence: 0.4, AttributedTo: "sergey_lavrov"}, 1},
		})
	c := fixture("Vote at the UN", "", "fixture/vote.txt",
		"Russia vetoed the UN resolution. The Security Council debated the UN resolution for hours.",
		[]kg.Entity{russia, res, council},
		[]fixtureFact{
			{kg.Fact{Subject: "russia", Predicate: "veto", Object: res.ID, Confidence: 0.95}, 0},
			{kg.Fact{Subject: "security_council", Predicate: "debate for", Object: res.ID, Confidence: 0.7}, 1},
		})
	return []*kg.Extraction{a, b, c}
}

// FixtureUpdate returns a changed version of Fixture()[0]: same source,
// different text, so writing it replaces the first document.
func FixtureUpdate() *kg.Extraction {
	return fixture("Envoy visits Moscow (updated)", "2017-04-12", "fixture/visit.txt",
		"Rex Tillerson met Vladimir Putin in Moscow on Wednesday for two hours.",
		[]kg.Entity{
			{ID: "rex_tillerson", Label: "Rex Tillerson", Type: kg.Person, Mentions: 1},
			{ID: "vladimir_putin", Label: "Vladimir Putin", Type: kg.Person, Mentions: 1},
		},
		[]fixtureFact{{kg.Fact{Subject: "rex_tillerson", Predicate: "meet", Object: "vladimir_putin", Confidence: 0.9}, 0}})
}

package graph_test

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
)

// syntheticDocs makes n documents of 10 sentences, 12 entities from a shared
// pool of 300 and 25 facts each, deterministic.
func syntheticDocs(n int) []*kg.Extraction {
	preds := []string{"meet", "criticize", "visit", "sign", "veto", "call", "support", "sit_down_with"}
	var out []*kg.Extraction
	for d := range n {
		text := fmt.Sprintf("synthetic article %d", d)
		x := &kg.Extraction{Document: kg.Document{ID: kg.DocumentID(text), Title: text, Date: "2017-04-12",
			Source: fmt.Sprintf("bench/%d.txt", d), Text: text}}
		for e := range 12 {
			id := (d*7 + e*13) % 300
			x.Entities = append(x.Entities, kg.Entity{ID: fmt.Sprintf("person_%d", id), Label: fmt.Sprintf("Person %d", id),
				Type: kg.Person, Aliases: []string{fmt.Sprintf("P%d", id)}, Mentions: 1 + e%3})
		}
		for f := range 25 {
			s := f % 10
			fact := kg.Fact{Subject: x.Entities[f%12].ID, Predicate: preds[f%len(preds)], Object: x.Entities[(f+5)%12].ID,
				Confidence: 0.5 + float64(f%5)/10, Negated: f%9 == 0,
				Evidence: kg.Evidence{Doc: x.Document.ID, Sentence: s, Text: fmt.Sprintf("Sentence %d of article %d.", s, d), Start: s * 30, End: s*30 + 28}}
			x.Facts = append(x.Facts, fact)
		}
		out = append(out, x)
	}
	return out
}

// rawBatches cuts the documents' quads into Add batches the way the Writer
// does (whole documents, about DefaultBatchQuads each).
func rawBatches(docs []*kg.Extraction) ([][]cgraph.Delta, int) {
	var out [][]cgraph.Delta
	var batch []cgraph.Delta
	total := 0
	for _, x := range docs {
		for _, q := range graph.DocumentQuads(graph.DefaultBase, x) {
			batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
			total++
		}
		if len(batch) >= graph.DefaultBatchQuads {
			out, batch = append(out, batch), nil
		}
	}
	return append(out, batch), total
}

// BenchmarkWrite writes the same documents through our Writer and, into a
// second fresh store, their quads through raw ApplyDeltas batches, and
// reports both rates and the ratio of the times (1.00 = no overhead). Each
// path's fastest run counts, since other processes on a shared machine only
// ever make a run slower.
func BenchmarkWrite(b *testing.B) {
	docs := syntheticDocs(100)
	quads, total := rawBatches(docs)
	for _, kind := range []string{"memory", "bolt"} {
		b.Run(kind, func(b *testing.B) {
			url := func() string {
				if kind == "memory" {
					return "memory:"
				}
				return "bolt:" + filepath.Join(b.TempDir(), "kg.db")
			}
			model, raw := time.Duration(1<<62), time.Duration(1<<62)
			runModel := func() {
				s := kgtest.MustOpenStore(b, url())
				runtime.GC() // neither path pays for the other's garbage
				start := time.Now()
				st := kgtest.MustWrite(b, s, docs...)
				model = min(model, time.Since(start))
				if st.Quads != total {
					b.Fatalf("writer wrote %d quads, raw batches hold %d", st.Quads, total)
				}
			}
			runRaw := func() {
				r := kgtest.MustOpenStore(b, url())
				runtime.GC()
				start := time.Now()
				for _, d := range quads {
					if err := r.QuadStore().ApplyDeltas(d, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
						b.Fatal(err)
					}
				}
				raw = min(raw, time.Since(start))
			}
			for i := range b.N { // alternate the order so neither path gains from going second
				if i%2 == 0 {
					runModel()
					runRaw()
				} else {
					runRaw()
					runModel()
				}
			}
			n := float64(total)
			b.ReportMetric(n/model.Seconds(), "quads/s")
			b.ReportMetric(n/raw.Seconds(), "raw_quads/s")
			b.ReportMetric(model.Seconds()/raw.Seconds(), "time_ratio")
		})
	}
}

// BenchmarkExport streams a bolt store of 100 synthetic documents out in
// every format and reports quads/s (quads of the store per second).
func BenchmarkExport(b *testing.B) {
	s := kgtest.MustOpenStore(b, "bolt:"+filepath.Join(b.TempDir(), "kg.db"))
	st := kgtest.MustWrite(b, s, syntheticDocs(100)...)
	for _, format := range graph.ExportFormats {
		b.Run(format, func(b *testing.B) {
			for range b.N {
				if err := s.Export(b.Context(), io.Discard, format); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.Quads*b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

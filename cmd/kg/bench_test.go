package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/internal/kgtest"
)

// ewtCorpus writes the documents of the UD EWT dev file as JSON lines and
// returns the file's path.
func ewtCorpus(tb testing.TB) string {
	tb.Helper()
	sents, err := conllu.ReadFile(kgtest.SharedFile(tb, "corpora", "ud-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		tb.Fatal(err)
	}
	texts := map[string][]string{}
	var order []string
	for _, s := range sents {
		if _, ok := texts[s.DocID]; !ok {
			order = append(order, s.DocID)
		}
		texts[s.DocID] = append(texts[s.DocID], s.Text)
	}
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	for _, id := range order {
		if err := enc.Encode(map[string]string{"id": id, "text": strings.Join(texts[id], " ")}); err != nil {
			tb.Fatal(err)
		}
	}
	path := filepath.Join(tb.TempDir(), "ewt-dev.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkIngest runs kg ingest over the EWT dev documents into a memory
// store and into a bolt file, and reports documents, tokens and quads per
// second of the whole path: reading, extraction and writing.
func BenchmarkIngest(b *testing.B) {
	corpus := ewtCorpus(b)
	raw, _ := os.ReadFile(corpus)
	tokens := len(strings.Fields(string(raw)))
	for _, kind := range []string{"memory", "bolt"} {
		b.Run(kind, func(b *testing.B) {
			var sum ingestSummary
			for i := 0; b.Loop(); i++ {
				store := "memory:"
				if kind == "bolt" {
					store = "bolt:" + filepath.Join(b.TempDir(), "kg.db")
				}
				var out strings.Builder
				if code := run(b.Context(), []string{"kg", "--store", store, "ingest", "--json", corpus}, nil, &out, io.Discard); code != exitOK {
					b.Fatalf("ingest: exit %d", code)
				}
				if err := json.Unmarshal([]byte(out.String()), &sum); err != nil {
					b.Fatal(err)
				}
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(sum.Documents)/sec, "docs/s")
			b.ReportMetric(float64(tokens)/sec, "tokens/s")
			b.ReportMetric(float64(sum.Quads)/sec, "quads/s")
		})
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
	"github.com/kgnews/kg/queries"
	"github.com/kgnews/kg/web"
)

// benchStoreURL returns the store the API benchmarks read: a copy of the bolt
// file named by KG_BENCH_STORE (such as the generated graph the queries
// benchmarks cache under os.TempDir()), or else a small graph generated here.
func benchStoreURL(b *testing.B) string {
	b.Helper()
	dst := filepath.Join(b.TempDir(), "bench.db")
	src := os.Getenv("KG_BENCH_STORE")
	if src == "" {
		u := "bolt:" + dst
		s, err := graph.Open(context.Background(), u, graph.Options{})
		if err != nil {
			b.Fatal(err)
		}
		kgtest.MustWrite(b, s, smallGraph(2000, 300)...)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		return u
	}
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return "bolt:" + dst
}

// smallGraph generates documents of ten facts each among entities with
// made-up names, for benchmarks when no big graph is at hand.
func smallGraph(facts, entities int) []*kg.Extraction {
	rng := rand.New(rand.NewPCG(1, 2))
	ents := make([]kg.Entity, entities)
	for i := range ents {
		ents[i] = kg.Entity{ID: fmt.Sprintf("p%d", i), Label: fmt.Sprintf("Person Number%d", i), Type: kg.Person, Mentions: 1}
	}
	preds := []string{"meet", "call", "criticize", "visit"}
	var xs []*kg.Extraction
	for d := 0; d*10 < facts; d++ {
		x := &kg.Extraction{}
		var text strings.Builder
		seen := map[int]bool{}
		for f := range 10 {
			a, o := rng.IntN(entities), rng.IntN(entities)
			if a == o {
				o = (o + 1) % entities
			}
			seen[a], seen[o] = true, true
			sent := fmt.Sprintf("Report %d says %s met %s.", d, ents[a].Label, ents[o].Label)
			start := text.Len()
			text.WriteString(sent + " ")
			x.Facts = append(x.Facts, kg.Fact{Subject: ents[a].ID, Predicate: preds[rng.IntN(len(preds))], Object: ents[o].ID,
				Confidence: 0.8, Evidence: kg.Evidence{Sentence: f, Text: sent, Start: start, End: start + len(sent)}})
		}
		t := text.String()
		x.Document = kg.Document{ID: kg.DocumentID(t), Title: fmt.Sprintf("Report %d", d), Date: "2017-04-12", Text: t}
		for i := range seen {
			x.Entities = append(x.Entities, ents[i])
		}
		slices.SortFunc(x.Entities, func(a, b kg.Entity) int { return strings.Compare(a.ID, b.ID) })
		xs = append(xs, x)
	}
	return xs
}

// BenchmarkServeAPI measures, over loopback HTTP on a real store, the first
// page of /api/entity for random entities and for the 20 most mentioned
// (with the ranking of large neighborhoods not kept, so every call reads all
// of the entity's facts), the second page of those hubs with it kept (as
// "show more" pages them), /api/ask and /api/entities, reporting p50 and p95
// in milliseconds, wall and CPU time of the process (server and client; run
// with GOMAXPROCS=1 on a shared machine). The name index is built before
// timing, as kg serve builds it at start. Run it on the generated 1M-fact
// graph with
//
//	KG_BENCH_STORE=/tmp/kg-querybench-v1-1000000-100000.bolt GOMAXPROCS=1 go test ./cmd/kg -run '^$' -bench ServeAPI -benchtime 100x
func BenchmarkServeAPI(b *testing.B) {
	storeURL := benchStoreURL(b)
	ts, s := mustServe(b, storeURL, web.Config{})
	all, err := queries.New(s).Entities(context.Background(), queries.EntityFilter{})
	if err != nil || len(all) == 0 {
		b.Fatalf("entities: %d, %v", len(all), err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	sample := make([]kg.Entity, 300)
	for i := range sample {
		sample[i] = all[rng.IntN(len(all))]
	}
	b.Logf("store has %d entities", len(all))
	start := time.Now()
	if _, err := queries.New(s).Complete(context.Background(), "a", 1); err != nil { // builds the name index before timing
		b.Fatal(err)
	}
	b.Logf("name index built in %s", time.Since(start).Round(time.Millisecond))
	hubs := all[:min(20, len(all))] // most mentioned first
	page := func(offset int) func(kg.Entity) string {
		return func(e kg.Entity) string {
			return fmt.Sprintf("/api/entity?limit=25&offset=%d&id=%s", offset, url.QueryEscape(e.ID))
		}
	}
	cases := []struct {
		name string
		base string
		url  func(e kg.Entity) string
		ents []kg.Entity
	}{
		{"entity", ts.URL, page(0), sample},
		{"entity-hub", ts.URL, page(0), hubs},
		{"entity-hub-page2-cached", ts.URL, page(25), hubs},
		{"ask", ts.URL, func(e kg.Entity) string { return "/api/ask?q=" + url.QueryEscape("Who did "+e.Label+" meet?") }, sample},
		{"entities-prefix", ts.URL, func(e kg.Entity) string {
			return "/api/entities?limit=10&prefix=" + url.QueryEscape(e.Label[:min(4, len(e.Label))])
		}, sample},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			defer func(n int) { queries.RankedNeighborsKept = n }(queries.RankedNeighborsKept)
			if !strings.HasSuffix(c.name, "-cached") {
				queries.RankedNeighborsKept = 0
			}
			var times, cpu []time.Duration
			i := 0
			for b.Loop() {
				c0, start := kgtest.CPUTime(), time.Now()
				get(b, c.base+c.url(c.ents[i%len(c.ents)]))
				times = append(times, time.Since(start))
				cpu = append(cpu, kgtest.CPUTime()-c0)
				i++
			}
			ms := func(d []time.Duration, q float64) float64 {
				slices.Sort(d)
				return float64(d[int(q*float64(len(d)-1))]) / 1e6
			}
			b.ReportMetric(ms(times, 0.5), "p50-ms")
			b.ReportMetric(ms(times, 0.95), "p95-ms")
			b.ReportMetric(ms(cpu, 0.5), "cpu-p50-ms")
			b.ReportMetric(ms(cpu, 0.95), "cpu-p95-ms")
		})
	}
}

// get fetches a URL, failing on statuses other than 200 and 404 (a
// question about someone who met nobody).
func get(b *testing.B, u string) {
	resp, err := http.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotFound {
		b.Fatalf("GET %s: %s", u, resp.Status)
	}
}

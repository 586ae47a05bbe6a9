package queries_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
	"github.com/kgnews/kg/queries"
)

// The benchmarks run on a generated bolt graph (see benchGraph), built once
// and cached under os.TempDir(). They run only with -bench; size it with
// KG_BENCH_FACTS. Each reports p50 and p95 latencies in ms.

var bench struct {
	once sync.Once
	q    *queries.Service
	ents []kg.Entity
}

func benchService(b *testing.B) (*queries.Service, []kg.Entity) {
	bench.once.Do(func() {
		cfg := benchConfig()
		path := benchGraph(b, cfg)
		s, err := graph.Open(context.Background(), "bolt:"+path, graph.Options{})
		if err != nil {
			b.Fatal(err)
		}
		bench.q = queries.New(s)
		start := time.Now()
		if _, err := bench.q.Complete(context.Background(), "a", 1); err != nil { // builds the name index
			b.Fatal(err)
		}
		b.Logf("name index of %d entities built in %s", cfg.Entities, time.Since(start).Round(time.Millisecond))
		// the entities some document names (the generator leaves a few out)
		bench.ents, err = bench.q.Entities(context.Background(), queries.EntityFilter{})
		if err != nil {
			b.Fatal(err)
		}
	})
	if bench.q == nil {
		b.Fatal("no bench graph")
	}
	return bench.q, bench.ents
}

// latencies collects per-operation wall and CPU times and reports their
// percentiles. CPU time (user+system of the process, so run with
// GOMAXPROCS=1) shows the cost when other processes share the machine.
type latencies struct {
	wall, cpu []time.Duration
}

func (l *latencies) time(fn func()) {
	c0 := kgtest.CPUTime()
	start := time.Now()
	fn()
	l.wall = append(l.wall, time.Since(start))
	l.cpu = append(l.cpu, kgtest.CPUTime()-c0)
}

func (l *latencies) n() int { return len(l.wall) }

func (l *latencies) report(b *testing.B) {
	if len(l.wall) == 0 {
		return
	}
	pct := func(d []time.Duration, p float64) float64 {
		s := slices.Clone(d)
		slices.Sort(s)
		return float64(s[min(len(s)-1, int(p*float64(len(s))))]) / 1e6
	}
	b.ReportMetric(pct(l.wall, 0.50), "p50-ms")
	b.ReportMetric(pct(l.wall, 0.95), "p95-ms")
	b.ReportMetric(pct(l.cpu, 0.50), "cpu-p50-ms")
	b.ReportMetric(pct(l.cpu, 0.95), "cpu-p95-ms")
}

func BenchmarkAskOneHop(b *testing.B) {
	q, ents := benchService(b)
	rng := rand.New(rand.NewPCG(1, 1))
	var lat latencies
	answers := 0
	b.ResetTimer()
	for b.Loop() {
		e := ents[rng.IntN(len(ents))]
		question := "Who did " + e.Label + " meet?"
		lat.time(func() {
			res, err := q.Ask(b.Context(), question)
			if err != nil {
				b.Fatalf("%s: %v", question, err)
			}
			answers += len(res.Answers)
		})
	}
	lat.report(b)
	b.ReportMetric(float64(answers)/float64(lat.n()), "answers/op")
}

// BenchmarkAskOneHopRead is BenchmarkAskOneHop with the question read by
// the pipeline (tokenize, tag, frame), as kg ask and kg serve read it; the
// models are loaded before the timer starts, as a server has them.
func BenchmarkAskOneHopRead(b *testing.B) {
	q, ents := benchService(b)
	p, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := p.ReadQuestion(b.Context(), "Who did Anna Berg meet?"); err != nil { // loads the models
		b.Fatal(err)
	}
	qr := q.WithReader(p)
	rng := rand.New(rand.NewPCG(1, 1))
	var lat latencies
	answers := 0
	b.ResetTimer()
	for b.Loop() {
		e := ents[rng.IntN(len(ents))]
		question := "Who did " + e.Label + " meet?"
		lat.time(func() {
			res, err := qr.Ask(b.Context(), question)
			if err != nil && kg.ErrorCode(err) != kg.ENOTFOUND && kg.ErrorCode(err) != kg.EINVALID {
				b.Fatalf("%s: %v", question, err)
			}
			if res != nil {
				answers += len(res.Answers)
			}
		})
	}
	lat.report(b)
	b.ReportMetric(float64(answers)/float64(lat.n()), "answers/op")
}

// BenchmarkPath4Hops measures cold path searches: the adjacency cache is
// off, so every edge comes from bolt, as in a one-shot kg path.
func BenchmarkPath4Hops(b *testing.B) {
	q, ents := benchService(b)
	defer func(n int) { queries.AdjacencyCacheNodes = n }(queries.AdjacencyCacheNodes)
	queries.AdjacencyCacheNodes = 0
	benchPaths(b, q, ents, rand.New(rand.NewPCG(2, 2)))
}

// BenchmarkPath4HopsCached measures path searches in a long-lived Service
// (kg serve) after 1000 other random searches have filled its adjacency
// cache; the timed searches are between other random pairs.
func BenchmarkPath4HopsCached(b *testing.B) {
	q, ents := benchService(b)
	rng := rand.New(rand.NewPCG(4, 4))
	for range 1000 {
		from, to := ents[rng.IntN(len(ents))], ents[rng.IntN(len(ents))]
		if _, err := q.Path(b.Context(), from.ID, to.ID, 4, 3); err != nil && kg.ErrorCode(err) != kg.ETIMEOUT {
			b.Fatal(err)
		}
	}
	benchPaths(b, q, ents, rng)
}

func benchPaths(b *testing.B, q *queries.Service, ents []kg.Entity, rng *rand.Rand) {
	var lat latencies
	found, hops := 0, 0
	b.ResetTimer()
	for b.Loop() {
		from, to := ents[rng.IntN(len(ents))], ents[rng.IntN(len(ents))]
		lat.time(func() {
			ps, err := q.Path(b.Context(), from.ID, to.ID, 4, 3)
			if err != nil && kg.ErrorCode(err) != kg.ETIMEOUT {
				b.Fatal(err)
			}
			if len(ps) > 0 {
				found++
				hops += len(ps[0])
			}
		})
	}
	lat.report(b)
	b.ReportMetric(float64(found)/float64(lat.n()), "found/op")
	if found > 0 {
		b.ReportMetric(float64(hops)/float64(found), "hops/path")
	}
}

func BenchmarkCompletePrefix(b *testing.B) {
	q, ents := benchService(b)
	rng := rand.New(rand.NewPCG(3, 3))
	var lat latencies
	b.ResetTimer()
	for b.Loop() {
		e := ents[rng.IntN(len(ents))]
		prefix := strings.ToLower(e.Label[:min(len(e.Label), 3+rng.IntN(4))])
		lat.time(func() {
			got, err := q.Complete(b.Context(), prefix, 10)
			if err != nil || len(got) == 0 {
				b.Fatalf("%q: %v, %v", prefix, got, err)
			}
		})
	}
	lat.report(b)
}

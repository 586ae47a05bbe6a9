package tagger

import (
	"testing"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/internal/kgtest"
)

// BenchmarkTag tags the EWT dev sentences (gold words) one after another.
func BenchmarkTag(b *testing.B) {
	m := mustLoad(b)
	gold := mustRead(b, "ud-ewt", "en_ewt-ud-dev.conllu")
	sents := make([][]string, len(gold))
	for i, s := range gold {
		sents[i] = Words(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		s := sents[i%len(sents)]
		m.Tag(s)
		n += len(s)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoad reads the committed model.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		mustLoad(b)
	}
}

func mustRead(tb testing.TB, corpus, file string) []*conllu.Sentence {
	tb.Helper()
	ss, err := conllu.ReadFile(kgtest.SharedFile(tb, "corpora", corpus, file))
	if err != nil {
		tb.Fatal(err)
	}
	return ss
}

package tagger

import (
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/tokenize"
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
	cpu0 := kgtest.CPUTime()
	n := 0
	for i := 0; b.Loop(); i++ {
		s := sents[i%len(sents)]
		m.Tag(s)
		n += len(s)
	}
	reportSpeed(b, n, cpu0)
}

// BenchmarkTokenizeTag tokenizes the raw text of EWT dev (its "# text"
// lines, a paragraph per document) and tags every sentence, the way the
// pipeline starts on an article.
func BenchmarkTokenizeTag(b *testing.B) {
	m := mustLoad(b)
	tok := tokenize.Default()
	if err := tokenize.DefaultError(); err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	for _, s := range mustRead(b, "ud-ewt", "en_ewt-ud-dev.conllu") {
		if s.NewDoc && text.Len() > 0 {
			text.WriteString("\n\n")
		}
		text.WriteString(s.Text)
		text.WriteByte(' ')
	}
	raw := text.String()
	var words []string
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := kgtest.CPUTime()
	n := 0
	for b.Loop() {
		for _, s := range tok.Sentences(raw) {
			words = words[:0]
			for _, t := range s.Tokens {
				words = append(words, t.Text)
			}
			m.Tag(words)
			n += len(words)
		}
	}
	reportSpeed(b, n, cpu0)
}

// reportSpeed reports n tokens over the benchmark's wall time and over the
// CPU time the process used since cpu0.
func reportSpeed(b *testing.B, n int, cpu0 time.Duration) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := kgtest.CPUTime() - cpu0; cpu > 0 {
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

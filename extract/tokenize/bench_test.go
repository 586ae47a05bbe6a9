package tokenize

import "testing"

// benchText is raw text rebuilt from EWT dev, the kind of web text the
// pipeline reads.
func benchText(b *testing.B) (string, int) {
	g := rebuild(readGold(b, "ud-ewt", "en_ewt-ud-dev.conllu"))
	return g.text, len(g.tokens)
}

func BenchmarkSentences(b *testing.B) {
	text, n := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Sentences(text)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSentencesRules(b *testing.B) {
	text, n := benchText(b)
	var rules Tokenizer
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		rules.Sentences(text)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

package extract

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/internal/kgtest"
)

// BenchmarkTokenizeTagParse runs the NLP core the way the pipeline does on
// an article: it tokenizes the raw text of EWT dev (its "# text" lines, a
// paragraph per document), tags every sentence, then parses every sentence,
// and reports tokens per second of wall and of CPU time (one goroutine).
func BenchmarkTokenizeTagParse(b *testing.B) {
	ms := mustPipeline(b).Models()
	gold, err := conllu.ReadFile(kgtest.SharedFile(b, "corpora", "ud-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	for _, s := range gold {
		if s.NewDoc && text.Len() > 0 {
			text.WriteString("\n\n")
		}
		text.WriteString(s.Text)
		text.WriteByte(' ')
	}
	raw := text.String()
	type tagged struct{ words, upos, xpos []string }
	n := 0
	cpu := kgtest.CPUTime()
	for b.Loop() {
		sents := ms.Tokenizer.Sentences(raw)
		all := make([]tagged, len(sents))
		for i, s := range sents {
			t := &all[i]
			for _, tok := range s.Tokens {
				t.words = append(t.words, tok.Text)
			}
			for _, tag := range ms.Tagger.Tag(t.words) {
				t.upos, t.xpos = append(t.upos, tag.UPOS), append(t.xpos, tag.XPOS)
			}
			n += len(t.words)
		}
		for _, t := range all {
			ms.Parser.Parse(t.words, t.upos, t.xpos)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
	if c := kgtest.CPUTime() - cpu; c > 0 {
		b.ReportMetric(float64(n)/c.Seconds(), "tokens/cpu-s")
	}
}

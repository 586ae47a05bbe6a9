package coref

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/kgnews/kg"
)

// stat counts the links of one pass.
type stat struct{ links, right, unknown int }

// TestPassPrecisionDev logs, for each pass and kind of mention, how many
// links it made on GUM dev with gold parses and how many join mentions of one
// gold chain, and holds the precision of links between gold mentions above
// a floor under the measured 72%. COREF_TRACE=1 lists the wrong links.
func TestPassPrecisionDev(t *testing.T) {
	sents := readGUMDev(t)
	stats := map[string]*stat{}
	var wrong []string
	for _, doc := range splitDocs(sents) {
		chain := map[span]string{}
		for _, m := range goldMentions(doc) {
			chain[m.span] = m.Chain
		}
		ks := make([]kg.Sentence, len(doc))
		for i, s := range doc {
			ks[i] = GoldParse(s)
		}
		r := newResolver(ks)
		r.trace = func(pass string, m, a *ment) {
			cat := "bare"
			switch {
			case m.Named:
				cat = "named"
			case m.Pronoun:
				cat = "pron"
			case len(m.words) > 0 && (m.words[0] == "the" || m.words[0] == "this" || m.words[0] == "these" || pronouns[m.words[0]].possessive):
				cat = "def"
			}
			pass += "/" + cat
			st := stats[pass]
			if st == nil {
				st = &stat{}
				stats[pass] = st
			}
			st.links++
			cm, ok1 := chain[span{m.Sentence, m.Start, m.End}]
			ca, ok2 := chain[span{a.Sentence, a.Start, a.End}]
			switch {
			case !ok1 || !ok2:
				st.unknown++
				wrong = append(wrong, fmt.Sprintf("%s: ?%v%v %q -> %q (%d sents back)", pass, ok1, ok2, m.Text, a.Text, m.Sentence-a.Sentence))
			case cm == ca:
				st.right++
			default:
				wrong = append(wrong, fmt.Sprintf("%s: %q -> %q (%d sents back)", pass, m.Text, a.Text, m.Sentence-a.Sentence))
			}
		}
		r.run()
	}
	logStats(t, stats, wrong)
}

func logStats(t *testing.T, stats map[string]*stat, wrong []string) {
	names := make([]string, 0, len(stats))
	for n := range stats {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		st := stats[n]
		t.Logf("%-18s links %4d right %4d unknown mention %4d", n, st.links, st.right, st.unknown)
	}
	links, right := 0, 0
	for _, st := range stats {
		links += st.links - st.unknown
		right += st.right
	}
	if p := 100 * float64(right) / float64(links); p < 70 {
		t.Errorf("link precision %.1f%%, want at least 70%%", p)
	} else {
		t.Logf("link precision %.1f%% (%d of %d)", p, right, links)
	}
	if os.Getenv("COREF_TRACE") != "" {
		for _, w := range wrong {
			t.Log(w)
		}
	}
}

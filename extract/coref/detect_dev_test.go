package coref

import "testing"

// TestMentionDetectionDev holds mention detection with gold trees on GUM dev
// above floors under the measured recall 88.9 and precision 81.7 (exact
// boundaries, singletons included).
func TestMentionDetectionDev(t *testing.T) {
	var gold, pred, hit int
	for _, doc := range splitDocs(readGUMDev(t)) {
		g := map[span]bool{}
		for _, m := range goldMentions(doc) {
			g[m.span] = true
		}
		gold += len(g)
		for si, s := range doc {
			for _, m := range detectMentions(si, GoldParse(s)) {
				pred++
				if g[span{si, m.Start, m.End}] {
					hit++
				}
			}
		}
	}
	recall, precision := 100*float64(hit)/float64(gold), 100*float64(hit)/float64(pred)
	t.Logf("gold %d predicted %d matched %d: recall %.1f precision %.1f", gold, pred, hit, recall, precision)
	if recall < 87.5 || precision < 80 {
		t.Errorf("recall %.1f precision %.1f, want at least 87.5 and 80", recall, precision)
	}
}

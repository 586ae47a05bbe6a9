package coref

import "testing"

// TestMentionDetectionDev holds mention detection with gold trees on GUM dev
// above floors under the measured recall 89.0 and precision 82.4 (exact
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
	if recall < 88 || precision < 81 {
		t.Errorf("recall %.1f precision %.1f, want at least 88 and 81", recall, precision)
	}
}

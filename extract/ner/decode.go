package ner

// decode returns the label sequence for the n words of s, choosing left to
// right the best label allowed after the previous one. (A beam over summed
// scores, raw or log-softmax, measured no better on UNER dev.)
func (m *Model) decode(s *sentence, n int) []int {
	scores := make([]float32, len(m.labels))
	out := make([]int, n)
	prev, prev2 := -1, -1
	for i := range n {
		s.static(i, m.useUPOS)
		s.dynamic(i, prev, prev2)
		clear(scores)
		for _, h := range s.feats {
			if w := m.table.row(h); w != nil {
				for k, v := range w {
					scores[k] += v
				}
			}
		}
		out[i] = bestAllowed(scores, m.allowed[prev+1])
		prev2, prev = prev, out[i]
	}
	return out
}

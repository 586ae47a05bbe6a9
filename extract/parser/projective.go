package parser

// dominates reports whether h is an ancestor of (or equal to) d.
func dominates(heads []int32, h, d int32) bool {
	n := int32(len(heads))
	for d != h {
		if d == n {
			return false
		}
		d = heads[d]
	}
	return true
}

// nonProjectiveArc returns the shortest arc h→d (by d) such that some word
// between h and d is not dominated by h, or -1.
func nonProjectiveArc(heads []int32) int {
	best, bestLen := -1, int32(0)
	for d, h := range heads {
		lo, hi := min(h, int32(d)), max(h, int32(d))
		for k := lo + 1; k < hi; k++ {
			if !dominates(heads, h, k) {
				if l := hi - lo; best < 0 || l < bestLen {
					best, bestLen = d, l
				}
				break
			}
		}
	}
	return best
}

// projective reports whether the tree (root at index len(heads)) has no
// crossing arcs.
func projective(heads []int32) bool { return nonProjectiveArc(heads) < 0 }

// lift makes a tree projective by repeatedly attaching the dependent of the
// shortest non-projective arc to its head's head (Nivre and Nilsson 2005,
// without encoding the lifts in labels).
func lift(heads []int32) {
	n := int32(len(heads))
	for range len(heads) * len(heads) {
		d := nonProjectiveArc(heads)
		if d < 0 || heads[d] == n {
			return
		}
		heads[d] = heads[heads[d]]
	}
}

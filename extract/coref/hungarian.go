package coref

import "math"

// maxAssignment returns the largest total similarity of a one-to-one
// assignment of rows to columns (Kuhn–Munkres, O(n³) with potentials).
// The matrix may be rectangular; unmatched rows or columns add nothing.
func maxAssignment(sim [][]float64) float64 {
	if len(sim) == 0 {
		return 0
	}
	h := newHungarian(sim)
	for i := 1; i <= h.n; i++ {
		h.augment(i)
	}
	total := 0.0
	for j := 1; j <= h.n; j++ {
		if i := h.match[j]; i > 0 && i <= h.rows && j <= h.cols {
			total += sim[i-1][j-1]
		}
	}
	return total
}

// hungarian is the state of the Kuhn–Munkres method on a square matrix
// padded with zeros: u and v are the row and column potentials, match[j] is
// the row (from 1) matched to column j, and column 0 is the free start.
type hungarian struct {
	sim           [][]float64
	n, rows, cols int
	u, v, minv    []float64
	match, way    []int
	used          []bool
}

func newHungarian(sim [][]float64) *hungarian {
	rows, cols := len(sim), len(sim[0])
	n := max(rows, cols)
	return &hungarian{sim: sim, n: n, rows: rows, cols: cols,
		u: make([]float64, n+1), v: make([]float64, n+1), minv: make([]float64, n+1),
		match: make([]int, n+1), way: make([]int, n+1), used: make([]bool, n+1)}
}

// cost is the negated similarity, so that a minimum-cost assignment is a
// maximum-similarity one; padding costs 0.
func (h *hungarian) cost(i, j int) float64 {
	if i < h.rows && j < h.cols {
		return -h.sim[i][j]
	}
	return 0
}

// augment adds row i to the assignment along a shortest augmenting path.
func (h *hungarian) augment(i int) {
	h.match[0] = i
	j0 := 0
	for j := range h.minv {
		h.minv[j], h.used[j] = math.Inf(1), false
	}
	for h.match[j0] != 0 {
		h.used[j0] = true
		i0, delta, j1 := h.match[j0], math.Inf(1), 0
		for j := 1; j <= h.n; j++ {
			if h.used[j] {
				continue
			}
			if c := h.cost(i0-1, j-1) - h.u[i0] - h.v[j]; c < h.minv[j] {
				h.minv[j], h.way[j] = c, j0
			}
			if h.minv[j] < delta {
				delta, j1 = h.minv[j], j
			}
		}
		for j := 0; j <= h.n; j++ {
			if h.used[j] {
				h.u[h.match[j]] += delta
				h.v[j] -= delta
			} else {
				h.minv[j] -= delta
			}
		}
		j0 = j1
	}
	for j0 != 0 {
		j1 := h.way[j0]
		h.match[j0] = h.match[j1]
		j0 = j1
	}
}

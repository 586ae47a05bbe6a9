package parser

// gold is the reference tree of a training sentence in the parser's indexing:
// words 0..n-1, the root at n.
type gold struct {
	heads  []int32   // gold head of each word
	labels []int16   // gold label of each word
	deps   [][]int32 // gold dependents of each index, root included
}

func newGold(heads []int32, labels []int16) *gold {
	n := len(heads)
	g := &gold{heads: heads, labels: labels, deps: make([][]int32, n+1)}
	for d, h := range heads {
		g.deps[h] = append(g.deps[h], int32(d))
	}
	return g
}

// depsFrom counts the gold dependents of h at index b or beyond (in the
// buffer).
func (g *gold) depsInBuffer(h, b int32) int {
	c := 0
	for _, d := range g.deps[h] {
		if d >= b {
			c++
		}
	}
	return c
}

// depsInStack counts the gold dependents of h on the stack.
func (g *gold) depsInStack(s *state, h int32) int {
	c := 0
	for _, d := range g.deps[h] {
		if s.inStack[d] {
			c++
		}
	}
	return c
}

// arcCosts returns the number of reachable gold arcs that SHIFT, LEFT and
// RIGHT would each make unreachable (Goldberg and Nivre 2013), and whether
// the stack top's gold arc is the one LEFT or RIGHT would build. Invalid
// moves get cost -1.
func (g *gold) arcCosts(s *state) (sh, left, right int, leftOK, rightOK bool) {
	sh, left, right = -1, -1, -1
	b := s.b
	if s.canShift() {
		sh = g.depsInStack(s, b)
		if h := g.heads[b]; s.inStack[h] && h != s.top(0) {
			sh++
		}
	}
	if len(s.stack) == 0 {
		return sh, left, right, false, false
	}
	s0, s1 := s.top(0), s.top(1)
	lost := g.depsInBuffer(s0, b)
	h := g.heads[s0]
	if s.canLeft() {
		left = lost
		if h != b && (h == s1 || h > b) {
			left++
		}
		leftOK = h == b
	}
	if s.canRight() {
		right = lost
		if h >= b {
			right++
		}
		rightOK = h == s1
	}
	return sh, left, right, leftOK, rightOK
}

// costs fills cost[c] for every class: -1 for invalid moves, else the number
// of gold arcs (labels counted) lost by taking c.
func (g *gold) costs(s *state, cost []int) {
	sh, left, right, leftOK, rightOK := g.arcCosts(s)
	cost[shift] = sh
	gl := -1
	if len(s.stack) > 0 {
		gl = int(g.labels[s.top(0)])
	}
	for l := 0; l < (len(cost)-1)/2; l++ {
		lc, rc := left, right
		if leftOK && lc >= 0 && l != gl {
			lc++
		}
		if rightOK && rc >= 0 && l != gl {
			rc++
		}
		cost[leftClass(l)], cost[rightClass(l)] = lc, rc
	}
}

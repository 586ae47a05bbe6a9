package parser

// Transitions of the arc-hybrid system. Class 0 is SHIFT; for label l,
// class 1+2l is LEFT-l (the buffer front becomes the head of the stack top)
// and class 2+2l is RIGHT-l (the item under the stack top becomes its head).
// The artificial root token sits at index n, the end of the buffer, and is
// never shifted, so every parse is a single tree.
const (
	shift = 0
	none  = -1
)

func leftClass(l int) int  { return 1 + 2*l }
func rightClass(l int) int { return 2 + 2*l }

// classLabel returns the label of an arc class.
func classLabel(c int) int { return (c - 1) / 2 }

// isLeft reports whether class c is a LEFT arc.
func isLeft(c int) bool { return c > 0 && c%2 == 1 }

// state is a parser configuration over n words; index n is the root.
type state struct {
	n       int
	stack   []int32
	b       int32    // front of the buffer; the buffer is b..n
	heads   []int32  // head of each word, none until attached
	labels  []int16  // label of each word's arc, none until attached
	lc1     []int32  // leftmost child
	lc2     []int32  // second leftmost child
	rc1     []int32  // rightmost child
	rc2     []int32  // second rightmost child
	nl, nr  []uint8  // number of left and right children
	lset    []uint64 // bit set of left children's labels
	rset    []uint64 // bit set of right children's labels
	inStack []bool   // whether an index is on the stack
}

// reset prepares s for a sentence of n words, reusing its storage.
func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	m := n + 1
	s.heads = fill32(s.heads, m, none)
	s.lc1 = fill32(s.lc1, m, none)
	s.lc2 = fill32(s.lc2, m, none)
	s.rc1 = fill32(s.rc1, m, none)
	s.rc2 = fill32(s.rc2, m, none)
	if cap(s.labels) < m {
		s.labels = make([]int16, m)
		s.nl, s.nr = make([]uint8, m), make([]uint8, m)
		s.lset, s.rset = make([]uint64, m), make([]uint64, m)
		s.inStack = make([]bool, m)
	}
	s.labels, s.nl, s.nr = s.labels[:m], s.nl[:m], s.nr[:m]
	s.lset, s.rset, s.inStack = s.lset[:m], s.rset[:m], s.inStack[:m]
	for i := range m {
		s.labels[i] = none
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
		s.inStack[i] = false
	}
}

func fill32(a []int32, m int, v int32) []int32 {
	if cap(a) < m {
		a = make([]int32, m)
	}
	a = a[:m]
	for i := range a {
		a[i] = v
	}
	return a
}

// terminal reports whether the parse is complete.
func (s *state) terminal() bool { return len(s.stack) == 0 && int(s.b) == s.n }

// top returns the i-th stack item from the top (0 = top), or none.
func (s *state) top(i int) int32 {
	if i >= len(s.stack) {
		return none
	}
	return s.stack[len(s.stack)-1-i]
}

// canShift, canLeft and canRight tell which moves are legal.
func (s *state) canShift() bool { return int(s.b) < s.n }
func (s *state) canLeft() bool {
	return len(s.stack) > 0 && (int(s.b) < s.n || len(s.stack) == 1)
}
func (s *state) canRight() bool { return len(s.stack) > 1 }

// valid reports whether class c is legal in s.
func (s *state) valid(c int) bool {
	switch {
	case c == shift:
		return s.canShift()
	case isLeft(c):
		return s.canLeft()
	default:
		return s.canRight()
	}
}

// apply performs class c, which must be valid.
func (s *state) apply(c int) {
	if c == shift {
		s.inStack[s.b] = true
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	d := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.inStack[d] = false
	h := s.b
	if !isLeft(c) {
		h = s.stack[len(s.stack)-1]
	}
	s.addArc(h, d, classLabel(c))
}

func (s *state) addArc(h, d int32, l int) {
	s.heads[d] = h
	s.labels[d] = int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.nl[h] = sat8(s.nl[h])
		s.lset[h] |= bit
		switch {
		case s.lc1[h] == none || d < s.lc1[h]:
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		case s.lc2[h] == none || d < s.lc2[h]:
			s.lc2[h] = d
		}
		return
	}
	s.nr[h] = sat8(s.nr[h])
	s.rset[h] |= bit
	switch {
	case s.rc1[h] == none || d > s.rc1[h]:
		s.rc2[h], s.rc1[h] = s.rc1[h], d
	case s.rc2[h] == none || d > s.rc2[h]:
		s.rc2[h] = d
	}
}

func sat8(v uint8) uint8 {
	if v < 255 {
		return v + 1
	}
	return v
}

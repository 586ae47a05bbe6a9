package parser

// Feature keys pack a template number (top 7 bits) and up to 57 bits of
// atoms: word ids take 20 bits, tags and labels 7, distances and valencies 4,
// hashed label sets 30. Packing is exact, so features never collide.
const (
	wordBits  = 20
	tagBits   = 7
	smallBits = 4
	setBits   = 30
	maxWords  = 1<<wordBits - 1
	maxTags   = 1<<tagBits - 1
)

// Reserved atom values: 0 for a missing item, 1 for the root token, 2 for an
// unknown word or tag.
const (
	atomNone = 0
	atomRoot = 1
	atomUnk  = 2
)

// atoms holds the per-word feature atoms of one sentence; index n is the root.
type atoms struct {
	w, p, u []uint64 // word, XPOS and UPOS ids
}

func (a *atoms) reset(n int) {
	m := n + 1
	if cap(a.w) < m {
		a.w, a.p, a.u = make([]uint64, m), make([]uint64, m), make([]uint64, m)
	}
	a.w, a.p, a.u = a.w[:m], a.p[:m], a.u[:m]
	a.w[n], a.p[n], a.u[n] = atomRoot, atomRoot, atomRoot
}

func tk(t uint64) uint64 { return t << 57 }

// dist buckets the distance between two items.
func dist(a, b int32) uint64 {
	if a == none || b == none {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 5:
		return uint64(d)
	case d <= 7:
		return 6
	case d <= 10:
		return 7
	case d <= 15:
		return 8
	case d <= 25:
		return 9
	}
	return 10
}

func small(v uint8) uint64 {
	if v > 15 {
		return 15
	}
	return uint64(v)
}

func setHash(x uint64) uint64 {
	if x == 0 {
		return 0
	}
	return (x*0x9E3779B97F4A7C15)>>(64-setBits) | 1
}

// item gathers the atoms of one position of the configuration.
type item struct {
	w, p, u, l uint64 // word, XPOS, UPOS, label of its arc (+1)
}

func (a *atoms) item(s *state, i int32) item {
	if i == none {
		return item{}
	}
	it := item{w: a.w[i], p: a.p[i], u: a.u[i]}
	if l := s.labels[i]; l != none {
		it.l = uint64(l) + 1
	}
	return it
}

func child(c []int32, i int32) int32 {
	if i == none {
		return none
	}
	return c[i]
}

// window holds the items of a configuration that features look at.
type window struct {
	s0i, s1i, n0i             int32
	s0, s1, s2, n0, n1, n2    item
	s0l, s0l2, s0r, s0r2      item // children of s0
	s1l, s1r, s1r2, n0l, n0l2 item // children of s1 and n0
}

func (a *atoms) window(s *state) window {
	s0i, s1i, s2i := s.top(0), s.top(1), s.top(2)
	n0i := s.b
	n1i, n2i := n0i+1, n0i+2
	if int(n1i) > s.n {
		n1i = none
	}
	if int(n2i) > s.n {
		n2i = none
	}
	return window{
		s0i: s0i, s1i: s1i, n0i: n0i,
		s0: a.item(s, s0i), s1: a.item(s, s1i), s2: a.item(s, s2i),
		n0: a.item(s, n0i), n1: a.item(s, n1i), n2: a.item(s, n2i),
		s0l: a.item(s, child(s.lc1, s0i)), s0l2: a.item(s, child(s.lc2, s0i)),
		s0r: a.item(s, child(s.rc1, s0i)), s0r2: a.item(s, child(s.rc2, s0i)),
		s1l: a.item(s, child(s.lc1, s1i)), s1r: a.item(s, child(s.rc1, s1i)), s1r2: a.item(s, child(s.rc2, s1i)),
		n0l: a.item(s, child(s.lc1, n0i)), n0l2: a.item(s, child(s.lc2, n0i)),
	}
}

// extract appends the feature keys of configuration s to keys.
func (a *atoms) extract(s *state, keys []uint64) []uint64 {
	x := a.window(s)
	keys = x.items(keys)
	keys = x.distances(keys)
	keys = valencyFeatures(s, keys, x.s0i, x.s1i, x.n0i, x.s0, x.s1, x.n0)
	return x.children(keys)
}

// items appends the templates over single items, pairs and triples.
func (x *window) items(keys []uint64) []uint64 {
	s0, s1, s2, n0, n1, n2 := x.s0, x.s1, x.s2, x.n0, x.n1, x.n2
	s0l, s0r, s1l, s1r, n0l := x.s0l, x.s0r, x.s1l, x.s1r, x.n0l
	const W, T = wordBits, tagBits
	keys = append(keys,
		tk(1),
		// single items
		tk(2)|s0.w<<T|s0.p, tk(3)|s0.w, tk(4)|s0.p,
		tk(5)|n0.w<<T|n0.p, tk(6)|n0.w, tk(7)|n0.p,
		tk(8)|n1.w<<T|n1.p, tk(9)|n1.w, tk(10)|n1.p,
		tk(11)|n2.w<<T|n2.p, tk(12)|n2.w, tk(13)|n2.p,
		tk(14)|s1.w<<T|s1.p, tk(15)|s1.w, tk(16)|s1.p,
		tk(17)|s2.w, tk(18)|s2.p,
		// pairs of s0 and n0
		tk(19)|s0.w<<(W+2*T)|s0.p<<(W+T)|n0.w<<T|n0.p,
		tk(20)|s0.w<<(W+T)|s0.p<<W|n0.w,
		tk(21)|s0.w<<(W+T)|n0.w<<T|n0.p,
		tk(22)|s0.w<<(2*T)|s0.p<<T|n0.p,
		tk(23)|s0.p<<(W+T)|n0.w<<T|n0.p,
		tk(24)|s0.w<<W|n0.w,
		tk(25)|s0.p<<T|n0.p,
		tk(26)|n0.p<<T|n1.p,
		// pairs of s1 and s0
		tk(27)|s1.w<<(W+2*T)|s1.p<<(W+T)|s0.w<<T|s0.p,
		tk(28)|s1.w<<W|s0.w,
		tk(29)|s1.p<<T|s0.p,
		tk(30)|s1.w<<T|s0.p,
		tk(31)|s1.p<<W|s0.w,
		tk(32)|s1.w<<W|n0.w,
		tk(33)|s1.p<<T|n0.p,
		// triples of tags
		tk(34)|n0.p<<(2*T)|n1.p<<T|n2.p,
		tk(35)|s0.p<<(2*T)|n0.p<<T|n1.p,
		tk(36)|s1.p<<(2*T)|s0.p<<T|n0.p,
		tk(37)|s0.p<<(2*T)|s0l.p<<T|n0.p,
		tk(38)|s0.p<<(2*T)|s0r.p<<T|n0.p,
		tk(39)|s0.p<<(2*T)|n0.p<<T|n0l.p,
		tk(40)|s2.p<<(2*T)|s1.p<<T|s0.p,
		tk(41)|s1.p<<(2*T)|s1r.p<<T|s0.p,
		tk(42)|s1.p<<(2*T)|s0.p<<T|s0l.p,
		tk(43)|s1.p<<(2*T)|s0.p<<T|s0r.p,
		tk(44)|s1.p<<(2*T)|s1l.p<<T|s0.p,
	)
	return keys
}

// distances appends the distance templates.
func (x *window) distances(keys []uint64) []uint64 {
	s0, s1, n0 := x.s0, x.s1, x.n0
	const W, T = wordBits, tagBits
	d0, d1 := dist(x.s0i, x.n0i), dist(x.s1i, x.s0i)
	keys = append(keys,
		// distance
		tk(45)|s0.w<<smallBits|d0, tk(46)|s0.p<<smallBits|d0,
		tk(47)|n0.w<<smallBits|d0, tk(48)|n0.p<<smallBits|d0,
		tk(49)|s0.w<<(W+smallBits)|n0.w<<smallBits|d0,
		tk(50)|s0.p<<(T+smallBits)|n0.p<<smallBits|d0,
		tk(51)|s1.p<<(T+smallBits)|s0.p<<smallBits|d1,
		tk(52)|s1.w<<(W+smallBits)|s0.w<<smallBits|d1,
	)
	return keys
}

// children appends the templates over the items' children.
func (x *window) children(keys []uint64) []uint64 {
	s0, s1, n0, n1 := x.s0, x.s1, x.n0, x.n1
	s0l, s0l2, s0r, s0r2 := x.s0l, x.s0l2, x.s0r, x.s0r2
	s1l, s1r, s1r2, n0l, n0l2 := x.s1l, x.s1r, x.s1r2, x.n0l, x.n0l2
	const W, T = wordBits, tagBits
	keys = append(keys,
		// children
		tk(60)|s0l.w, tk(61)|s0l.p, tk(62)|s0l.l,
		tk(63)|s0r.w, tk(64)|s0r.p, tk(65)|s0r.l,
		tk(66)|n0l.w, tk(67)|n0l.p, tk(68)|n0l.l,
		tk(69)|s0l2.w, tk(70)|s0l2.p, tk(71)|s0l2.l,
		tk(72)|s0r2.w, tk(73)|s0r2.p, tk(74)|s0r2.l,
		tk(75)|n0l2.w, tk(76)|n0l2.p, tk(77)|n0l2.l,
		tk(78)|s1l.w, tk(79)|s1l.p, tk(80)|s1l.l,
		tk(81)|s1r.w, tk(82)|s1r.p, tk(83)|s1r.l,
		tk(84)|s0.p<<(2*T)|s0l.p<<T|s0l2.p,
		tk(85)|s0.p<<(2*T)|s0r.p<<T|s0r2.p,
		tk(86)|n0.p<<(2*T)|n0l.p<<T|n0l2.p,
		tk(87)|s1.p<<(2*T)|s1r.p<<T|s1r2.p,
		tk(88)|s0.p<<(2*T)|s0l.l<<T|s0r.l,
		tk(89)|n0.p<<T|n0l.l,
		// universal tags
		tk(90)|s0.u<<T|n0.u,
		tk(91)|s1.u<<T|s0.u,
		tk(92)|s1.u<<(2*T)|s0.u<<T|n0.u,
		tk(93)|s0.u<<(2*T)|n0.u<<T|n1.u,
		tk(94)|s0.w<<T|n0.u,
		tk(95)|s0.u<<W|n0.w,
	)
	return keys
}

// valencyFeatures appends the valency and label-set templates.
func valencyFeatures(s *state, keys []uint64, s0i, s1i, n0i int32, s0, s1, n0 item) []uint64 {
	var s0vl, s0vr, s1vl, s1vr, n0vl uint64
	var s0sl, s0sr, s1sl, s1sr, n0sl uint64
	if s0i != none {
		s0vl, s0vr = small(s.nl[s0i]), small(s.nr[s0i])
		s0sl, s0sr = setHash(s.lset[s0i]), setHash(s.rset[s0i])
	}
	if s1i != none {
		s1vl, s1vr = small(s.nl[s1i]), small(s.nr[s1i])
		s1sl, s1sr = setHash(s.lset[s1i]), setHash(s.rset[s1i])
	}
	n0vl, n0sl = small(s.nl[n0i]), setHash(s.lset[n0i])
	const S = smallBits
	return append(keys,
		tk(53)|s0.w<<S|s0vr, tk(54)|s0.p<<S|s0vr,
		tk(55)|s0.w<<S|s0vl, tk(56)|s0.p<<S|s0vl,
		tk(57)|n0.w<<S|n0vl, tk(58)|n0.p<<S|n0vl,
		tk(59)|s1.p<<(2*S)|s1vl<<S|s1vr,
		tk(96)|s0.w<<setBits|s0sr, tk(97)|s0.p<<setBits|s0sr,
		tk(98)|s0.w<<setBits|s0sl, tk(99)|s0.p<<setBits|s0sl,
		tk(100)|n0.w<<setBits|n0sl, tk(101)|n0.p<<setBits|n0sl,
		tk(102)|s1.p<<setBits|s1sr, tk(103)|s1.p<<setBits|s1sl,
	)
}

package coref

// Scores are coreference F1 scores in percent.
type Scores struct {
	MUC   float64 `json:"muc"`   // link-based F1 (Vilain et al. 1995)
	B3    float64 `json:"b3"`    // mention-based F1 (Bagga and Baldwin 1998)
	CEAFe float64 `json:"ceafe"` // entity-based F1 with the φ4 similarity (Luo 2005)
	Avg   float64 `json:"avg"`   // mean of the three, the CoNLL-2012 score
}

// tally accumulates the numerators and denominators of the three metrics
// over documents, so that scores are micro-averaged as in CoNLL-2012.
type tally struct {
	mucRN, mucRD, mucPN, mucPD float64
	b3RN, b3RD, b3PN, b3PD     float64
	ceafSim, ceafK, ceafR      float64
}

// add scores one document's key (gold) and response (predicted) chains.
// Chains are lists of mention ids; a mention id appears in at most one
// chain on each side.
func (t *tally) add(key, resp [][]span) {
	kOf, rOf := chainOf(key), chainOf(resp)
	n, d := muc(key, rOf)
	t.mucRN, t.mucRD = t.mucRN+n, t.mucRD+d
	n, d = muc(resp, kOf)
	t.mucPN, t.mucPD = t.mucPN+n, t.mucPD+d
	n, d = b3(key, rOf, len(resp))
	t.b3RN, t.b3RD = t.b3RN+n, t.b3RD+d
	n, d = b3(resp, kOf, len(key))
	t.b3PN, t.b3PD = t.b3PN+n, t.b3PD+d
	t.ceafSim += ceafe(key, resp, rOf)
	t.ceafK += float64(len(key))
	t.ceafR += float64(len(resp))
}

// scores turns the tally into F1 scores.
func (t *tally) scores() Scores {
	s := Scores{
		MUC:   f1(ratio(t.mucPN, t.mucPD), ratio(t.mucRN, t.mucRD)),
		B3:    f1(ratio(t.b3PN, t.b3PD), ratio(t.b3RN, t.b3RD)),
		CEAFe: f1(ratio(t.ceafSim, t.ceafR), ratio(t.ceafSim, t.ceafK)),
	}
	s.Avg = (s.MUC + s.B3 + s.CEAFe) / 3
	return s
}

func ratio(n, d float64) float64 {
	if d == 0 {
		return 0
	}
	return n / d
}

// f1 returns the harmonic mean of precision and recall, in percent.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 100 * 2 * p * r / (p + r)
}

// chainOf maps each mention to the index of its chain.
func chainOf(chains [][]span) map[span]int {
	m := map[span]int{}
	for i, c := range chains {
		for _, x := range c {
			m[x] = i
		}
	}
	return m
}

// muc returns Σ(|K| − p(K)) and Σ(|K| − 1) over chains K, where p(K) is the
// number of parts the other side's chains cut K into; mentions the other
// side lacks are parts of their own.
func muc(chains [][]span, other map[span]int) (num, den float64) {
	for _, c := range chains {
		parts := map[int]bool{}
		alone := 0
		for _, x := range c {
			if j, ok := other[x]; ok {
				parts[j] = true
			} else {
				alone++
			}
		}
		num += float64(len(c) - len(parts) - alone)
		den += float64(len(c) - 1)
	}
	return num, den
}

// b3 returns Σ over chains K of Σ over other-side chains O of |K∩O|²/|K|,
// and the number of mentions in chains.
func b3(chains [][]span, other map[span]int, nOther int) (num, den float64) {
	for _, c := range chains {
		overlap := map[int]int{}
		for _, x := range c {
			if j, ok := other[x]; ok {
				overlap[j]++
			}
		}
		for _, n := range overlap {
			num += float64(n*n) / float64(len(c))
		}
		den += float64(len(c))
	}
	return num, den
}

// ceafe returns the total φ4 similarity of the best one-to-one alignment of
// key and response chains, φ4(K, R) = 2|K∩R| / (|K| + |R|). The alignment is
// solved per connected group of overlapping chains with the Hungarian
// method, which gives the same optimum as solving the whole matrix.
func ceafe(key, resp [][]span, rOf map[span]int) float64 {
	overlap := make([]map[int]int, len(key))
	parent := make([]int, len(key)+len(resp))
	for i := range parent {
		parent[i] = i
	}
	for i, c := range key {
		overlap[i] = map[int]int{}
		for _, x := range c {
			if j, ok := rOf[x]; ok {
				overlap[i][j]++
				union(parent, i, len(key)+j)
			}
		}
	}
	groups := map[int][2][]int{}
	for i := range key {
		if len(overlap[i]) == 0 {
			continue
		}
		g := groups[find(parent, i)]
		g[0] = append(g[0], i)
		groups[find(parent, i)] = g
	}
	for j := range resp {
		root := find(parent, len(key)+j)
		if g, ok := groups[root]; ok {
			g[1] = append(g[1], j)
			groups[root] = g
		}
	}
	total := 0.0
	for _, g := range groups {
		sim := make([][]float64, len(g[0]))
		for a, i := range g[0] {
			sim[a] = make([]float64, len(g[1]))
			for b, j := range g[1] {
				sim[a][b] = 2 * float64(overlap[i][j]) / float64(len(key[i])+len(resp[j]))
			}
		}
		total += maxAssignment(sim)
	}
	return total
}

func find(parent []int, i int) int {
	for parent[i] != i {
		parent[i] = parent[parent[i]]
		i = parent[i]
	}
	return i
}

func union(parent []int, a, b int) { parent[find(parent, a)] = find(parent, b) }

package parser

import (
	"math"
	"slices"
)

// trainWeights are the perceptron's weights while training: a map from
// feature key to a short list of per-class entries. Averaging uses the
// running sum trick: the average is w - u/count.
type trainWeights struct {
	index keyTable
	feats [][]tEntry
	count float64 // number of training instances seen so far
}

type tEntry struct {
	c uint16  // class
	w float32 // current weight
	u float64 // sum of count*delta over updates
}

func newTrainWeights() *trainWeights {
	return &trainWeights{index: newKeyTable(1 << 20)}
}

// score sets scores to the current weights' sums over keys.
func (t *trainWeights) score(keys []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, k := range keys {
		f := t.index.get(k)
		if f < 0 {
			continue
		}
		for _, e := range t.feats[f] {
			scores[e.c] += e.w
		}
	}
}

// update adds delta to the weight of class c for every key.
func (t *trainWeights) update(keys []uint64, c int, delta float32) {
	for _, k := range keys {
		f := t.index.get(k)
		if f < 0 {
			f = int32(len(t.feats))
			t.index.put(k, f)
			t.feats = append(t.feats, nil)
		}
		es := t.feats[f]
		j := 0
		for j < len(es) && int(es[j].c) != c {
			j++
		}
		if j == len(es) {
			es = append(es, tEntry{c: uint16(c)})
			t.feats[f] = es
		}
		es[j].w += delta
		es[j].u += t.count * float64(delta)
	}
}

// average returns the averaged weights as flat inference arrays, dropping
// weights whose magnitude is below minWeight.
func (t *trainWeights) average(minWeight float64, nClass int) weights {
	var w weights
	w.start = append(w.start, 0)
	c := math.Max(t.count, 1)
	keys := t.index.sortedKeys()
	for _, k := range keys {
		f := t.index.get(k)
		n := 0
		for _, e := range t.feats[f] {
			avg := float64(e.w) - e.u/c
			if math.Abs(avg) < minWeight {
				continue
			}
			w.ent = append(w.ent, packEntry(int(e.c), float32(avg)))
			n++
		}
		if n == 0 {
			continue
		}
		w.keys = append(w.keys, k)
		w.start = append(w.start, uint32(len(w.ent)))
	}
	w.index(nClass)
	return w
}

// keyTable maps nonzero feature keys to feature indexes by open addressing;
// it grows to stay at most half full.
type keyTable struct {
	keys  []uint64
	vals  []int32
	n     int
	shift uint
}

func newKeyTable(size int) keyTable {
	bits := uint(4)
	for 1<<bits < size {
		bits++
	}
	return keyTable{keys: make([]uint64, 1<<bits), vals: make([]int32, 1<<bits), shift: 64 - bits}
}

// get returns the value of k, or -1.
func (t *keyTable) get(k uint64) int32 {
	mask := uint64(len(t.keys) - 1)
	for i := hashSlot(k, t.shift); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return -1
		}
	}
}

// put sets the value of k, which must not be in the table yet.
func (t *keyTable) put(k uint64, v int32) {
	if 2*(t.n+1) > len(t.keys) {
		old := *t
		*t = newKeyTable(2 * len(old.keys))
		for i, ok := range old.keys {
			if ok != 0 {
				t.put(ok, old.vals[i])
			}
		}
	}
	mask := uint64(len(t.keys) - 1)
	i := hashSlot(k, t.shift)
	for t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = k, v
	t.n++
}

func (t *keyTable) sortedKeys() []uint64 {
	out := make([]uint64, 0, t.n)
	for _, k := range t.keys {
		if k != 0 {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

package tagger

import "math/bits"

// table is an open-addressing hash table from nonzero uint64 keys to uint32
// values, stored as two flat arrays so that it builds and loads fast.
type table struct {
	keys []uint64
	vals []uint32
	mask uint64
}

// newTable returns an empty table sized for n keys at a load factor of at
// most one half.
func newTable(n int) table {
	size := 1 << max(4, bits.Len(uint(2*n)))
	return table{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1)}
}

// put stores v under the nonzero key k, replacing any value already there.
func (t *table) put(k uint64, v uint32) {
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i], t.vals[i] = k, v
			return
		}
	}
}

// get returns the value stored under k.
func (t *table) get(k uint64) (uint32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

package parser

import "math"

// weights are the averaged perceptron's weights in flat arrays. Feature f
// owns entries start[f]..start[f+1] of ent; each entry is a float32 weight
// whose lowest 8 mantissa bits are replaced by its class, so one 4-byte load
// gives both (the weight keeps 15 bits of precision, plenty for a
// perceptron). A power-of-two open-addressing table maps a feature key to
// its entries. A feature with one or two entries keeps them in its slot, so
// it costs a single cache miss; longer rows are copied behind a count in
// rows.
type weights struct {
	keys  []uint64  // key of each feature, ascending
	start []uint32  // first entry of each feature; len(keys)+1 values
	ent   []uint32  // packed (weight, class) entries
	table []slot    // open-addressing index over keys
	rows  []uint32  // rows of three or more entries, each after its length
	dense []float32 // rows of many entries, nClass weights each
	shift uint      // 64 - log2(len(table))
}

// slot is one cell of the lookup table. When y is external, x is the offset
// of the feature's row in rows; otherwise x and y are its entries (a zero
// entry adds nothing).
type slot struct {
	key  uint64 // 0 when empty (no feature key is 0)
	x, y uint32
}

// external marks a slot whose entries are in rows, and dense one whose
// weights are a full row in dense; no entry has these bits (they would be a
// NaN weight).
const (
	external = 0xFFFFFFFF
	dense    = 0xFFFFFFFE
)

const classMask = 0xFF

func packEntry(c int, w float32) uint32 { return math.Float32bits(w)&^classMask | uint32(c) }

func entryClass(e uint32) int      { return int(e & classMask) }
func entryWeight(e uint32) float32 { return math.Float32frombits(e &^ classMask) }

func hashSlot(k uint64, shift uint) uint64 { return (k * 0x9E3779B97F4A7C15) >> shift }

// index builds the lookup table over w.keys for a model of nClass classes.
// Rows with a quarter of the classes or more are stored dense, which adds
// faster than entry by entry.
func (w *weights) index(nClass int) {
	size, bits := 1, uint(0)
	for size < 2*len(w.keys)+2 {
		size <<= 1
		bits++
	}
	w.table = make([]slot, size)
	w.rows, w.dense = w.rows[:0], w.dense[:0]
	w.shift = 64 - bits
	mask := uint64(size - 1)
	for f, k := range w.keys {
		i := hashSlot(k, w.shift)
		for w.table[i].key != 0 {
			i = (i + 1) & mask
		}
		row := w.ent[w.start[f]:w.start[f+1]]
		sl := slot{key: k}
		switch len(row) {
		case 2:
			sl.x, sl.y = row[0], row[1]
		case 1:
			sl.x = row[0]
		case 0:
		default:
			if len(row) >= max(8, nClass/4) {
				sl.x, sl.y = uint32(len(w.dense)), dense
				w.dense = append(w.dense, make([]float32, nClass)...)
				for _, e := range row {
					if c := entryClass(e); c < nClass {
						w.dense[int(sl.x)+c] = entryWeight(e)
					}
				}
				break
			}
			sl.x, sl.y = uint32(len(w.rows)), external
			w.rows = append(w.rows, uint32(len(row)))
			w.rows = append(w.rows, row...)
		}
		w.table[i] = sl
	}
}

// add adds the weights of entries to scores.
func add(scores []float32, entries ...uint32) {
	for _, e := range entries {
		if c := int(e & classMask); c < len(scores) {
			scores[c] += math.Float32frombits(e &^ classMask)
		}
	}
}

// cacheBits sizes a parser's feature cache: 4096 entries of 32 bytes stay in
// the core's L2 cache.
const cacheBits = 12

// featureCache remembers recent lookups, hits and misses alike. Features
// repeat heavily between transitions of a sentence (the buffer front's
// features survive a LEFT) and between sentences (tag templates), and the
// table itself is far larger than the CPU's caches.
type featureCache struct {
	entries [1 << cacheBits]cached
	sink    uint64 // keeps the touching loads alive
}

type cached struct {
	key uint64 // the feature key, 0 for an unused entry
	s   slot   // the table's slot; s.key is 0 when the feature is unknown
}

// score sets scores to the sums of the weights of every feature in keys.
// Classes beyond len(scores) are ignored.
func (w *weights) score(keys []uint64, scores []float32, fc *featureCache) {
	for i := range scores {
		scores[i] = 0
	}
	if len(w.table) == 0 {
		return
	}
	// Touch the table slots of the features the cache lacks first: these
	// loads do not depend on each other, so the CPU overlaps their misses.
	var touched uint64
	for _, k := range keys {
		if fc.entries[hashSlot(k, 64-cacheBits)].key != k {
			touched += w.table[hashSlot(k, w.shift)].key
		}
	}
	fc.sink = touched
	for _, k := range keys {
		c := &fc.entries[hashSlot(k, 64-cacheBits)]
		if c.key != k {
			c.key, c.s = k, w.find(k)
		}
		s := c.s
		switch {
		case s.key == 0:
		case s.y == dense:
			row := w.dense[s.x:]
			row = row[:min(len(row), len(scores))]
			sc := scores[:len(row)]
			for i, v := range row {
				sc[i] += v
			}
		case s.y != external:
			add(scores, s.x, s.y)
		default:
			n := w.rows[s.x]
			add(scores, w.rows[s.x+1:s.x+1+n]...)
		}
	}
}

// find returns the slot of k, or an empty slot.
func (w *weights) find(k uint64) slot {
	mask := uint64(len(w.table) - 1)
	i := hashSlot(k, w.shift)
	for w.table[i].key != k && w.table[i].key != 0 {
		i = (i + 1) & mask
	}
	return w.table[i]
}

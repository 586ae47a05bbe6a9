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
// faster than entry by entry. The table is far larger than the CPU's caches,
// so inserting features in key order would miss the cache on every write:
// index first groups the finished slots by the leading bits of their home
// position (a counting sort whose write streams fit in the L2 cache), then
// inserts them region by region. Insertion order does not change lookups.
func (w *weights) index(nClass int) {
	size, bits := 1, uint(0)
	for size < len(w.keys)+len(w.keys)/2+2 { // at most two-thirds full
		size <<= 1
		bits++
	}
	w.shift = 64 - bits
	w.sizeRows(nClass)
	sorted := w.groupSlots(min(bits, orderBits), nClass)
	w.table = make([]slot, size)
	mask := uint64(size - 1)
	for _, sl := range sorted {
		i := hashSlot(sl.key, w.shift)
		for w.table[i].key != 0 {
			i = (i + 1) & mask
		}
		w.table[i] = sl
	}
}

// isDense reports whether a row of n entries is stored as a dense row.
func isDense(n, nClass int) bool { return n >= max(8, nClass/4) }

// sizeRows allocates w.rows and w.dense at their final sizes (empty).
func (w *weights) sizeRows(nClass int) {
	nr, nd := 0, 0
	for f := range w.keys {
		switch n := int(w.start[f+1] - w.start[f]); {
		case n <= 2:
		case isDense(n, nClass):
			nd += nClass
		default:
			nr += 1 + n
		}
	}
	w.rows, w.dense = make([]uint32, 0, nr), make([]float32, 0, nd)
}

// orderBits is the number of leading slot bits index groups by: 2048
// groups, whose write positions all fit in the L2 cache.
const orderBits = 11

// groupSlots returns the slot of every feature, grouped by the leading sb
// bits of its home position, appending longer rows to w.rows and w.dense.
func (w *weights) groupSlots(sb uint, nClass int) []slot {
	shift := 64 - sb
	var next [1 << orderBits]uint32
	for _, k := range w.keys {
		next[hashSlot(k, shift)]++
	}
	sum := uint32(0)
	for b, c := range next[:1<<sb] {
		next[b], sum = sum, sum+c
	}
	sorted := make([]slot, len(w.keys))
	for f, k := range w.keys {
		b := hashSlot(k, shift)
		sorted[next[b]] = w.slotOf(k, w.ent[w.start[f]:w.start[f+1]], nClass)
		next[b]++
	}
	return sorted
}

// slotOf returns the table slot of feature k with entries row.
func (w *weights) slotOf(k uint64, row []uint32, nClass int) slot {
	sl := slot{key: k}
	switch {
	case len(row) == 2:
		sl.x, sl.y = row[0], row[1]
	case len(row) == 1:
		sl.x = row[0]
	case len(row) == 0:
	case isDense(len(row), nClass):
		sl.x, sl.y = uint32(len(w.dense)), dense
		w.dense = append(w.dense, make([]float32, nClass)...)
		for _, e := range row {
			if c := entryClass(e); c < nClass {
				w.dense[int(sl.x)+c] = entryWeight(e)
			}
		}
	default:
		sl.x, sl.y = uint32(len(w.rows)), external
		w.rows = append(w.rows, uint32(len(row)))
		w.rows = append(w.rows, row...)
	}
	return sl
}

// add adds the weights of entries to scores.
// addRow adds a dense row to scores, eight classes at a time (the loop the
// parser spends most of its time in).
func addRow(scores, row []float32) {
	n := min(len(row), len(scores))
	sc, row := scores[:n:n], row[:n:n]
	i := 0
	for ; i+8 <= n; i += 8 {
		s, r := sc[i:i+8:i+8], row[i:i+8:i+8]
		s[0] += r[0]
		s[1] += r[1]
		s[2] += r[2]
		s[3] += r[3]
		s[4] += r[4]
		s[5] += r[5]
		s[6] += r[6]
		s[7] += r[7]
	}
	for ; i < n; i++ {
		sc[i] += row[i]
	}
}

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
	slots   []slot // scratch: the slots of one scoring's features
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
	// Then touch the rows the slots point to, for the same reason, and add
	// them up only once every load is under way.
	fc.slots = fc.slots[:0]
	for _, k := range keys {
		c := &fc.entries[hashSlot(k, 64-cacheBits)]
		if c.key != k {
			c.key, c.s = k, w.find(k)
		}
		s := c.s
		switch {
		case s.key == 0:
			continue
		case s.y == dense:
			touched += uint64(math.Float32bits(w.dense[s.x]))
		case s.y == external:
			touched += uint64(w.rows[s.x])
		}
		fc.slots = append(fc.slots, s)
	}
	fc.sink = touched
	for _, s := range fc.slots {
		switch {
		case s.y == dense:
			addRow(scores, w.dense[s.x:])
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

package tagger

import "math/bits"

// wtable maps feature hashes to the weights of both taggers, left to right
// (forward) and right to left (backward). A slot is 8 bytes: a 32-bit
// fingerprint of the feature hash (its high half; the slot position comes
// from the low bits, so a false match needs about 50 equal bits) and the
// span of its weights, so a lookup touches one cache line of slots and one
// run of weights. A feature with few labels keeps a run of sparse entries,
// each packing its score index (the label, plus backOffset for the backward
// tagger) in its top 16 bits and its weight, quantized to a signed 16-bit
// integer, in the low 16 bits; forward entries come first. A feature with
// at least denseMin entries (the bias, common affixes and shapes, the
// previous labels: a few thousand features) gets a dense row of 2×nl
// weights instead, each label's forward weight followed by its backward
// one (so both come from one cache line), read without searching.
type wtable struct {
	slots   []wslot
	mask    uint64
	entries []uint32
	dense   []int16  // rows of 2*nl weights (label c: forward at 2c, backward at 2c+1), for the features with at least denseMin entries
	nl      int      // labels
	keys    []uint64 // feature hashes in entry order (for Save)
	ns      []uint8  // entries of each feature, in the same order
}

type wslot struct {
	fp   uint32 // fingerprint, 0 for an empty slot
	span uint32 // first entry << 8 | number of entries; (dense row + 1) << 8 for a dense feature
}

// denseMin is the number of entries from which a feature's weights are
// kept as a dense row. backOffset is where the backward tagger's scores
// start in a score vector (labels are below maxLabels).
const (
	denseMin   = 24
	backOffset = 256
)

// Quantization: weightBits is the width of a weight; weightMax its largest
// value. maxEntries bounds the entries a table can address.
const (
	weightBits = 16
	weightMax  = 1<<(weightBits-1) - 1
	maxEntries = 1 << 24
)

// packEntry packs the weight q of score index k (a label, plus backOffset
// for the backward tagger).
func packEntry(k int, q int32) uint32 {
	return uint32(k)<<weightBits | uint32(uint16(int16(q)))
}

// entryWeight returns the quantized weight of an entry.
func entryWeight(e uint32) int32 { return int32(int16(uint16(e))) }

func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

// buildWTable indexes features with hashes keys, whose entries are
// consecutive runs of ns[i] entries, with labels below nl. len(entries) must
// be below maxEntries.
func buildWTable(keys []uint64, ns []uint8, entries []uint32, nl int) wtable {
	size := 1 << max(4, bits.Len(uint(2*len(keys))))
	t := wtable{slots: make([]wslot, size), mask: uint64(size - 1), entries: entries, nl: nl, keys: keys, ns: ns}
	rows := 0
	for _, n := range ns {
		if int(n) >= denseMin {
			rows++
		}
	}
	t.dense = make([]int16, rows*2*nl)
	lo, row := uint32(0), uint32(0)
	for i, k := range keys {
		j := k & t.mask
		for t.slots[j].fp != 0 {
			j = (j + 1) & t.mask
		}
		n := uint32(ns[i])
		span := lo<<8 | n
		if n >= denseMin {
			r := t.dense[int(row)*2*nl : int(row+1)*2*nl]
			for _, e := range entries[lo : lo+n] {
				k := int(e >> weightBits)
				r[2*(k%backOffset)+k/backOffset] = int16(entryWeight(e))
			}
			row++
			span = row << 8
		}
		t.slots[j] = wslot{fingerprint(k), span}
		lo += n
	}
	return t
}

// span returns the packed span of feature k (see wslot), 0 when it has
// none. Looking up every feature's span before reading any weights lets the
// processor overlap the cache misses.
func (t *wtable) span(k uint64) uint32 {
	fp := fingerprint(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.fp == fp {
			return s.span
		}
		if s.fp == 0 {
			return 0
		}
	}
}

// candidates is the set of labels a word is scored for, as a list and as a
// bit set over score indexes (both directions).
type candidates struct {
	list []uint8
	set  [2 * backOffset / 64]uint64
}

func (c *candidates) reset(list []uint8) {
	c.list = list
	c.set = [len(c.set)]uint64{}
	for _, l := range list {
		c.set[l>>6] |= 1 << (l & 63)
		k := int(l) + backOffset
		c.set[k>>6] |= 1 << (k & 63)
	}
}

func (c *candidates) has(k uint32) bool { return c.set[k>>6&7]&(1<<(k&63)) != 0 }

// add adds to sc (indexed by score index) the weights, for the candidate
// labels cs, of the features with spans spans: the forward weights when
// fwd is set and the backward ones when bwd is.
func (t *wtable) add(sc []int32, spans []uint32, cs *candidates, fwd, bwd bool) {
	nl := t.nl
	for _, sp := range spans {
		if n := sp & 0xff; n != 0 {
			lo := sp >> 8
			for _, e := range t.entries[lo : lo+n] {
				if k := e >> weightBits; cs.has(k) {
					sc[k] += entryWeight(e)
				}
			}
			continue
		}
		r := int(sp>>8-1) * 2 * nl
		row := t.dense[r : r+2*nl]
		switch {
		case fwd && bwd:
			for _, c := range cs.list {
				sc[c] += int32(row[2*int(c)])
				sc[int(c)+backOffset] += int32(row[2*int(c)+1])
			}
		case fwd:
			for _, c := range cs.list {
				sc[c] += int32(row[2*int(c)])
			}
		default:
			for _, c := range cs.list {
				sc[int(c)+backOffset] += int32(row[2*int(c)+1])
			}
		}
	}
}

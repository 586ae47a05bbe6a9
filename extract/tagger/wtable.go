package tagger

import "math/bits"

// wtable maps feature hashes to their weights. A slot is 8 bytes: a 32-bit
// fingerprint of the feature hash (its high half; the slot position comes
// from the low bits, so a false match needs about 50 equal bits) and the
// span of its entries, so a lookup touches one cache line of slots and one
// run of entries. An entry packs the label in its top 16 bits and the
// weight, quantized to a signed 16-bit integer, in the low 16 bits.
type wtable struct {
	slots   []wslot
	mask    uint64
	entries []uint32
	keys    []uint64 // feature hashes in entry order (for Save)
	ns      []uint8  // entries of each feature, in the same order
}

type wslot struct {
	fp   uint32 // fingerprint, 0 for an empty slot
	span uint32 // first entry << 8 | number of entries
}

// Quantization: weightBits is the width of a weight; weightMax its largest
// value. maxEntries bounds the entries a table can address.
const (
	weightBits = 16
	weightMax  = 1<<(weightBits-1) - 1
	maxEntries = 1 << 24
)

func packEntry(label int, q int32) uint32 {
	return uint32(label)<<weightBits | uint32(uint16(int16(q)))
}

// entryWeight returns the quantized weight of an entry.
func entryWeight(e uint32) int32 { return int32(int16(uint16(e))) }

func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

// buildWTable indexes features with hashes keys, whose entries are
// consecutive runs of ns[i] entries. len(entries) must be below maxEntries.
func buildWTable(keys []uint64, ns []uint8, entries []uint32) wtable {
	size := 1 << max(4, bits.Len(uint(2*len(keys))))
	t := wtable{slots: make([]wslot, size), mask: uint64(size - 1), entries: entries, keys: keys, ns: ns}
	lo := uint32(0)
	for i, k := range keys {
		j := k & t.mask
		for t.slots[j].fp != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = wslot{fingerprint(k), lo<<8 | uint32(ns[i])}
		lo += uint32(ns[i])
	}
	return t
}

// span returns the packed span (first entry << 8 | count) of feature k, 0
// when it has none. Looking up every feature's span before reading any
// entries lets the processor overlap the cache misses.
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

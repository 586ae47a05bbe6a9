package parser

import (
	"encoding/binary"
	"errors"
	"math"
)

var errCorrupt = errors.New("corrupt parser model")

// decoder reads the flat model format, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		d.err = errCorrupt
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length that must fit in the remaining bytes at size bytes
// per element.
func (d *decoder) count(size int) int {
	v := d.uvarint()
	if v > uint64(len(d.b)/size) {
		d.err = errCorrupt
		return 0
	}
	return int(v)
}

func (d *decoder) strings() []string {
	n := d.count(1)
	out := make([]string, 0, n)
	for range n {
		out = append(out, string(d.take(d.count(1))))
	}
	return out
}

// weights reads the feature table; classes must be below nClass.
func (d *decoder) weights(w *weights, nClass int) {
	nf := d.count(2)
	ne := d.count(4)
	w.keys = make([]uint64, nf)
	w.start = make([]uint32, nf+1)
	prev, total := uint64(0), uint64(0)
	for f := range nf {
		k := prev + d.uvarint()
		if d.err != nil || k == 0 || (f > 0 && k <= prev) {
			d.err = errCorrupt
			return
		}
		w.keys[f], prev = k, k
		total += d.uvarint()
		if total > uint64(ne) {
			d.err = errCorrupt
			return
		}
		w.start[f+1] = uint32(total)
	}
	if total != uint64(ne) {
		d.err = errCorrupt
		return
	}
	raw := d.take(4 * ne)
	if d.err != nil {
		return
	}
	w.ent = make([]uint32, ne)
	for i := range w.ent {
		e := binary.LittleEndian.Uint32(raw[4*i:])
		// A NaN or infinite weight is corrupt, and could pose as the
		// external or dense marker of a table slot.
		if w := float64(entryWeight(e)); entryClass(e) >= nClass || math.IsNaN(w) || math.IsInf(w, 0) {
			d.err = errCorrupt
			return
		}
		w.ent[i] = e
	}
}

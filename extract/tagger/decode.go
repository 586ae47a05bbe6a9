package tagger

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

var errShort = errors.New("model file truncated")

// decoder reads the little-endian arrays of a model file, remembering the
// first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		if d.err == nil {
			d.err = errShort
		}
		return nil
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p
}

func (d *decoder) u32() uint32 {
	if p := d.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (d *decoder) u64() uint64 {
	if p := d.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

func (d *decoder) str() string {
	p := d.take(2)
	if p == nil {
		return ""
	}
	return string(d.take(int(binary.LittleEndian.Uint16(p))))
}

// count reads a length and checks that at least size bytes per item remain.
func (d *decoder) count(size int) int {
	n := int(d.u32())
	if d.err == nil && n*size > len(d.b) {
		d.err = errShort
		return 0
	}
	return n
}

func (d *decoder) table(limit int) table {
	n := d.count(12)
	t := newTable(n)
	for range n {
		k, v := d.u64(), d.u32()
		if k == 0 || int(v) >= limit {
			d.fail("bad table entry")
			return t
		}
		t.put(k, v)
	}
	return t
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = errors.New(msg)
	}
}

func (d *decoder) model() *Model {
	if string(d.take(len(magic))) != magic {
		d.fail("not a tagger model")
		return nil
	}
	v := d.u32()
	if d.err == nil && v != version {
		d.err = fmt.Errorf("model version %d, want %d", v, version)
		return nil
	}
	m := &Model{}
	nl := d.count(4)
	if nl > maxLabels {
		d.fail("too many labels")
		return nil
	}
	for range nl {
		m.upos = append(m.upos, d.str())
		m.xpos = append(m.xpos, d.str())
	}
	nf := d.count(2)
	m.feats = make([]string, nf)
	for i := range m.feats {
		m.feats[i] = d.str()
	}
	m.featDefault = make([]uint32, nl)
	for i := range m.featDefault {
		if m.featDefault[i] = d.u32(); int(m.featDefault[i]) >= nf {
			d.fail("bad default features")
		}
	}
	m.featKeys = d.table(nf)
	m.ac = d.table(math.MaxUint32)
	m.fixed = d.table(nl)
	m.weights = d.weights(len(m.upos))
	m.back = d.weights(len(m.upos))
	if d.err == nil && len(d.b) != 0 {
		d.fail("trailing bytes in model file")
	}
	return m
}

// weights reads a weight table whose labels are below nl.
func (d *decoder) weights(nl int) wtable {
	n := d.count(2)
	nw := d.count(3)
	keys := d.take(int(d.u32()))
	counts := d.take(n)
	labels := d.take(nw)
	wts := d.take(2 * nw)
	if d.err != nil {
		return wtable{}
	}
	entries := make([]uint32, nw)
	for i, l := range labels {
		if int(l) >= nl {
			d.fail("bad weight label")
			return wtable{}
		}
		entries[i] = uint32(l)<<weightBits | uint32(binary.LittleEndian.Uint16(wts[2*i:]))
	}
	ks := make([]uint64, n)
	total, k := 0, uint64(0)
	for i := range n {
		delta, size := binary.Uvarint(keys)
		if size <= 0 || delta == 0 || counts[i] == 0 {
			d.fail("bad feature")
			return wtable{}
		}
		keys = keys[size:]
		k += delta
		ks[i] = k
		total += int(counts[i])
	}
	if total != nw || len(keys) != 0 || nw >= maxEntries {
		d.fail("weight counts do not add up")
		return wtable{}
	}
	t := buildWTable(ks, slices.Clone(counts), entries)
	return t
}

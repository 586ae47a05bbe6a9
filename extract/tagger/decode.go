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
	m.cands = d.table(math.MaxUint32)
	m.candLabels = slices.Clone(d.take(d.count(1)))
	d.checkCands(m.cands, m.candLabels, nl)
	if m.open = d.u32(); m.open != 0 {
		d.checkSpan(m.open, len(m.candLabels))
	}
	m.all = make([]uint8, nl)
	for i := range m.all {
		m.all[i] = uint8(i)
	}
	m.weights = d.weights(nl)
	if d.err == nil && len(d.b) != 0 {
		d.fail("trailing bytes in model file")
	}
	return m
}

// checkCands checks that every tag dictionary span lies inside labels and
// that labels are below nl.
func (d *decoder) checkCands(t table, labels []uint8, nl int) {
	for _, l := range labels {
		if int(l) >= nl {
			d.fail("bad candidate label")
			return
		}
	}
	for i, k := range t.keys {
		if k != 0 {
			d.checkSpan(t.vals[i], len(labels))
		}
	}
}

// checkSpan checks that the span v (first << 8 | count) of candidate labels
// is not empty and ends by n.
func (d *decoder) checkSpan(v uint32, n int) {
	if v&0xff == 0 || int(v>>8+v&0xff) > n {
		d.fail("bad candidate span")
	}
}

// weights reads a weight table whose labels are below nl.
func (d *decoder) weights(nl int) wtable {
	n := d.count(3)
	nw := d.count(3)
	keys := d.take(int(d.u32()))
	counts := d.take(n)
	fwds := d.take(n)
	labels := d.take(nw)
	wts := d.take(2 * nw)
	if d.err != nil {
		return wtable{}
	}
	entries := make([]uint32, nw)
	ks := make([]uint64, n)
	total, k := 0, uint64(0)
	for i := range n {
		delta, size := binary.Uvarint(keys)
		if size <= 0 || delta == 0 || counts[i] == 0 || fwds[i] > counts[i] || total+int(counts[i]) > nw {
			d.fail("bad feature")
			return wtable{}
		}
		keys = keys[size:]
		k += delta
		ks[i] = k
		for j := range int(counts[i]) {
			e := total + j
			l := int(labels[e])
			if l >= nl {
				d.fail("bad weight label")
				return wtable{}
			}
			if j >= int(fwds[i]) {
				l += backOffset
			}
			entries[e] = uint32(l)<<weightBits | uint32(binary.LittleEndian.Uint16(wts[2*e:]))
		}
		total += int(counts[i])
	}
	if total != nw || len(keys) != 0 || nw >= maxEntries {
		d.fail("weight counts do not add up")
		return wtable{}
	}
	return buildWTable(ks, slices.Clone(counts), entries, nl)
}

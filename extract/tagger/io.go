package tagger

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"

	"github.com/klauspost/compress/zstd"

	"github.com/kgnews/kg/extract/internal/modelfile"
)

// FileName is the name of the model file in a models folder.
const FileName = "tagger.bin.zst"

const (
	magic   = "KGTAGGER"
	version = 5 // 5: one weight table for both directions, a tag dictionary
)

// Save writes the model to w as zstd-compressed little-endian arrays.
func (m *Model) Save(w io.Writer) error {
	// One encoder goroutine keeps the output the same bytes on every run.
	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	e := &encoder{w: bufio.NewWriterSize(zw, 1<<16)}
	e.bytes([]byte(magic))
	e.u32(version)
	e.u32(uint32(len(m.upos)))
	for i := range m.upos {
		e.str(m.upos[i])
		e.str(m.xpos[i])
	}
	e.u32(uint32(len(m.feats)))
	for _, f := range m.feats {
		e.str(f)
	}
	for _, d := range m.featDefault {
		e.u32(d)
	}
	for _, t := range []*table{&m.featKeys, &m.ac, &m.fixed, &m.cands} {
		keys, vals := t.pairs()
		e.u32(uint32(len(keys)))
		for i := range keys {
			e.u64(keys[i])
			e.u32(vals[i])
		}
	}
	e.u32(uint32(len(m.candLabels)))
	e.bytes(m.candLabels)
	e.u32(m.open)
	e.weights(&m.weights)
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("save tagger: %w", e.err)
	}
	return nil
}

// encoder writes little-endian values, remembering the first error.
type encoder struct {
	w   *bufio.Writer
	tmp [8]byte
	err error
}

func (e *encoder) bytes(p []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(p)
	}
}

func (e *encoder) u32(v uint32) {
	binary.LittleEndian.PutUint32(e.tmp[:], v)
	e.bytes(e.tmp[:4])
}

func (e *encoder) u64(v uint64) {
	binary.LittleEndian.PutUint64(e.tmp[:], v)
	e.bytes(e.tmp[:8])
}

func (e *encoder) str(s string) {
	if len(s) > math.MaxUint16 {
		e.err = errors.New("string too long")
		return
	}
	binary.LittleEndian.PutUint16(e.tmp[:], uint16(len(s)))
	e.bytes(e.tmp[:2])
	e.bytes([]byte(s))
}

// weights writes a weight table: its feature count and entry count, the
// feature keys in entry order (increasing) as uvarint deltas, each
// feature's entry count and forward entry count, the entries' labels, then
// their weights as int16.
func (e *encoder) weights(t *wtable) {
	e.u32(uint32(len(t.keys)))
	e.u32(uint32(len(t.entries)))
	buf := make([]byte, 0, 8*len(t.keys))
	prev := uint64(0)
	for _, k := range t.keys {
		buf = binary.AppendUvarint(buf, k-prev)
		prev = k
	}
	e.u32(uint32(len(buf)))
	e.bytes(buf)
	buf = append(buf[:0], t.ns...)
	lo := 0
	for _, n := range t.ns {
		fwd := 0
		for _, v := range t.entries[lo : lo+int(n)] {
			fwd += b2i(v>>weightBits < backOffset)
		}
		buf = append(buf, byte(fwd))
		lo += int(n)
	}
	for _, v := range t.entries {
		buf = append(buf, byte(v>>weightBits%backOffset))
	}
	for _, v := range t.entries {
		buf = binary.LittleEndian.AppendUint16(buf, uint16(v))
	}
	e.bytes(buf)
}

// pairs returns the keys of t in increasing order with their values.
func (t *table) pairs() ([]uint64, []uint32) {
	idx := make([]int, 0, len(t.keys)/2)
	for i, k := range t.keys {
		if k != 0 {
			idx = append(idx, i)
		}
	}
	sort.Slice(idx, func(a, b int) bool { return t.keys[idx[a]] < t.keys[idx[b]] })
	keys, vals := make([]uint64, len(idx)), make([]uint32, len(idx))
	for i, j := range idx {
		keys[i], vals[i] = t.keys[j], t.vals[j]
	}
	return keys, vals
}

// Load reads the model file FileName from fsys.
func Load(fsys fs.FS) (*Model, error) {
	return modelfile.Load(fsys, FileName, "tagger", Read)
}

// maxModelBytes bounds the inflated size of a model file Read accepts.
const maxModelBytes = 1 << 30

// Read reads a model written by Save. zstd inflates about four times as
// fast as gzip at a smaller size, which matters for the load budget.
func Read(r io.Reader) (*Model, error) {
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxModelBytes))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, err
	}
	d := &decoder{b: buf.Bytes()}
	m := d.model()
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

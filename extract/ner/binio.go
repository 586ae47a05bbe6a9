package ner

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// encoder writes varints, strings and raw bytes, remembering the first error.
type encoder struct {
	w   *bufio.Writer
	err error
}

func (e *encoder) uvarint(v uint64) {
	if e.err == nil {
		_, e.err = e.w.Write(binary.AppendUvarint(nil, v))
	}
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) bool(b bool) {
	v := uint64(0)
	if b {
		v = 1
	}
	e.uvarint(v)
}

func (e *encoder) float64(f float64) {
	e.bytes(binary.LittleEndian.AppendUint64(nil, math.Float64bits(f)))
}

// decoder reads what encoder writes, remembering the first error.
type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = fmt.Errorf("truncated: %w", err)
	}
	return v
}

// count reads a length and checks it against limit.
func (d *decoder) count(limit int) int {
	v := d.uvarint()
	if d.err == nil && v > uint64(limit) {
		d.err = fmt.Errorf("count %d over limit %d", v, limit)
		return 0
	}
	return int(v)
}

// bytes reads n bytes. Large reads grow their buffer as data arrives, so
// a corrupt length cannot make it allocate more than the stream holds.
func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > 1<<16 {
		b, err := io.ReadAll(io.LimitReader(d.r, int64(n)))
		if err == nil && len(b) < n {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			d.err = fmt.Errorf("truncated: %w", err)
			return nil
		}
		return b
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = fmt.Errorf("truncated: %w", err)
		return nil
	}
	return b
}

func (d *decoder) str() string {
	return string(d.bytes(d.count(maxStrLen)))
}

func (d *decoder) bool() bool { return d.uvarint() == 1 }

func (d *decoder) float64() float64 {
	b := d.bytes(8)
	if b == nil {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

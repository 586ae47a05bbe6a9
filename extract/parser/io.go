package parser

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
)

// FileName is the name of the model file inside a models folder.
const FileName = "parser.bin.gz"

const magic = "KGPARSE1"

// Save writes the model as flat arrays in a gzip stream of stored
// (uncompressed) blocks. The weights are near-random floats that deflate
// shrinks by a fifth only, while inflating them took over half the load
// time; stored blocks read at memory speed and stay checksummed.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.NoCompression)
	if err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	b := []byte(magic)
	for _, vocab := range [][]string{idOrder(m.words), idOrder(m.xpos), idOrder(m.upos), m.labels} {
		b = binary.AppendUvarint(b, uint64(len(vocab)))
		for _, s := range vocab {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	wt := &m.wt
	b = binary.AppendUvarint(b, uint64(len(wt.keys)))
	b = binary.AppendUvarint(b, uint64(len(wt.ent)))
	prev := uint64(0)
	for f, k := range wt.keys {
		b = binary.AppendUvarint(b, k-prev)
		b = binary.AppendUvarint(b, uint64(wt.start[f+1]-wt.start[f]))
		prev = k
		if len(b) > 1<<16 {
			if _, err := bw.Write(b); err != nil {
				return fmt.Errorf("save parser: %w", err)
			}
			b = b[:0]
		}
	}
	for _, e := range wt.ent {
		b = binary.LittleEndian.AppendUint32(b, e)
	}
	if _, err := bw.Write(b); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	return nil
}

// idOrder lists a vocabulary's keys in id order.
func idOrder(ids map[string]uint32) []string {
	out := make([]string, 0, len(ids))
	for k := range ids {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int { return int(ids[a]) - int(ids[b]) })
	return out
}

// Load reads the model file parser.bin.gz from fsys (data.Models in
// production).
func Load(fsys fs.FS) (*Model, error) {
	f, err := fsys.Open(FileName)
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	defer f.Close()
	size := int64(0)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	m, err := read(f, size)
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	return m, nil
}

// Read reads a model written by Save.
func Read(r io.Reader) (*Model, error) { return read(r, 0) }

// read reads a model from r. size is the file's size when known: Save's
// stored blocks make the decoded stream a little smaller, so presizing the
// buffer to it saves the copies of a growing buffer. It is only a hint,
// capped so that a wrong one cannot force a huge allocation.
func read(r io.Reader, size int64) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(max(size, 0), 1<<30)+bytes.MinRead))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, err
	}
	d := &decoder{b: buf.Bytes()}
	if string(d.take(len(magic))) != magic {
		return nil, errors.New("not a parser model")
	}
	m := &Model{}
	vocabs := make([][]string, 4)
	for i := range vocabs {
		vocabs[i] = d.strings()
	}
	m.words, m.xpos, m.upos, m.labels = idMap(vocabs[0]), idMap(vocabs[1]), idMap(vocabs[2]), vocabs[3]
	d.weights(&m.wt, m.numClasses())
	if d.err != nil {
		return nil, d.err
	}
	if len(m.labels) == 0 {
		return nil, errors.New("model has no relations")
	}
	m.wt.index(m.numClasses())
	return m, nil
}

func idMap(keys []string) map[string]uint32 {
	out := make(map[string]uint32, len(keys))
	for i, k := range keys {
		out[k] = uint32(i + atomUnk + 1)
	}
	return out
}

package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"

	"github.com/kgnews/kg/extract/internal/modelfile"
)

// ModelFile is the name Load reads from its fs.FS.
const ModelFile = "ner.bin.gz"

// magic starts every model file; magicV1 files (before the word lexicon)
// still read.
const (
	magic   = "KGNER2\n"
	magicV1 = "KGNER1\n"
)

// Limits that keep Load from allocating without bound on a corrupt file.
const (
	maxLabels   = 256
	maxStrLen   = 1 << 12
	maxPhrases  = 1 << 20
	maxFeatures = 1 << 26
)

// Save writes the model as gzip-compressed flat arrays: a header, the
// labels, the gazetteer phrases, the word lexicon, the weights quantized to 16 bits with one
// scale per model, then the feature hashes. The hashes are random bytes that
// do not compress, so they go in a second gzip member stored without
// compression, which reads back at the speed of a copy.
func (m *Model) Save(w io.Writer) error {
	err := writeMember(w, gzip.BestCompression, func(e *encoder) {
		e.str(magic)
		e.bool(m.useUPOS)
		e.uvarint(uint64(len(m.labels)))
		for _, l := range m.labels {
			e.str(l)
		}
		m.savePhrases(e)
		m.saveLexicon(e)
		m.saveWeights(e)
	})
	if err == nil {
		err = writeMember(w, gzip.NoCompression, m.saveHashes)
	}
	if err != nil {
		return fmt.Errorf("save ner model: %w", err)
	}
	return nil
}

// writeMember writes one gzip member at the given level.
func writeMember(w io.Writer, level int, fill func(*encoder)) error {
	zw, err := gzip.NewWriterLevel(w, level)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	e := encoder{w: bw}
	fill(&e)
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	return e.err
}

func (m *Model) saveHashes(e *encoder) {
	buf := make([]byte, 8*len(m.table.hashes))
	for i, h := range m.table.hashes {
		binary.LittleEndian.PutUint64(buf[8*i:], h)
	}
	e.bytes(buf)
}

func (m *Model) savePhrases(e *encoder) {
	if m.phrases == nil {
		e.uvarint(0)
		return
	}
	keys := make([]string, 0, len(m.phrases.kinds))
	for k := range m.phrases.kinds {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.uvarint(uint64(m.phrases.kinds[k]))
	}
}

func (m *Model) saveWeights(e *encoder) {
	t := &m.table
	var scale float64
	for _, v := range t.weights {
		scale = max(scale, math.Abs(float64(v)))
	}
	scale /= math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	e.uvarint(uint64(len(t.hashes)))
	e.float64(scale)
	buf := make([]byte, 2*len(t.weights))
	for i, v := range t.weights {
		binary.LittleEndian.PutUint16(buf[2*i:], uint16(int16(math.Round(float64(v)/scale))))
	}
	e.bytes(buf)
}

// Load reads the model file ModelFile from fsys (data.Models in the binary).
func Load(fsys fs.FS) (*Model, error) {
	return modelfile.Load(fsys, ModelFile, "ner model", Read)
}

// Read reads a model written by Save.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	d := decoder{r: bufio.NewReaderSize(zr, 1<<16)}
	version := d.str()
	if version != magic && version != magicV1 {
		return nil, errors.New("read ner model: not a kg NER model")
	}
	m := &Model{useUPOS: d.bool()}
	nl := d.count(maxLabels)
	for range nl {
		m.labels = append(m.labels, d.str())
	}
	if d.err == nil && (nl == 0 || m.labels[0] != "O") {
		d.err = errors.New("bad label table")
	}
	if np := d.count(maxPhrases); np > 0 {
		m.phrases = newPhraseSet()
		for range np {
			p := d.str()
			if b := d.uvarint(); d.err == nil {
				m.phrases.add(p, uint16(b))
			}
		}
	}
	if version == magic {
		m.readLexicon(&d)
	}
	nf := d.count(maxFeatures)
	scale := d.float64()
	wb := d.bytes(2 * nf * nl)
	hb := d.bytes(8 * nf)
	if d.err == nil {
		// Reading to the end makes gzip check its length and checksum.
		switch _, err := d.r.ReadByte(); {
		case err == nil:
			d.err = errors.New("trailing data after the weights")
		case err != io.EOF:
			d.err = fmt.Errorf("after the weights: %w", err)
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("read ner model: %w", d.err)
	}
	hashes := make([]uint64, nf)
	for i := range hashes {
		hashes[i] = binary.LittleEndian.Uint64(hb[8*i:])
	}
	weights := make([]float32, nf*nl)
	for i := range weights {
		weights[i] = float32(float64(int16(binary.LittleEndian.Uint16(wb[2*i:]))) * scale)
	}
	m.allowed = transitions(m.labels)
	m.table = newFeatureTable(hashes, weights, nl)
	return m, nil
}

package tokenize

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"

	"github.com/kgnews/kg/extract/internal/modelfile"
)

// ModelFile is the name of the sentence-boundary model inside a models
// folder such as data.Models.
const ModelFile = "sentences.bin.gz"

// modelBits is the log2 of the number of hashed feature weights.
const modelBits = 20

// modelMagic starts every model file.
const modelMagic = "kg-sentences-1\n"

// Model is a sentence-boundary classifier: an averaged perceptron over
// hashed features of the tokens around each candidate boundary.
type Model struct {
	weights []float32 // indexed by feature hash & mask
}

// newModel returns a model with all weights zero.
func newModel() *Model { return &Model{weights: make([]float32, 1<<modelBits)} }

// score returns the boundary score of the features; positive means a break.
func (m *Model) score(feats []uint32) float32 {
	var s float32
	w := m.weights
	for _, f := range feats {
		s += w[f&(1<<modelBits-1)]
	}
	return s
}

// Load reads the sentence-boundary model ModelFile from fsys.
func Load(fsys fs.FS) (*Model, error) {
	return modelfile.Load(fsys, ModelFile, "sentence model", ReadModel)
}

// ReadModel reads a model written by Model.Save.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("read model: not a sentence model")
	}
	var scale float32
	var count uint64
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if count, err = binary.ReadUvarint(br); err != nil || count > 1<<modelBits {
		return nil, errors.New("read model: bad weight count")
	}
	m := newModel()
	idx := uint64(0)
	for k := uint64(0); k < count; k++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
		v, err := binary.ReadVarint(br)
		if err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
		if idx += d; idx >= 1<<modelBits {
			return nil, errors.New("read model: weight index out of range")
		}
		m.weights[idx] = float32(v) * scale
	}
	return m, nil
}

// Save writes the model in its compressed form: the non-zero weights,
// quantized to 16 bits, with their indices delta-encoded.
func (m *Model) Save(w io.Writer) error {
	var maxAbs float32
	count := 0
	for _, v := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	q := make([]int64, len(m.weights))
	for i, v := range m.weights {
		if q[i] = int64(math.Round(float64(v / scale))); q[i] != 0 {
			count++
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	binary.Write(bw, binary.LittleEndian, scale)
	var tmp [binary.MaxVarintLen64]byte
	bw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(count))])
	last := 0
	for i, v := range q {
		if v == 0 {
			continue
		}
		bw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(i-last))])
		bw.Write(tmp[:binary.PutVarint(tmp[:], v)])
		last = i
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

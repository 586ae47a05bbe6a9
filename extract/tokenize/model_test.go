package tokenize

import (
	"bytes"
	"compress/gzip"
	"math"
	"testing"
	"testing/fstest"
)

func TestTrainSaveLoad(t *testing.T) {
	train := readGold(t, "ud-ewt", "en_ewt-ud-train.conllu")[:3000]
	m, err := Train(train, 2)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Load(fstest.MapFS{ModelFile: {Data: buf.Bytes()}})
	if err != nil {
		t.Fatal(err)
	}
	var maxAbs, maxDiff float64
	for i, w := range m.weights {
		maxAbs = math.Max(maxAbs, math.Abs(float64(w)))
		maxDiff = math.Max(maxDiff, math.Abs(float64(w-got.weights[i])))
	}
	if maxAbs == 0 {
		t.Fatal("training left every weight zero")
	}
	if maxDiff > maxAbs/32767 {
		t.Errorf("weights changed by up to %g through Save and Load, want <= %g", maxDiff, maxAbs/32767)
	}
	dev := readGold(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	rules, trained := (&Tokenizer{}).Evaluate(dev), New(got).Evaluate(dev)
	if trained.SentenceF1 <= rules.SentenceF1 {
		t.Errorf("a model trained on 3000 sentences scores %.2f, no better than rules (%.2f)", trained.SentenceF1, rules.SentenceF1)
	}
}

func TestTrainIsReproducible(t *testing.T) {
	train := readGold(t, "gum", "en_gum-ud-dev.conllu")
	var saved [2]bytes.Buffer
	for i := range saved {
		m, err := Train(train, 2)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Save(&saved[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(saved[0].Bytes(), saved[1].Bytes()) {
		t.Error("two trainings on the same data gave different model files")
	}
}

func TestLoadErrors(t *testing.T) {
	var good bytes.Buffer
	if err := newModel().Save(&good); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
	}{
		{"missing", fstest.MapFS{}},
		{"not gzip", fstest.MapFS{ModelFile: {Data: []byte("hello")}}},
		{"truncated", fstest.MapFS{ModelFile: {Data: good.Bytes()[:good.Len()/2]}}},
		{"wrong magic", fstest.MapFS{ModelFile: {Data: gzipped(t, "not-a-model-file\n")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Load(tt.fsys); err == nil {
				t.Error("Load succeeded, want an error")
			}
		})
	}
	if _, err := Train(nil, 1); err == nil {
		t.Error("Train(nil) succeeded, want an error")
	}
}

// gzipped returns s compressed with gzip.
func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

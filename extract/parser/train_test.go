package parser

import (
	"bytes"
	"testing"

	"github.com/kgnews/kg/extract/tagger"
)

// TestTrainSmall trains on a few hundred sentences (well under a second) to
// check that training learns, that it does not depend on the number of
// workers, and that it checks its input.
func TestTrainSmall(t *testing.T) {
	sents := devSentences(t, "ud-ewt", "en_ewt-ud-dev.conllu")[:150]
	opts := TrainOptions{Epochs: 4, Workers: 1, Batch: 2, MinWeight: 1e-3}
	m1, err := Train(t.Context(), sents, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Workers = 2
	m2, err := Train(t.Context(), sents, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 bytes.Buffer
	if err := m1.Save(&b1); err != nil {
		t.Fatal(err)
	}
	if err := m2.Save(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("one and two workers trained different models")
	}
	if sc := Evaluate(t.Context(), m1, nil, sents); sc.UAS < 80 {
		t.Errorf("training-set UAS %.2f, want at least 80", sc.UAS)
	}
	if _, err := Train(t.Context(), sents, make([][]tagger.Tag, 3), opts); err == nil {
		t.Error("want an error for a tag count that does not match")
	}
	if _, err := Train(t.Context(), nil, nil, opts); err == nil {
		t.Error("want an error for no sentences")
	}
}

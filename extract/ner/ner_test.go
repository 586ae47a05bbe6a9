package ner_test

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/gazetteer"
	"github.com/kgnews/kg/extract/ner"
	"github.com/kgnews/kg/internal/kgtest"
)

func mustLoad(tb testing.TB) *ner.Model {
	tb.Helper()
	m, err := ner.Load(data.Models)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func mustDev(tb testing.TB) []ner.Sentence {
	tb.Helper()
	f, err := os.Open(kgtest.SharedFile(tb, "corpora", "uner-ewt", "en_ewt-uner-dev.iob2"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	dev, err := ner.ReadIOB(f, "iob2")
	if err != nil {
		tb.Fatal(err)
	}
	return dev
}

// TestDevAccuracy holds the shipped model to floors a little under its
// measured UNER EWT dev scores (see data/models/README.md).
func TestDevAccuracy(t *testing.T) {
	m := mustLoad(t)
	s := ner.Evaluate(m, mustDev(t))
	t.Logf("UNER EWT dev: P %.2f R %.2f F1 %.2f", s.Precision, s.Recall, s.F1)
	if s.F1 < floorF1 {
		t.Errorf("F1 = %.2f, want at least %.1f", s.F1, floorF1)
	}
	for typ, floor := range floorPerType {
		got := s.PerType[typ]
		t.Logf("%s: P %.2f R %.2f F1 %.2f (%d gold)", typ, got.Precision, got.Recall, got.F1, got.Gold)
		if got.F1 < floor {
			t.Errorf("%s F1 = %.2f, want at least %.1f", typ, got.F1, floor)
		}
	}
}

// TestGUMDevAccuracy holds the shipped model to a floor on a second domain,
// GUM dev's named people, organizations and places (mostly edited prose,
// closer to news than UNER's web text).
func TestGUMDevAccuracy(t *testing.T) {
	f, err := os.Open(kgtest.SharedFile(t, "corpora", "gum", "en_gum-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dev, err := ner.ReadGUM(f)
	if err != nil {
		t.Fatal(err)
	}
	dev = ner.MapTypes(dev, map[string]string{"person": "PER", "organization": "ORG", "place": "LOC"})
	s := ner.Evaluate(mustLoad(t), dev)
	t.Logf("GUM dev: P %.2f R %.2f F1 %.2f", s.Precision, s.Recall, s.F1)
	if s.F1 < floorGUMF1 {
		t.Errorf("F1 = %.2f, want at least %.1f", s.F1, float64(floorGUMF1))
	}
}

func TestTagEdgeCases(t *testing.T) {
	m := mustLoad(t)
	tests := []struct {
		name  string
		words []string
		upos  []string
	}{
		{"empty", nil, nil},
		{"one word", []string{"Moscow"}, nil},
		{"upos of the wrong length", []string{"Rex", "Tillerson"}, []string{"PROPN"}},
		{"odd text", []string{"", " ", "\x00", "ﬀ", strings.Repeat("A", 500), "U.S.-Russian", "🙂"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Tag(tt.words, tt.upos)
			if len(got) != len(tt.words) {
				t.Fatalf("got %d tags for %d words", len(got), len(tt.words))
			}
			for i, tag := range got {
				if tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") {
					t.Errorf("tag %d = %q", i, tag)
				}
			}
		})
	}
}

func TestTagNews(t *testing.T) {
	m := mustLoad(t)
	words := strings.Fields("Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Moscow on Wednesday .")
	var got []string
	for _, sp := range ner.Spans(m.Tag(words, nil)) {
		got = append(got, sp.Type+":"+strings.Join(words[sp.Start:sp.End], " "))
	}
	for _, want := range []string{"PER:Rex Tillerson", "PER:Sergei Lavrov", "LOC:Moscow"} {
		if !contains(got, want) {
			t.Errorf("spans %v, want %s among them", got, want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestTagConcurrent(t *testing.T) {
	m := mustLoad(t)
	dev := mustDev(t)[:200]
	want := make([][]string, len(dev))
	for i, s := range dev {
		want[i] = m.Tag(s.Words, nil)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Go(func() {
			for i, s := range dev {
				if got := m.Tag(s.Words, nil); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("sentence %d: got %v, want %v", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// toyData is a small synthetic training set: people meet people in places.
func toyData() []ner.Sentence {
	people := []string{"Anna Berg", "Tom Okafor", "Lena Ito", "Raj Patel", "Mia Costa"}
	places := []string{"Oslo", "Lagos", "Lima", "Hanoi"}
	var out []ner.Sentence
	for i, p := range people {
		for j, q := range places {
			o := people[(i+j+1)%len(people)]
			w := strings.Fields(p + " met " + o + " in " + q + " .")
			tags := strings.Fields("B-PER I-PER O B-PER I-PER O B-LOC O")
			out = append(out, ner.Sentence{Words: w, Tags: tags})
		}
	}
	return out
}

func TestTrainSaveRead(t *testing.T) {
	g, err := gazetteer.Load(data.Gazetteer)
	if err != nil {
		t.Fatal(err)
	}
	var text [][]string
	for _, s := range toyData() {
		text = append(text, s.Words)
	}
	tests := []struct {
		name string
		opts ner.TrainOptions
	}{
		{"gazetteer", ner.TrainOptions{Epochs: 5, Gazetteer: g}},
		{"lexicon and document", ner.TrainOptions{Epochs: 5, Gazetteer: g, Text: text, Clusters: true, Caps: true, Document: true, RollIn: 0.3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ner.Train(t.Context(), toyData(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkTrained(t, m)
		})
	}
}

// checkTrained checks a model trained on toyData, and that it survives
// Save and Read.
func checkTrained(t *testing.T, m *ner.Model) {
	t.Helper()
	words := strings.Fields("Lena Ito met Raj Patel in Oslo .")
	want := strings.Fields("B-PER I-PER O B-PER I-PER O B-LOC O")
	if got := m.Tag(words, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("Tag = %v, want %v", got, want)
	}
	if got := m.Types(); !reflect.DeepEqual(got, []string{"LOC", "PER"}) {
		t.Errorf("Types = %v", got)
	}
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two saves of one model differ")
	}
	m2, err := ner.Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var doc [][]string
	for _, s := range toyData() {
		doc = append(doc, s.Words)
		if got, want := m2.Tag(s.Words, nil), m.Tag(s.Words, nil); !reflect.DeepEqual(got, want) {
			t.Errorf("read model tags %v, saved model %v", got, want)
		}
	}
	if got, want := m2.TagDocument(doc, nil), m.TagDocument(doc, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("read model tags the document %v, saved model %v", got, want)
	}
	// Truncated files fail cleanly.
	for _, n := range []int{0, 10, a.Len() / 2, a.Len() - 1} {
		if _, err := ner.Read(bytes.NewReader(a.Bytes()[:n])); err == nil {
			t.Errorf("Read of %d of %d bytes succeeded", n, a.Len())
		}
	}
}

func TestTrainErrors(t *testing.T) {
	tests := []struct {
		name  string
		sents []ner.Sentence
	}{
		{"none", nil},
		{"tags and words differ", []ner.Sentence{{Words: []string{"a", "b"}, Tags: []string{"O"}}}},
		{"bad tag", []ner.Sentence{{Words: []string{"a"}, Tags: []string{"PER"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ner.Train(t.Context(), tt.sents, ner.TrainOptions{}); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func TestReadGarbage(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00"} {
		if _, err := ner.Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func BenchmarkTag(b *testing.B) {
	m := mustLoad(b)
	dev := mustDev(b)
	tokens := 0
	for b.Loop() {
		for _, s := range dev {
			m.Tag(s.Words, nil)
			tokens += len(s.Words)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		mustLoad(b)
	}
}

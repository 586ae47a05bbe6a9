package parser

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/internal/kgtest"
)

var (
	modelOnce sync.Once
	model     *Model
	modelErr  error
)

// mustModel returns the committed model, loaded once for all tests.
func mustModel(tb testing.TB) *Model {
	tb.Helper()
	modelOnce.Do(func() { model, modelErr = Load(data.Models) })
	if modelErr != nil {
		tb.Fatal(modelErr)
	}
	return model
}

// TestAccuracy checks the committed model against floors a little under its
// measured dev scores (gold tokens; tags as in evalTagger).
func TestAccuracy(t *testing.T) {
	m := mustModel(t)
	tg := evalTagger(t)
	tests := []struct {
		corpus, file string
		uas, las     float64
	}{
		{"ud-ewt", "en_ewt-ud-dev.conllu", 85.1, 81.9},
		{"gum", "en_gum-ud-dev.conllu", 85.1, 82.4},
	}
	for _, tt := range tests {
		t.Run(tt.corpus, func(t *testing.T) {
			sc := Evaluate(t.Context(), m, tg, devSentences(t, tt.corpus, tt.file))
			t.Logf("%+v", sc)
			if sc.UAS < tt.uas || sc.LAS < tt.las {
				t.Errorf("UAS %.2f LAS %.2f, want at least %.2f %.2f", sc.UAS, sc.LAS, tt.uas, tt.las)
			}
			if sc.LASUniversal < sc.LAS || sc.UAS < sc.LASUniversal {
				t.Errorf("want LAS %.2f <= universal LAS %.2f <= UAS %.2f", sc.LAS, sc.LASUniversal, sc.UAS)
			}
		})
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m := mustModel(t)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	saved := slices.Clone(buf.Bytes())
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := m2.Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(saved, buf2.Bytes()) {
		t.Error("saving a loaded model gives different bytes")
	}
	for _, s := range devSentences(t, "ud-ewt", "en_ewt-ud-dev.conllu")[:200] {
		words, upos, xpos := columns(s)
		h1, r1 := m.Parse(words, upos, xpos)
		h2, r2 := m2.Parse(words, upos, xpos)
		if !slices.Equal(h1, h2) || !slices.Equal(r1, r2) {
			t.Fatalf("%s: parses differ after a round trip", s.ID)
		}
	}
}

// TestReadDeflated checks that Read still takes a deflated model, as
// written before Save switched to stored blocks.
func TestReadDeflated(t *testing.T) {
	m := mustModel(t)
	var stored bytes.Buffer
	if err := m.Save(&stored); err != nil {
		t.Fatal(err)
	}
	storedLen := stored.Len()
	zr, err := gzip.NewReader(&stored)
	if err != nil {
		t.Fatal(err)
	}
	var deflated bytes.Buffer
	zw := gzip.NewWriter(&deflated)
	if _, err := io.Copy(zw, zr); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if deflated.Len() >= storedLen {
		t.Errorf("deflated %d bytes, stored %d: want the stored file larger", deflated.Len(), storedLen)
	}
	m2, err := Read(&deflated)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range devSentences(t, "ud-ewt", "en_ewt-ud-dev.conllu")[:100] {
		words, upos, xpos := columns(s)
		h1, r1 := m.Parse(words, upos, xpos)
		h2, r2 := m2.Parse(words, upos, xpos)
		if !slices.Equal(h1, h2) || !slices.Equal(r1, r2) {
			t.Fatalf("%s: parses differ after reading the deflated model", s.ID)
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", truncatedModel(t)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tt.in)); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func truncatedModel(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := mustModel(t).Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()[:buf.Len()/2]
}

func columns(s *conllu.Sentence) (words, upos, xpos []string) {
	for _, w := range s.Words {
		words, upos, xpos = append(words, w.Form), append(upos, w.UPOS), append(xpos, w.XPOS)
	}
	return words, upos, xpos
}

// checkTree fails unless heads is a tree over n words: heads in range, one
// root, every word reaching it, and a relation on every word.
func checkTree(tb testing.TB, n int, heads []int, rels []string) {
	tb.Helper()
	if len(heads) != n || len(rels) != n {
		tb.Fatalf("got %d heads, %d relations for %d words", len(heads), len(rels), n)
	}
	roots := 0
	for i, h := range heads {
		if h < 0 || h > n || h == i+1 {
			tb.Fatalf("word %d: head %d out of range", i+1, h)
		}
		if h == 0 {
			roots++
		}
		if rels[i] == "" {
			tb.Fatalf("word %d: no relation", i+1)
		}
		for j, steps := i+1, 0; j != 0; j, steps = heads[j-1], steps+1 {
			if steps > n {
				tb.Fatalf("word %d: cycle in %v", i+1, heads)
			}
		}
	}
	if n > 0 && roots != 1 {
		tb.Fatalf("%d roots in %v", roots, heads)
	}
}

func TestParseIsTree(t *testing.T) {
	m := mustModel(t)
	vocab := []string{"the", "dog", "barked", ".", "Smith", "said", ",", "that", "42", "ünïcode", "", "\x00", "of", "and"}
	tags := []string{"DT", "NN", "VBD", ".", "NNP", ",", "IN", "CD", "XX", "", "NOUN", "VERB", "DET"}
	rng := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{0, 1, 2, 3, 5, 10, 40, 200} {
		for range 20 {
			words, upos, xpos := make([]string, n), make([]string, n), make([]string, n)
			for i := range n {
				words[i] = vocab[rng.IntN(len(vocab))]
				upos[i], xpos[i] = tags[rng.IntN(len(tags))], tags[rng.IntN(len(tags))]
			}
			heads, rels := m.Parse(words, upos, xpos)
			checkTree(t, n, heads, rels)
		}
	}
	// Missing tag slices are tolerated.
	heads, rels := m.Parse([]string{"It", "works", "."}, nil, []string{"PRP"})
	checkTree(t, 3, heads, rels)
}

func TestZeroModelParses(t *testing.T) {
	heads, rels := (&Model{}).Parse([]string{"a", "b", "c"}, nil, nil)
	checkTree(t, 3, heads, rels)
}

func TestLoadTime(t *testing.T) {
	start, cpu := time.Now(), kgtest.CPUTime()
	if _, err := Load(data.Models); err != nil {
		t.Fatal(err)
	}
	wall, used := time.Since(start), kgtest.CPUTime()-cpu
	t.Logf("Load took %v wall, %v CPU", wall, used)
	// The target is 150 ms on an idle core; the deflated format with a
	// rebuilt table took 450-600 ms CPU on the loaded 2-core dev machine,
	// this one about 200. CPU time is steadier than wall time on a busy
	// machine, but page faults and memory contention still inflate it.
	if used > 600*time.Millisecond || wall > 10*time.Second {
		t.Errorf("Load took %v wall, %v CPU", wall, used)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("The dog barked .", "DT NN VBD .")
	f.Add("", "")
	f.Add("x", "")
	m := mustModel(f)
	f.Fuzz(func(t *testing.T, text, tagText string) {
		words := bytes.Fields([]byte(text))
		tagFields := bytes.Fields([]byte(tagText))
		ws, ts := make([]string, len(words)), make([]string, len(tagFields))
		for i, w := range words {
			ws[i] = string(w)
		}
		for i, w := range tagFields {
			ts[i] = string(w)
		}
		heads, rels := m.Parse(ws, ts, ts)
		checkTree(t, len(ws), heads, rels)
	})
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := mustModel(f).Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes()[:min(buf.Len(), 4096)])
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(bytes.NewReader(b))
		if err == nil {
			heads, rels := m.Parse([]string{"a", "b"}, nil, nil)
			checkTree(t, 2, heads, rels)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	m := mustModel(b)
	sents := devSentences(b, "ud-ewt", "en_ewt-ud-dev.conllu")
	type row struct{ words, upos, xpos []string }
	rows := make([]row, len(sents))
	for i, s := range sents {
		rows[i].words, rows[i].upos, rows[i].xpos = columns(s)
	}
	done := 0
	cpu := kgtest.CPUTime()
	for i := 0; b.Loop(); i++ {
		r := rows[i%len(rows)]
		m.Parse(r.words, r.upos, r.xpos)
		done += len(r.words)
	}
	b.ReportMetric(float64(done)/b.Elapsed().Seconds(), "tokens/s")
	// On a shared machine wall time undercounts; CPU time tells the speed
	// of one core.
	if c := kgtest.CPUTime() - cpu; c > 0 {
		b.ReportMetric(float64(done)/c.Seconds(), "tokens/cpu-s")
	}
}

// TestReadChecksWeights saves a tiny hand-made model with one odd entry and
// checks which entries Read accepts.
func TestReadChecksWeights(t *testing.T) {
	tests := []struct {
		name  string
		entry uint32
		ok    bool
	}{
		{"finite", packEntry(2, -0.5), true},
		{"NaN as marker", 0xFFFFFFFF, false},
		{"NaN", packEntry(1, float32(math.NaN())), false},
		{"infinite", packEntry(1, float32(math.Inf(1))), false},
		{"class out of range", packEntry(3, 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Model{
				words: map[string]uint32{"a": 3}, xpos: map[string]uint32{}, upos: map[string]uint32{},
				labels: []string{"dep"},
				wt:     weights{keys: []uint64{tk(1)}, start: []uint32{0, 2}, ent: []uint32{packEntry(0, 1), tt.entry}},
			}
			var buf bytes.Buffer
			if err := m.Save(&buf); err != nil {
				t.Fatal(err)
			}
			m2, err := Read(&buf)
			if got := err == nil; got != tt.ok {
				t.Fatalf("Read error %v, want success %v", err, tt.ok)
			}
			if err == nil {
				heads, rels := m2.Parse([]string{"a", "b"}, nil, nil)
				checkTree(t, 2, heads, rels)
			}
		})
	}
}

package tagger

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"github.com/kgnews/kg/extract/conllu"
)

// Defaults for TrainOptions fields left zero.
const (
	DefaultEpochs   = 10   // passes over the training data
	DefaultMinCount = 3    // occurrences a word needs to get an ambiguity class
	DefaultPrune    = 0.05 // averaged weights smaller than this in magnitude are dropped
)

// A word seen at least fixedCount times with one label at least fixedShare
// of the time always gets that label, without scoring.
const (
	fixedCount = 20
	fixedShare = 0.995
)

// maxLabels is the number of joint labels a model can hold (one byte each).
const maxLabels = 255

// TrainOptions controls training. The zero value uses the defaults.
type TrainOptions struct {
	Epochs   int              // passes over the data; DefaultEpochs when 0
	Seed     uint64           // seed of the shuffling between epochs; training is reproducible for a seed
	MinCount int              // DefaultMinCount when 0
	Prune    float64          // DefaultPrune when 0; negative keeps every weight
	Workers  int              // folds Jackknife trains at once; 1 when 0
	Progress func(p Progress) // called after every epoch when not nil
}

// Progress reports the state of training after one epoch.
type Progress struct {
	Fold     int           // the jackknife fold being trained, -1 for a full training
	Epoch    int           // epochs done, from 1
	Accuracy float64       // percent of training words tagged right during the epoch
	Elapsed  time.Duration // since training started
	Snapshot func() *Model // builds the averaged model as it stands (costly; for early stopping on a dev set)
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs <= 0 {
		o.Epochs = DefaultEpochs
	}
	if o.MinCount <= 0 {
		o.MinCount = DefaultMinCount
	}
	if o.Prune == 0 {
		o.Prune = DefaultPrune
	}
	if o.Workers <= 0 {
		o.Workers = 1
	}
	return o
}

// entry is one trainable weight of a feature for a label, averaged lazily.
type entry struct {
	label uint16
	w     int32 // current weight
	ts    int32 // step of the last change
	total int64 // sum of the weight over the steps before ts
}

// trainer holds the mutable weights during training.
type trainer struct {
	backward bool // trains the right-to-left tagger
	idx      map[uint64]int32
	rows     [][]entry
	step     int32
	scores   []float64
}

// Train learns a tagger from gold sentences (syntactic words with UPOS,
// XPOS and Feats).
func Train(ctx context.Context, sents []*conllu.Sentence, opts TrainOptions) (*Model, error) {
	return train(ctx, sents, opts, -1)
}

func train(ctx context.Context, sents []*conllu.Sentence, opts TrainOptions, fold int) (*Model, error) {
	opts = opts.withDefaults()
	if len(sents) == 0 {
		return nil, errors.New("train tagger: no sentences")
	}
	m, golds, err := newModel(sents, opts.MinCount)
	if err != nil {
		return nil, fmt.Errorf("train tagger: %w", err)
	}
	fw := &trainer{idx: make(map[uint64]int32), scores: make([]float64, len(m.upos))}
	bw := &trainer{idx: make(map[uint64]int32), scores: make([]float64, len(m.upos)), backward: true}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7a66e5))
	s := m.getScratch()
	start := time.Now()
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for n, si := range order {
			if n%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("train tagger: %w", err)
				}
			}
			m.prepare(s, Words(sents[si]))
			right += fw.sentence(s.at, golds[si], s)
			bw.sentence(s.at, golds[si], s)
			total += len(golds[si])
		}
		if opts.Progress != nil {
			snap := func() *Model {
				c := &Model{upos: m.upos, xpos: m.xpos, ac: m.ac, fixed: m.fixed, cands: m.cands, candLabels: m.candLabels,
					open: m.open, all: m.all, featKeys: m.featKeys, feats: m.feats, featDefault: m.featDefault}
				finish(c, fw, bw, opts.Prune)
				return c
			}
			opts.Progress(Progress{Fold: fold, Epoch: epoch, Accuracy: 100 * float64(right) / float64(max(total, 1)),
				Elapsed: time.Since(start), Snapshot: snap})
		}
	}
	finish(m, fw, bw, opts.Prune)
	return m, nil
}

// sentence trains on the words of one sentence (their atoms with padding
// in at), left to right or, for the backward tagger, right to left, and
// returns how many it got right.
func (tr *trainer) sentence(at []atoms, gold []int, s *scratch) int {
	right := 0
	l1, l2 := 0, 0
	for k := range gold {
		i := k
		if tr.backward {
			i = len(gold) - 1 - k
		}
		if f := at[i+2].fixed; f > 0 {
			right += b2i(f-1 == gold[i])
			l1, l2 = f, l1
			continue
		}
		s.feats = ownFeatures(staticFeatures(s.feats[:0], at, i), tr.backward)
		if tr.backward {
			s.feats = backTagFeatures(s.feats, at, i, l1, l2)
		} else {
			s.feats = tagFeatures(s.feats, at, i, l1, l2)
		}
		guess := tr.predict(s.feats)
		tr.step++
		if guess == gold[i] {
			right++
		} else {
			tr.update(s.feats, gold[i], guess)
		}
		l1, l2 = guess+1, l1
	}
	return right
}

func (tr *trainer) predict(feats []uint64) int {
	sc := tr.scores
	clear(sc)
	for _, f := range feats {
		if j, ok := tr.idx[f]; ok {
			for _, e := range tr.rows[j] {
				sc[e.label] += float64(e.w)
			}
		}
	}
	best := 0
	for c, v := range sc {
		if v > sc[best] {
			best = c
		}
	}
	return best
}

func (tr *trainer) update(feats []uint64, gold, guess int) {
	for _, f := range feats {
		j, ok := tr.idx[f]
		if !ok {
			j = int32(len(tr.rows))
			tr.idx[f] = j
			tr.rows = append(tr.rows, nil)
		}
		tr.bump(j, gold, 1)
		tr.bump(j, guess, -1)
	}
}

func (tr *trainer) bump(j int32, label int, d int32) {
	row := tr.rows[j]
	for k := range row {
		if int(row[k].label) == label {
			e := &row[k]
			e.total += int64(tr.step-e.ts) * int64(e.w)
			e.ts = tr.step
			e.w += d
			return
		}
	}
	tr.rows[j] = append(row, entry{label: uint16(label), w: d, ts: tr.step})
}

// finish writes the averaged weights of both directions, without those
// below prune, into m. Weights are quantized to weightBits bits with one
// scale for the model, so that the two directions' scores add up.
func finish(m *Model, fw, bw *trainer, prune float64) {
	scale := float64(weightMax) / max(fw.maxAbs(), bw.maxAbs(), 1e-9)
	keys := make([]uint64, 0, len(fw.idx)+len(bw.idx))
	for k := range fw.idx {
		keys = append(keys, k)
	}
	for k := range bw.idx {
		if _, ok := fw.idx[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var kept []uint64
	var ns []uint8
	var entries []uint32
	for _, k := range keys {
		lo := len(entries)
		entries = fw.appendEntries(entries, k, prune, scale, 0)
		entries = bw.appendEntries(entries, k, prune, scale, backOffset)
		if len(entries) >= maxEntries {
			entries = entries[:lo]
			break
		}
		if n := len(entries) - lo; n > 0 {
			kept = append(kept, k)
			ns = append(ns, uint8(n))
		}
	}
	m.weights = buildWTable(kept, ns, entries, len(m.upos))
}

// appendEntries appends the averaged weights of feature k at least prune
// in magnitude, quantized with scale, in label order, their score indexes
// offset by base.
func (tr *trainer) appendEntries(entries []uint32, k uint64, prune, scale float64, base int) []uint32 {
	j, ok := tr.idx[k]
	if !ok {
		return entries
	}
	row := tr.rows[j]
	sort.Slice(row, func(a, b int) bool { return row[a].label < row[b].label })
	for _, e := range row {
		if a := tr.avg(e); math.Abs(a) >= prune {
			entries = append(entries, packEntry(int(e.label)+base, int32(math.Round(a*scale))))
		}
	}
	return entries
}

func (tr *trainer) avg(e entry) float64 {
	return float64(e.total+int64(tr.step-e.ts)*int64(e.w)) / float64(max(tr.step, 1))
}

func (tr *trainer) maxAbs() float64 {
	m := 0.0
	for _, row := range tr.rows {
		for _, e := range row {
			m = max(m, math.Abs(tr.avg(e)))
		}
	}
	return m
}

package parser

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/tagger"
)

// Defaults of TrainOptions.
const (
	DefaultEpochs       = 12  // passes over the training sentences
	DefaultSeed         = 1   // seed of the shuffling and exploration
	DefaultExploreAfter = 1   // epochs trained on the oracle's path only
	DefaultExploreProb  = 0.9 // chance of following a wrong prediction
	DefaultMinWordCount = 2   // rarer words share the unknown-word atom
	DefaultMinWeight    = 1.0 // averaged weights below this are dropped: a third of the size, -0.1 UAS
	DefaultBatch        = 2   // sentences parsed with the same weights (larger batches learn worse)
)

// NonProjective says what training does with a non-projective gold tree,
// which the arc-hybrid system cannot build.
type NonProjective int

// The ways to train on non-projective trees.
const (
	Lift NonProjective = iota // lift offending arcs to the head's head until projective
	Skip                      // leave the sentence out
	Keep                      // train on it; the oracle's costs are then approximate
)

// TrainOptions configure Train. Zero fields take the defaults above.
type TrainOptions struct {
	Epochs        int           // passes over the data; DefaultEpochs when 0
	Seed          uint64        // random seed; DefaultSeed when 0
	ExploreAfter  int           // epochs before exploring; DefaultExploreAfter when 0, none when negative
	ExploreProb   float64       // chance of following a wrong move; DefaultExploreProb when 0
	MinWordCount  int           // words seen fewer times are unknown; DefaultMinWordCount when 0
	MinWeight     float64       // averaged weights below this are dropped; DefaultMinWeight when 0
	NonProjective NonProjective // handling of non-projective trees; Lift by default
	Batch         int           // sentences parsed in parallel between updates; DefaultBatch when 0
	Workers       int           // goroutines parsing a batch; runtime.GOMAXPROCS(0) when 0 (results do not depend on it)
	// OnEpoch, when set, is called after each epoch with the share of
	// transitions predicted correctly and a function that builds the
	// averaged model so far (costly: call it only to measure).
	OnEpoch func(epoch int, trainAcc float64, snapshot func() *Model)
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs <= 0 {
		o.Epochs = DefaultEpochs
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.ExploreAfter == 0 {
		o.ExploreAfter = DefaultExploreAfter
	}
	if o.ExploreProb == 0 {
		o.ExploreProb = DefaultExploreProb
	}
	if o.MinWordCount <= 0 {
		o.MinWordCount = DefaultMinWordCount
	}
	if o.MinWeight == 0 {
		o.MinWeight = DefaultMinWeight
	}
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// instance is one training sentence ready for the oracle.
type instance struct {
	at atoms
	g  *gold
}

// Train learns a parser from gold trees. tags gives the predicted tags of
// each sentence's words (jackknifed, so they are as noisy as at run time);
// nil trains on the gold tags.
func Train(ctx context.Context, sents []*conllu.Sentence, tags [][]tagger.Tag, opts TrainOptions) (*Model, error) {
	opts = opts.withDefaults()
	if tags != nil && len(tags) != len(sents) {
		return nil, fmt.Errorf("train parser: %d tag rows for %d sentences", len(tags), len(sents))
	}
	m, err := newVocab(sents, tags, opts.MinWordCount)
	if err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	insts, err := m.instances(sents, tags, opts.NonProjective)
	if err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	if len(insts) == 0 {
		return nil, errors.New("train parser: no usable training sentences")
	}
	tw := newTrainWeights()
	tw.count = 1
	tr := &trainer{m: m, tw: tw, opts: opts, insts: insts}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6b67))
	order := make([]int, len(insts))
	for i := range order {
		order[i] = i
	}
	for epoch := range opts.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for lo := 0; lo < len(order); lo += opts.Batch {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("train parser: %w", ctx.Err())
			}
			c, n := tr.batch(order[lo:min(lo+opts.Batch, len(order))], epoch)
			correct, total = correct+c, total+n
		}
		if opts.OnEpoch != nil {
			acc := float64(correct) / float64(max(total, 1))
			opts.OnEpoch(epoch+1, acc, func() *Model { return m.withWeights(tw.average(opts.MinWeight, m.numClasses())) })
		}
	}
	return m.withWeights(tw.average(opts.MinWeight, m.numClasses())), nil
}

// withWeights returns a copy of m's vocabulary with the given weights.
func (m *Model) withWeights(w weights) *Model {
	return &Model{words: m.words, xpos: m.xpos, upos: m.upos, labels: m.labels, wt: w}
}

// trainer runs the perceptron in batches: the sentences of a batch are
// parsed in parallel with the same (read-only) weights, each recording its
// mistakes, and the updates are then applied in order.
type trainer struct {
	m       *Model
	tw      *trainWeights
	opts    TrainOptions
	insts   []instance
	workers []*worker
	results []result
}

// result is what parsing one training sentence asks to change.
type result struct {
	updates        []mistake
	keys           []uint64 // the mistakes' feature keys, back to back
	transitions    int
	correct, total int
}

// mistake is one wrong prediction: at transition t, with feature keys
// keys[lo:hi], best should have scored above pred.
type mistake struct {
	t, lo, hi, best, pred int
}

// worker is one goroutine's scratch space.
type worker struct {
	st     state
	keys   []uint64
	scores []float32
	cost   []int
}

// batch trains on the sentences idx and returns the transitions predicted
// right and in total.
func (tr *trainer) batch(idx []int, epoch int) (correct, total int) {
	for len(tr.results) < len(idx) {
		tr.results = append(tr.results, result{})
	}
	nw := min(tr.opts.Workers, len(idx))
	for len(tr.workers) < nw {
		nc := tr.m.numClasses()
		tr.workers = append(tr.workers, &worker{scores: make([]float32, nc), cost: make([]int, nc)})
	}
	var wg sync.WaitGroup
	for w := range nw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := w; k < len(idx); k += nw {
				i := idx[k]
				seed := uint64(epoch)*uint64(len(tr.insts)) + uint64(i)
				rng := rand.New(rand.NewPCG(tr.opts.Seed, seed))
				tr.workers[w].sentence(tr.tw, &tr.insts[i], &tr.results[k], tr.explore(epoch), rng)
			}
		}()
	}
	wg.Wait()
	for k := range idx {
		r := &tr.results[k]
		base := tr.tw.count
		for _, u := range r.updates {
			tr.tw.count = base + float64(u.t)
			keys := r.keys[u.lo:u.hi]
			tr.tw.update(keys, u.best, 1)
			tr.tw.update(keys, u.pred, -1)
		}
		tr.tw.count = base + float64(r.transitions)
		correct, total = correct+r.correct, total+r.total
	}
	return correct, total
}

// explore returns the chance of following a wrong prediction in epoch.
func (tr *trainer) explore(epoch int) float64 {
	if tr.opts.ExploreAfter < 0 || epoch < tr.opts.ExploreAfter {
		return 0
	}
	return tr.opts.ExploreProb
}

// sentence runs the dynamic oracle over one sentence with fixed weights,
// recording a mistake at every wrong prediction.
func (w *worker) sentence(tw *trainWeights, in *instance, r *result, explore float64, rng *rand.Rand) {
	*r = result{updates: r.updates[:0], keys: r.keys[:0]}
	st := &w.st
	st.reset(len(in.g.heads))
	for t := 0; !st.terminal(); t++ {
		w.keys = in.at.extract(st, w.keys[:0])
		tw.score(w.keys, w.scores)
		in.g.costs(st, w.cost)
		pred, best, minCost := -1, -1, -1
		for c, cc := range w.cost {
			if cc < 0 {
				continue
			}
			if pred < 0 || w.scores[c] > w.scores[pred] {
				pred = c
			}
			if minCost < 0 || cc < minCost || cc == minCost && w.scores[c] > w.scores[best] {
				best, minCost = c, cc
			}
		}
		r.total++
		next := best
		if w.cost[pred] == minCost {
			r.correct++
			next = pred
		} else {
			lo := len(r.keys)
			r.keys = append(r.keys, w.keys...)
			r.updates = append(r.updates, mistake{t: t, lo: lo, hi: len(r.keys), best: best, pred: pred})
			if explore > 0 && rng.Float64() < explore {
				next = pred
			}
		}
		st.apply(next)
		r.transitions++
	}
}

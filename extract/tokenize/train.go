package tokenize

import (
	"errors"
	"math/rand/v2"

	"github.com/kgnews/kg/extract/conllu"
)

// DefaultEpochs is the number of passes over the training data that the
// bundled model was trained with.
const DefaultEpochs = 10

// Train trains a sentence-boundary model on gold sentences: it rebuilds their
// raw text as Evaluate does, tokenizes it, and learns for every token whether
// a sentence ends after it, in epochs passes over the paragraphs in an order
// shuffled with a fixed seed, so the same data always gives the same model.
func Train(gold []*conllu.Sentence, epochs int) (*Model, error) {
	if len(gold) == 0 {
		return nil, errors.New("train sentence model: no gold sentences")
	}
	g := rebuild(gold)
	sc := scanner{text: g.text}
	sc.scan()
	toks := sc.toks
	info := make([]tokInfo, len(toks))
	for i, tok := range toks {
		info[i] = infoOf(g.text[tok.start:tok.end])
	}
	labels := boundaryLabels(toks, g.sents)
	var paras []span // token ranges between blank lines
	for i := range toks {
		if i == 0 || toks[i].newlines >= 2 {
			paras = append(paras, span{i, i})
		}
		paras[len(paras)-1].end = i + 1
	}
	p := perceptron{m: newModel(), total: make([]float64, 1<<modelBits), stamp: make([]int, 1<<modelBits)}
	rng := rand.New(rand.NewPCG(1, 2))
	feats := make([]uint32, 0, 32)
	for range epochs {
		rng.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
		for _, para := range paras {
			start := para.start
			for i := para.start; i < para.end-1; i++ {
				feats = features(info, toks, i, i-start+1, feats[:0])
				if p.learn(feats, labels[i]) {
					start = i + 1
				}
			}
		}
	}
	return p.average(), nil
}

// boundaryLabels marks the tokens that end a gold sentence.
func boundaryLabels(toks []surface, sents []span) []bool {
	labels := make([]bool, len(toks))
	k := 0
	for i, t := range toks {
		for k < len(sents) && sents[k].end < t.end {
			k++
		}
		labels[i] = k < len(sents) && sents[k].end == t.end
	}
	return labels
}

// perceptron trains a Model with weights averaged over every step.
type perceptron struct {
	m     *Model
	total []float64 // sum of each weight over the steps, up to stamp
	stamp []int     // step at which total was last brought up to date
	steps int
}

// learn scores one example, updates the weights when it is wrong, and
// returns the prediction it made.
func (p *perceptron) learn(feats []uint32, want bool) bool {
	p.steps++
	got := p.m.score(feats) > 0
	if got == want {
		return got
	}
	delta := float32(-1)
	if want {
		delta = 1
	}
	for _, f := range feats {
		f &= 1<<modelBits - 1
		p.total[f] += float64(p.steps-p.stamp[f]) * float64(p.m.weights[f])
		p.stamp[f] = p.steps
		p.m.weights[f] += delta
	}
	return got
}

// average returns the model with every weight replaced by its average.
func (p *perceptron) average() *Model {
	out := newModel()
	for f, w := range p.m.weights {
		total := p.total[f] + float64(p.steps-p.stamp[f])*float64(w)
		out.weights[f] = float32(total / float64(max(p.steps, 1)))
	}
	return out
}

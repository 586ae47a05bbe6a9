package tagger

import (
	"context"
	"fmt"
	"sync"

	"github.com/kgnews/kg/extract/conllu"
)

// Jackknife returns predicted tags for every sentence of sents, each from a
// model trained on the other folds: the sentences are cut into folds
// contiguous blocks (so documents mostly stay together), and each block is
// tagged by a model that never saw it. Stages that train on tagger output,
// such as the parser, use it to see tags as good as the tagger's at run time.
// opts.Workers folds train at once.
func Jackknife(ctx context.Context, sents []*conllu.Sentence, folds int, opts TrainOptions) ([][]Tag, error) {
	if folds < 2 {
		return nil, fmt.Errorf("jackknife: %d folds, want at least 2", folds)
	}
	if len(sents) < folds {
		return nil, fmt.Errorf("jackknife: %d sentences for %d folds", len(sents), folds)
	}
	opts = opts.withDefaults()
	out := make([][]Tag, len(sents))
	errs := make([]error, folds)
	sem := make(chan struct{}, opts.Workers)
	var wg sync.WaitGroup
	for f := range folds {
		lo, hi := f*len(sents)/folds, (f+1)*len(sents)/folds
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			rest := make([]*conllu.Sentence, 0, len(sents)-(hi-lo))
			rest = append(append(rest, sents[:lo]...), sents[hi:]...)
			m, err := train(ctx, rest, opts, f)
			if err != nil {
				errs[f] = fmt.Errorf("jackknife fold %d: %w", f, err)
				return
			}
			for i := lo; i < hi; i++ {
				out[i] = m.Tag(Words(sents[i]))
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Words returns the forms of a sentence's syntactic words.
func Words(s *conllu.Sentence) []string {
	words := make([]string, len(s.Words))
	for i, w := range s.Words {
		words[i] = w.Form
	}
	return words
}

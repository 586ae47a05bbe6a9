package main

import (
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
)

// trainAndReport trains a model as cfg says, printing progress and dev
// scores to stdout, and saves it.
func trainAndReport(ctx context.Context, stdout io.Writer, cfg *config) error {
	sents, err := conllu.ReadFile(cfg.train...)
	if err != nil {
		return err
	}
	var tg *tagger.Model
	if cfg.tagDir != "" {
		if tg, err = tagger.Load(os.DirFS(cfg.tagDir)); err != nil {
			return err
		}
	}
	devs := make([][]*conllu.Sentence, len(cfg.dev))
	for i, d := range cfg.dev {
		if devs[i], err = conllu.ReadFile(d); err != nil {
			return err
		}
	}
	report := func(label string, m *parser.Model) {
		for i, d := range cfg.dev {
			js, _ := json.Marshal(parser.Evaluate(ctx, m, tg, devs[i]))
			fmt.Fprintf(stdout, "%s %s %s\n", label, filepath.Base(d), js)
		}
	}
	start := time.Now()
	if cfg.from != "" {
		m, err := load(cfg.from)
		if err != nil {
			return err
		}
		return finish(stdout, cfg, m, report)
	}
	tags, err := trainingTags(ctx, cfg, sents, tg, devs)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "training tags ready in %.1fs\n", time.Since(start).Seconds())
	cfg.opts.OnEpoch = func(epoch int, acc float64, snapshot func() *parser.Model) {
		fmt.Fprintf(stdout, "epoch %d train-acc %.4f elapsed %.1fs\n", epoch, acc, time.Since(start).Seconds())
		if cfg.each {
			sm := snapshot()
			report(fmt.Sprintf("epoch %d", epoch), sm)
			if cfg.out != "" {
				if err := save(sm, cfg.out+".snapshot"); err != nil {
					fmt.Fprintf(stdout, "snapshot: %v\n", err)
				}
			}
		}
	}
	m, err := parser.Train(ctx, sents, tags, cfg.opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "trained %d sentences in %.1fs\n", len(sents), time.Since(start).Seconds())
	return finish(stdout, cfg, m, report)
}

// finish runs the prune sweep, prunes, scores and saves the model.
func finish(stdout io.Writer, cfg *config, m *parser.Model, report func(string, *parser.Model)) error {
	if err := sweep(stdout, m, cfg.prune, report); err != nil {
		return err
	}
	if cfg.minWeight > 0 {
		m = m.Pruned(cfg.minWeight)
	}
	report("final", m)
	if cfg.out == "" {
		return nil
	}
	return save(m, cfg.out)
}

func load(path string) (*parser.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parser.Read(f)
}

// sweep reports the size and scores of m pruned at each threshold.
func sweep(stdout io.Writer, m *parser.Model, thresholds []float64, report func(string, *parser.Model)) error {
	for _, p := range thresholds {
		pm := m.Pruned(p)
		nf, ne := pm.Size()
		var buf bytes.Buffer
		if err := pm.Save(&buf); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "prune %g: %d features %d weights %d bytes\n", p, nf, ne, buf.Len())
		report(fmt.Sprintf("prune %g", p), pm)
	}
	return nil
}

// trainingTags returns the tags to train on: jackknifed, corrupted gold, or
// nil for the gold tags.
func trainingTags(ctx context.Context, cfg *config, sents []*conllu.Sentence, tg *tagger.Model, devs [][]*conllu.Sentence) ([][]tagger.Tag, error) {
	switch {
	case cfg.jackknife > 0:
		return jackknife(ctx, sents, cfg.jackknife, cfg.cache)
	case cfg.noisy && tg != nil:
		var all []*conllu.Sentence
		for _, d := range devs {
			all = append(all, d...)
		}
		return noisyTags(tg, all, sents), nil
	}
	return nil, nil
}

func save(m *parser.Model, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// jackknife returns tags for sents predicted by taggers that never saw
// them, reading them from cache when it exists and writing them there
// otherwise.
func jackknife(ctx context.Context, sents []*conllu.Sentence, folds int, cache string) ([][]tagger.Tag, error) {
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			var tags [][]tagger.Tag
			if err := gob.NewDecoder(f).Decode(&tags); err != nil {
				return nil, fmt.Errorf("read %s: %w", cache, err)
			}
			if len(tags) != len(sents) {
				return nil, fmt.Errorf("%s: %d rows for %d sentences", cache, len(tags), len(sents))
			}
			return tags, nil
		}
	}
	tags, err := tagger.Jackknife(ctx, sents, folds, tagger.TrainOptions{Seed: 1, Workers: 2})
	if err != nil {
		return nil, err
	}
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := gob.NewEncoder(f).Encode(tags); err != nil {
			return nil, fmt.Errorf("write %s: %w", cache, err)
		}
	}
	return tags, nil
}

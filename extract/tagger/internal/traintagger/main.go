// Command traintagger trains the tagger and the lemmatizer on EWT and GUM
// train, writes them to data/models and scores them on the dev sets. It is a
// stand-in until `kg train tagger` exists.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/lemma"
	"github.com/kgnews/kg/extract/tagger"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "traintagger:", err)
		os.Exit(1)
	}
}

func run() error {
	shared := flag.String("shared", "../shared", "folder of shared corpora")
	out := flag.String("out", "data/models", "folder to write the models to")
	epochs := flag.Int("epochs", 0, "training epochs (0 = default)")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	prune := flag.Float64("prune", 0, "weight pruning threshold (0 = default)")
	jack := flag.Int("jackknife", 0, "run a jackknife with this many folds instead of training, and report its accuracy")
	workers := flag.Int("workers", 1, "jackknife folds trained at once")
	curve := flag.Bool("curve", false, "score EWT dev after every epoch")
	flag.Parse()
	ctx := context.Background()
	corp := func(p ...string) string { return filepath.Join(append([]string{*shared, "corpora"}, p...)...) }
	train, err := conllu.ReadFile(corp("ud-ewt", "en_ewt-ud-train.conllu"), corp("gum", "en_gum-ud-train.conllu"))
	if err != nil {
		return err
	}
	dev, err := conllu.ReadFile(corp("ud-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	opts := tagger.TrainOptions{Epochs: *epochs, Seed: *seed, Prune: *prune, Workers: *workers,
		Progress: func(p tagger.Progress) {
			fmt.Fprintf(os.Stderr, "fold %d epoch %d train acc %.2f%% %.1fs\n", p.Fold, p.Epoch, p.Accuracy, p.Elapsed.Seconds())
			if *curve {
				sc := tagger.Evaluate(p.Snapshot(), nil, dev)
				fmt.Fprintf(os.Stderr, "  dev upos %.2f xpos %.2f\n", sc.UPOS, sc.XPOS)
			}
		}}
	if *jack > 0 {
		return jackknife(ctx, train, *jack, opts)
	}
	start := time.Now()
	m, err := tagger.Train(ctx, train, opts)
	if err != nil {
		return err
	}
	lem := lemma.Train(train)
	fmt.Fprintf(os.Stderr, "trained in %.1fs\n", time.Since(start).Seconds())
	if err := save(filepath.Join(*out, tagger.FileName), m.Save); err != nil {
		return err
	}
	if err := save(filepath.Join(*out, lemma.FileName), lem.Save); err != nil {
		return err
	}
	for _, dev := range []string{corp("ud-ewt", "en_ewt-ud-dev.conllu"), corp("gum", "en_gum-ud-dev.conllu")} {
		gold, err := conllu.ReadFile(dev)
		if err != nil {
			return err
		}
		sc := tagger.Evaluate(m, lem, gold)
		b, _ := json.Marshal(sc)
		fmt.Printf("%s\t%s\n", filepath.Base(dev), b)
	}
	return nil
}

func jackknife(ctx context.Context, train []*conllu.Sentence, folds int, opts tagger.TrainOptions) error {
	start := time.Now()
	tags, err := tagger.Jackknife(ctx, train, folds, opts)
	if err != nil {
		return err
	}
	right, n := 0, 0
	for i, s := range train {
		for j, w := range s.Words {
			n++
			if tags[i][j].UPOS == w.UPOS {
				right++
			}
		}
	}
	fmt.Printf("jackknife %d folds: UPOS %.2f%% over %d words in %.1fs\n", folds, 100*float64(right)/float64(n), n, time.Since(start).Seconds())
	return nil
}

func save(path string, write func(w io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

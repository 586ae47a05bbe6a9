// Command trainparser trains kg's dependency parser and reports dev scores.
// It is temporary: `kg train parser` replaces it.
//
//	go run ./extract/parser/internal/trainparser -jackknife 5 -tagger data/models -out data/models/parser.bin.gz
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/kgnews/kg/extract/parser"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config is the command line.
type config struct {
	train, dev []string // training and dev files
	out        string   // model path, or "" for none
	tagDir     string   // folder of tagger.bin.gz, or "" for gold tags
	jackknife  int      // folds, or 0 for gold training tags
	cache      string   // file caching jackknifed tags
	noisy      bool     // corrupt gold tags at the tagger's dev error rates
	each       bool     // score (and snapshot) after every epoch
	prune      []float64
	minWeight  float64
	cpuProfile string
	from       string // evaluate this saved model instead of training
	opts       parser.TrainOptions
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "trainparser: %v\n", err)
		return 2
	}
	if cfg.cpuProfile != "" {
		f, err := os.Create(cfg.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "trainparser: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "trainparser: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if err := trainAndReport(ctx, stdout, cfg); err != nil {
		fmt.Fprintf(stderr, "trainparser: %v\n", err)
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	shared := filepath.Join("..", "shared", "corpora")
	if s := os.Getenv("KG_SHARED"); s != "" {
		shared = filepath.Join(s, "corpora")
	}
	fl := flag.NewFlagSet("trainparser", flag.ContinueOnError)
	fl.SetOutput(stderr)
	cfg := &config{}
	train := fl.String("train", filepath.Join(shared, "ud-ewt/en_ewt-ud-train.conllu")+","+filepath.Join(shared, "gum/en_gum-ud-train.conllu"), "comma-separated training files")
	dev := fl.String("dev", filepath.Join(shared, "ud-ewt/en_ewt-ud-dev.conllu")+","+filepath.Join(shared, "gum/en_gum-ud-dev.conllu"), "comma-separated dev files, scored one by one")
	fl.StringVar(&cfg.out, "out", "", "where to write the model (nothing written when empty)")
	fl.StringVar(&cfg.tagDir, "tagger", "", "folder holding tagger.bin.gz: evaluate with predicted tags (gold tags when empty)")
	fl.IntVar(&cfg.jackknife, "jackknife", 0, "train on tags jackknifed over this many folds (gold tags when 0)")
	fl.StringVar(&cfg.cache, "tags-cache", "", "file caching the jackknifed tags between runs")
	fl.BoolVar(&cfg.noisy, "noisy", false, "train on gold tags corrupted at the rates the -tagger shows on the dev files (a quick stand-in for -jackknife)")
	fl.BoolVar(&cfg.each, "each", false, "score the dev files after every epoch and write OUT.snapshot")
	pruneList := fl.String("prune-sweep", "", "comma-separated weight thresholds to try after training, each scored on the dev files")
	fl.Float64Var(&cfg.minWeight, "min-weight", 0, "drop weights smaller than this from the saved model (after the sweep)")
	fl.Float64Var(&cfg.opts.MinWeight, "train-min-weight", 0, "weights dropped by training itself (parser.DefaultMinWeight when 0; tiny to sweep)")
	fl.StringVar(&cfg.from, "from", "", "skip training: load this model file, then prune, score and save it")
	fl.StringVar(&cfg.cpuProfile, "cpuprofile", "", "write a CPU profile of training to this file")
	fl.IntVar(&cfg.opts.Epochs, "epochs", parser.DefaultEpochs, "training epochs")
	fl.IntVar(&cfg.opts.ExploreAfter, "explore-after", parser.DefaultExploreAfter, "epochs before exploration (negative: never explore)")
	fl.IntVar(&cfg.opts.Workers, "workers", 0, "goroutines parsing each batch (all cores when 0)")
	fl.IntVar(&cfg.opts.Batch, "batch", parser.DefaultBatch, "sentences parsed with the same weights")
	np := fl.String("nonprojective", "lift", "lift, skip or keep non-projective training trees")
	if err := fl.Parse(args); err != nil {
		return nil, err
	}
	cfg.train, cfg.dev = strings.Split(*train, ","), strings.Split(*dev, ",")
	switch *np {
	case "lift":
		cfg.opts.NonProjective = parser.Lift
	case "skip":
		cfg.opts.NonProjective = parser.Skip
	case "keep":
		cfg.opts.NonProjective = parser.Keep
	default:
		return nil, fmt.Errorf("bad -nonprojective %q", *np)
	}
	for _, f := range strings.Split(*pruneList, ",") {
		if f == "" {
			continue
		}
		p, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, fmt.Errorf("bad -prune-sweep: %w", err)
		}
		cfg.prune = append(cfg.prune, p)
	}
	return cfg, nil
}

// Command trainner trains the named-entity model into data/models/ner.bin.gz
// and prints its scores on UNER EWT dev and on GUM dev's named entities. It stands in until `kg train ner`
// exists.
//
//	go run ./extract/ner/internal/trainner -shared ../shared -out data/models/ner.bin.gz
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/gazetteer"
	"github.com/kgnews/kg/extract/ner"
	"github.com/kgnews/kg/extract/tagger"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "trainner:", err)
		os.Exit(1)
	}
}

type config struct {
	shared, out, extra string
	eval               string
	epochs, unerWeight int
	seed               uint64
	runs               int
	noGaz, upos        bool
	clusters, caps     bool
	rollIn             float64
	document           bool
	types              string
	errors             int
}

// parseFlags reads the command line.
func parseFlags(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("trainner", flag.ContinueOnError)
	fs.StringVar(&c.shared, "shared", "../shared", "folder of shared corpora")
	fs.StringVar(&c.out, "out", "", "where to write the model (none when empty)")
	fs.StringVar(&c.extra, "extra", "btc", "extra training data, comma-separated: gum, wikigold, btc (\"\" for none)")
	fs.StringVar(&c.types, "types", "PER,ORG,LOC", "entity types to learn, comma-separated (EVENT adds GUM events)")
	fs.IntVar(&c.unerWeight, "uner-weight", 1, "how many copies of the UNER training set to train on")
	fs.IntVar(&c.runs, "runs", 3, "models to train with successive seeds and average")
	fs.Uint64Var(&c.seed, "seed", ner.DefaultSeed, "shuffling seed")
	fs.IntVar(&c.epochs, "epochs", ner.DefaultEpochs, "training epochs")
	fs.BoolVar(&c.noGaz, "nogaz", false, "train without gazetteer features")
	fs.BoolVar(&c.upos, "upos", false, "add UPOS tags from data/models/tagger.bin.gz (run from the repository root) as features")
	fs.BoolVar(&c.clusters, "clusters", false, "add word-cluster features computed from the unlabeled text of the shared corpora")
	fs.BoolVar(&c.caps, "caps", true, "add how often each word is capitalized mid-sentence in that text as a feature")
	fs.Float64Var(&c.rollIn, "rollin", 0, "after the first epoch, how often the label features see the model's own guess instead of the gold label")
	fs.BoolVar(&c.document, "doc", false, "add how each word is written elsewhere in its document as a feature")
	fs.IntVar(&c.errors, "errors", 0, "print this many dev sentences the model gets wrong")
	fs.StringVar(&c.eval, "eval", "", "score this model file instead of training one")
	err := fs.Parse(args)
	return c, err
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	c, err := parseFlags(args)
	if err != nil {
		return err
	}
	if c.eval != "" {
		return evalFile(c, stdout)
	}
	train, err := trainingData(c)
	if err != nil {
		return err
	}
	var tg *tagger.Model
	if c.upos {
		if tg, err = tagger.Load(os.DirFS("data/models")); err != nil {
			return err
		}
		addUPOS(tg, train)
	}
	opts := ner.TrainOptions{Epochs: c.epochs, Seed: c.seed, Runs: c.runs, UPOS: c.upos, RollIn: c.rollIn, Document: c.document, Progress: func(e int, acc float64) {
		fmt.Fprintf(os.Stderr, "epoch %d: train accuracy %.2f%%\n", e, acc)
	}}
	if !c.noGaz {
		if opts.Gazetteer, err = gazetteer.Load(data.Gazetteer); err != nil {
			return err
		}
	}
	if err := addText(c, &opts, stdout); err != nil {
		return err
	}
	start := time.Now()
	m, err := ner.Train(ctx, train, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "trained on %d sentences in %.1fs\n", len(train), time.Since(start).Seconds())
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "model %d bytes\n", buf.Len())
	if m, err = ner.Read(bytes.NewReader(buf.Bytes())); err != nil {
		return err
	}
	if c.out != "" {
		if err := os.WriteFile(c.out, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write model: %w", err)
		}
	}
	return report(c, m, tg, stdout)
}

// addText reads the unlabeled text into opts when the lexicon features are
// on.
func addText(c config, opts *ner.TrainOptions, stdout io.Writer) error {
	if !c.clusters && !c.caps {
		return nil
	}
	text, err := unlabeledText(c.shared)
	if err != nil {
		return err
	}
	opts.Text, opts.Clusters, opts.Caps = text, c.clusters, c.caps
	tokens := 0
	for _, s := range text {
		tokens += len(s)
	}
	fmt.Fprintf(stdout, "unlabeled text: %d sentences, %d tokens\n", len(text), tokens)
	return nil
}

// evalFile scores a saved model.
func evalFile(c config, stdout io.Writer) error {
	f, err := os.Open(c.eval)
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := ner.Read(f)
	if err != nil {
		return err
	}
	return report(c, m, nil, stdout)
}

func trainingData(c config) ([]ner.Sentence, error) {
	keep := map[string]string{}
	for _, t := range strings.Split(c.types, ",") {
		keep[t] = t
	}
	train, err := readIOB(filepath.Join(c.shared, "corpora/uner-ewt/en_ewt-uner-train.iob2"), "iob2")
	if err != nil {
		return nil, err
	}
	uner := train
	for range c.unerWeight - 1 {
		train = append(train, uner...)
	}

	for _, x := range strings.Split(c.extra, ",") {
		var more []ner.Sentence
		switch x {
		case "":
			continue
		case "gum":
			f, err := os.Open(filepath.Join(c.shared, "corpora/gum/en_gum-ud-train.conllu"))
			if err != nil {
				return nil, err
			}
			more, err = ner.ReadGUM(f)
			f.Close()
			if err != nil {
				return nil, err
			}
			more = ner.MapTypes(more, filter(keep, map[string]string{"person": "PER", "organization": "ORG", "place": "LOC", "event": "EVENT"}))
		case "wikigold":
			if more, err = readIOB(filepath.Join(c.shared, "corpora/wikigold/wikigold.conll.txt"), "iob1"); err != nil {
				return nil, err
			}
			more = ner.MapTypes(more, keep)
		case "btc":
			for _, p := range []string{"a", "b", "e", "f", "g", "h"} {
				s, err := readIOB(filepath.Join(c.shared, "corpora/btc", p+".conll"), "iob2")
				if err != nil {
					return nil, err
				}
				more = append(more, ner.MapTypes(s, keep)...)
			}
		default:
			return nil, fmt.Errorf("unknown extra data %q", x)
		}
		fmt.Fprintf(os.Stderr, "%s: %d sentences\n", x, len(more))
		train = append(train, more...)
	}
	return ner.MapTypes(train, keep), nil
}

func addUPOS(tg *tagger.Model, sents []ner.Sentence) {
	for i, s := range sents {
		tags := tg.Tag(s.Words)
		sents[i].UPOS = make([]string, len(tags))
		for k, t := range tags {
			sents[i].UPOS[k] = t.UPOS
		}
	}
}

func filter(keep, m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if keep[v] != "" {
			out[k] = v
		}
	}
	return out
}

func readIOB(path, scheme string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ner.ReadIOB(f, scheme)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func report(c config, m *ner.Model, tg *tagger.Model, stdout io.Writer) error {
	dev, err := readIOB(filepath.Join(c.shared, "corpora/uner-ewt/en_ewt-uner-dev.iob2"), "iob2")
	if err != nil {
		return err
	}
	if tg != nil {
		addUPOS(tg, dev)
	}
	words := 0
	for _, d := range dev {
		words += len(d.Words)
	}
	start := time.Now()
	s := ner.Evaluate(m, dev)
	el := time.Since(start)
	js, _ := json.Marshal(s)
	fmt.Fprintf(stdout, "UNER EWT dev: P %.2f R %.2f F1 %.2f (%.0f tokens/s, one goroutine)\n%s\n", s.Precision, s.Recall, s.F1, float64(words)/el.Seconds(), js)
	if c.errors > 0 {
		showErrors(dev, m, c.errors)
	}
	return reportGUM(c, m, stdout)
}

// reportGUM scores the model on GUM dev's named entities, a second domain
// whose annotation differs from UNER's (titles inside person spans, for one).
func reportGUM(c config, m *ner.Model, stdout io.Writer) error {
	f, err := os.Open(filepath.Join(c.shared, "corpora/gum/en_gum-ud-dev.conllu"))
	if err != nil {
		return err
	}
	defer f.Close()
	dev, err := ner.ReadGUM(f)
	if err != nil {
		return err
	}
	dev = ner.MapTypes(dev, map[string]string{"person": "PER", "organization": "ORG", "place": "LOC"})
	s := ner.Evaluate(m, dev)
	js, _ := json.Marshal(s)
	fmt.Fprintf(stdout, "GUM dev (named PER/ORG/LOC): P %.2f R %.2f F1 %.2f\n%s\n", s.Precision, s.Recall, s.F1, js)
	return nil
}

func showErrors(dev []ner.Sentence, m *ner.Model, n int) {
	for _, d := range dev {
		got := m.Tag(d.Words, nil)
		if strings.Join(got, " ") == strings.Join(d.Tags, " ") {
			continue
		}
		var b strings.Builder
		for i, w := range d.Words {
			b.WriteString(w)
			if got[i] != d.Tags[i] || got[i] != "O" {
				fmt.Fprintf(&b, "[%s/%s]", d.Tags[i], got[i])
			}
			b.WriteByte(' ')
		}
		fmt.Fprintln(os.Stderr, b.String())
		if n--; n == 0 {
			return
		}
	}
}

// Command trainsent trains the sentence-boundary model of package tokenize
// from CoNLL-U train files and scores it on dev files:
//
//	go run ./extract/tokenize/internal/trainsent -o data/models/sentences.bin.gz \
//	    -dev ../shared/corpora/ud-ewt/en_ewt-ud-dev.conllu,../shared/corpora/gum/en_gum-ud-dev.conllu \
//	    ../shared/corpora/ud-ewt/en_ewt-ud-train.conllu ../shared/corpora/gum/en_gum-ud-train.conllu
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/tokenize"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "trainsent:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("trainsent", flag.ContinueOnError)
	out := fs.String("o", "", "write the model to this file")
	dev := fs.String("dev", "", "comma-separated CoNLL-U files to score the model on")
	epochs := fs.Int("epochs", tokenize.DefaultEpochs, "passes over the training data")
	if err := fs.Parse(args); err != nil {
		return err
	}
	gold, err := conllu.ReadFile(fs.Args()...)
	if err != nil {
		return fmt.Errorf("read train: %w", err)
	}
	m, err := tokenize.Train(gold, *epochs)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "model: %d bytes\n", buf.Len())
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write model: %w", err)
		}
	}
	m, err = tokenize.ReadModel(&buf)
	if err != nil {
		return err
	}
	for _, path := range strings.Split(*dev, ",") {
		if path == "" {
			continue
		}
		dg, err := conllu.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read dev: %w", err)
		}
		js, _ := json.Marshal(tokenize.New(m).Evaluate(dg))
		fmt.Fprintf(stdout, "%s\t%s\n", path, js)
	}
	return nil
}

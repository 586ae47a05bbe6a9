package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgnews/kg/extract/conllu"
)

// unlabeledText reads the tokenized sentences of every corpus available
// offline, train and dev parts only: UD English EWT (the text of UNER EWT),
// GUM, the Broad Twitter Corpus, Wikigold and the CaRB sentences.
func unlabeledText(shared string) ([][]string, error) {
	var out [][]string
	for _, p := range []string{
		"corpora/ud-ewt/en_ewt-ud-train.conllu", "corpora/ud-ewt/en_ewt-ud-dev.conllu",
		"corpora/gum/en_gum-ud-train.conllu", "corpora/gum/en_gum-ud-dev.conllu",
	} {
		sents, err := conllu.ReadFile(filepath.Join(shared, p))
		if err != nil {
			return nil, fmt.Errorf("read text: %w", err)
		}
		for _, s := range sents {
			words := make([]string, len(s.Words))
			for i, w := range s.Words {
				words[i] = w.Form
			}
			out = append(out, words)
		}
	}
	for _, p := range []string{"a", "b", "e", "f", "g", "h"} {
		s, err := readIOB(filepath.Join(shared, "corpora/btc", p+".conll"), "iob2")
		if err != nil {
			return nil, err
		}
		for _, x := range s {
			out = append(out, x.Words)
		}
	}
	wg, err := readIOB(filepath.Join(shared, "corpora/wikigold/wikigold.conll.txt"), "iob1")
	if err != nil {
		return nil, err
	}
	for _, x := range wg {
		out = append(out, x.Words)
	}
	f, err := os.Open(filepath.Join(shared, "eval/carb/dev.txt"))
	if err != nil {
		return nil, fmt.Errorf("read text: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.Fields(sc.Text()); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out, sc.Err()
}

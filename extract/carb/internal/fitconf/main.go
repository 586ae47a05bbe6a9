// Command fitconf fits the weights of the relation extractor's confidence
// model on CaRB dev: for every extraction of every dev sentence it records
// the confidence features and, as the target, the extraction's CaRB
// precision score against the gold tuples of its sentence, then fits an
// L2-regularized logistic regression and prints the weights as Go source for
// extract/relations/confidence.go. Run it from the repository root:
//
//	go run ./extract/carb/internal/fitconf ../shared/eval/carb
package main

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/carb"
	"github.com/kgnews/kg/extract/carb/internal/annotate"
	"github.com/kgnews/kg/extract/relations"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: fitconf CARB_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "fitconf:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	ann, err := annotate.Load(data.Models)
	if err != nil {
		return err
	}
	g, err := os.Open(filepath.Join(dir, "dev-gold.tsv"))
	if err != nil {
		return err
	}
	defer g.Close()
	gold, err := carb.ReadGold(g)
	if err != nil {
		return err
	}
	in, err := os.Open(filepath.Join(dir, "dev.txt"))
	if err != nil {
		return err
	}
	defer in.Close()
	var xs [][]float64
	var ys []float64
	var feats [][]float64
	skipped := 0
	relations.FeatureHook = func(f []float64) { feats = append(feats, append([]float64(nil), f...)) }
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		words := strings.Fields(sc.Text())
		if len(words) == 0 {
			continue
		}
		s := carb.Sentence(words)
		if err := ann(context.Background(), &s); err != nil {
			return err
		}
		feats = feats[:0]
		rels := relations.Extract(&s)
		if len(feats) != len(rels) {
			skipped++ // some relation took no scored confidence: features and relations do not pair up
			continue
		}
		one := map[string][]carb.Tuple{s.Text: goldOf(gold, s.Text)}
		for i := range rels {
			l, ok := carb.LineOf(s.Text, &rels[i])
			if !ok {
				continue
			}
			l.Confidence = 1
			score := carb.Score(one, map[string][]carb.Tuple{s.Text: {l.Tuple}})
			xs = append(xs, feats[i])
			ys = append(ys, score.Precision/100)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	w := fit(xs, ys)
	fmt.Printf("// fitted on %d extractions (%d sentences skipped)\nvar weights = [numFeatures]float64{", len(xs), skipped)
	for i, v := range w {
		if i > 0 {
			fmt.Print(", ")
		}
		fmt.Printf("%.3f", v)
	}
	fmt.Println("}")
	return nil
}

// goldOf returns the gold tuples of a sentence, matching keys the way the
// scorer does.
func goldOf(gold map[string][]carb.Tuple, sentence string) []carb.Tuple {
	want := carb.Key(sentence)
	for k, v := range gold {
		if carb.Key(k) == want {
			return v
		}
	}
	return nil
}

// fit is logistic regression with soft targets and a little L2, by batch
// gradient descent from zero weights: deterministic.
func fit(xs [][]float64, ys []float64) []float64 {
	if len(xs) == 0 {
		return nil
	}
	w := make([]float64, len(xs[0]))
	const rate, l2, rounds = 0.5, 1e-3, 3000
	grad := make([]float64, len(w))
	for range rounds {
		clear(grad)
		for i, x := range xs {
			z := 0.0
			for j, v := range x {
				z += w[j] * v
			}
			d := 1/(1+math.Exp(-z)) - ys[i]
			for j, v := range x {
				grad[j] += d * v
			}
		}
		for j := range w {
			w[j] -= rate * (grad[j]/float64(len(xs)) + l2*w[j])
		}
	}
	return w
}

package main

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/gazetteer"
	"github.com/kgnews/kg/extract/lemma"
	"github.com/kgnews/kg/extract/ner"
	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
	"github.com/kgnews/kg/extract/tokenize"
)

// trainTagger trains the tagger and the lemmatizer on gold words.
func trainTagger(c *cli.Context, e *env) (trainReport, error) {
	sents, err := readCoNLLUFiles(c.StringSlice("train"))
	if err != nil {
		return trainReport{}, err
	}
	logf(e, "tagger: %d training sentences", len(sents))
	opts := tagger.TrainOptions{Epochs: c.Int("epochs"), Seed: c.Uint64("seed"), Progress: func(p tagger.Progress) {
		logf(e, "tagger: epoch %d, training accuracy %.2f%%, %.1fs", p.Epoch, p.Accuracy, p.Elapsed.Seconds())
	}}
	start := time.Now()
	m, err := tagger.Train(c.Context, sents, opts)
	if err != nil {
		return trainReport{}, err
	}
	lem := lemma.Train(sents)
	rep := trainReport{Seconds: since(start)}
	p, err := saveModel(c.String("out"), tagger.FileName, m.Save)
	if err != nil {
		return trainReport{}, err
	}
	rep.Files = append(rep.Files, p)
	if p, err = saveModel(c.String("out"), lemma.FileName, lem.Save); err != nil {
		return trainReport{}, err
	}
	rep.Files = append(rep.Files, p)
	for _, path := range c.StringSlice("dev") {
		dev, err := readCoNLLUFiles([]string{path})
		if err != nil {
			return trainReport{}, err
		}
		s := tagScores{Scores: tagger.Evaluate(m, lem, dev)}
		rep.Dev = append(rep.Dev, devScore{File: path, Scores: s, rows: tagRows(s)})
	}
	return rep, nil
}

// trainParser trains the parser on jackknifed tags (or gold tags with
// --jackknife 0) and scores it with the tagger of --models.
func trainParser(c *cli.Context, e *env) (trainReport, error) {
	sents, err := readCoNLLUFiles(c.StringSlice("train"))
	if err != nil {
		return trainReport{}, err
	}
	var tg *tagger.Model
	if len(c.StringSlice("dev")) > 0 {
		ms, err := modelsOf(c)
		if err != nil {
			return trainReport{}, err
		}
		if tg, err = ms.tagger(); err != nil {
			return trainReport{}, err
		}
	}
	logf(e, "parser: %d training sentences", len(sents))
	start := time.Now()
	var tags [][]tagger.Tag
	if folds := c.Int("jackknife"); folds > 0 {
		logf(e, "parser: jackknifing tags over %d folds", folds)
		topts := tagger.TrainOptions{Seed: c.Uint64("seed"), Workers: max(c.Int("workers"), 1)}
		if tags, err = tagger.Jackknife(c.Context, sents, folds, topts); err != nil {
			return trainReport{}, err
		}
		logf(e, "parser: tags ready in %.1fs", since(start))
	}
	opts := parser.TrainOptions{Epochs: c.Int("epochs"), Seed: c.Uint64("seed"), Workers: c.Int("workers"),
		OnEpoch: func(epoch int, acc float64, _ func() *parser.Model) {
			logf(e, "parser: epoch %d, transitions right %.2f%%, %.1fs", epoch, 100*acc, since(start))
		}}
	m, err := parser.Train(c.Context, sents, tags, opts)
	if err != nil {
		return trainReport{}, err
	}
	if w := c.Float64("min-weight"); w > 0 {
		m = m.Pruned(w)
	}
	rep := trainReport{Seconds: since(start)}
	p, err := saveModel(c.String("out"), parser.FileName, m.Save)
	if err != nil {
		return trainReport{}, err
	}
	rep.Files = append(rep.Files, p)
	for _, path := range c.StringSlice("dev") {
		dev, err := readCoNLLUFiles([]string{path})
		if err != nil {
			return trainReport{}, err
		}
		s := parseScores{Scores: parser.Evaluate(c.Context, m, tg, dev)}
		rep.Dev = append(rep.Dev, devScore{File: path, Scores: s, rows: parseRows(s)})
	}
	return rep, c.Context.Err()
}

// trainNER trains the NER model with kg's gazetteer as features.
func trainNER(c *cli.Context, e *env) (trainReport, error) {
	keep := map[string]string{}
	for _, t := range strings.Split(c.String("types"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			keep[t] = t
		}
	}
	var sents []ner.Sentence
	for _, path := range c.StringSlice("train") {
		s, err := readNERFile(path, keep)
		if err != nil {
			return trainReport{}, err
		}
		logf(e, "ner: %d sentences from %s", len(s), path)
		sents = append(sents, s...)
	}
	sents = ner.MapTypes(sents, keep)
	gaz, err := gazetteer.Load(data.Gazetteer)
	if err != nil {
		return trainReport{}, fmt.Errorf("load gazetteer: %w", err)
	}
	opts := ner.TrainOptions{Epochs: c.Int("epochs"), Seed: c.Uint64("seed"), Runs: c.Int("runs"), Gazetteer: gaz,
		Progress: func(epoch int, acc float64) { logf(e, "ner: epoch %d, training accuracy %.2f%%", epoch, acc) }}
	for _, path := range c.StringSlice("text") {
		words, err := readTextFile(path)
		if err != nil {
			return trainReport{}, err
		}
		logf(e, "ner: %d unlabeled sentences from %s", len(words), path)
		opts.Text = append(opts.Text, words...)
	}
	opts.Caps = len(opts.Text) > 0
	start := time.Now()
	m, err := ner.Train(c.Context, sents, opts)
	if err != nil {
		return trainReport{}, err
	}
	rep := trainReport{Seconds: since(start)}
	p, err := saveModel(c.String("out"), ner.ModelFile, m.Save)
	if err != nil {
		return trainReport{}, err
	}
	rep.Files = append(rep.Files, p)
	for _, path := range c.StringSlice("dev") {
		dev, err := readNERFile(path, nil)
		if err != nil {
			return trainReport{}, err
		}
		s := scoreNER(m, dev)
		rep.Dev = append(rep.Dev, devScore{File: path, Scores: s, rows: nerRows(s)})
	}
	return rep, nil
}

// gumTypes maps GUM's entity types to the NER types.
var gumTypes = map[string]string{"person": "PER", "organization": "ORG", "place": "LOC", "event": "EVENT"}

// readNERFile reads an IOB2 file, or the named entities of a GUM CoNLL-U
// file (.conllu) with their types mapped through gumTypes. keep, when not
// nil, keeps only those types.
func readNERFile(path string, keep map[string]string) ([]ner.Sentence, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var s []ner.Sentence
	if filepath.Ext(path) == ".conllu" {
		if s, err = ner.ReadGUM(f); err != nil {
			return nil, kg.Errorf(kg.EINVALID, "read %s: %v", path, err)
		}
		m := map[string]string{}
		for k, v := range gumTypes {
			if keep == nil || keep[v] != "" {
				m[k] = v
			}
		}
		return ner.MapTypes(s, m), nil
	}
	if s, err = ner.ReadIOB(f, "iob2"); err != nil {
		return nil, kg.Errorf(kg.EINVALID, "read %s: %v", path, err)
	}
	if keep != nil {
		s = ner.MapTypes(s, keep)
	}
	return s, nil
}

// readTextFile reads the words of unlabeled tokenized text: the word forms
// of a CoNLL-U file, the words of an IOB file (.conll, .iob2), or one
// sentence a line with tokens separated by spaces (any other file).
func readTextFile(path string) ([][]string, error) {
	switch ext := filepath.Ext(path); {
	case ext == ".conllu":
		sents, err := readCoNLLUFiles([]string{path})
		if err != nil {
			return nil, err
		}
		out := make([][]string, len(sents))
		for i, s := range sents {
			for _, w := range s.Words {
				out[i] = append(out[i], w.Form)
			}
		}
		return out, nil
	case ext == ".conll" || ext == ".iob2" || strings.HasSuffix(path, ".conll.txt"):
		sents, err := readNERFile(path, nil)
		if err != nil {
			return nil, err
		}
		out := make([][]string, len(sents))
		for i, s := range sents {
			out[i] = s.Words
		}
		return out, nil
	}
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if w := strings.Fields(sc.Text()); len(w) > 0 {
			out = append(out, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// trainSentences trains the sentence-boundary model on the raw text rebuilt
// from gold sentences.
func trainSentences(c *cli.Context, e *env) (trainReport, error) {
	sents, err := readCoNLLUFiles(c.StringSlice("train"))
	if err != nil {
		return trainReport{}, err
	}
	epochs := c.Int("epochs")
	if epochs == 0 {
		epochs = tokenize.DefaultEpochs
	}
	logf(e, "sentences: %d training sentences, %d epochs", len(sents), epochs)
	start := time.Now()
	m, err := tokenize.Train(sents, epochs)
	if err != nil {
		return trainReport{}, err
	}
	rep := trainReport{Seconds: since(start)}
	p, err := saveModel(c.String("out"), tokenize.ModelFile, m.Save)
	if err != nil {
		return trainReport{}, err
	}
	rep.Files = append(rep.Files, p)
	tok := tokenize.New(m)
	for _, path := range c.StringSlice("dev") {
		dev, err := readCoNLLUFiles([]string{path})
		if err != nil {
			return trainReport{}, err
		}
		s := tok.Evaluate(dev)
		rep.Dev = append(rep.Dev, devScore{File: path, Scores: s, rows: tokenizeRows(s)})
	}
	return rep, nil
}

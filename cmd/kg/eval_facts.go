package main

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/carb"
	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/coref"
	"github.com/kgnews/kg/extract/ner"
)

// nerScores are the scores of kg eval ner.
type nerScores struct {
	ner.Scores
	Tokens          int     `json:"tokens"`            // words tagged
	TokensPerSecond float64 `json:"tokens_per_second"` // words tagged per second, one goroutine
}

// evalNER scores the NER model on an IOB2 file: exact typed spans.
func evalNER(c *cli.Context) (evalReport, error) {
	path := c.String("gold")
	f, err := openInput(path)
	if err != nil {
		return evalReport{}, err
	}
	defer f.Close()
	gold, err := ner.ReadIOB(f, "iob2")
	if err != nil {
		return evalReport{}, kg.Errorf(kg.EINVALID, "read %s: %v", path, err)
	}
	if len(gold) == 0 {
		return evalReport{}, kg.Errorf(kg.EINVALID, "%s holds no IOB2 sentences", path)
	}
	ms, err := modelsOf(c)
	if err != nil {
		return evalReport{}, err
	}
	m, err := ms.ner()
	if err != nil {
		return evalReport{}, err
	}
	s := scoreNER(m, gold)
	return evalReport{json: s, rows: nerRows(s)}, nil
}

// scoreNER tags the words of gold with m (and their UPOS tags, when the
// sentences have them) and scores the spans, timing the tagging.
func scoreNER(m *ner.Model, gold []ner.Sentence) nerScores {
	start := time.Now()
	pred := make([][]string, len(gold))
	var s nerScores
	for i, g := range gold {
		pred[i] = m.Tag(g.Words, g.UPOS)
		s.Tokens += len(g.Words)
	}
	s.TokensPerSecond = perSecond(s.Tokens, time.Since(start).Seconds())
	s.Scores = ner.Score(gold, pred)
	return s
}

// nerRows are the table rows of NER scores.
func nerRows(s nerScores) []evalRow {
	rows := []evalRow{{"precision", s.Precision, "%"}, {"recall", s.Recall, "%"}, {"F1", s.F1, "%"}}
	types := make([]string, 0, len(s.PerType))
	for t := range s.PerType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		rows = append(rows, evalRow{t + " F1", s.PerType[t].F1, "%"})
	}
	return append(rows, evalRow{"tokens", float64(s.Tokens), ""}, evalRow{"tokens per second", s.TokensPerSecond, ""})
}

// corefScores are the scores of kg eval coref.
type corefScores struct {
	coref.Scores
	Singletons      coref.Scores `json:"with_singletons"`   // the same with singleton chains kept, as GUM annotates them
	GoldTrees       bool         `json:"gold_trees"`        // whether the gold tags and trees were used
	Tokens          int          `json:"tokens"`            // words resolved
	TokensPerSecond float64      `json:"tokens_per_second"` // words annotated (unless gold trees) and resolved per second
}

// evalCoref scores coreference against the Entity= chains of a CoNLL-U file,
// over kg's tags, trees and names on the gold words, or over the gold tags
// and trees (no names) with --gold-trees.
func evalCoref(c *cli.Context) (evalReport, error) {
	gold, err := readCoNLLU(c)
	if err != nil {
		return evalReport{}, err
	}
	parse := coref.GoldParse
	var annErr error // the first sentence the models failed on
	if !c.Bool("gold-trees") {
		ms, err := modelsOf(c)
		if err != nil {
			return evalReport{}, err
		}
		a, err := newAnnotator(ms)
		if err != nil {
			return evalReport{}, err
		}
		parse = func(s *conllu.Sentence) kg.Sentence {
			k := coref.GoldParse(s)
			if err := a.annotate(c.Context, &k); err != nil && annErr == nil {
				annErr = fmt.Errorf("sentence %s: %w", s.ID, err)
			}
			return k
		}
	}
	cache := map[*conllu.Sentence]kg.Sentence{}
	cached := func(s *conllu.Sentence) kg.Sentence {
		k, ok := cache[s]
		if !ok {
			k = parse(s)
			cache[s] = k
		}
		return k
	}
	start := time.Now()
	s := corefScores{GoldTrees: c.Bool("gold-trees")}
	s.Scores = coref.Evaluate(gold, cached)
	secs := time.Since(start).Seconds()
	s.Singletons = coref.EvaluateSingletons(gold, cached)
	if annErr != nil {
		return evalReport{}, annErr
	}
	for _, g := range gold {
		s.Tokens += len(g.Words)
	}
	s.TokensPerSecond = perSecond(s.Tokens, secs)
	return evalReport{json: s, rows: []evalRow{
		{"MUC", s.MUC, "%"},
		{"B3", s.B3, "%"},
		{"CEAF-e", s.CEAFe, "%"},
		{"average", s.Avg, "%"},
		{"average with singletons", s.Singletons.Avg, "%"},
		{"tokens", float64(s.Tokens), ""},
		{"tokens per second", s.TokensPerSecond, ""},
	}, note: "F1 scores, CoNLL-2012 convention: singleton chains dropped on both sides"}, nil
}

// carbScores are the scores of kg eval carb.
type carbScores struct {
	carb.Scores
	Sentences       int     `json:"sentences"`                   // sentences read
	Tokens          int     `json:"tokens"`                      // their tokens
	TokensPerSecond float64 `json:"tokens_per_second,omitempty"` // tokens annotated and extracted per second; 0 with --extractions
}

// evalCaRB runs kg's relation extractor over pre-tokenized sentences (or
// reads --extractions) and scores the result with the CaRB metric.
func evalCaRB(c *cli.Context) (evalReport, error) {
	if !c.IsSet("sentences") && !c.IsSet("extractions") {
		return evalReport{}, usageError(c, "kg eval carb needs --sentences FILE (or --extractions FILE)")
	}
	gold, err := readTuples(c.String("gold"), carb.ReadGold)
	if err != nil {
		return evalReport{}, err
	}
	var s carbScores
	var pred map[string][]carb.Tuple
	if path := c.String("extractions"); path != "" {
		if pred, err = readTuples(path, carb.ReadExtractions); err != nil {
			return evalReport{}, err
		}
	} else if pred, err = extractCaRB(c, &s); err != nil {
		return evalReport{}, err
	}
	s.Scores = carb.Score(gold, pred)
	rows := []evalRow{
		{"precision", s.Precision, "%"},
		{"recall", s.Recall, "%"},
		{"F1", s.F1, "%"},
		{"AUC", s.AUC, "%"},
		{"gold tuples", float64(s.Gold), ""},
		{"extractions", float64(s.Predicted), ""},
	}
	if s.Sentences > 0 {
		rows = append(rows, evalRow{"sentences", float64(s.Sentences), ""}, evalRow{"tokens", float64(s.Tokens), ""},
			evalRow{"tokens per second", s.TokensPerSecond, ""})
	}
	return evalReport{json: s, rows: rows, note: fmt.Sprintf("best F1 at confidence %.3f", s.Threshold)}, nil
}

// extractCaRB extracts tuples from the --sentences file with the models,
// counting sentences, tokens and speed into s.
func extractCaRB(c *cli.Context, s *carbScores) (map[string][]carb.Tuple, error) {
	path := c.String("sentences")
	in, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	text, err := io.ReadAll(in)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	ms, err := modelsOf(c)
	if err != nil {
		return nil, err
	}
	a, err := newAnnotator(ms)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	start := time.Now()
	if s.Sentences, err = carb.Extract(c.Context, bytes.NewReader(text), &out, a.annotate); err != nil {
		return nil, fmt.Errorf("extract %s: %w", path, err)
	}
	secs := time.Since(start).Seconds()
	for _, line := range strings.Split(string(text), "\n") {
		s.Tokens += len(strings.Fields(line))
	}
	s.TokensPerSecond = perSecond(s.Tokens, secs)
	return carb.ReadExtractions(&out)
}

// readTuples reads a CaRB file with read; a malformed file is a usage error.
func readTuples(path string, read func(io.Reader) (map[string][]carb.Tuple, error)) (map[string][]carb.Tuple, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := read(f)
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "read %s: %v", path, err)
	}
	return t, nil
}

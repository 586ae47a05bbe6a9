package main

import (
	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
	"github.com/kgnews/kg/extract/tokenize"
)

// evalTokenize scores the tokenizer and sentence splitter on the raw text
// rebuilt from the gold tokens.
func evalTokenize(c *cli.Context) (evalReport, error) {
	gold, err := readCoNLLU(c)
	if err != nil {
		return evalReport{}, err
	}
	ms, err := modelsOf(c)
	if err != nil {
		return evalReport{}, err
	}
	tok, err := ms.tokenizer()
	if err != nil {
		return evalReport{}, err
	}
	s := tok.Evaluate(gold)
	return evalReport{json: s, rows: tokenizeRows(s)}, nil
}

// tokenizeRows are the table rows of tokenizer scores.
func tokenizeRows(s tokenize.Scores) []evalRow {
	return []evalRow{
		{"token F1", s.TokenF1, "%"},
		{"token precision", s.TokenPrecision, "%"},
		{"token recall", s.TokenRecall, "%"},
		{"word F1", s.WordF1, "%"},
		{"sentence F1", s.SentenceF1, "%"},
		{"sentence precision", s.SentencePrecision, "%"},
		{"sentence recall", s.SentenceRecall, "%"},
		{"gold tokens", float64(s.GoldTokens), ""},
		{"gold sentences", float64(s.GoldSentences), ""},
		{"tokens per second", s.TokensPerSecond, ""},
	}
}

// tagScores are the scores of kg eval tag: tagger.Scores, plus the alignment
// counts with --raw.
type tagScores struct {
	tagger.Scores
	*alignCounts // with --raw only
}

// evalTag scores the tagger and lemmatizer on the gold words, or with --raw
// on the words kg finds in the text.
func evalTag(c *cli.Context) (evalReport, error) {
	gold, err := readCoNLLU(c)
	if err != nil {
		return evalReport{}, err
	}
	ms, err := modelsOf(c)
	if err != nil {
		return evalReport{}, err
	}
	tg, err := ms.tagger()
	if err != nil {
		return evalReport{}, err
	}
	lem, err := ms.lemmatizer()
	if err != nil {
		return evalReport{}, err
	}
	var s tagScores
	if c.Bool("raw") {
		tok, err := ms.tokenizer()
		if err != nil {
			return evalReport{}, err
		}
		s = evalTagRaw(tok, tg, lem, gold)
	} else {
		s.Scores = tagger.Evaluate(tg, lem, gold)
	}
	return evalReport{json: s, rows: tagRows(s), note: s.alignCounts.note()}, nil
}

// tagRows are the table rows of tagging scores.
func tagRows(s tagScores) []evalRow {
	rows := []evalRow{
		{"UPOS", s.UPOS, "%"},
		{"XPOS", s.XPOS, "%"},
		{"features", s.Feats, "%"},
		{"lemma", s.Lemma, "%"},
		{"words scored", float64(s.Tokens), ""},
	}
	rows = append(rows, s.alignCounts.rows()...)
	return append(rows, evalRow{"tokens per second", s.TokensPerSecond, ""})
}

// parseScores are the scores of kg eval parse: parser.Scores, plus the
// alignment counts with --raw.
type parseScores struct {
	parser.Scores
	*alignCounts // with --raw only
}

// evalParse scores the parser with predicted tags on the gold words, or with
// --raw on the words kg finds in the text.
func evalParse(c *cli.Context) (evalReport, error) {
	gold, err := readCoNLLU(c)
	if err != nil {
		return evalReport{}, err
	}
	ms, err := modelsOf(c)
	if err != nil {
		return evalReport{}, err
	}
	tg, err := ms.tagger()
	if err != nil {
		return evalReport{}, err
	}
	ps, err := ms.parser()
	if err != nil {
		return evalReport{}, err
	}
	var s parseScores
	if c.Bool("raw") {
		tok, err := ms.tokenizer()
		if err != nil {
			return evalReport{}, err
		}
		s = evalParseRaw(tok, tg, ps, gold)
	} else {
		s.Scores = parser.Evaluate(c.Context, ps, tg, gold)
		if err := c.Context.Err(); err != nil {
			return evalReport{}, err
		}
	}
	return evalReport{json: s, rows: parseRows(s), note: s.alignCounts.note()}, nil
}

// parseRows are the table rows of parsing scores.
func parseRows(s parseScores) []evalRow {
	rows := []evalRow{
		{"UPOS", s.UPOS, "%"},
		{"UAS", s.UAS, "%"},
		{"LAS", s.LAS, "%"},
		{"LAS, universal relations", s.LASUniversal, "%"},
		{"words scored", float64(s.Tokens), ""},
	}
	rows = append(rows, s.alignCounts.rows()...)
	return append(rows, evalRow{"tokens per second", s.TokensPerSecond, ""})
}

package ner

import "slices"

// TypeScores are the scores of one entity type.
type TypeScores struct {
	Precision float64 `json:"precision"` // percent of predicted spans that are right
	Recall    float64 `json:"recall"`    // percent of gold spans found
	F1        float64 `json:"f1"`        // harmonic mean of the two, percent
	Gold      int     `json:"gold"`      // gold spans
	Predicted int     `json:"predicted"` // predicted spans
	Correct   int     `json:"correct"`   // predicted spans with the exact gold start, end and type
}

// Scores are exact typed-span scores over a gold set, in percent.
type Scores struct {
	Precision float64               `json:"precision"` // over all types
	Recall    float64               `json:"recall"`    // over all types
	F1        float64               `json:"f1"`        // over all types
	PerType   map[string]TypeScores `json:"per_type"`  // by entity type
}

// Evaluate tags the words (and UPOS tags, when the sentences have them) of
// every gold sentence, a document (consecutive sentences with the same Doc)
// at a time as TagDocument does, and scores the predicted
// spans against the gold ones: a span counts when its start, end and type
// all match. Predicted spans of a type that the gold set never uses (such
// as EVENT against a PER/ORG/LOC corpus) are left out of the count.
func Evaluate(m *Model, gold []Sentence) Scores {
	pred := make([][]string, 0, len(gold))
	for _, r := range documents(gold) {
		words, upos := make([][]string, 0, r[1]-r[0]), make([][]string, 0, r[1]-r[0])
		for _, s := range gold[r[0]:r[1]] {
			words, upos = append(words, s.Words), append(upos, s.UPOS)
		}
		pred = append(pred, m.TagDocument(words, upos)...)
	}
	return Score(gold, pred)
}

// Score compares predicted tag sequences with gold sentences, as Evaluate does.
func Score(gold []Sentence, pred [][]string) Scores {
	counts := map[string]*TypeScores{}
	get := func(t string) *TypeScores {
		if counts[t] == nil {
			counts[t] = &TypeScores{}
		}
		return counts[t]
	}
	goldSpans := make([][]Span, len(gold))
	for i, s := range gold {
		goldSpans[i] = Spans(s.Tags)
		for _, sp := range goldSpans[i] {
			get(sp.Type).Gold++
		}
	}
	for i, g := range goldSpans {
		if i >= len(pred) {
			continue
		}
		for _, sp := range Spans(pred[i]) {
			if counts[sp.Type] == nil {
				continue
			}
			c := get(sp.Type)
			c.Predicted++
			if slices.Contains(g, sp) {
				c.Correct++
			}
		}
	}
	out := Scores{PerType: map[string]TypeScores{}}
	var all TypeScores
	for t, c := range counts {
		fill(c)
		out.PerType[t] = *c
		all.Gold += c.Gold
		all.Predicted += c.Predicted
		all.Correct += c.Correct
	}
	fill(&all)
	out.Precision, out.Recall, out.F1 = all.Precision, all.Recall, all.F1
	return out
}

func fill(c *TypeScores) {
	if c.Predicted > 0 {
		c.Precision = 100 * float64(c.Correct) / float64(c.Predicted)
	}
	if c.Gold > 0 {
		c.Recall = 100 * float64(c.Correct) / float64(c.Gold)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

package tokenize

import (
	"strings"
	"time"

	"github.com/kgnews/kg/extract/conllu"
)

// Scores are tokenization scores in percent, with the counts behind them.
type Scores struct {
	TokenPrecision    float64 `json:"token_precision"`    // system surface tokens that match gold, %
	TokenRecall       float64 `json:"token_recall"`       // gold surface tokens found, %
	TokenF1           float64 `json:"token_f1"`           // harmonic mean of the two, %
	WordF1            float64 `json:"word_f1"`            // F1 of syntactic word spans (do + n't), %
	SentencePrecision float64 `json:"sentence_precision"` // system sentences that match gold, %
	SentenceRecall    float64 `json:"sentence_recall"`    // gold sentences found, %
	SentenceF1        float64 `json:"sentence_f1"`        // harmonic mean of the two, %
	GoldTokens        int     `json:"gold_tokens"`        // surface tokens in the gold data
	SystemTokens      int     `json:"system_tokens"`      // surface tokens found
	GoldSentences     int     `json:"gold_sentences"`     // sentences in the gold data
	SystemSentences   int     `json:"system_sentences"`   // sentences found
	Seconds           float64 `json:"seconds"`            // time spent tokenizing
	TokensPerSecond   float64 `json:"tokens_per_second"`  // surface tokens per second
}

// span is a byte range of a text.
type span struct{ start, end int }

// goldText is raw text rebuilt from gold sentences, with the gold spans.
type goldText struct {
	text   string
	tokens []span // surface tokens
	words  []span // syntactic words whose forms spell their surface token
	sents  []span // sentences
	nWords int    // all gold words, including those without a span
}

// rebuild makes raw text from gold sentences: paragraphs (a "# newpar" or
// "# newdoc") separated by a blank line, sentences in a paragraph joined with
// a space, tokens joined as their SpaceAfter says.
func rebuild(gold []*conllu.Sentence) goldText {
	var b strings.Builder
	var g goldText
	for k, s := range gold {
		if k > 0 {
			if s.NewPar || s.NewDoc {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		start := b.Len()
		toks := s.Tokens()
		for i, t := range toks {
			a := b.Len()
			b.WriteString(t.Form)
			g.tokens = append(g.tokens, span{a, b.Len()})
			g.addWords(s, t, a)
			if t.SpaceAfter && i+1 < len(toks) {
				b.WriteByte(' ')
			}
		}
		end := b.Len()
		if end > start && b.String()[end-1] == ' ' {
			end--
		}
		g.sents = append(g.sents, span{start, end})
	}
	g.text = b.String()
	return g
}

// addWords records the spans of the words of surface token t, which starts
// at offset a, when their forms spell it out.
func (g *goldText) addWords(s *conllu.Sentence, t conllu.Token, a int) {
	g.nWords += t.Last - t.First + 1
	at := a
	var ws []span
	for id := t.First; id <= t.Last; id++ {
		form := ""
		if id-1 < len(s.Words) && id >= 1 {
			form = s.Words[id-1].Form
		}
		ws = append(ws, span{at, at + len(form)})
		at += len(form)
	}
	if at-a == len(t.Form) {
		g.words = append(g.words, ws...)
	}
}

// Evaluate rebuilds raw text from gold CoNLL-U sentences, tokenizes it with
// the Default tokenizer and scores token and sentence spans by character
// offsets the way the CoNLL 2018 UD shared-task scorer does (tokens are
// surface tokens; "don't" is one).
func Evaluate(gold []*conllu.Sentence) Scores { return Default().Evaluate(gold) }

// Evaluate scores t on gold sentences; see the package-level Evaluate.
func (t *Tokenizer) Evaluate(gold []*conllu.Sentence) Scores {
	g := rebuild(gold)
	begin := time.Now()
	sents, surf := t.Analyze(g.text)
	secs := time.Since(begin).Seconds()
	var toks, words, ss []span
	for k, s := range sents {
		ss = append(ss, span{s.Start, s.End})
		for _, w := range s.Tokens {
			words = append(words, span{w.Start, w.End})
		}
		for _, u := range surf[k] {
			toks = append(toks, span{u.Start, u.End})
		}
	}
	var sc Scores
	sc.TokenPrecision, sc.TokenRecall, sc.TokenF1 = prf(matches(g.tokens, toks), len(toks), len(g.tokens))
	_, _, sc.WordF1 = prf(matches(g.words, words), len(words), g.nWords)
	sc.SentencePrecision, sc.SentenceRecall, sc.SentenceF1 = prf(matches(g.sents, ss), len(ss), len(g.sents))
	sc.GoldTokens, sc.SystemTokens = len(g.tokens), len(toks)
	sc.GoldSentences, sc.SystemSentences = len(g.sents), len(ss)
	sc.Seconds = secs
	if secs > 0 {
		sc.TokensPerSecond = float64(len(toks)) / secs
	}
	return sc
}

// matches counts the spans that two sorted span lists share.
func matches(gold, sys []span) int {
	n, i, j := 0, 0, 0
	for i < len(gold) && j < len(sys) {
		switch g, s := gold[i], sys[j]; {
		case g == s:
			n++
			i++
			j++
		case g.start < s.start || g.start == s.start && g.end < s.end:
			i++
		default:
			j++
		}
	}
	return n
}

// prf returns precision, recall and F1 in percent.
func prf(correct, system, gold int) (p, r, f float64) {
	if system > 0 {
		p = 100 * float64(correct) / float64(system)
	}
	if gold > 0 {
		r = 100 * float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

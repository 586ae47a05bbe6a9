package tokenize

import (
	"sync"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
)

// Surface is one surface token of a sentence: a span of the text as written
// ("don't") and the words it was split into ("do", "n't").
type Surface struct {
	Start int `json:"start"` // byte offset of its first character in the text
	End   int `json:"end"`   // byte offset just past its last character
	First int `json:"first"` // index in Sentence.Tokens of its first word
	Last  int `json:"last"`  // index in Sentence.Tokens of its last word (First for a plain word)
}

// Tokenizer splits text into sentences and tokens. Its zero value decides
// sentence boundaries by rules alone; New gives it a trained model.
// A Tokenizer is safe for concurrent use.
type Tokenizer struct {
	model *Model // sentence-boundary classifier, nil for rules only
}

// New returns a Tokenizer that decides sentence boundaries with m, or by
// rules when m is nil.
func New(m *Model) *Tokenizer { return &Tokenizer{model: m} }

// HasModel reports whether t decides boundaries with a trained model.
func (t *Tokenizer) HasModel() bool { return t.model != nil }

// defaultTokenizer loads the model bundled in data.Models once. A missing or
// unreadable model leaves the rules in charge, so Sentences always works.
var defaultTokenizer = sync.OnceValues(func() (*Tokenizer, error) {
	m, err := Load(data.Models)
	return New(m), err
})

// Default returns the Tokenizer that Sentences and Analyze use: the bundled
// model from data.Models when it loads, else rules only (see DefaultError).
func Default() *Tokenizer {
	t, _ := defaultTokenizer()
	return t
}

// DefaultError returns why the bundled model did not load, or nil when
// Default uses it.
func DefaultError() error {
	_, err := defaultTokenizer()
	return err
}

// Sentences splits text into sentences and tokens with the Default
// tokenizer. Each kg.Sentence has Index, Start, End, Text and Tokens with
// Text, Start and End filled; a token's Text is text[Start:End]. Words split
// from one surface token ("do" and "n't" from "don't") are separate tokens;
// Analyze tells which surface token each came from.
func Sentences(text string) []kg.Sentence { return Default().Sentences(text) }

// Analyze is Sentences that also returns, for each sentence, its surface
// tokens, as the CoNLL 2018 shared task scores them.
func Analyze(text string) ([]kg.Sentence, [][]Surface) { return Default().Analyze(text) }

// Sentences splits text into sentences and tokens; see the package-level
// Sentences.
func (t *Tokenizer) Sentences(text string) []kg.Sentence {
	sents, _ := t.analyze(text, false)
	return sents
}

// Analyze splits text into sentences and tokens and returns each sentence's
// surface tokens too.
func (t *Tokenizer) Analyze(text string) ([]kg.Sentence, [][]Surface) {
	return t.analyze(text, true)
}

func (t *Tokenizer) analyze(text string, withSurface bool) ([]kg.Sentence, [][]Surface) {
	sc := scanner{text: text, toks: make([]surface, 0, len(text)/5+1)}
	sc.scan()
	toks := sc.toks
	if len(toks) == 0 {
		return nil, nil
	}
	ends := t.boundaries(text, toks)
	sents := make([]kg.Sentence, 0, len(ends))
	var surf [][]Surface
	if withSurface {
		surf = make([][]Surface, 0, len(ends))
	}
	bld := builder{text: text, words: make([]kg.Token, 0, len(toks)+len(toks)/8), surface: withSurface}
	start := 0
	for _, end := range ends {
		bld.first, bld.ss = len(bld.words), nil
		for k, tok := range toks[start:end] {
			if start+k == end-1 && hasAttachedPeriod(text[tok.start:tok.end]) {
				bld.add(tok.start, tok.end-1) // "etc." ending a sentence is etc + .
				bld.add(tok.end-1, tok.end)
				continue
			}
			bld.add(tok.start, tok.end)
		}
		a, b := toks[start].start, toks[end-1].end
		n := len(bld.words)
		sents = append(sents, kg.Sentence{Index: len(sents), Start: a, End: b, Text: text[a:b],
			Tokens: bld.words[bld.first:n:n]})
		if withSurface {
			surf = append(surf, bld.ss)
		}
		start = end
	}
	return sents, surf
}

// builder collects the words and surface tokens of one sentence.
type builder struct {
	text    string
	words   []kg.Token // words of the text so far; the sentence's start at first
	first   int        // index in words of the sentence's first word
	surface bool       // whether to collect surface tokens
	ss      []Surface  // the sentence's surface tokens
	cuts    [4]int     // scratch space for wordCuts
}

// add adds the surface token text[a:b] and its words.
func (b *builder) add(a, end int) {
	from := len(b.words) - b.first
	at := a
	for _, c := range wordCuts(b.text[a:end], b.cuts[:0]) {
		b.words = append(b.words, kg.Token{Text: b.text[at : a+c], Start: at, End: a + c})
		at = a + c
	}
	b.words = append(b.words, kg.Token{Text: b.text[at:end], Start: at, End: end})
	if b.surface {
		b.ss = append(b.ss, Surface{Start: a, End: end, First: from, Last: len(b.words) - b.first - 1})
	}
}

// hasAttachedPeriod reports whether w is a word with a period attached by the
// abbreviation rules (etc., Inc., U.S.A., p.m.).
func hasAttachedPeriod(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == '.' && (isWordByte(w[n-2]) || w[n-2] >= 0x80)
}

// boundaries returns, for each sentence, the index just past its last token.
func (t *Tokenizer) boundaries(text string, toks []surface) []int {
	ends := make([]int, 0, len(toks)/12+1)
	var info []tokInfo
	var feats []uint32
	if t.model != nil {
		info = make([]tokInfo, len(toks))
		for i, tok := range toks {
			info[i] = infoOf(text[tok.start:tok.end])
		}
		feats = make([]uint32, 0, 32)
	}
	start := 0
	for i := range toks {
		var end bool
		switch {
		case i+1 == len(toks) || toks[i+1].newlines >= 2:
			end = true
		case t.model != nil && shortLineEnds(text, toks, i):
			end = true
		case t.model != nil:
			if !isCandidate(info, i) {
				break
			}
			feats = features(info, toks, i, i-start+1, feats[:0])
			end = t.model.score(feats) > 0
		default:
			end = ruleBoundary(text, toks, i, start)
		}
		if end {
			ends = append(ends, i+1)
			start = i + 1
		}
	}
	return ends
}

package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/extract/lemma"
	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
	"github.com/kgnews/kg/extract/tokenize"
)

// alignCounts tell how the words kg found in raw text line up with the gold
// words (kg eval tag|parse --raw).
type alignCounts struct {
	GoldWords   int     `json:"gold_words"`   // words in the gold file
	SystemWords int     `json:"system_words"` // words kg found in the text
	Aligned     int     `json:"aligned"`      // words with the same character span on both sides; the scores count only these
	WordF1      float64 `json:"word_f1"`      // F1 of the aligned words over gold and system words, %
}

// rows returns the table rows of the counts; none for nil.
func (a *alignCounts) rows() []evalRow {
	if a == nil {
		return nil
	}
	return []evalRow{
		{"gold words", float64(a.GoldWords), ""},
		{"system words", float64(a.SystemWords), ""},
		{"word F1", a.WordF1, "%"},
	}
}

// note explains what was scored; "" for nil.
func (a *alignCounts) note() string {
	if a == nil {
		return ""
	}
	return fmt.Sprintf("scores count the %d words aligned with gold words by character offsets", a.Aligned)
}

// wordRef is a word of a sentence list: sentence index, word index.
type wordRef struct{ sent, word int }

// span is a byte range of the raw text.
type span struct{ start, end int }

// rawText is the text of gold sentences joined as a document, with where
// each gold word is in it.
type rawText struct {
	text  string
	words map[span]wordRef // gold words by their span in text
	n     int              // gold words, found or not
}

// rawFromGold joins the "# text" of the gold sentences (rebuilt from the
// tokens and their SpaceAfter when a sentence has none) into one text:
// sentences of a paragraph separated by a space, paragraphs and documents by
// a blank line. Each surface token is looked for in its sentence's text, in
// order; the words of a multiword token get the parts of its span that their
// forms spell ("do" and "n't" of "don't"), and words that cannot be placed so
// get no span, so they never align.
func rawFromGold(gold []*conllu.Sentence) rawText {
	var b strings.Builder
	r := rawText{words: map[span]wordRef{}}
	for k, s := range gold {
		if k > 0 {
			if s.NewPar || s.NewDoc {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		text := s.Text
		if text == "" {
			text = tokensText(s)
		}
		base := b.Len()
		b.WriteString(text)
		r.n += len(s.Words)
		cur := 0
		for _, t := range s.Tokens() {
			i := strings.Index(text[cur:], t.Form)
			if i < 0 || t.Form == "" {
				continue
			}
			at := base + cur + i
			cur += i + len(t.Form)
			r.place(s, t, at, k)
		}
	}
	r.text = b.String()
	return r
}

// place records the spans of the words of surface token t, found at offset
// at, when their forms spell it.
func (r *rawText) place(s *conllu.Sentence, t conllu.Token, at, sent int) {
	var forms strings.Builder
	for id := t.First; id <= t.Last; id++ {
		if id < 1 || id > len(s.Words) {
			return
		}
		forms.WriteString(s.Words[id-1].Form)
	}
	if forms.String() != t.Form {
		return
	}
	for id := t.First; id <= t.Last; id++ {
		n := len(s.Words[id-1].Form)
		r.words[span{at, at + n}] = wordRef{sent, id - 1}
		at += n
	}
}

// tokensText rebuilds a sentence's text from its surface tokens.
func tokensText(s *conllu.Sentence) string {
	var b strings.Builder
	for _, t := range s.Tokens() {
		b.WriteString(t.Form)
		if t.SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// alignment maps the words kg found to gold words.
type alignment struct {
	toGold [][]wordRef // per predicted sentence and word; sent -1 when unaligned
	counts alignCounts
}

// align aligns predicted sentences with the gold words of r by span.
func align(r rawText, sents []kg.Sentence) alignment {
	a := alignment{toGold: make([][]wordRef, len(sents))}
	a.counts.GoldWords = r.n
	for i, s := range sents {
		a.toGold[i] = make([]wordRef, len(s.Tokens))
		for j, t := range s.Tokens {
			a.counts.SystemWords++
			g, ok := r.words[span{t.Start, t.End}]
			if !ok {
				g = wordRef{-1, -1}
			} else {
				a.counts.Aligned++
			}
			a.toGold[i][j] = g
		}
	}
	if d := a.counts.GoldWords + a.counts.SystemWords; d > 0 {
		a.counts.WordF1 = 200 * float64(a.counts.Aligned) / float64(d)
	}
	return a
}

// wordsOf returns the texts of a sentence's tokens.
func wordsOf(s kg.Sentence) []string {
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = t.Text
	}
	return words
}

// evalTagRaw tokenizes the gold text, tags and lemmatizes kg's words and
// scores the words aligned with gold words.
func evalTagRaw(tok *tokenize.Tokenizer, tg *tagger.Model, lem *lemma.Lemmatizer, gold []*conllu.Sentence) tagScores {
	r := rawFromGold(gold)
	start := time.Now()
	sents := tok.Sentences(r.text)
	tags := make([][]tagger.Tag, len(sents))
	lems := make([][]string, len(sents))
	for i, s := range sents {
		words := wordsOf(s)
		tags[i] = tg.Tag(words)
		lems[i] = make([]string, len(words))
		for j, t := range tags[i] {
			lems[i][j] = lem.Lemma(words[j], t.UPOS, t.XPOS)
		}
	}
	secs := time.Since(start).Seconds()
	a := align(r, sents)
	var upos, xpos, feats, lemmas int
	for i, row := range a.toGold {
		for j, g := range row {
			if g.sent < 0 {
				continue
			}
			w, t := gold[g.sent].Words[g.word], tags[i][j]
			upos += b2i(t.UPOS == w.UPOS)
			xpos += b2i(t.XPOS == w.XPOS)
			feats += b2i(t.Feats == w.Feats)
			lemmas += b2i(lems[i][j] == w.Lemma)
		}
	}
	n := a.counts.Aligned
	s := tagScores{alignCounts: &a.counts}
	s.UPOS, s.XPOS, s.Feats, s.Lemma = pct(upos, n), pct(xpos, n), pct(feats, n), pct(lemmas, n)
	s.Tokens, s.TokensPerSecond = n, perSecond(a.counts.SystemWords, secs)
	return s
}

// evalParseRaw tokenizes the gold text, tags and parses kg's words and
// scores the words aligned with gold words: a head is right when it is the
// root on both sides or is aligned with the gold head.
func evalParseRaw(tok *tokenize.Tokenizer, tg *tagger.Model, ps *parser.Model, gold []*conllu.Sentence) parseScores {
	r := rawFromGold(gold)
	start := time.Now()
	sents := tok.Sentences(r.text)
	ups := make([][]string, len(sents))
	heads := make([][]int, len(sents))
	rels := make([][]string, len(sents))
	for i, s := range sents {
		words := wordsOf(s)
		up, xp := make([]string, len(words)), make([]string, len(words))
		for j, t := range tg.Tag(words) {
			up[j], xp[j] = t.UPOS, t.XPOS
		}
		ups[i] = up
		heads[i], rels[i] = ps.Parse(words, up, xp)
	}
	secs := time.Since(start).Seconds()
	a := align(r, sents)
	var upos, uas, las, lasU int
	for i, row := range a.toGold {
		for j, g := range row {
			if g.sent < 0 {
				continue
			}
			w := gold[g.sent].Words[g.word]
			upos += b2i(ups[i][j] == w.UPOS)
			h := heads[i][j]
			right := h == 0 && w.Head == 0 ||
				h > 0 && h <= len(row) && row[h-1].sent == g.sent && row[h-1].word == w.Head-1
			if !right {
				continue
			}
			uas++
			las += b2i(rels[i][j] == w.Deprel)
			lasU += b2i(universalRel(rels[i][j]) == universalRel(w.Deprel))
		}
	}
	n := a.counts.Aligned
	s := parseScores{alignCounts: &a.counts}
	s.UPOS, s.UAS, s.LAS, s.LASUniversal = pct(upos, n), pct(uas, n), pct(las, n), pct(lasU, n)
	s.Tokens, s.TokensPerSecond = n, perSecond(a.counts.SystemWords, secs)
	return s
}

// universalRel strips a relation's subtype: acl:relcl becomes acl.
func universalRel(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// pct returns k of n in percent, 0 when n is 0.
func pct(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(k) / float64(n)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

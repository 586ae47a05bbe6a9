package extract

import (
	"context"
	"strings"

	"github.com/kgnews/kg"
)

// AnnotateAll fills in the tags, lemmas, dependency trees and entity tags of
// sentences whose tokens have their Text. It runs one stage over every
// sentence before the next stage starts, so that each model's tables stay in
// the CPU's caches while it works (about 15% faster than sentence by
// sentence). It stops with ctx's error between sentences.
func (m *Models) AnnotateAll(ctx context.Context, sents []kg.Sentence) error {
	words := make([][]string, len(sents))
	for i := range sents {
		if err := checkEvery(ctx, i); err != nil {
			return err
		}
		words[i] = m.tag(&sents[i])
	}
	upos, xpos := []string{}, []string{}
	for i := range sents {
		if err := checkEvery(ctx, i); err != nil {
			return err
		}
		upos, xpos = tagsOf(sents[i].Tokens, upos[:0], xpos[:0])
		heads, rels := m.Parser.Parse(words[i], upos, xpos)
		for j := range sents[i].Tokens {
			sents[i].Tokens[j].Head, sents[i].Tokens[j].Rel = heads[j], rels[j]
		}
	}
	for i := range sents {
		if err := checkEvery(ctx, i); err != nil {
			return err
		}
		upos, _ = tagsOf(sents[i].Tokens, upos[:0], nil)
		for j, b := range m.NER.Tag(words[i], upos) {
			sents[i].Tokens[j].NER = b
		}
	}
	return nil
}

// checkEvery returns ctx's error at every ctxCheckEvery-th sentence.
func checkEvery(ctx context.Context, i int) error {
	if i%ctxCheckEvery != 0 {
		return nil
	}
	return ctx.Err()
}

// tag fills in the tags, features and lemmas of s and returns its words.
func (m *Models) tag(s *kg.Sentence) []string {
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = modelWord(t.Text)
	}
	for i, t := range m.Tagger.Tag(words) {
		tok := &s.Tokens[i]
		tok.UPOS, tok.XPOS, tok.Feats = t.UPOS, t.XPOS, t.Feats
		tok.Lemma = m.Lemmatizer.Lemma(words[i], t.UPOS, t.XPOS)
	}
	return words
}

// modelWord is the form the models see for a token: a clitic written with
// a backquote ("n`t" of "can`t", "`s") as with the apostrophe they were
// trained on, so that its negation or possessive is read.
func modelWord(w string) string {
	if len(w) > 1 && len(w) <= 3 && strings.Contains(w, "`") && !strings.HasPrefix(w, "``") {
		return strings.ReplaceAll(w, "`", "'")
	}
	return w
}

// tagsOf appends the UPOS and, when xpos is not nil, the XPOS of toks.
func tagsOf(toks []kg.Token, upos, xpos []string) ([]string, []string) {
	for _, t := range toks {
		upos = append(upos, t.UPOS)
		if xpos != nil {
			xpos = append(xpos, t.XPOS)
		}
	}
	return upos, xpos
}

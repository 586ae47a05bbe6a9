package extract

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/question"
)

// MaxQuestionBytes is the longest question ReadQuestion reads.
const MaxQuestionBytes = 500

// ReadQuestion reads an English question into a frame with the pipeline's
// tokenizer, tagger and lemmatizer (see package question). A question it
// cannot read fails with kg.EINVALID.
func (p *Pipeline) ReadQuestion(ctx context.Context, text string) (kg.Frame, error) {
	if len(text) > MaxQuestionBytes {
		return kg.Frame{}, kg.Errorf(kg.EINVALID, "the question is too long")
	}
	if !utf8.ValidString(text) {
		return kg.Frame{}, kg.Errorf(kg.EINVALID, "the question is not valid UTF-8")
	}
	text = normalizeQuestion(text)
	s, err := p.ParseSentence(ctx, text)
	if err != nil {
		return kg.Frame{}, err
	}
	return question.Read(text, s.Tokens)
}

// normalizeQuestion straightens quotes and capitalizes the first letter, as
// the tagger saw sentences begin in training.
func normalizeQuestion(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(strings.TrimSpace(s))
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// ParseSentence tokenizes, tags, lemmatizes, parses and tags the entities of
// one sentence's text, read as a single sentence whatever its punctuation.
// Offsets point into text.
func (p *Pipeline) ParseSentence(ctx context.Context, text string) (kg.Sentence, error) {
	if err := ctx.Err(); err != nil {
		return kg.Sentence{}, fmt.Errorf("parse sentence: %w", err)
	}
	s := kg.Sentence{Text: text, End: len(text)}
	for _, part := range p.models.Tokenizer.Sentences(text) {
		s.Tokens = append(s.Tokens, part.Tokens...)
	}
	if len(s.Tokens) == 0 {
		return s, nil
	}
	sents := []kg.Sentence{s}
	if err := p.models.AnnotateAll(ctx, sents); err != nil {
		return kg.Sentence{}, fmt.Errorf("parse sentence: %w", err)
	}
	return sents[0], nil
}

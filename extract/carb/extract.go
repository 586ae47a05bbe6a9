package carb

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/relations"
)

// Annotator fills in the Lemma, UPOS, XPOS, Feats, Head and Rel of every
// token of s, whose Text and offsets are already set and must not change.
// The pipeline's tagger, lemmatizer and parser plug in here.
type Annotator func(ctx context.Context, s *kg.Sentence) error

// Sentence builds the kg.Sentence of pre-tokenized words: the words joined by
// single spaces, each token with its offsets in that text.
func Sentence(words []string) kg.Sentence {
	s := kg.Sentence{Tokens: make([]kg.Token, len(words))}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		s.Tokens[i] = kg.Token{Text: w, Start: b.Len(), End: b.Len() + len(w)}
		b.WriteString(w)
	}
	s.Text = b.String()
	s.End = len(s.Text)
	return s
}

// ExtractTokens annotates one pre-tokenized sentence and returns its
// extractions as lines, in the sentence's own tokens, without duplicates.
// Relations with fewer than two arguments are left out: a CaRB tuple has a
// subject and at least one more argument.
func ExtractTokens(ctx context.Context, tokens []string, annotate Annotator) ([]Line, error) {
	if len(tokens) == 0 {
		return nil, nil
	}
	s := Sentence(tokens)
	if err := annotate(ctx, &s); err != nil {
		return nil, fmt.Errorf("annotate: %w", err)
	}
	sentence := strings.Join(tokens, " ")
	seen := map[string]bool{}
	var out []Line
	for _, r := range relations.Extract(&s) {
		l, ok := LineOf(sentence, &r)
		if !ok {
			continue
		}
		if k := l.String(); !seen[k] {
			seen[k] = true
			out = append(out, l)
		}
	}
	return out, nil
}

// LineOf turns a relation of sentence into a line: subject and object in
// sentence order (the patient first for a passive with its agent), then the
// further arguments and the time. It reports false for a relation with fewer
// than two arguments.
func LineOf(sentence string, r *relations.Relation) (Line, bool) {
	if r.Object == nil && len(r.Extra) == 0 && r.Time == nil {
		return Line{}, false
	}
	l := Line{Sentence: sentence, Tuple: Tuple{Relation: r.Surface, Confidence: r.Confidence}}
	switch {
	case r.Passive && r.Object != nil:
		l.Args = []string{r.Object.Text, r.Subject.Text}
	case r.Object != nil:
		l.Args = []string{r.Subject.Text, r.Object.Text}
	default:
		l.Args = []string{r.Subject.Text}
	}
	for _, e := range r.Extra {
		l.Args = append(l.Args, e.Text)
	}
	if r.Time != nil {
		l.Args = append(l.Args, r.Time.Text)
	}
	if strings.TrimSpace(l.Relation) == "" || strings.TrimSpace(l.Args[0]) == "" {
		return Line{}, false
	}
	return l, true
}

// Extract reads one pre-tokenized sentence per line from r (tokens separated
// by spaces) and writes the extractions of each to w, one line each, with
// the sentence copied as it was given. It returns the number of sentences
// read.
func Extract(ctx context.Context, r io.Reader, w io.Writer, annotate Annotator) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	bw := bufio.NewWriter(w)
	n := 0
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		text := strings.TrimRight(sc.Text(), "\r")
		words := strings.Fields(text)
		if len(words) == 0 {
			continue
		}
		n++
		lines, err := ExtractTokens(ctx, words, annotate)
		if err != nil {
			return n, fmt.Errorf("sentence %d: %w", n, err)
		}
		for _, l := range lines {
			if !strings.Contains(text, "\t") {
				l.Sentence = text // the sentence exactly as given
			}
			if _, err := fmt.Fprintln(bw, l.String()); err != nil {
				return n, fmt.Errorf("write: %w", err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("read: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("write: %w", err)
	}
	return n, nil
}

package extract

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// Options configures a Pipeline. The zero value is ready to use.
type Options struct {
	// MaxFactWords is the most words the interim extractor accepts between
	// the two entities of a fact; 0 means DefaultMaxFactWords.
	MaxFactWords int
}

// DefaultMaxFactWords is the default of Options.MaxFactWords.
const DefaultMaxFactWords = 6

// Pipeline extracts entities and facts from documents. It is safe for
// concurrent use by many goroutines.
type Pipeline struct {
	opts Options
}

// New returns a Pipeline configured by opts, or an error with code
// kg.EINVALID when an option is out of range.
func New(opts Options) (*Pipeline, error) {
	if opts.MaxFactWords < 0 {
		return nil, kg.Errorf(kg.EINVALID, "max fact words must not be negative, got %d", opts.MaxFactWords)
	}
	if opts.MaxFactWords == 0 {
		opts.MaxFactWords = DefaultMaxFactWords
	}
	return &Pipeline{opts: opts}, nil
}

// Extract runs the pipeline over one document. The document's ID is set from
// its text when empty; its text must be valid UTF-8. Every offset in the
// result points into doc.Text, and the result depends only on the document,
// never on other calls.
func (p *Pipeline) Extract(ctx context.Context, doc kg.Document) (*kg.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract %s: %w", doc.Source, err)
	}
	if !utf8.ValidString(doc.Text) {
		return nil, kg.Errorf(kg.EINVALID, "extract %s: text is not valid UTF-8", doc.Source)
	}
	if doc.ID == "" {
		doc.ID = kg.DocumentID(doc.Text)
	}
	x := interimExtract(doc, p.opts.MaxFactWords)
	return x, nil
}

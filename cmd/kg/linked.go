package main

import (
	"context"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/graph"
)

// linkedWriter writes extractions to a store after linking their people to
// those of earlier documents (extract.Linker), so that "Tillerson" in one
// article and "Rex Tillerson" in another are one node. Every ingest path
// (kg ingest, kg demo, POST /api/ingest) writes through one.
type linkedWriter struct {
	*graph.Writer
	link *extract.Linker
}

func newLinkedWriter(s *graph.Store) *linkedWriter {
	return &linkedWriter{Writer: s.NewWriter(), link: extract.NewLinker(s)}
}

// Write links x's people, then buffers x for writing.
func (w *linkedWriter) Write(ctx context.Context, x *kg.Extraction) error {
	if err := w.link.Link(ctx, x); err != nil {
		return err
	}
	return w.Writer.Write(ctx, x)
}

package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
)

// WriteStats counts what a Writer or a removal changed in the store.
type WriteStats struct {
	Documents int `json:"documents"` // documents written (or removed)
	Sentences int `json:"sentences"` // evidence sentences
	Entities  int `json:"entities"`  // entities per document, summed over documents
	Facts     int `json:"facts"`     // fact nodes
	Quads     int `json:"quads"`     // quads added or deleted, duplicates included
	Skipped   int `json:"skipped"`   // documents already in the store, left as they were
	Replaced  int `json:"replaced"`  // older documents from the same source that were replaced
}

// Add adds b's counts to a, for callers that sum several writes or removals.
func (a *WriteStats) Add(b WriteStats) {
	a.Documents += b.Documents
	a.Sentences += b.Sentences
	a.Entities += b.Entities
	a.Facts += b.Facts
	a.Quads += b.Quads
	a.Skipped += b.Skipped
	a.Replaced += b.Replaced
}

// ignore is how every write treats duplicates and missing quads.
var ignore = cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}

// Writer buffers whole documents and writes them to the store in batches of
// about Options.BatchQuads quads, each batch in one ApplyDeltas call (one
// transaction). It is meant for one goroutine: Cayley serializes writers
// anyway, so extraction runs in parallel and feeds a single Writer.
type Writer struct {
	s       *Store
	v       vocab
	deltas  []cgraph.Delta    // adds of the batch's documents
	deletes []cgraph.Delta    // quads of the documents they replace
	docs    []string          // IDs of the documents in the batch
	pending map[quad.IRI]bool // their IRIs
	sources map[string]bool   // their sources
	batch   WriteStats        // what the batch will add when it lands
	stats   WriteStats        // what landed
}

// NewWriter returns a Writer for the store.
func (s *Store) NewWriter() *Writer {
	return &Writer{s: s, v: newVocab(s.base), pending: map[quad.IRI]bool{}, sources: map[string]bool{}}
}

// Write adds one extraction to the batch and writes the batch when it holds
// about Options.BatchQuads quads. A document already in the store (or in the
// batch) is skipped; one whose source is already in the store under another
// ID replaces it when the batch is flushed (see Flush). A failed batch is
// written not at all.
func (w *Writer) Write(ctx context.Context, x *kg.Extraction) error {
	if x == nil || x.Document.ID == "" {
		return kg.Errorf(kg.EINVALID, "write: extraction has no document ID")
	}
	doc := quad.IRI(DocIRI(w.s.base, x.Document.ID))
	if w.pending[doc] {
		w.stats.Skipped++
		return nil
	}
	src := x.Document.Source
	if src != "" && w.sources[src] {
		// An older version is in this batch: land it first, then replace it.
		if err := w.Flush(ctx); err != nil {
			return err
		}
	}
	// The source lookup finds this document (skip it) and older versions
	// from the same source (replace them); the same text from another source
	// needs the IRI lookup.
	var old []quad.IRI
	var exists bool
	var err error
	if src != "" {
		old, err = w.s.docsWithSource(ctx, src)
		exists = slices.Contains(old, doc)
	}
	if err == nil && !exists {
		exists, err = w.s.docExists(ctx, doc)
	}
	if err != nil {
		return fmt.Errorf("write document %s: %w", x.Document.ID, err)
	}
	if exists {
		w.stats.Skipped++
		return nil
	}
	for _, o := range old {
		del, _, err := w.s.removalQuads(ctx, o)
		if err != nil {
			return fmt.Errorf("replace document %s: %w", o, err)
		}
		w.deletes = appendDeltas(w.deletes, del, cgraph.Delete)
		w.batch.Quads += len(del)
		w.batch.Replaced++
	}
	if src != "" {
		w.sources[src] = true
	}
	n := len(w.deltas)
	var st docStats
	w.deltas, st = documentQuads(w.v, x, w.deltas)
	w.docs = append(w.docs, x.Document.ID)
	w.pending[doc] = true
	w.batch.Add(WriteStats{Documents: 1, Sentences: st.Sentences, Entities: st.Entities, Facts: st.Facts, Quads: len(w.deltas) - n})
	if len(w.deltas)+len(w.deletes) >= w.s.batch {
		return w.Flush(ctx)
	}
	return nil
}

func appendDeltas(dst []cgraph.Delta, qs []quad.Quad, action cgraph.Procedure) []cgraph.Delta {
	for _, q := range qs {
		dst = append(dst, cgraph.Delta{Quad: q, Action: action})
	}
	return dst
}

// Flush writes the buffered documents in one transaction. On failure none of
// them is written, the batch is dropped and the error names its documents.
// The older versions they replace are removed in a second transaction right
// after: Cayley's KV stores mishandle a node whose references a single
// ApplyDeltas both adds and removes, and adding first means a failure can
// leave a stale version beside the new one, never neither.
func (w *Writer) Flush(ctx context.Context) error {
	if len(w.deltas) == 0 && len(w.deletes) == 0 {
		return nil
	}
	adds, dels, docs, batch := w.deltas, w.deletes, w.docs, w.batch
	w.deltas, w.deletes, w.docs, w.batch = nil, nil, nil, WriteStats{}
	clear(w.pending)
	clear(w.sources)
	err := ctx.Err()
	if err == nil {
		err = w.s.qs.ApplyDeltas(adds, ignore)
	}
	if err != nil {
		return fmt.Errorf("write batch of %d documents (%s): %w", len(docs), strings.Join(docs, ", "), err)
	}
	if len(dels) > 0 {
		if err := w.s.qs.ApplyDeltas(dels, ignore); err != nil {
			w.stats.Add(batch)
			return fmt.Errorf("remove %d replaced documents after writing %s: %w", batch.Replaced, strings.Join(docs, ", "), err)
		}
	}
	w.stats.Add(batch)
	return nil
}

// Stats returns what the Writer has written so far (batches that landed,
// plus documents skipped).
func (w *Writer) Stats() WriteStats { return w.stats }

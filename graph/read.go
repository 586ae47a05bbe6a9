package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// EachQuad calls fn for every live quad whose dir equals v, in the store's
// order, until fn returns an error or ctx ends. A value the store has never
// seen has no quads.
func EachQuad(ctx context.Context, qs cgraph.QuadStore, dir quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	ref, err := qs.ValueOf(v)
	if err != nil {
		return fmt.Errorf("look up %s: %w", v, err)
	}
	if ref == nil {
		return nil
	}
	return newResolver(qs).each(ctx, qs.QuadIterator(dir, ref), fn)
}

// EachQuadAll calls fn for every live quad of the store.
func EachQuadAll(ctx context.Context, qs cgraph.QuadStore, fn func(quad.Quad) error) error {
	return newResolver(qs).each(ctx, qs.QuadsAllIterator(), fn)
}

// EachNode calls fn for every node value of the store. Cayley's KV and SQL
// stores keep nodes whose quads were all removed, so callers must check the
// node still has quads before showing it. Values are read in batches.
func EachNode(ctx context.Context, qs cgraph.QuadStore, fn func(cgraph.Ref, quad.Value) error) error {
	it := qs.NodesAllIterator().Iterate()
	defer it.Close()
	var batch []cgraph.Ref
	flush := func() error {
		vals, err := cgraph.ValuesOf(ctx, qs, batch)
		if err != nil {
			return fmt.Errorf("read nodes: %w", err)
		}
		for i, v := range vals {
			if v != nil {
				if err := fn(batch[i], v); err != nil {
					return err
				}
			}
		}
		batch = batch[:0]
		return nil
	}
	for it.Next(ctx) {
		if batch = append(batch, it.Result()); len(batch) == resolveBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("iterate nodes: %w", err)
	}
	if err := flush(); err != nil {
		return err
	}
	return ctx.Err()
}

// errStop ends an iteration early without an error.
var errStop = fmt.Errorf("stop")

// docExists reports whether the document IRI is typed kg:Document in the store.
func (s *Store) docExists(ctx context.Context, doc quad.IRI) (bool, error) {
	found := false
	err := EachQuad(ctx, s.qs, quad.Subject, doc, func(q quad.Quad) error {
		if q.Label == doc && q.Predicate == rdfType {
			found = true
			return errStop
		}
		return nil
	})
	if err == errStop {
		err = nil
	}
	return found, err
}

// docsWithSource returns the IRIs of stored documents whose dcterms:source is src.
func (s *Store) docsWithSource(ctx context.Context, src string) ([]quad.IRI, error) {
	var docs []quad.IRI
	err := EachQuad(ctx, s.qs, quad.Object, quad.String(src), func(q quad.Quad) error {
		if q.Predicate == dcSource {
			if d, ok := q.Subject.(quad.IRI); ok && q.Label == d {
				docs = append(docs, d)
			}
		}
		return nil
	})
	return docs, err
}

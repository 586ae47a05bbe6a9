package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
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

// EachQuadRef calls fn with every live quad, by reference, whose direction
// dir is node and whose predicate is one of preds, with the index of that
// predicate in preds (nil predicates match nothing). On Cayley's KV stores
// (bolt, leveldb) it seeks the compound index of dir and predicate once per
// predicate, so the node's quads of other predicates are never read; other
// stores scan the node's quads once and filter them. Read directions with
// the store's QuadDirection.
func EachQuadRef(ctx context.Context, qs cgraph.QuadStore, dir quad.Direction, node cgraph.Ref, preds []cgraph.Ref, fn func(i int, q cgraph.Ref) error) error {
	if node == nil {
		return nil
	}
	keys := make(map[any]int, len(preds))
	for i, p := range preds {
		if p != nil {
			keys[refs.ToKey(p)] = i
		}
	}
	match := func(q cgraph.Ref) error {
		p, err := qs.QuadDirection(q, quad.Predicate)
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		if i, ok := keys[refs.ToKey(p)]; ok {
			return fn(i, q)
		}
		return nil
	}
	if ind, ok := compoundIndex(ctx, qs, dir); ok {
		n, ok := node.(ckv.Int64Value)
		if !ok {
			return fmt.Errorf("read quads: unexpected node reference %T", node)
		}
		for _, p := range preds {
			pv, ok := p.(ckv.Int64Value)
			if !ok {
				continue
			}
			scan := ckv.IndexScan{Index: ind, Values: []uint64{uint64(n), uint64(pv)}}
			if err := eachRef(ctx, scan.BuildIterator(qs), match); err != nil {
				return err
			}
		}
		return nil
	}
	return eachRef(ctx, qs.QuadIterator(dir, node), match)
}

// compoundIndex returns the KV store's index whose keys start with dir and
// then the predicate (Cayley's default subject+predicate and
// object+predicate+subject indexes), asking the store's own optimizer, so
// that stores made with other indexes are scanned the slow way.
func compoundIndex(ctx context.Context, qs cgraph.QuadStore, dir quad.Direction) (ckv.QuadIndex, bool) {
	kqs, ok := qs.(*ckv.QuadStore)
	if !ok || (dir != quad.Subject && dir != quad.Object) {
		return ckv.QuadIndex{}, false
	}
	one := ckv.Int64Value(1)
	f := map[quad.Direction]refs.Ref{dir: one, quad.Predicate: one}
	if dir == quad.Object {
		f[quad.Subject] = one
	}
	sh, _ := kqs.OptimizeShape(ctx, shape.QuadsAction{Result: quad.Label, Filter: f})
	nf, ok := sh.(shape.NodesFrom)
	if !ok {
		return ckv.QuadIndex{}, false
	}
	scan, ok := nf.Quads.(ckv.IndexScan)
	if !ok || len(scan.Index.Dirs) < 2 || scan.Index.Dirs[0] != dir || scan.Index.Dirs[1] != quad.Predicate {
		return ckv.QuadIndex{}, false
	}
	return scan.Index, true
}

// eachRef calls fn with each quad reference of the iterator shape.
func eachRef(ctx context.Context, sh iterator.Shape, fn func(cgraph.Ref) error) error {
	it := sh.Iterate()
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("iterate quads: %w", err)
	}
	return ctx.Err()
}

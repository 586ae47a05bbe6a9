package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// resolveBatch is how many quad refs are turned into quads at once.
const resolveBatch = 512

// resolver turns quad refs into quads. Cayley's KV store opens a read
// transaction and reads four values for every Quad call; for its refs the
// resolver reads the values of a whole batch in one ValuesOf call and keeps
// them in a bounded cache, which makes exports several times faster.
type resolver struct {
	qs    cgraph.QuadStore
	batch refs.BatchNamer // nil for stores without batch reads
	cache map[uint64]quad.Value
	refs  []cgraph.Ref
}

func newResolver(qs cgraph.QuadStore) *resolver {
	r := &resolver{qs: qs, cache: map[uint64]quad.Value{}}
	if _, ok := qs.(*ckv.QuadStore); ok {
		r.batch, _ = qs.(refs.BatchNamer)
	}
	return r
}

// each calls fn for every live quad of the iterator shape.
func (r *resolver) each(ctx context.Context, shape iterator.Shape, fn func(quad.Quad) error) error {
	it := shape.Iterate()
	defer it.Close()
	r.refs = r.refs[:0]
	for it.Next(ctx) {
		r.refs = append(r.refs, it.Result())
		if len(r.refs) == resolveBatch {
			if err := r.flush(ctx, fn); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("iterate quads: %w", err)
	}
	if err := r.flush(ctx, fn); err != nil {
		return err
	}
	return ctx.Err()
}

func (r *resolver) flush(ctx context.Context, fn func(quad.Quad) error) error {
	qs, err := r.quads(ctx, r.refs)
	r.refs = r.refs[:0]
	if err != nil {
		return err
	}
	for _, q := range qs {
		if q.IsValid() {
			if err := fn(q); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *resolver) quads(ctx context.Context, rs []cgraph.Ref) ([]quad.Quad, error) {
	out := make([]quad.Quad, 0, len(rs))
	prims := make([]*proto.Primitive, 0, len(rs))
	for _, ref := range rs {
		p, ok := ref.(*proto.Primitive)
		if !ok || r.batch == nil {
			q, err := r.qs.Quad(ref)
			if err != nil {
				return nil, fmt.Errorf("read quad: %w", err)
			}
			out = append(out, q)
			continue
		}
		prims = append(prims, p)
	}
	if len(prims) == 0 {
		return out, nil
	}
	if err := r.fill(ctx, prims); err != nil {
		return nil, err
	}
	for _, p := range prims {
		var q quad.Quad
		for _, d := range quad.Directions {
			if id := p.GetDirection(d); id != 0 {
				q.Set(d, r.cache[id])
			}
		}
		out = append(out, q)
	}
	return out, nil
}

// fill reads the values of the primitives that are not cached yet.
func (r *resolver) fill(ctx context.Context, prims []*proto.Primitive) error {
	if len(r.cache) > 200000 {
		clear(r.cache)
	}
	var ids []uint64
	seen := map[uint64]bool{}
	for _, p := range prims {
		for _, d := range quad.Directions {
			if id := p.GetDirection(d); id != 0 && r.cache[id] == nil && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rs := make([]cgraph.Ref, len(ids))
	for i, id := range ids {
		rs[i] = ckv.Int64Value(id)
	}
	vals, err := r.batch.ValuesOf(ctx, rs)
	if err != nil {
		return fmt.Errorf("read values: %w", err)
	}
	for i, id := range ids {
		r.cache[id] = vals[i]
	}
	return nil
}

package graph

import (
	"context"
	"encoding/binary"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/hidal-go/hidalgo/kv/options"
)

// EachPredicate calls fn once with each predicate of the quads whose
// direction dir (subject or object) is node, in the order of the store's
// index, reading only the keys of Cayley's compound index of dir and
// predicate: no quad and no value is read. A node's quads of one predicate
// can then be read with EachQuadRef, so a search that wants some
// predicates skips the others' quads (an entity's labels and mentions
// repeat in every document that names it). Keys of removed quads stay in
// Cayley's indexes, so a predicate may come whose quads are all gone. ok is
// false, and fn is not called, when the store cannot list predicates this
// way (stores other than bolt); callers then scan the node's quads.
func (s *Store) EachPredicate(ctx context.Context, dir quad.Direction, node cgraph.Ref, fn func(pred cgraph.Ref) error) (ok bool, err error) {
	n, isInt := node.(ckv.Int64Value)
	if s.kv == nil || !isInt {
		return false, nil
	}
	ind, found := compoundIndex(ctx, s.qs, dir)
	if !found {
		return false, nil
	}
	tx, err := s.kv.Tx(ctx, false)
	if err != nil {
		return false, fmt.Errorf("list predicates: %w", err)
	}
	defer tx.Close()
	it := tx.Scan(ctx, options.WithPrefixKV(ind.Key([]uint64{uint64(n)})))
	defer it.Close()
	var last uint64
	for it.Next(ctx) {
		k := it.Key()
		if len(k) == 0 || len(k[len(k)-1]) < 16 {
			return false, fmt.Errorf("list predicates: unexpected index key %q", k)
		}
		// keys are the node's ID, then the predicate's, 8 bytes each, big-endian
		p := binary.BigEndian.Uint64(k[len(k)-1][8:16])
		if p == last {
			continue
		}
		last = p
		if err := fn(ckv.Int64Value(p)); err != nil {
			return true, err
		}
	}
	if err := it.Err(); err != nil {
		return true, fmt.Errorf("list predicates: %w", err)
	}
	return true, ctx.Err()
}

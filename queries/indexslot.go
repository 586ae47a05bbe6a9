package queries

import (
	"context"
	"fmt"
	"sync"
	"weak"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// indexes holds one name index per store. Service is a plain value owned by
// another file; keeping the cache here lets every Service over a store share
// one index.
var indexes sync.Map // weak.Pointer[graph.Store] → *indexSlot

// indexSlot holds a store's name index and the build in progress, which
// runs on its own goroutine so that callers who stop waiting (a request's
// deadline) do not cancel it for the others.
type indexSlot struct {
	mu       sync.Mutex
	ix       *nameIndex
	version  int64         // the store's quad count when ix was built
	building chan struct{} // closed when the build in progress ends; nil when none
	err      error         // the last build's failure
}

// index returns the store's name index, waiting for it to be (re)built when
// the store's quad count changed since it was built.
func (q *Service) index(ctx context.Context) (*nameIndex, error) {
	slot := perStore(&indexes, q.s, func() *indexSlot { return &indexSlot{version: -1} })
	for range 3 { // the store may change while an index builds
		v, err := q.storeVersion(ctx)
		if err != nil {
			return nil, err
		}
		slot.mu.Lock()
		if slot.ix != nil && slot.version == v {
			ix := slot.ix
			slot.mu.Unlock()
			return ix, nil
		}
		done := slot.build(q.s, v)
		slot.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return nil, kg.Errorf(kg.ETIMEOUT, "the name index is still being built: try again in a moment")
		}
		slot.mu.Lock()
		err = slot.err
		slot.mu.Unlock()
		if err != nil {
			return nil, err
		}
	}
	slot.mu.Lock()
	defer slot.mu.Unlock()
	if slot.ix == nil {
		return nil, kg.Errorf(kg.EUNAVAILABLE, "the store keeps changing; the name index could not be built")
	}
	return slot.ix, nil
}

// readyIndex returns the store's name index when it is built and current,
// else nil, without waiting or starting a build: callers fall back to the
// store.
func (q *Service) readyIndex(ctx context.Context) *nameIndex {
	v, ok := indexes.Load(weak.Make(q.s))
	if !ok {
		return nil
	}
	slot := v.(*indexSlot)
	slot.mu.Lock()
	ix, built := slot.ix, slot.version
	slot.mu.Unlock()
	if ix == nil {
		return nil
	}
	if now, err := q.storeVersion(ctx); err != nil || now != built {
		return nil
	}
	return ix
}

func (q *Service) storeVersion(ctx context.Context) (int64, error) {
	st, err := q.s.QuadStore().Stats(ctx, false)
	if err != nil {
		return 0, fmt.Errorf("read store size: %w", err)
	}
	return st.Quads.Value, nil
}

// build starts building the index of the store at version v unless a build
// is in progress, and returns the channel closed when that build ends.
// Callers hold slot.mu.
func (slot *indexSlot) build(s *graph.Store, v int64) <-chan struct{} {
	if slot.building != nil {
		return slot.building
	}
	done := make(chan struct{})
	slot.building = done
	go func() {
		defer close(done)
		var ents []kg.Entity
		err := s.EachEntity(context.Background(), func(e kg.Entity) error { ents = append(ents, e); return nil })
		var ix *nameIndex
		if err == nil {
			ix = newNameIndex(ents)
		}
		slot.mu.Lock()
		defer slot.mu.Unlock()
		slot.building, slot.err = nil, err
		if err != nil {
			slot.err = fmt.Errorf("index names: %w", err)
			return
		}
		slot.ix, slot.version = ix, v
	}()
	return done
}

package queries

import (
	"context"
	"runtime"
	"sync"
	"weak"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// AdjacencyCacheNodes is how many entities' fact edges (for path searches)
// and display forms (for answers) a store's Services keep in memory, so that
// a long-lived Service (kg serve) answers repeated questions around the same
// entities from memory. The cache is dropped
// whenever the store's quad count changes, and emptied when full. Zero turns
// it off.
var AdjacencyCacheNodes = 200000

// adjEdge is one fact edge at an entity, by reference.
type adjEdge struct {
	other, pred, label cgraph.Ref
	forward            bool
}

// adjCache holds the fact edges of entities, keyed by their ref key, and
// entities as answers show them, keyed by IRI.
type adjCache struct {
	mu      sync.Mutex
	version int64
	edges   map[any][]adjEdge
	ents    map[string]kg.Entity
}

var adjacencies sync.Map // weak.Pointer[graph.Store] → *adjCache

// perStore returns the value m holds for the store, storing a new one on
// first use. Keys are weak pointers and entries go when the store is
// garbage collected, so closed stores do not keep their caches alive.
func perStore[V any](m *sync.Map, s *graph.Store, fresh func() *V) *V {
	k := weak.Make(s)
	if v, ok := m.Load(k); ok {
		return v.(*V)
	}
	v, loaded := m.LoadOrStore(k, fresh())
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[graph.Store]) { m.Delete(k) }, k)
	}
	return v.(*V)
}

// adjacency returns the store's edge cache, emptied when the store changed,
// or nil when caching is off.
func adjacency(ctx context.Context, s *graph.Store) *adjCache {
	if AdjacencyCacheNodes <= 0 {
		return nil
	}
	st, err := s.QuadStore().Stats(ctx, false)
	if err != nil {
		return nil
	}
	c := perStore(&adjacencies, s, func() *adjCache { return &adjCache{version: -1} })
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != st.Quads.Value || len(c.edges) >= AdjacencyCacheNodes || len(c.ents) >= AdjacencyCacheNodes {
		c.version, c.edges, c.ents = st.Quads.Value, map[any][]adjEdge{}, map[string]kg.Entity{}
	}
	return c
}

func (c *adjCache) get(k any) ([]adjEdge, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.edges[k]
	return e, ok
}

func (c *adjCache) put(k any, e []adjEdge) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.edges) < AdjacencyCacheNodes {
		c.edges[k] = e
	}
}

func (c *adjCache) entity(iri string) (kg.Entity, bool) {
	if c == nil {
		return kg.Entity{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.ents[iri]
	return e, ok
}

func (c *adjCache) putEntity(e kg.Entity) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.ents) < AdjacencyCacheNodes {
		c.ents[e.ID] = e
	}
}

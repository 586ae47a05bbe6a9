package queries

import (
	"context"
	"sync"

	"github.com/kgnews/kg"
)

// Bounds of Neighbors.
const (
	DefaultNeighborLimit = 50  // neighbors per page when the limit is 0
	MaxNeighborLimit     = 500 // the largest page
)

// RankedNeighborsKept is how many entities' ranked neighbor groups (without
// evidence) a store's Services keep, so that paging through a hub reads
// only each page's evidence. Only entities with more groups than one page
// are kept; the cache is dropped when the store's quad count changes. Zero
// turns it off.
var RankedNeighborsKept = 64

// Neighborhood is one page of an entity's facts and neighbors, for the
// explorer: each answer is a neighbor with the predicate that links them
// (Inverse when the neighbor is the fact's subject), its status and evidence.
type Neighborhood struct {
	Entity    kg.Entity   `json:"entity"`    // the entity, with its mention count
	Total     int         `json:"total"`     // neighbor groups in all (capped by Truncated)
	Offset    int         `json:"offset"`    // index of the first neighbor on this page
	Limit     int         `json:"limit"`     // page size asked for
	Truncated bool        `json:"truncated"` // the entity has more facts than one request reads (MaxFactsRead per direction)
	Neighbors []kg.Answer `json:"neighbors"` // this page, best supported first
}

// Neighbors returns one page of an entity's facts and neighbors, grouped and
// ranked as in Ask's about questions, reading at most MaxFactsRead fact
// nodes in each direction so that a hub answers in bounded time. entity is a
// name or an IRI, resolved as in Resolve. Ranking reads every fact of the
// entity but only the documents of their sentences; the sentences' text is
// read for the page only, and the ranking of a large neighborhood is kept
// for the next pages (RankedNeighborsKept).
func (q *Service) Neighbors(ctx context.Context, entity string, limit, offset int) (*Neighborhood, error) {
	if limit == 0 {
		limit = DefaultNeighborLimit
	}
	if limit < 0 || limit > MaxNeighborLimit || offset < 0 {
		return nil, kg.Errorf(kg.EINVALID, "neighbors: limit must be 1 to %d and offset not negative, got %d and %d", MaxNeighborLimit, limit, offset)
	}
	e, err := q.Resolve(ctx, entity)
	if err != nil {
		return nil, err
	}
	r := q.newReader()
	rk, err := q.ranked(ctx, r, e.ID, limit)
	if err != nil {
		return nil, err
	}
	page, err := r.page(ctx, rk.accs, offset, limit)
	if err != nil {
		return nil, err
	}
	return &Neighborhood{Entity: e, Total: len(rk.accs), Offset: offset, Limit: limit, Truncated: rk.truncated,
		Neighbors: page}, nil
}

// rankedGroups are an entity's neighbor groups, ranked, without evidence.
type rankedGroups struct {
	accs      []*answerAcc // read only once made
	truncated bool         // the entity has more facts than were read
}

// rankCache holds a store's ranked neighbor groups by entity IRI.
type rankCache struct {
	mu      sync.Mutex
	version int64
	groups  map[string]*rankedGroups
}

var rankCaches sync.Map // weak.Pointer[graph.Store] → *rankCache

// ranked returns the ranked neighbor groups of an entity, from the store's
// cache when they are there and the store has not changed; groups that
// take more than one page of limit are kept.
func (q *Service) ranked(ctx context.Context, r *reader, iri string, limit int) (*rankedGroups, error) {
	var c *rankCache
	var version int64
	if RankedNeighborsKept > 0 {
		v, err := q.storeVersion(ctx)
		if err != nil {
			return nil, err
		}
		c, version = perStore(&rankCaches, q.s, func() *rankCache { return &rankCache{} }), v
		c.mu.Lock()
		rk, ok := c.groups[iri]
		if c.version != version {
			c.version, c.groups, ok = version, map[string]*rankedGroups{}, false
		}
		c.mu.Unlock()
		if ok {
			return rk, nil
		}
	}
	facts, err := r.facts(ctx, iri, true, true, nil)
	if err != nil {
		return nil, err
	}
	accs, err := r.rank(ctx, iri, facts, nil, true)
	if err != nil {
		return nil, err
	}
	rk := &rankedGroups{accs: accs, truncated: len(facts) >= MaxFactsRead}
	if c != nil && len(accs) > limit {
		c.mu.Lock()
		if c.version == version {
			if len(c.groups) >= RankedNeighborsKept {
				clear(c.groups)
			}
			c.groups[iri] = rk
		}
		c.mu.Unlock()
	}
	return rk, nil
}

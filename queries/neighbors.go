package queries

import (
	"context"

	"github.com/kgnews/kg"
)

// Bounds of Neighbors.
const (
	DefaultNeighborLimit = 50  // neighbors per page when the limit is 0
	MaxNeighborLimit     = 500 // the largest page
)

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
// name or an IRI, resolved as in Resolve.
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
	facts, err := r.facts(ctx, e.ID, true, true, nil)
	if err != nil {
		return nil, err
	}
	all, err := r.answers(ctx, e.ID, facts, nil, true, 0)
	if err != nil {
		return nil, err
	}
	n := &Neighborhood{Entity: e, Total: len(all), Offset: offset, Limit: limit, Truncated: len(facts) >= MaxFactsRead,
		Neighbors: []kg.Answer{}}
	if offset < len(all) {
		n.Neighbors = all[offset:min(len(all), offset+limit)]
	}
	return n, nil
}

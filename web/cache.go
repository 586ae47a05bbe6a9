package web

import (
	"context"
	"sync"
	"time"
)

// Bounds of the neighbor cache.
const (
	cachedFacts   = 500 // facts read and kept per entity; pages past them go to the reader
	cacheEntities = 128 // entities kept
)

// neighborCache keeps the first cachedFacts facts of recently expanded
// entities, so that "show more" on a hub pages through memory instead of
// reading the hub's facts again for every page.
type neighborCache struct {
	ttl   time.Duration // Config.CacheTTL
	mu    sync.Mutex
	items map[string]cachedNeighborhood
}

type cachedNeighborhood struct {
	nb *Neighborhood
	at time.Time
}

func (c *neighborCache) get(id string) (*Neighborhood, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[id]
	if !ok || time.Since(it.at) > c.ttl {
		return nil, false
	}
	return it.nb, true
}

func (c *neighborCache) put(id string, nb *Neighborhood) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil {
		c.items = map[string]cachedNeighborhood{}
	}
	if len(c.items) >= cacheEntities {
		for k, it := range c.items {
			if time.Since(it.at) > c.ttl || len(c.items) >= cacheEntities {
				delete(c.items, k)
			}
		}
	}
	c.items[id] = cachedNeighborhood{nb: nb, at: time.Now()}
}

func (c *neighborCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = nil
}

// neighbors returns one page of an entity's facts, from the cache when the
// page lies within the first cachedFacts.
func (s *Server) neighbors(ctx context.Context, id string, limit, offset int) (*Neighborhood, error) {
	if offset+limit > cachedFacts || s.cache.ttl < 0 {
		return s.svc.Neighbors.Neighbors(ctx, id, limit, offset)
	}
	full, ok := s.cache.get(id)
	if !ok {
		var err error
		if full, err = s.svc.Neighbors.Neighbors(ctx, id, cachedFacts, 0); err != nil {
			return nil, err
		}
		s.cache.put(id, full)
	}
	page := *full
	lo, hi := min(offset, len(full.Facts)), min(offset+limit, len(full.Facts))
	page.Facts, page.Offset = full.Facts[lo:hi], offset
	page.More = offset+len(page.Facts) < full.Total
	return &page, nil
}

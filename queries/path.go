package queries

import (
	"context"
	"errors"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// Bounds of a path search.
const (
	MaxHops       = 8       // the longest path Path looks for
	MaxPaths      = 100     // the most paths Path returns
	MaxEdgesRead  = 20000   // fact edges read around one entity (hubs are cut here)
	MaxNodesSeen  = 1000000 // entities a search may reach before it gives up
	parentsPerHop = 8       // shortest-path parents kept per entity
)

// Path returns up to limit shortest connections between two entities (names
// as in Resolve, or IRIs) through fact edges: the direct {base}rel/ edges of
// asserted facts, never documents or sentences. Each hop is a fact as
// stated (From is its subject), so consecutive hops share an entity but may
// point either way; each carries up to MaxEvidence sentences. No path within
// maxHops gives an empty list.
func (q *Service) Path(ctx context.Context, from, to string, maxHops, limit int) ([]kg.Path, error) {
	if maxHops < 1 || maxHops > MaxHops {
		return nil, kg.Errorf(kg.EINVALID, "max hops must be between 1 and %d, got %d", MaxHops, maxHops)
	}
	if limit < 1 || limit > MaxPaths {
		return nil, kg.Errorf(kg.EINVALID, "path limit must be between 1 and %d, got %d", MaxPaths, limit)
	}
	a, err := q.Resolve(ctx, from)
	if err != nil {
		return nil, err
	}
	b, err := q.Resolve(ctx, to)
	if err != nil {
		return nil, err
	}
	return q.findPaths(ctx, q.newReader(), a.ID, b.ID, maxHops, limit)
}

// step is how the search reached an entity: over a fact edge from prev.
type step struct {
	prev    any          // key of the entity it came from
	prevRef cgraph.Ref   // that entity
	pred    cgraph.Ref   // the edge's predicate
	labels  []cgraph.Ref // the sentences that state it (quad labels), at most MaxEvidence
	forward bool         // the edge points from prev to this entity
}

// side is one half of the bidirectional search.
type side struct {
	dist     map[any]int
	parents  map[any][]step
	refs     map[any]cgraph.Ref
	frontier []any
	depth    int
}

func newSide(k any, ref cgraph.Ref) *side {
	return &side{dist: map[any]int{k: 0}, parents: map[any][]step{}, refs: map[any]cgraph.Ref{k: ref}, frontier: []any{k}}
}

// search is one bidirectional breadth-first search over fact edges.
type search struct {
	store *graph.Store
	qs    cgraph.QuadStore
	cache *adjCache    // nil when off
	rel   string       // prefix of fact predicates
	isRe  map[any]bool // predicate key → is a fact predicate
	seen  int
}

// findPaths runs the search between two entity IRIs and turns the shortest
// paths it finds into hops with evidence. It walks Cayley's quad indexes by
// reference (subject and object lookups), resolving values only for
// predicates (cached) and for the entities on the paths found.
func (q *Service) findPaths(ctx context.Context, r *reader, from, to string, maxHops, limit int) ([]kg.Path, error) {
	qs := q.s.QuadStore()
	ra, err := qs.ValueOf(quad.IRI(from))
	if err != nil {
		return nil, fmt.Errorf("find path: %w", err)
	}
	rb, err := qs.ValueOf(quad.IRI(to))
	if err != nil {
		return nil, fmt.Errorf("find path: %w", err)
	}
	if ra == nil || rb == nil || from == to {
		return []kg.Path{}, nil
	}
	s := &search{store: q.s, qs: qs, cache: adjacency(ctx, q.s), rel: q.s.Base() + "rel/", isRe: map[any]bool{}}
	fw, bw := newSide(refs.ToKey(ra), ra), newSide(refs.ToKey(rb), rb)
	var meets []any
	for len(meets) == 0 && fw.depth+bw.depth < maxHops && len(fw.frontier) > 0 && len(bw.frontier) > 0 {
		grow, other := fw, bw
		if len(bw.frontier) < len(fw.frontier) {
			grow, other = bw, fw
		}
		meets, err = s.expand(ctx, grow, other, limit)
		if err != nil {
			return nil, err
		}
	}
	chains := joinChains(fw, bw, meets, limit)
	out := make([]kg.Path, 0, len(chains))
	for _, c := range chains {
		p, err := r.hops(ctx, c)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// expand grows a side by one level and returns the entities where it met
// the other side. It stops as soon as it has limit of them, since every
// meeting point of a level gives paths of the same, shortest, length.
func (s *search) expand(ctx context.Context, sd, other *side, limit int) ([]any, error) {
	var next, meets []any
	d := sd.depth + 1
	for _, k := range sd.frontier {
		if len(meets) >= limit {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ref := sd.refs[k]
		err := s.edges(ctx, ref, func(ref2, pred, label cgraph.Ref, forward bool) {
			ok := refs.ToKey(ref2)
			dist, seen := sd.dist[ok]
			if !seen {
				sd.dist[ok], sd.refs[ok] = d, ref2
				next = append(next, ok)
				s.seen++
				if _, met := other.dist[ok]; met {
					meets = append(meets, ok)
				}
			} else if dist != d {
				return
			}
			ps := sd.parents[ok]
			for i, p := range ps {
				if p.prev == k && refs.ToKey(p.pred) == refs.ToKey(pred) && p.forward == forward {
					if label != nil && len(p.labels) < MaxEvidence {
						ps[i].labels = append(p.labels, label)
					}
					return
				}
			}
			if len(ps) >= parentsPerHop {
				return
			}
			st := step{prev: k, prevRef: ref, pred: pred, forward: forward}
			if label != nil {
				st.labels = []cgraph.Ref{label}
			}
			sd.parents[ok] = append(ps, st)
		})
		if err != nil {
			return nil, err
		}
		if s.seen > MaxNodesSeen {
			return nil, kg.Errorf(kg.ETIMEOUT, "path search reached more than %d entities; ask for fewer hops", MaxNodesSeen)
		}
	}
	sd.frontier, sd.depth = next, d
	return meets, nil
}

// edges calls fn for each fact edge at an entity, at most MaxEdgesRead, with
// the sentence that labels it: forward when the entity is the edge's subject.
// Edges come from the adjacency cache when it has them.
func (s *search) edges(ctx context.Context, ref cgraph.Ref, fn func(other, pred, label cgraph.Ref, forward bool)) error {
	k := refs.ToKey(ref)
	if es, ok := s.cache.get(k); ok {
		for _, e := range es {
			fn(e.other, e.pred, e.label, e.forward)
		}
		return nil
	}
	var es []adjEdge
	err := s.readEdges(ctx, ref, func(e adjEdge) { es = append(es, e) })
	if err != nil {
		return err
	}
	s.cache.put(k, es)
	for _, e := range es {
		fn(e.other, e.pred, e.label, e.forward)
	}
	return nil
}

// readEdges reads an entity's fact edges from the store's subject and
// object indexes, at most MaxEdgesRead. On bolt it lists the entity's
// predicates from the index keys first and reads the quads of fact
// predicates only, skipping its labels, types and mentions, which repeat in
// every document that names it, and the fact nodes that point at it.
func (s *search) readEdges(ctx context.Context, ref cgraph.Ref, fn func(adjEdge)) error {
	n := 0
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		otherDir := quad.Object
		if dir == quad.Object {
			otherDir = quad.Subject
		}
		edge := func(qr cgraph.Ref) error {
			if n >= MaxEdgesRead {
				return errEnoughEdges
			}
			n++
			other, err := s.qs.QuadDirection(qr, otherDir)
			var label cgraph.Ref
			if err == nil {
				label, err = s.qs.QuadDirection(qr, quad.Label)
			}
			if err == nil {
				fn(adjEdge{other: other, pred: pred(s.qs, qr), label: label, forward: dir == quad.Subject})
			}
			return err
		}
		var rels []cgraph.Ref
		listed, err := s.store.EachPredicate(ctx, dir, ref, func(p cgraph.Ref) error {
			is, err := s.isRel(p)
			if is {
				rels = append(rels, p)
			}
			return err
		})
		if err == nil && listed {
			err = graph.EachQuadRef(ctx, s.qs, dir, ref, rels, func(_ int, qr cgraph.Ref) error { return edge(qr) })
		} else if err == nil {
			err = s.scanEdges(ctx, dir, ref, edge)
		}
		if errors.Is(err, errEnoughEdges) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read edges: %w", err)
		}
	}
	return nil
}

// errEnoughEdges stops reading an entity's edges at MaxEdgesRead.
var errEnoughEdges = errors.New("enough edges")

// pred returns a quad's predicate; QuadDirection of a quad the store just
// returned does not fail.
func pred(qs cgraph.QuadStore, qr cgraph.Ref) cgraph.Ref {
	p, _ := qs.QuadDirection(qr, quad.Predicate)
	return p
}

// scanEdges calls edge with each quad of the entity in direction dir whose
// predicate is a fact predicate, reading all of its quads.
func (s *search) scanEdges(ctx context.Context, dir quad.Direction, ref cgraph.Ref, edge func(cgraph.Ref) error) error {
	it := s.qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		qr := it.Result()
		p, err := s.qs.QuadDirection(qr, quad.Predicate)
		isRel := false
		if err == nil {
			isRel, err = s.isRel(p)
		}
		if err == nil && isRel {
			err = edge(qr)
		}
		if err != nil {
			return err
		}
	}
	return it.Err()
}

// isRel reports whether a predicate is a fact predicate, {base}rel/…
func (s *search) isRel(pred cgraph.Ref) (bool, error) {
	k := refs.ToKey(pred)
	if v, ok := s.isRe[k]; ok {
		return v, nil
	}
	v, err := s.qs.NameOf(pred)
	if err != nil {
		return false, fmt.Errorf("read predicate: %w", err)
	}
	iri, ok := v.(quad.IRI)
	is := ok && strings.HasPrefix(string(iri), s.rel)
	s.isRe[k] = is
	return is, nil
}

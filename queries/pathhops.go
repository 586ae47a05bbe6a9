package queries

import (
	"context"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// edge is one fact edge by reference, as stated: subject, predicate, object,
// and the sentences that state it.
type edge struct {
	sub, pred, obj cgraph.Ref
	labels         []cgraph.Ref
}

func (p step) edge(node cgraph.Ref) edge {
	if p.forward {
		return edge{sub: p.prevRef, pred: p.pred, obj: node, labels: p.labels}
	}
	return edge{sub: node, pred: p.pred, obj: p.prevRef, labels: p.labels}
}

// joinChains returns up to limit shortest chains of edges from the forward
// side's start to the backward side's, through the entities where they met.
func joinChains(fw, bw *side, meets []any, limit int) [][]edge {
	var out [][]edge
	for _, m := range meets {
		for _, head := range fw.chainsTo(m, limit) {
			for _, tail := range bw.chainsTo(m, limit) {
				if len(out) == limit {
					return out
				}
				c := make([]edge, 0, len(head)+len(tail))
				c = append(c, head...)
				for i := len(tail) - 1; i >= 0; i-- { // tail runs from the far end to m
					c = append(c, tail[i])
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// chainsTo returns up to limit chains of edges from the side's start to k,
// in order from the start.
func (sd *side) chainsTo(k any, limit int) [][]edge {
	if sd.dist[k] == 0 {
		return [][]edge{nil}
	}
	var out [][]edge
	for _, p := range sd.parents[k] {
		for _, c := range sd.chainsTo(p.prev, limit) {
			if len(out) == limit {
				return out
			}
			out = append(out, append(c[:len(c):len(c)], p.edge(sd.refs[k])))
		}
	}
	return out
}

// hops turns a chain of edges into a path of entities with evidence.
func (r *reader) hops(ctx context.Context, chain []edge) (kg.Path, error) {
	qs := r.q.s.QuadStore()
	p := make(kg.Path, 0, len(chain))
	for _, e := range chain {
		vals, err := cgraph.ValuesOf(ctx, qs, []cgraph.Ref{e.sub, e.pred, e.obj})
		if err != nil {
			return nil, fmt.Errorf("read path: %w", err)
		}
		from, err := r.entity(ctx, literal(vals[0]))
		if err != nil {
			return nil, err
		}
		to, err := r.entity(ctx, literal(vals[2]))
		if err != nil {
			return nil, err
		}
		pred := graph.UnescapeSegment(strings.TrimPrefix(literal(vals[1]), r.base+"rel/"))
		evs, err := r.edgeEvidence(ctx, e)
		if err != nil {
			return nil, err
		}
		p = append(p, kg.Hop{From: *brief(&from), Predicate: pred, To: *brief(&to), Evidence: evs})
	}
	return p, nil
}

// edgeEvidence reads the sentences that label an edge's quads.
func (r *reader) edgeEvidence(ctx context.Context, e edge) ([]kg.Evidence, error) {
	vals, err := cgraph.ValuesOf(ctx, r.q.s.QuadStore(), e.labels)
	if err != nil {
		return nil, fmt.Errorf("read evidence: %w", err)
	}
	evs := []kg.Evidence{}
	for _, v := range vals {
		if v == nil {
			continue
		}
		ev, err := r.evidence(ctx, literal(v))
		if err != nil {
			return nil, err
		}
		evs = append(evs, ev)
	}
	sortEvidence(evs)
	return evs, nil
}

package queries

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
)

// fact is a fact node as read, with the reference of its evidence sentence.
type fact struct {
	graph.FactNode
	sent cgraph.Ref // the sentence, nil when the node names none
}

// Fields of a fact node, in the order of reader.factPreds.
const (
	fpSubject = iota
	fpPredicate
	fpObject
	fpDerived
	fpConfidence
	fpNegated
	fpModality
	fpAttributed
	fpValid
	fpCount
)

// factBatch is how many fact nodes are read before their values are.
const factBatch = 256

// factPreds returns the references of the predicates of fact nodes, looked
// up once per reader; those the store lacks are nil.
func (r *reader) factPreds() ([]cgraph.Ref, error) {
	if r.fpreds != nil {
		return r.fpreds, nil
	}
	b := r.base
	iris := [fpCount]quad.Value{rdfSubject, rdfPredicate, rdfObject, provDerived, quad.IRI(b + "confidence"),
		quad.IRI(b + "negated"), quad.IRI(b + "modality"), quad.IRI(b + "attributedTo"), quad.IRI(b + "validTime")}
	out := make([]cgraph.Ref, fpCount)
	for i, v := range iris {
		ref, err := r.q.s.QuadStore().ValueOf(v)
		if err != nil {
			return nil, fmt.Errorf("look up %s: %w", v, err)
		}
		out[i] = ref
	}
	r.fpreds = out
	return out, nil
}

// facts reads the facts around an entity: those it is the subject of (out),
// the object of (in), or both, restricted to the predicates when there are
// any, at most MaxFactsRead in each direction. It walks the store by
// reference (entity ← rdf:subject or rdf:object ─ fact node, then the
// node's quads) and reads each distinct value once per reader.
func (r *reader) facts(ctx context.Context, entity string, out, in bool, preds []string) ([]fact, error) {
	qs := r.q.s.QuadStore()
	fp, err := r.factPreds()
	if err != nil {
		return nil, err
	}
	ent, err := qs.ValueOf(quad.IRI(entity))
	if err != nil {
		return nil, fmt.Errorf("read facts of %s: %w", entity, err)
	}
	want, err := r.predicateRefs(preds)
	if err != nil {
		return nil, err
	}
	var facts []fact
	seen := map[any]bool{}
	for _, d := range []int{fpSubject, fpObject} {
		if d == fpSubject && !out || d == fpObject && !in {
			continue
		}
		var nodes []cgraph.Ref
		err := graph.EachQuadRef(ctx, qs, quad.Object, ent, fp[d:d+1], func(_ int, q cgraph.Ref) error {
			node, err := qs.QuadDirection(q, quad.Subject)
			if k := refs.ToKey(node); err == nil && !seen[k] {
				seen[k] = true
				nodes = append(nodes, node)
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("read facts of %s: %w", entity, err)
		}
		if facts, err = r.factNodes(ctx, nodes, want, facts); err != nil {
			return nil, fmt.Errorf("read facts of %s: %w", entity, err)
		}
	}
	return facts, nil
}

// predicateRefs returns the keys of the fact predicates' references; nil
// means any predicate.
func (r *reader) predicateRefs(preds []string) (map[any]bool, error) {
	if len(preds) == 0 {
		return nil, nil
	}
	want := map[any]bool{}
	for _, p := range preds {
		ref, err := r.q.s.QuadStore().ValueOf(quad.IRI(graph.RelIRI(r.base, p)))
		if err != nil {
			return nil, fmt.Errorf("look up predicate %s: %w", p, err)
		}
		if ref != nil {
			want[refs.ToKey(ref)] = true
		}
	}
	return want, nil
}

// factNodes reads fact nodes in order, those with a wanted predicate when
// want is not nil, until MaxFactsRead have matched, and appends the complete
// ones to dst.
func (r *reader) factNodes(ctx context.Context, nodes []cgraph.Ref, want map[any]bool, dst []fact) ([]fact, error) {
	fp := r.fpreds
	matched := 0
	for len(nodes) > 0 && matched < MaxFactsRead {
		batch := nodes[:min(len(nodes), factBatch, MaxFactsRead-matched)]
		nodes = nodes[len(batch):]
		rows := make([][fpCount]cgraph.Ref, 0, len(batch))
		for _, node := range batch {
			if want != nil {
				ok, err := r.hasPredicate(ctx, node, want)
				if err != nil {
					return nil, err
				}
				if !ok {
					continue
				}
			}
			row, err := r.factRow(ctx, node, fp)
			if err != nil {
				return nil, err
			}
			rows = append(rows, row)
		}
		matched += len(rows)
		var need []cgraph.Ref
		for _, row := range rows {
			need = append(need, row[:]...)
		}
		if err := r.readValues(ctx, need); err != nil {
			return nil, err
		}
		for _, row := range rows {
			if f := r.factOf(row); f.Subject != "" && f.Object != "" && f.PredicateID != "" {
				dst = append(dst, f)
			}
		}
	}
	return dst, nil
}

// hasPredicate reports whether a fact node's rdf:predicate is wanted.
func (r *reader) hasPredicate(ctx context.Context, node cgraph.Ref, want map[any]bool) (bool, error) {
	qs := r.q.s.QuadStore()
	found := false
	err := graph.EachQuadRef(ctx, qs, quad.Subject, node, r.fpreds[fpPredicate:fpPredicate+1], func(_ int, q cgraph.Ref) error {
		p, err := qs.QuadDirection(q, quad.Object)
		found = found || want[refs.ToKey(p)]
		return err
	})
	return found, err
}

// factRow reads a fact node's quads by reference: the object of each fact
// predicate, in the order of factPreds.
func (r *reader) factRow(ctx context.Context, node cgraph.Ref, fp []cgraph.Ref) ([fpCount]cgraph.Ref, error) {
	var row [fpCount]cgraph.Ref
	qs := r.q.s.QuadStore()
	keys := make(map[any]int, fpCount)
	for i, p := range fp {
		if p != nil {
			keys[refs.ToKey(p)] = i
		}
	}
	it := qs.QuadIterator(quad.Subject, node).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		p, err := qs.QuadDirection(it.Result(), quad.Predicate)
		if err != nil {
			return row, fmt.Errorf("read fact: %w", err)
		}
		if i, ok := keys[refs.ToKey(p)]; ok && row[i] == nil {
			if row[i], err = qs.QuadDirection(it.Result(), quad.Object); err != nil {
				return row, fmt.Errorf("read fact: %w", err)
			}
		}
	}
	if err := it.Err(); err != nil {
		return row, fmt.Errorf("read fact: %w", err)
	}
	return row, nil
}

// factOf makes a fact from a row whose values have been read.
func (r *reader) factOf(row [fpCount]cgraph.Ref) fact {
	s := func(i int) string { return literal(r.value(row[i])) }
	f := fact{sent: row[fpDerived]}
	f.Subject, f.Object, f.PredicateID = s(fpSubject), s(fpObject), s(fpPredicate)
	f.Predicate = graph.UnescapeSegment(strings.TrimPrefix(f.PredicateID, r.base+"rel/"))
	f.Sentence = s(fpDerived)
	f.Confidence, _ = strconv.ParseFloat(s(fpConfidence), 64)
	f.Negated = s(fpNegated) == "true"
	f.Modality, f.AttributedTo, f.ValidTime = s(fpModality), s(fpAttributed), s(fpValid)
	return f
}

// readValues reads the values of the references the reader has not read
// yet, in one batch.
func (r *reader) readValues(ctx context.Context, rs []cgraph.Ref) error {
	var need []cgraph.Ref
	for _, ref := range rs {
		if ref == nil {
			continue
		}
		k := refs.ToKey(ref)
		if _, ok := r.vals[k]; !ok {
			r.vals[k] = nil
			need = append(need, ref)
		}
	}
	if len(need) == 0 {
		return nil
	}
	vals, err := cgraph.ValuesOf(ctx, r.q.s.QuadStore(), need)
	if err != nil {
		return fmt.Errorf("read values: %w", err)
	}
	for i, v := range vals {
		r.vals[refs.ToKey(need[i])] = v
	}
	return nil
}

// value returns a value readValues has read; nil for nil.
func (r *reader) value(ref cgraph.Ref) quad.Value {
	if ref == nil {
		return nil
	}
	return r.vals[refs.ToKey(ref)]
}

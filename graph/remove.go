package graph

import (
	"context"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
)

// RemoveDocument removes a document and everything only it supports: its
// sentences, its facts and their direct edges, and its entity quads. Entities
// that other documents also name keep those documents' quads. It fails with
// kg.ENOTFOUND when the document is not in the store.
func (s *Store) RemoveDocument(ctx context.Context, docID string) (WriteStats, error) {
	docID = strings.TrimPrefix(docID, s.base+"doc/")
	doc := quad.IRI(DocIRI(s.base, docID))
	exists, err := s.docExists(ctx, doc)
	if err != nil {
		return WriteStats{}, fmt.Errorf("remove document %s: %w", docID, err)
	}
	if !exists {
		return WriteStats{}, kg.Errorf(kg.ENOTFOUND, "no document %q in the store", docID)
	}
	del, st, err := s.removalQuads(ctx, doc)
	if err != nil {
		return WriteStats{}, fmt.Errorf("remove document %s: %w", docID, err)
	}
	if err := ctx.Err(); err != nil {
		return WriteStats{}, fmt.Errorf("remove document %s: %w", docID, err)
	}
	if err := s.qs.ApplyDeltas(appendDeltas(nil, del, cgraph.Delete), ignore); err != nil {
		return WriteStats{}, fmt.Errorf("remove document %s: %w", docID, err)
	}
	return st, nil
}

// removal gathers the quads of one document without duplicates.
type removal struct {
	quads []quad.Quad
	seen  map[quad.Quad]bool
	st    WriteStats
}

func (r *removal) add(q quad.Quad) {
	if !r.seen[q] {
		r.seen[q] = true
		r.quads = append(r.quads, q)
	}
}

// removalQuads lists every quad a document put in the store: those labelled
// by the document IRI and those labelled by one of its sentence IRIs. It
// reaches them through subject and object lookups only, since Cayley's KV
// stores have no label index: the document's own quads, its sentences
// (dcterms:isPartOf), their fact nodes (prov:wasDerivedFrom) and direct
// edges, its entities (schema:mentions) and the predicates of its facts.
func (s *Store) removalQuads(ctx context.Context, doc quad.IRI) ([]quad.Quad, WriteStats, error) {
	r := &removal{seen: map[quad.Quad]bool{}, st: WriteStats{Documents: 1}}
	var subjects []quad.Value // entities and predicates with quads labelled doc
	err := EachQuad(ctx, s.qs, quad.Subject, doc, func(q quad.Quad) error {
		if q.Label == doc {
			r.add(q)
			if q.Predicate == schemaMentions {
				subjects = append(subjects, q.Object)
				r.st.Entities++
			}
		}
		return nil
	})
	if err != nil {
		return nil, r.st, err
	}
	var sentences []quad.Value
	err = EachQuad(ctx, s.qs, quad.Object, doc, func(q quad.Quad) error {
		if q.Predicate == dcIsPartOf && q.Label == doc {
			sentences = append(sentences, q.Subject)
		}
		return nil
	})
	if err != nil {
		return nil, r.st, err
	}
	r.st.Sentences = len(sentences)
	preds := map[quad.Value]bool{}
	for _, sent := range sentences {
		if err := s.removeSentence(ctx, r, sent, doc, preds); err != nil {
			return nil, r.st, err
		}
	}
	for p := range preds {
		subjects = append(subjects, p)
	}
	for _, sub := range subjects {
		err := EachQuad(ctx, s.qs, quad.Subject, sub, func(q quad.Quad) error {
			if q.Label == doc {
				r.add(q)
			}
			return nil
		})
		if err != nil {
			return nil, r.st, err
		}
	}
	r.st.Quads = len(r.quads)
	return r.quads, r.st, nil
}

// removeSentence adds a sentence's own quads, its fact nodes and their
// direct edges to r, and notes the facts' predicates.
func (s *Store) removeSentence(ctx context.Context, r *removal, sent, doc quad.Value, preds map[quad.Value]bool) error {
	err := EachQuad(ctx, s.qs, quad.Subject, sent, func(q quad.Quad) error {
		if q.Label == doc {
			r.add(q)
		}
		return nil
	})
	if err != nil {
		return err
	}
	var facts []quad.Value
	err = EachQuad(ctx, s.qs, quad.Object, sent, func(q quad.Quad) error {
		if q.Predicate == provDerived && q.Label == sent {
			facts = append(facts, q.Subject)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range facts {
		var edge quad.Quad
		err := EachQuad(ctx, s.qs, quad.Subject, f, func(q quad.Quad) error {
			if q.Label != sent {
				return nil
			}
			r.add(q)
			switch q.Predicate {
			case rdfSubject:
				edge.Subject = q.Object
			case rdfPredicate:
				edge.Predicate = q.Object
				preds[q.Object] = true
			case rdfObject:
				edge.Object = q.Object
			}
			return nil
		})
		if err != nil {
			return err
		}
		r.st.Facts++
		if edge.Subject != nil && edge.Predicate != nil && edge.Object != nil {
			edge.Label = sent
			r.add(edge) // the direct edge, if the fact was asserted
		}
	}
	return nil
}

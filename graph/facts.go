package graph

import (
	"context"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// FactNode is one fact node as stored: who did what to whom, how sure, and
// the sentence that says so.
type FactNode struct {
	ID           string  `json:"id"`                      // fact IRI
	Subject      string  `json:"subject"`                 // entity IRI
	Predicate    string  `json:"predicate"`               // predicate lemma, e.g. meet
	PredicateID  string  `json:"predicate_id"`            // predicate IRI
	Object       string  `json:"object"`                  // entity IRI
	Confidence   float64 `json:"confidence"`              // 0..1
	Negated      bool    `json:"negated,omitempty"`       // the sentence denies it
	Modality     string  `json:"modality,omitempty"`      // possible, future, intended, hypothetical
	AttributedTo string  `json:"attributed_to,omitempty"` // entity IRI of who said so
	ValidTime    string  `json:"valid_time,omitempty"`    // when it held, as the text says
	Sentence     string  `json:"sentence"`                // evidence sentence IRI
}

// EachFact calls fn for every fact node in the store, found through their
// rdf:type rdf:Statement quads and read one at a time, so that exports of
// large graphs stream.
func (s *Store) EachFact(ctx context.Context, fn func(FactNode) error) error {
	return EachQuad(ctx, s.qs, quad.Object, rdfStatement, func(q quad.Quad) error {
		if q.Predicate != rdfType {
			return nil
		}
		f, ok, err := s.fact(ctx, q.Subject)
		if err != nil || !ok {
			return err
		}
		return fn(f)
	})
}

func (s *Store) fact(ctx context.Context, node quad.Value) (FactNode, bool, error) {
	f := FactNode{ID: literal(node)}
	v := newVocab(s.base)
	err := EachQuad(ctx, s.qs, quad.Subject, node, func(q quad.Quad) error {
		switch q.Predicate {
		case rdfSubject:
			f.Subject = literal(q.Object)
		case rdfPredicate:
			f.PredicateID = literal(q.Object)
			f.Predicate = UnescapeSegment(strings.TrimPrefix(f.PredicateID, s.base+"rel/"))
		case rdfObject:
			f.Object = literal(q.Object)
		case v.confidence:
			f.Confidence, _ = strconv.ParseFloat(literal(q.Object), 64)
		case v.negated:
			f.Negated = literal(q.Object) == "true"
		case v.modality:
			f.Modality = literal(q.Object)
		case v.attributedTo:
			f.AttributedTo = literal(q.Object)
		case v.valid:
			f.ValidTime = literal(q.Object)
		case provDerived:
			f.Sentence = literal(q.Object)
		}
		return nil
	})
	ok := f.Subject != "" && f.Object != "" && f.PredicateID != ""
	return f, ok, err
}

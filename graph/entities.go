package graph

import (
	"context"
	"sort"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
)

// EntityClasses returns the class IRIs an entity can have, in the order of
// kg's entity types.
func EntityClasses(base string) []string {
	out := make([]string, 0, 5)
	for _, t := range []kg.EntityType{kg.Person, kg.Organization, kg.Place, kg.Event, kg.Concept} {
		out = append(out, TypeIRI(base, t))
	}
	return out
}

// EachEntity calls fn for every entity that some document still supports,
// with ID set to its IRI. Entities are found through their rdf:type quads
// (object lookups, which every backend indexes), so nodes left behind by a
// removal never show. Each entity comes once; the order is by type, then the
// store's.
func (s *Store) EachEntity(ctx context.Context, fn func(kg.Entity) error) error {
	seen := map[quad.Value]bool{}
	for _, class := range EntityClasses(s.base) {
		var iris []quad.Value
		err := EachQuad(ctx, s.qs, quad.Object, quad.IRI(class), func(q quad.Quad) error {
			if q.Predicate == rdfType && !seen[q.Subject] {
				seen[q.Subject] = true
				iris = append(iris, q.Subject)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, iri := range iris {
			e, ok, err := s.entity(ctx, iri)
			if err != nil {
				return err
			}
			if ok {
				if err := fn(e); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Entity returns the entity with this IRI (or slug), with ok false when no
// document supports it.
func (s *Store) Entity(ctx context.Context, iriOrSlug string) (kg.Entity, bool, error) {
	iri := iriOrSlug
	if !ValidIRI(iri) || len(iri) < len(s.base) || iri[:len(s.base)] != s.base {
		iri = EntityIRI(s.base, iriOrSlug)
	}
	return s.entity(ctx, quad.IRI(iri))
}

// entity reads an entity's quads: its type, the label most documents give,
// the other labels and aliases, and its mentions summed over documents.
func (s *Store) entity(ctx context.Context, iri quad.Value) (kg.Entity, bool, error) {
	e := kg.Entity{ID: literal(iri)}
	if b, ok := iri.(quad.BNode); ok { // imported data may type blank nodes
		e.ID = b.String()
	}
	labels := map[string]int{}
	merges := map[string]bool{}
	aliases := map[string]bool{}
	types := map[kg.EntityType]int{}
	err := EachQuad(ctx, s.qs, quad.Subject, iri, func(q quad.Quad) error {
		switch q.Predicate {
		case rdfType:
			if o, ok := q.Object.(quad.IRI); ok {
				if t, ok := typeOfIRI(s.base, string(o)); ok {
					types[t]++
				}
			}
		case rdfsLabel:
			labels[literal(q.Object)]++
		case skosAltLabel:
			aliases[literal(q.Object)] = true
		case quad.IRI(s.base + "mentions"):
			n, _ := strconv.Atoi(literal(q.Object))
			e.Mentions += n
		case quad.IRI(s.base + "merge"):
			if m := literal(q.Object); !merges[m] {
				merges[m] = true
				e.Merges = append(e.Merges, m)
			}
		}
		return nil
	})
	if err != nil || len(types) == 0 {
		return kg.Entity{}, false, err
	}
	e.Type = mostCommon(types)
	e.Label = mostCommon(labels)
	for l := range labels {
		aliases[l] = true
	}
	delete(aliases, e.Label)
	for a := range aliases {
		e.Aliases = append(e.Aliases, a)
	}
	sort.Strings(e.Aliases)
	sort.Strings(e.Merges)
	return e, true, nil
}

// mostCommon returns the key with the highest count, the smallest on ties.
func mostCommon[K ~string](m map[K]int) K {
	var best K
	n := -1
	for k, c := range m {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// literal returns the lexical form of a literal value, or its string form.
func literal(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	case nil:
		return ""
	}
	if ts, ok := v.(quad.TypedStringer); ok {
		return string(ts.TypedString().Value)
	}
	return quad.StringOf(v)
}

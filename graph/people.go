package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
)

// PeopleByFamilyName returns the people the store holds under the family
// name family (as written, see kg.FamilyName), each with its slug as ID and
// its label, so an extraction can be linked to them before it is written.
// People named only by that surname (label family, no schema:familyName) are
// returned too, with family as their label, so that a full name a later
// document gives can join them.
func (s *Store) PeopleByFamilyName(ctx context.Context, family string) ([]kg.Entity, error) {
	if strings.TrimSpace(family) == "" {
		return nil, nil
	}
	var iris []quad.IRI
	seen := map[quad.IRI]bool{}
	err := EachQuad(ctx, s.qs, quad.Object, quad.String(family), func(q quad.Quad) error {
		iri, ok := q.Subject.(quad.IRI)
		if ok && (q.Predicate == schemaFamily || q.Predicate == rdfsLabel) && !seen[iri] {
			seen[iri] = true
			iris = append(iris, iri)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("people named %s: %w", family, err)
	}
	out := make([]kg.Entity, 0, len(iris))
	for _, iri := range iris {
		slug, ok := EntitySlug(s.base, string(iri))
		if !ok {
			continue
		}
		e, found, err := s.entity(ctx, iri)
		if err != nil {
			return nil, fmt.Errorf("people named %s: %w", family, err)
		}
		if found && e.Type == kg.Person {
			out = append(out, kg.Entity{ID: slug, Label: e.Label, Type: kg.Person})
		}
	}
	return out, nil
}

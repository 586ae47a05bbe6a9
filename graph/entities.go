package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
)

// entityTypes are kg's entity types in the order of EntityClasses.
var entityTypes = []kg.EntityType{kg.Person, kg.Organization, kg.Place, kg.Event, kg.Concept}

// EntityClasses returns the class IRIs an entity can have, in the order of
// kg's entity types.
func EntityClasses(base string) []string {
	out := make([]string, 0, 5)
	for _, t := range entityTypes {
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
	er, err := s.newEntityReader()
	if err != nil || er.preds[0] == nil {
		return err
	}
	// The type quads found here give each entity's types, so that reading
	// an entity skips them.
	var ents []cgraph.Ref
	types := map[any]map[kg.EntityType]int{}
	for i, class := range EntityClasses(s.base) {
		t := entityTypes[i]
		cref, err := s.qs.ValueOf(quad.IRI(class))
		if err != nil {
			return fmt.Errorf("look up %s: %w", class, err)
		}
		err = EachQuadRef(ctx, s.qs, quad.Object, cref, er.preds[:1], func(_ int, q cgraph.Ref) error {
			sub, err := s.qs.QuadDirection(q, quad.Subject)
			if err != nil {
				return err
			}
			k := refs.ToKey(sub)
			if types[k] == nil {
				types[k] = map[kg.EntityType]int{}
				ents = append(ents, sub)
			}
			types[k][t]++
			return nil
		})
		if err != nil {
			return fmt.Errorf("list entities: %w", err)
		}
	}
	for _, ref := range ents {
		e, ok, err := er.read(ctx, ref, types[refs.ToKey(ref)])
		if err != nil {
			return err
		}
		if ok {
			if err := fn(e); err != nil {
				return err
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

// entity reads the entity with this IRI or blank node.
func (s *Store) entity(ctx context.Context, iri quad.Value) (kg.Entity, bool, error) {
	ref, err := s.qs.ValueOf(iri)
	if err != nil {
		return kg.Entity{}, false, fmt.Errorf("look up %s: %w", iri, err)
	}
	if ref == nil {
		return kg.Entity{}, false, nil
	}
	er, err := s.newEntityReader()
	if err != nil {
		return kg.Entity{}, false, err
	}
	return er.read(ctx, ref, nil)
}

// entityReader reads entities by reference through the predicates that
// describe them, so that an entity's facts and direct edges are not read.
type entityReader struct {
	s     *Store
	preds []cgraph.Ref // entityPreds' references, nil for those the store lacks
}

// entityPreds are the predicates an entity read looks at, rdf:type first.
func (s *Store) entityPreds() []quad.Value {
	v := newVocab(s.base)
	return []quad.Value{rdfType, rdfsLabel, skosAltLabel, v.mentions, v.merge}
}

func (s *Store) newEntityReader() (*entityReader, error) {
	er := &entityReader{s: s}
	for _, p := range s.entityPreds() {
		ref, err := s.qs.ValueOf(p)
		if err != nil {
			return nil, fmt.Errorf("look up %s: %w", p, err)
		}
		er.preds = append(er.preds, ref)
	}
	return er, nil
}

// read reads an entity's quads: its type (unless types, counted already,
// is given), the label most documents give (for a person, never a lone
// surname when a full name with it is given), the other labels and aliases,
// and its mentions summed over documents. Each document repeats them, so the
// values are counted by reference and each distinct one is read once.
func (er *entityReader) read(ctx context.Context, ref cgraph.Ref, types map[kg.EntityType]int) (kg.Entity, bool, error) {
	qs := er.s.qs
	preds := er.preds
	if types != nil {
		preds = append([]cgraph.Ref{nil}, preds[1:]...)
	}
	objs := []cgraph.Ref{ref} // the entity itself, then each distinct object
	at := map[any]int{}
	counts := make([]map[int]int, len(preds)) // predicate → object index → quads
	err := EachQuadRef(ctx, qs, quad.Subject, ref, preds, func(i int, q cgraph.Ref) error {
		o, err := qs.QuadDirection(q, quad.Object)
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		k := refs.ToKey(o)
		j, ok := at[k]
		if !ok {
			j = len(objs)
			at[k] = j
			objs = append(objs, o)
		}
		if counts[i] == nil {
			counts[i] = map[int]int{}
		}
		counts[i][j]++
		return nil
	})
	if err != nil || types == nil && len(counts[0]) == 0 {
		return kg.Entity{}, false, err
	}
	vals, err := cgraph.ValuesOf(ctx, qs, objs)
	if err != nil {
		return kg.Entity{}, false, fmt.Errorf("read entity: %w", err)
	}
	if types == nil {
		types = map[kg.EntityType]int{}
		for j, n := range counts[0] {
			if o, ok := vals[j].(quad.IRI); ok {
				if t, ok := typeOfIRI(er.s.base, string(o)); ok {
					types[t] += n
				}
			}
		}
	}
	return er.build(vals, types, counts)
}

// build makes the entity from its values (the entity first), its types and
// the counts of entityReader.read.
func (er *entityReader) build(vals []quad.Value, types map[kg.EntityType]int, counts []map[int]int) (kg.Entity, bool, error) {
	e := kg.Entity{ID: literal(vals[0])}
	if b, ok := vals[0].(quad.BNode); ok { // imported data may type blank nodes
		e.ID = b.String()
	}
	if len(types) == 0 {
		return kg.Entity{}, false, nil
	}
	labels := map[string]int{}
	for j, n := range counts[1] {
		labels[literal(vals[j])] += n
	}
	aliases := map[string]bool{}
	for j := range counts[2] {
		aliases[literal(vals[j])] = true
	}
	for j, n := range counts[3] {
		m, _ := strconv.Atoi(literal(vals[j]))
		e.Mentions += n * m
	}
	for j := range counts[4] {
		e.Merges = append(e.Merges, literal(vals[j]))
	}
	e.Type = mostCommon(types)
	for l := range labels {
		aliases[l] = true
	}
	if e.Type == kg.Person {
		dropSurnames(labels)
	}
	e.Label = mostCommon(labels)
	delete(aliases, e.Label)
	for a := range aliases {
		e.Aliases = append(e.Aliases, a)
	}
	sort.Strings(e.Aliases)
	sort.Strings(e.Merges)
	return e, true, nil
}

// dropSurnames removes from a person's labels each lone surname that is the
// family name of another of its labels, so that when one document names the
// person "Halvorsen" and another "Ingrid Halvorsen" the full name is the
// label however many documents give each.
func dropSurnames(labels map[string]int) {
	for l := range labels {
		if fam := kg.FamilyName(l); fam != "" && fam != l {
			delete(labels, fam)
		}
	}
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

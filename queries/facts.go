package queries

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// MaxFactsRead bounds the fact nodes one question reads around an entity, so
// a hub with millions of facts answers in bounded time.
const MaxFactsRead = 5000

// Model IRIs that queries read.
var (
	rdfSubject   = quad.IRI(graph.NSRDF + "subject")
	rdfPredicate = quad.IRI(graph.NSRDF + "predicate")
	rdfObject    = quad.IRI(graph.NSRDF + "object")
	provDerived  = quad.IRI(graph.NSProv + "wasDerivedFrom")
	dcTitle      = quad.IRI(graph.NSDCTerms + "title")
	dcDate       = quad.IRI(graph.NSDCTerms + "date")
	dcIsPartOf   = quad.IRI(graph.NSDCTerms + "isPartOf")
)

// reader reads facts, sentences and documents for one request, caching
// what it has read.
type reader struct {
	q        *Service
	base     string
	sents    map[string]kg.Evidence // sentence IRI → evidence without title and date
	docs     map[string][2]string   // document IRI → title, date
	ents     map[string]kg.Entity
	cache    *adjCache // the store's cache; nil when off
	cacheSet bool      // cache was looked up
}

func (q *Service) newReader() *reader {
	return &reader{q: q, base: q.s.Base(), sents: map[string]kg.Evidence{}, docs: map[string][2]string{},
		ents: map[string]kg.Entity{}}
}

// factNodes returns the fact nodes whose dir (rdf:subject or rdf:object) is
// the entity, restricted to the predicates when there are any, at most
// MaxFactsRead. It walks Cayley's path API: entity ← dir ─ fact, fact has
// rdf:predicate in preds.
func (r *reader) factNodes(ctx context.Context, entity string, dir quad.IRI, preds []string) ([]quad.Value, error) {
	p := path.StartPath(r.q.s.QuadStore(), quad.IRI(entity)).In(dir)
	if len(preds) > 0 {
		iris := make([]quad.Value, len(preds))
		for i, pr := range preds {
			iris[i] = quad.IRI(graph.RelIRI(r.base, pr))
		}
		p = p.Has(rdfPredicate, iris...)
	}
	vals, err := p.Limit(MaxFactsRead).Iterate(ctx).AllValues(r.q.s.QuadStore())
	if err != nil {
		return nil, fmt.Errorf("read facts of %s: %w", entity, err)
	}
	return vals, nil
}

// fact reads one fact node's quads.
func (r *reader) fact(ctx context.Context, node quad.Value) (graph.FactNode, bool, error) {
	f := graph.FactNode{ID: literal(node)}
	b := r.base
	err := graph.EachQuad(ctx, r.q.s.QuadStore(), quad.Subject, node, func(qd quad.Quad) error {
		switch p := qd.Predicate.(quad.IRI); p {
		case rdfSubject:
			f.Subject = literal(qd.Object)
		case rdfPredicate:
			f.PredicateID = literal(qd.Object)
			f.Predicate = graph.UnescapeSegment(strings.TrimPrefix(f.PredicateID, b+"rel/"))
		case rdfObject:
			f.Object = literal(qd.Object)
		case provDerived:
			f.Sentence = literal(qd.Object)
		case quad.IRI(b + "confidence"):
			f.Confidence, _ = strconv.ParseFloat(literal(qd.Object), 64)
		case quad.IRI(b + "negated"):
			f.Negated = literal(qd.Object) == "true"
		case quad.IRI(b + "modality"):
			f.Modality = literal(qd.Object)
		case quad.IRI(b + "attributedTo"):
			f.AttributedTo = literal(qd.Object)
		case quad.IRI(b + "validTime"):
			f.ValidTime = literal(qd.Object)
		}
		return nil
	})
	if err != nil {
		return f, false, fmt.Errorf("read fact %s: %w", f.ID, err)
	}
	return f, f.Subject != "" && f.Object != "" && f.PredicateID != "", nil
}

// facts reads the facts around an entity: those it is the subject of (out),
// the object of (in), or both.
func (r *reader) facts(ctx context.Context, entity string, out, in bool, preds []string) ([]graph.FactNode, error) {
	var dirs []quad.IRI
	if out {
		dirs = append(dirs, rdfSubject)
	}
	if in {
		dirs = append(dirs, rdfObject)
	}
	var facts []graph.FactNode
	seen := map[string]bool{}
	for _, d := range dirs {
		nodes, err := r.factNodes(ctx, entity, d, preds)
		if err != nil {
			return nil, err
		}
		for _, n := range nodes {
			if seen[literal(n)] {
				continue
			}
			seen[literal(n)] = true
			f, ok, err := r.fact(ctx, n)
			if err != nil {
				return nil, err
			}
			if ok {
				facts = append(facts, f)
			}
		}
	}
	return facts, nil
}

// evidence returns the evidence of a sentence IRI with its document's title
// and date.
func (r *reader) evidence(ctx context.Context, sentence string) (kg.Evidence, error) {
	ev, ok := r.sents[sentence]
	if !ok {
		var doc string
		err := graph.EachQuad(ctx, r.q.s.QuadStore(), quad.Subject, quad.IRI(sentence), func(qd quad.Quad) error {
			switch qd.Predicate {
			case quad.IRI(r.base + "text"):
				ev.Text = literal(qd.Object)
			case quad.IRI(r.base + "start"):
				ev.Start, _ = strconv.Atoi(literal(qd.Object))
			case quad.IRI(r.base + "end"):
				ev.End, _ = strconv.Atoi(literal(qd.Object))
			case dcIsPartOf:
				doc = literal(qd.Object)
			}
			return nil
		})
		if err != nil {
			return ev, fmt.Errorf("read sentence %s: %w", sentence, err)
		}
		if doc == "" { // sentence IRIs are {doc}/s{n}
			doc = sentence[:max(0, strings.LastIndex(sentence, "/s"))]
		}
		ev.Doc = graph.UnescapeSegment(strings.TrimPrefix(doc, r.base+"doc/"))
		if n := strings.LastIndex(sentence, "/s"); n >= 0 {
			ev.Sentence, _ = strconv.Atoi(sentence[n+2:])
		}
		td, err := r.document(ctx, doc)
		if err != nil {
			return ev, err
		}
		ev.Title, ev.Date = td[0], td[1]
		r.sents[sentence] = ev
	}
	return ev, nil
}

func (r *reader) document(ctx context.Context, doc string) ([2]string, error) {
	if td, ok := r.docs[doc]; ok {
		return td, nil
	}
	var td [2]string
	err := graph.EachQuad(ctx, r.q.s.QuadStore(), quad.Subject, quad.IRI(doc), func(qd quad.Quad) error {
		switch qd.Predicate {
		case dcTitle:
			td[0] = literal(qd.Object)
		case dcDate:
			td[1] = literal(qd.Object)
		}
		return nil
	})
	if err != nil {
		return td, fmt.Errorf("read document %s: %w", doc, err)
	}
	r.docs[doc] = td
	return td, nil
}

// entity returns the entity with this IRI from the store; an IRI no
// document supports comes back with its slug as label.
func (r *reader) entity(ctx context.Context, iri string) (kg.Entity, error) {
	if e, ok := r.ents[iri]; ok {
		return e, nil
	}
	if !r.cacheSet {
		r.cache, r.cacheSet = adjacency(ctx, r.q.s), true
	}
	if e, ok := r.cache.entity(iri); ok {
		r.ents[iri] = e
		return e, nil
	}
	e, ok, err := r.q.s.Entity(ctx, iri)
	if err != nil {
		return e, fmt.Errorf("read entity %s: %w", iri, err)
	}
	if !ok {
		slug := graph.UnescapeSegment(strings.TrimPrefix(iri, r.base+"entity/"))
		e = kg.Entity{ID: iri, Label: strings.ReplaceAll(slug, "_", " ")}
	}
	e = *brief(&e)
	r.ents[iri] = e
	r.cache.putEntity(e)
	return e, nil
}

// sortEvidence orders evidence newest document first, then by document and
// position.
func sortEvidence(evs []kg.Evidence) {
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		return a.Start < b.Start
	})
}

// literal returns the lexical form of a value: an IRI without brackets, a
// literal without quotes or type.
func literal(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.BNode:
		return v.String()
	}
	if ts, ok := v.(quad.TypedStringer); ok {
		return string(ts.TypedString().Value)
	}
	return quad.StringOf(v)
}

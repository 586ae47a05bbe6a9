package queries

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
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
	cache    *adjCache              // the store's cache; nil when off
	ix       *nameIndex             // the store's name index when it is current, else nil
	cacheSet bool                   // cache and ix were looked up
	vals     map[any]quad.Value     // values read by reference, by ref key
	fpreds   []cgraph.Ref           // references of fact node predicates (factPreds)
	docOf    map[string]string      // sentence IRI → its document's ID (sentenceDoc)
	partOf   []cgraph.Ref           // the reference of dcterms:isPartOf, once looked up
	docEnts  map[string][]kg.Entity // document IRI → the entities it mentions (docEntities)
	// phraseDocs are entities whose documents a phrase that names no
	// entity is looked for in; empty: the first documents of the store.
	phraseDocs []string
}

func (q *Service) newReader() *reader {
	return &reader{q: q, base: q.s.Base(), sents: map[string]kg.Evidence{}, docs: map[string][2]string{},
		ents: map[string]kg.Entity{}, vals: map[any]quad.Value{}, docOf: map[string]string{}}
}

// sentenceDoc returns the ID of the document of a fact's sentence, as
// evidence gives it, reading only the sentence's dcterms:isPartOf.
func (r *reader) sentenceDoc(ctx context.Context, f fact) (string, error) {
	if ev, ok := r.sents[f.Sentence]; ok {
		return ev.Doc, nil
	}
	if d, ok := r.docOf[f.Sentence]; ok {
		return d, nil
	}
	qs := r.q.s.QuadStore()
	if r.partOf == nil {
		ref, err := qs.ValueOf(dcIsPartOf)
		if err != nil {
			return "", fmt.Errorf("look up %s: %w", dcIsPartOf, err)
		}
		r.partOf = []cgraph.Ref{ref}
	}
	var doc cgraph.Ref
	err := graph.EachQuadRef(ctx, qs, quad.Subject, f.sent, r.partOf, func(_ int, q cgraph.Ref) error {
		var err error
		doc, err = qs.QuadDirection(q, quad.Object)
		return err
	})
	if err == nil {
		err = r.readValues(ctx, []cgraph.Ref{doc})
	}
	if err != nil {
		return "", fmt.Errorf("read sentence %s: %w", f.Sentence, err)
	}
	d := r.docID(f.Sentence, literal(r.value(doc)))
	r.docOf[f.Sentence] = d
	return d, nil
}

// docID returns the ID of a sentence's document: from its document's IRI,
// or when it names none from its own IRI, {doc}/s{n}.
func (r *reader) docID(sentence, doc string) string {
	if doc == "" {
		doc = sentence[:max(0, strings.LastIndex(sentence, "/s"))]
	}
	return graph.UnescapeSegment(strings.TrimPrefix(doc, r.base+"doc/"))
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
		ev.Doc = r.docID(sentence, doc)
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
		r.cache, r.ix, r.cacheSet = adjacency(ctx, r.q.s), r.q.readyIndex(ctx), true
	}
	if r.ix != nil {
		if i, ok := r.ix.byID[iri]; ok {
			e := *brief(&r.ix.ents[i])
			r.ents[iri] = e
			return e, nil
		}
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

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/piprate/json-gold/ld"

	"github.com/kgnews/kg"
)

// ImportFormats lists the formats Import reads.
var ImportFormats = []string{"nquads", "ntriples", "jsonld"}

// Import reads quads in one of ImportFormats and adds them to the store in
// batches of Options.BatchQuads, duplicates ignored. Typed literals keep
// their lexical form and full datatype IRI. It returns how many statements
// it read. A syntax error fails with kg.EINVALID; batches before it stay.
func (s *Store) Import(ctx context.Context, r io.Reader, format string) (n int, err error) {
	var next func() (quad.Quad, error)
	switch format {
	case "nquads", "ntriples":
		dec := nquads.NewReader(r, true) // raw: no conversion of typed literals
		next = dec.ReadQuad
	case "jsonld":
		qs, err := readJSONLD(r)
		if err != nil {
			return 0, err
		}
		next = func() (quad.Quad, error) {
			if len(qs) == 0 {
				return quad.Quad{}, io.EOF
			}
			q := qs[0]
			qs = qs[1:]
			return q, nil
		}
	default:
		return 0, kg.Errorf(kg.EINVALID, "unknown import format %q: use one of %s", format, strings.Join(ImportFormats, ", "))
	}
	defer func() {
		if p := recover(); p != nil { // the N-Quads parser panics on some bad escapes
			err = kg.Errorf(kg.EINVALID, "import %s: statement %d: %v", format, n+1, p)
		}
	}()
	var batch []cgraph.Delta
	for {
		q, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, kg.Errorf(kg.EINVALID, "import %s: statement %d: %v", format, n+1, err)
		}
		q = quad.Quad{Subject: importValue(q.Subject), Predicate: importValue(q.Predicate),
			Object: importValue(q.Object), Label: importValue(q.Label)}
		if !validStatement(q) {
			return n, kg.Errorf(kg.EINVALID, "import %s: statement %d is not a valid RDF statement", format, n+1)
		}
		n++
		batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
		if len(batch) >= s.batch {
			if err := s.applyImport(ctx, batch); err != nil {
				return n, err
			}
			batch = batch[:0]
		}
	}
	return n, s.applyImport(ctx, batch)
}

func (s *Store) applyImport(ctx context.Context, batch []cgraph.Delta) error {
	if len(batch) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if err := s.qs.ApplyDeltas(batch, ignore); err != nil {
		return fmt.Errorf("import batch of %d quads: %w", len(batch), err)
	}
	return nil
}

// validStatement checks the term kinds RDF allows in each position: IRIs or
// blank nodes as subject and graph, an IRI as predicate, and no empty IRI.
func validStatement(q quad.Quad) bool {
	node := func(v quad.Value, iriOnly bool) bool {
		switch t := v.(type) {
		case quad.IRI:
			return t != ""
		case quad.BNode:
			return t != "" && !iriOnly
		}
		return false
	}
	if !node(q.Subject, false) || !node(q.Predicate, true) || (q.Label != nil && !node(q.Label, false)) {
		return false
	}
	switch o := q.Object.(type) {
	case quad.IRI, quad.BNode:
		return node(o, false)
	case quad.String, quad.TypedString, quad.LangString:
		return true
	}
	return false
}

// importValue normalizes a parsed value: blank nodes without the "_:" a
// JSON-LD processor leaves on them, IRIs that are really blank nodes, and
// typed literals with full datatype IRIs.
func importValue(v quad.Value) quad.Value {
	switch t := v.(type) {
	case quad.IRI:
		if strings.HasPrefix(string(t), "_:") {
			return quad.BNode(t[2:])
		}
	case quad.BNode:
		return quad.BNode(strings.TrimPrefix(string(t), "_:"))
	case nil:
		return nil
	}
	return canonical(v)
}

// readJSONLD turns a JSON-LD document into quads with json-gold, keeping
// typed literals as they are written.
func readJSONLD(r io.Reader) ([]quad.Quad, error) {
	var doc any
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, kg.Errorf(kg.EINVALID, "import jsonld: %v", err)
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = offlineLoader{} // never fetch remote contexts
	data, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "import jsonld: %v", err)
	}
	ds, ok := data.(*ld.RDFDataset)
	if !ok {
		return nil, kg.Errorf(kg.EINVALID, "import jsonld: no RDF dataset")
	}
	var out []quad.Quad
	for name, g := range ds.Graphs {
		var label quad.Value
		if name != "@default" {
			label = quad.IRI(name)
		}
		for _, q := range g {
			out = append(out, quad.Quad{Subject: ldValue(q.Subject), Predicate: ldValue(q.Predicate),
				Object: ldValue(q.Object), Label: label})
		}
	}
	return out, nil
}

func ldValue(n ld.Node) quad.Value {
	switch t := n.(type) {
	case *ld.IRI:
		return quad.IRI(t.Value)
	case *ld.BlankNode:
		return quad.BNode(t.Attribute)
	case *ld.Literal:
		switch {
		case t.Language != "":
			return quad.LangString{Value: quad.String(t.Value), Lang: t.Language}
		case t.Datatype != "" && t.Datatype != NSXSD+"string":
			return quad.TypedString{Value: quad.String(t.Value), Type: quad.IRI(t.Datatype)}
		}
		return quad.String(t.Value)
	}
	return nil
}

// offlineLoader refuses remote JSON-LD contexts: kg works offline.
type offlineLoader struct{}

// LoadDocument fails for every URL.
func (offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, fmt.Errorf("remote context %s not loaded: kg works offline", u)
}

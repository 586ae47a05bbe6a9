package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
)

// ExportFormats lists the formats Export writes.
var ExportFormats = []string{"nquads", "ntriples", "turtle", "jsonld", "graphml", "csv"}

// Export writes the whole graph to w in one of ExportFormats, streaming over
// the store's iterators so that the graph need not fit in memory:
//   - nquads: every quad, with its label (the named graph), in store order;
//   - ntriples, turtle: the triples of all graphs merged, grouped by subject
//     (distinct within a subject), so a triple in several graphs is written once;
//   - jsonld: every quad, grouped by subject, with named graphs kept;
//   - graphml: entities as nodes, fact nodes as edges (for Gephi);
//   - csv: one table of nodes and edges with a kind column.
func (s *Store) Export(ctx context.Context, w io.Writer, format string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	switch format {
	case "nquads":
		err = s.exportNQuads(ctx, bw)
	case "ntriples":
		err = s.exportTriples(ctx, bw, false)
	case "turtle":
		err = s.exportTriples(ctx, bw, true)
	case "jsonld":
		err = s.exportJSONLD(ctx, bw)
	case "graphml":
		err = s.exportGraphML(ctx, bw)
	case "csv":
		err = s.exportCSV(ctx, bw)
	default:
		return kg.Errorf(kg.EINVALID, "unknown export format %q: use one of %s", format, strings.Join(ExportFormats, ", "))
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

func (s *Store) exportNQuads(ctx context.Context, w *bufio.Writer) error {
	t := termWriter{w}
	return EachQuadAll(ctx, s.qs, func(q quad.Quad) error {
		t.quad(q, true)
		return nil
	})
}

// eachSubject calls fn with the quads of every node that is the subject of
// some quad, node by node in the store's order. Only one subject's quads are
// held in memory at a time.
func (s *Store) eachSubject(ctx context.Context, fn func(sub quad.Value, qs []quad.Quad) error) error {
	var buf []quad.Quad
	r := newResolver(s.qs)
	collect := func(q quad.Quad) error {
		buf = append(buf, q)
		return nil
	}
	return EachNode(ctx, s.qs, func(ref cgraph.Ref, v quad.Value) error {
		switch v.(type) {
		case quad.IRI, quad.BNode:
		default:
			return nil // literals are never subjects
		}
		buf = buf[:0]
		if err := r.each(ctx, s.qs.QuadIterator(quad.Subject, ref), collect); err != nil {
			return err
		}
		if len(buf) == 0 {
			return nil
		}
		return fn(v, buf)
	})
}

// tripleKey orders and deduplicates the triples of one subject.
func tripleKey(q quad.Quad) string {
	return quad.StringOf(canonical(q.Predicate)) + "\x00" + quad.StringOf(canonical(q.Object))
}

// distinctTriples sorts a subject's quads by predicate and object and drops
// those that repeat a triple from another graph.
func distinctTriples(qs []quad.Quad) []quad.Quad {
	sort.SliceStable(qs, func(i, j int) bool { return tripleKey(qs[i]) < tripleKey(qs[j]) })
	out := qs[:0]
	for i, q := range qs {
		if i == 0 || tripleKey(q) != tripleKey(qs[i-1]) {
			out = append(out, q)
		}
	}
	return out
}

var pnLocal = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// turtlePrefixes are the known prefixes plus kg's own IRI folders.
func turtlePrefixes(base string) []Prefix {
	return append([]Prefix{{"entity", base + "entity/"}, {"rel", base + "rel/"}, {"fact", base + "fact/"}},
		Prefixes(base)...)
}

func (s *Store) exportTriples(ctx context.Context, w *bufio.Writer, turtle bool) error {
	t := termWriter{w}
	var shorten func(string) string
	if turtle {
		prefixes := turtlePrefixes(s.base)
		for _, p := range prefixes {
			fmt.Fprintf(w, "@prefix %s: ", p.Name)
			t.iri(p.IRI)
			w.WriteString(" .\n")
		}
		w.WriteString("\n")
		shorten = func(iri string) string {
			for _, p := range prefixes {
				if strings.HasPrefix(iri, p.IRI) && pnLocal.MatchString(iri[len(p.IRI):]) {
					return p.Name + ":" + iri[len(p.IRI):]
				}
			}
			return ""
		}
	}
	return s.eachSubject(ctx, func(sub quad.Value, qs []quad.Quad) error {
		qs = distinctTriples(qs)
		if !turtle {
			for _, q := range qs {
				t.quad(q, false)
			}
			return nil
		}
		t.term(sub, shorten)
		for i, q := range qs {
			switch {
			case i == 0:
				w.WriteString(" ")
			case q.Predicate == qs[i-1].Predicate:
				w.WriteString(" ,\n        ")
				t.term(q.Object, shorten)
				continue
			default:
				w.WriteString(" ;\n    ")
			}
			t.term(q.Predicate, shorten)
			w.WriteString(" ")
			t.term(q.Object, shorten)
		}
		w.WriteString(" .\n")
		return nil
	})
}

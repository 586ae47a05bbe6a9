package graph

import (
	"bufio"
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

var iriSeeds = []string{"rex_tillerson", "UN resolution", "", "%41", "a/b?c#d", "Zürich", "\x00\xff", "<>\"{}|^`\\ \t\n", "..", "~-._"}

// FuzzEntityIRI: any slug gives a valid absolute IRI that stays distinct.
func FuzzEntityIRI(f *testing.F) {
	for _, s := range iriSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, slug string) {
		for _, iri := range []string{EntityIRI(DefaultBase, slug), RelIRI(DefaultBase, slug), DocIRI(DefaultBase, slug),
			SentenceIRI(DefaultBase, slug, 3), FactIRI(DefaultBase, slug)} {
			if !ValidIRI(iri) || strings.ContainsAny(iri, " <>\"{}|^`\\") {
				t.Fatalf("%q gives invalid IRI %q", slug, iri)
			}
			u, err := url.Parse(iri)
			if err != nil || !u.IsAbs() {
				t.Fatalf("%q gives IRI %q that does not parse as absolute: %v", slug, iri, err)
			}
		}
		if got := UnescapeSegment(EscapeSegment(slug)); slug != "" && got != slug {
			t.Fatalf("escape is not reversible: %q -> %q -> %q", slug, EscapeSegment(slug), got)
		}
		if got, ok := EntitySlug(DefaultBase, EntityIRI(DefaultBase, slug)); slug != "" && (!ok || got != slug) {
			t.Fatalf("EntitySlug(EntityIRI(%q)) = %q, %v", slug, got, ok)
		}
		if _, ok := EntitySlug(DefaultBase, RelIRI(DefaultBase, slug)); ok {
			t.Fatalf("EntitySlug took the relation IRI of %q", slug)
		}
	})
}

// FuzzTerms: any text as a literal, label or IRI is written so that an
// N-Quads parser reads back the same values (valid UTF-8 text unchanged).
func FuzzTerms(f *testing.F) {
	for _, s := range iriSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := quad.Quad{Subject: quad.IRI(EntityIRI(DefaultBase, s)), Predicate: rdfsLabel,
			Object: quad.String(s), Label: quad.IRI("https://kg.example/g " + s)}
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		termWriter{w}.quad(q, true)
		w.Flush()
		got, err := nquads.NewReader(&b, true).ReadQuad()
		if err != nil {
			t.Fatalf("reading back %q: %v", b.String(), err)
		}
		if !utf8.ValidString(s) {
			return
		}
		if got.Subject != q.Subject || got.Object != q.Object || got.Label != q.Label {
			t.Fatalf("round trip changed the quad:\n got %#v\nwant %#v", got, q)
		}
	})
}

// FuzzImport: no input makes Import panic; what it accepts exports as RDF
// that reads back.
func FuzzImport(f *testing.F) {
	f.Add("<http://a> <http://b> \"c\" <http://g> .\n", false)
	f.Add("_:x <http://b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", false)
	f.Add("<http://a> <http://b> \"\\u00\" .\n", false)
	f.Add(`{"@id":"http://a","http://b":[{"@value":"c"}]}`, true)
	f.Add(`{"@context":"http://remote/","@id":"x"}`, true)
	f.Fuzz(func(t *testing.T, data string, jsonld bool) {
		s := &Store{qs: memstore.New(), base: DefaultBase, batch: 100}
		format := "nquads"
		if jsonld {
			format = "jsonld"
		}
		if _, err := s.Import(context.Background(), strings.NewReader(data), format); err != nil {
			return
		}
		var out bytes.Buffer
		if err := s.Export(context.Background(), &out, "nquads"); err != nil {
			t.Fatal(err)
		}
		r := nquads.NewReader(&out, true)
		for {
			if _, err := r.ReadQuad(); err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("export of imported data does not parse: %v\n%s", err, out.String())
				}
				break
			}
		}
	})
}

package graph

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kgnews/kg"
)

// Namespaces of the standard vocabularies the graph model uses. The kg:
// namespace is the store's base IRI.
const (
	NSRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NSRDFS    = "http://www.w3.org/2000/01/rdf-schema#"
	NSSchema  = "http://schema.org/"
	NSSKOS    = "http://www.w3.org/2004/02/skos/core#"
	NSProv    = "http://www.w3.org/ns/prov#"
	NSDCTerms = "http://purl.org/dc/terms/"
	NSXSD     = "http://www.w3.org/2001/XMLSchema#"
)

// Prefix is a short name for a namespace, as in <schema:Person>.
type Prefix struct {
	Name string // short name without the colon, e.g. schema
	IRI  string // the namespace it stands for
}

// Prefixes returns the prefixes kg knows for a store with this base, kg:
// first. Query text may use them in <prefix:local> form.
func Prefixes(base string) []Prefix {
	return []Prefix{
		{"kg", base}, {"rdf", NSRDF}, {"rdfs", NSRDFS}, {"schema", NSSchema},
		{"skos", NSSKOS}, {"prov", NSProv}, {"dcterms", NSDCTerms}, {"xsd", NSXSD},
	}
}

// Datatype IRIs of the typed literals the model writes, always in full:
// Cayley's own writers would print native numbers as xsd: CURIEs.
const (
	XSDInteger = NSXSD + "integer"
	XSDDouble  = NSXSD + "double"
	XSDBoolean = NSXSD + "boolean"
	XSDDate    = NSXSD + "date"
)

// Fixed predicates and classes of the model, boxed once as quad.Value so
// that building quads does not allocate for them.
var (
	rdfType        quad.Value = quad.IRI(NSRDF + "type")
	rdfStatement   quad.Value = quad.IRI(NSRDF + "Statement")
	rdfSubject     quad.Value = quad.IRI(NSRDF + "subject")
	rdfPredicate   quad.Value = quad.IRI(NSRDF + "predicate")
	rdfObject      quad.Value = quad.IRI(NSRDF + "object")
	rdfsLabel      quad.Value = quad.IRI(NSRDFS + "label")
	skosAltLabel   quad.Value = quad.IRI(NSSKOS + "altLabel")
	provDerived    quad.Value = quad.IRI(NSProv + "wasDerivedFrom")
	dcTitle        quad.Value = quad.IRI(NSDCTerms + "title")
	dcDate         quad.Value = quad.IRI(NSDCTerms + "date")
	dcSource       quad.Value = quad.IRI(NSDCTerms + "source")
	dcIsPartOf     quad.Value = quad.IRI(NSDCTerms + "isPartOf")
	schemaMentions quad.Value = quad.IRI(NSSchema + "mentions")
	schemaFamily   quad.Value = quad.IRI(NSSchema + "familyName")
)

// DefaultBase is the base IRI of kg's own names when none is configured.
const DefaultBase = "https://kg.example/"

// NormalizeBase checks that base is an absolute IRI usable as a namespace and
// returns it ending in a slash (or a hash). Empty means DefaultBase.
func NormalizeBase(base string) (string, error) {
	if base == "" {
		return DefaultBase, nil
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "") || !ValidIRI(base) {
		return "", kg.Errorf(kg.EINVALID, "base %q is not an absolute IRI such as %s", base, DefaultBase)
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	return base, nil
}

// ValidIRI reports whether s can be written as an absolute IRI in N-Quads,
// Turtle and JSON-LD: a scheme, then no spaces, controls or any of <>"{}|^`\.
func ValidIRI(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 || !isAlpha(s[0]) {
		return false
	}
	for j := 1; j < i; j++ {
		c := s[j]
		if !isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	for _, r := range s {
		if r <= 0x20 || r == 0x7f || r == 0xfffd || strings.ContainsRune("<>\"{}|^`\\", r) {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// EscapeSegment percent-encodes s so it is safe as one path segment of an
// IRI: every byte outside the unreserved set A-Z a-z 0-9 - . _ ~ becomes
// %XX, so distinct inputs stay distinct. An empty input becomes "_".
func EscapeSegment(s string) string {
	if s == "" {
		return "_"
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAlpha(c) || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// UnescapeSegment reverses EscapeSegment; it returns s unchanged when s is
// not a valid escape.
func UnescapeSegment(s string) string {
	u, err := url.PathUnescape(s)
	if err != nil {
		return s
	}
	return u
}

// EntityIRI returns the IRI of the entity with this slug: {base}entity/{slug}.
func EntityIRI(base, slug string) string { return base + "entity/" + EscapeSegment(slug) }

// EntitySlug returns the slug of an entity IRI under base, the inverse of
// EntityIRI; ok is false for other IRIs.
func EntitySlug(base, iri string) (slug string, ok bool) {
	seg, ok := strings.CutPrefix(iri, base+"entity/")
	if !ok {
		return "", false
	}
	return UnescapeSegment(seg), true
}

// RelIRI returns the IRI of a predicate: {base}rel/{predicate}.
func RelIRI(base, predicate string) string { return base + "rel/" + EscapeSegment(predicate) }

// DocIRI returns the IRI of a document: {base}doc/{id}.
func DocIRI(base, docID string) string { return base + "doc/" + EscapeSegment(docID) }

// SentenceIRI returns the IRI of sentence n of a document: {base}doc/{id}/s{n}.
func SentenceIRI(base, docID string, n int) string {
	return fmt.Sprintf("%s/s%d", DocIRI(base, docID), n)
}

// FactIRI returns the IRI of a fact node: {base}fact/{hash}.
func FactIRI(base, hash string) string { return base + "fact/" + EscapeSegment(hash) }

// TypeIRI returns the class IRI of an entity type: schema:Person,
// schema:Organization, schema:Place, schema:Event, or kg:Concept for
// Concept and anything unknown.
func TypeIRI(base string, t kg.EntityType) string {
	switch t {
	case kg.Person, kg.Organization, kg.Place, kg.Event:
		return NSSchema + string(t)
	}
	return base + string(kg.Concept)
}

// typeOfIRI is the inverse of TypeIRI; ok is false for other classes.
func typeOfIRI(base, iri string) (kg.EntityType, bool) {
	switch iri {
	case NSSchema + "Person":
		return kg.Person, true
	case NSSchema + "Organization":
		return kg.Organization, true
	case NSSchema + "Place":
		return kg.Place, true
	case NSSchema + "Event":
		return kg.Event, true
	case base + "Concept":
		return kg.Concept, true
	}
	return "", false
}

// Shorten writes iri with a known prefix (kg:entity/x, schema:Person) when
// one matches, and returns it unchanged otherwise.
func Shorten(base, iri string) string {
	for _, p := range Prefixes(base) {
		if strings.HasPrefix(iri, p.IRI) && len(iri) > len(p.IRI) {
			return p.Name + ":" + iri[len(p.IRI):]
		}
	}
	return iri
}

// ExpandQuery replaces <prefix:local> short IRIs of known prefixes in query
// text with full <IRI>s; Cayley's query languages do not expand them.
func ExpandQuery(base, text string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '<')
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i+1])
		text = text[i+1:]
		for _, p := range Prefixes(base) {
			if strings.HasPrefix(text, p.Name+":") && !strings.HasPrefix(text, p.Name+"://") {
				b.WriteString(p.IRI)
				text = text[len(p.Name)+1:]
				break
			}
		}
	}
}

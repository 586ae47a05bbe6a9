package graph

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
)

// termWriter writes RDF terms in N-Triples syntax, which is also valid in
// N-Quads and Turtle. Unlike Cayley's N-Quads writer it escapes IRIs and
// writes every datatype as a full IRI.
type termWriter struct {
	w *bufio.Writer
}

// canonical returns v as one of IRI, BNode, String, TypedString (with a
// full datatype IRI) or LangString, converting Cayley's native values.
func canonical(v quad.Value) quad.Value {
	switch t := v.(type) {
	case quad.IRI:
		return quad.IRI(t.Full())
	case quad.BNode, quad.String, quad.LangString:
		return v
	case quad.TypedString:
		t.Type = t.Type.Full()
		if t.Type == NSXSD+"string" {
			return t.Value
		}
		return t
	case quad.TypedStringer:
		ts := t.TypedString()
		ts.Type = ts.Type.Full()
		return ts
	case nil:
		return nil
	}
	return quad.String(quad.StringOf(v))
}

func (t termWriter) iri(s string) {
	t.w.WriteByte('<')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r <= 0x20 || r == 0x7f || strings.ContainsRune("<>\"{}|^`\\", r) {
			fmt.Fprintf(t.w, "\\u%04X", r)
			continue
		}
		t.w.WriteRune(r)
	}
	t.w.WriteByte('>')
}

func (t termWriter) str(s string) {
	t.w.WriteByte('"')
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case r == '"':
			t.w.WriteString(`\"`)
		case r == '\\':
			t.w.WriteString(`\\`)
		case r == '\n':
			t.w.WriteString(`\n`)
		case r == '\r':
			t.w.WriteString(`\r`)
		case r == '\t':
			t.w.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(t.w, "\\u%04X", r)
		default:
			t.w.WriteRune(r) // invalid bytes decode to U+FFFD
		}
	}
	t.w.WriteByte('"')
}

// bnodeLabel keeps a blank node label to the characters every RDF syntax accepts.
func bnodeLabel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAlpha(c) || c >= '0' && c <= '9' || c == '_' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "x%02X", c)
		}
	}
	if b.Len() == 0 {
		return "b"
	}
	return b.String()
}

var validLang = regexp.MustCompile(`^[a-zA-Z]+(-[a-zA-Z0-9]+)*$`)

// term writes one value; shorten, when set, may turn an IRI into a
// prefixed name (Turtle) and returns "" when it cannot.
func (t termWriter) term(v quad.Value, shorten func(string) string) {
	switch v := canonical(v).(type) {
	case quad.IRI:
		if shorten != nil {
			if s := shorten(string(v)); s != "" {
				t.w.WriteString(s)
				return
			}
		}
		t.iri(string(v))
	case quad.BNode:
		t.w.WriteString("_:" + bnodeLabel(string(v)))
	case quad.String:
		t.str(string(v))
	case quad.TypedString:
		t.str(string(v.Value))
		t.w.WriteString("^^")
		t.term(v.Type, shorten)
	case quad.LangString:
		t.str(string(v.Value))
		if validLang.MatchString(v.Lang) {
			t.w.WriteString("@" + v.Lang)
		}
	}
}

// quad writes one statement; the label only when withLabel is set.
func (t termWriter) quad(q quad.Quad, withLabel bool) {
	t.term(q.Subject, nil)
	t.w.WriteByte(' ')
	t.term(q.Predicate, nil)
	t.w.WriteByte(' ')
	t.term(q.Object, nil)
	if withLabel && q.Label != nil {
		t.w.WriteByte(' ')
		t.term(q.Label, nil)
	}
	t.w.WriteString(" .\n")
}

// WriteNQuads writes the quads of one extraction under base to w as
// N-Quads, exactly as the store would hold them (for `kg extract --format
// nquads`, which runs without a store).
func WriteNQuads(w io.Writer, base string, x *kg.Extraction) error {
	base, err := NormalizeBase(base)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	t := termWriter{bw}
	for _, q := range DocumentQuads(base, x) {
		t.quad(q, true)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write n-quads: %w", err)
	}
	return nil
}

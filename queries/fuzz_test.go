package queries

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// FuzzParseQuestion checks that the parser never panics and always gives a
// clear answer or a clear refusal: a known kind with the names it needs, or
// kg.EINVALID with examples.
func FuzzParseQuestion(f *testing.F) {
	for _, s := range append(slices.Clone(Examples), "Who did Tillerson hold talks with?", "What links Trump and Putin?",
		"Who was struck by the US?", "who did", "What did the the the veto?", "how is  connected to ", "Who's who?",
		"what do we know about", "Who met with with with?", "Who \u00a0did X meet\u2019s?", "\x00\xff") {
		f.Add(s)
	}
	kinds := []string{KindObject, KindSubject, KindAbout, KindWhoIs, KindPath, KindBetween}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuestion(s)
		if err != nil {
			if kg.ErrorCode(err) != kg.EINVALID || !strings.Contains(kg.ErrorMessage(err), Examples[0]) {
				t.Fatalf("%q: refusal %v is not clear", s, err)
			}
			return
		}
		if !slices.Contains(kinds, q.Kind) {
			t.Fatalf("%q: kind %q", s, q.Kind)
		}
		for _, name := range []string{q.Subject, q.Object} {
			if !utf8.ValidString(name) || strings.TrimSpace(name) != name {
				t.Fatalf("%q: name %q", s, name)
			}
		}
		switch q.Kind {
		case KindObject, KindAbout, KindWhoIs:
			if q.Subject == "" {
				t.Fatalf("%q: %s question without subject: %+v", s, q.Kind, q)
			}
		case KindSubject:
			if q.Object == "" {
				t.Fatalf("%q: subject question without object: %+v", s, q)
			}
		case KindPath, KindBetween:
			if q.Subject == "" || q.Object == "" {
				t.Fatalf("%q: %s question without both names: %+v", s, q.Kind, q)
			}
		}
		if (q.Kind == KindObject || q.Kind == KindSubject) && (q.Predicate == "" || !slices.Contains(q.Predicates, q.Predicate) && canonicalPredicate[q.Predicate] == "") {
			t.Fatalf("%q: predicate %q not among %q", s, q.Predicate, q.Predicates)
		}
	})
}

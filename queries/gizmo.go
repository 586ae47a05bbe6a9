package queries

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers gizmo
	_ "github.com/cayleygraph/cayley/query/graphql" // registers graphql
	_ "github.com/cayleygraph/cayley/query/mql"     // registers mql
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// Defaults of QueryOptions.
const (
	DefaultLang    = "gizmo"
	DefaultLimit   = 1000
	DefaultTimeout = 10 * time.Second
)

// Languages lists the query languages Query runs.
var Languages = []string{"gizmo", "graphql", "mql"}

// QueryOptions bounds a query. Zero fields take the defaults.
type QueryOptions struct {
	Limit   int           // at most this many results; DefaultLimit when 0
	Timeout time.Duration // DefaultTimeout when 0
	Short   bool          // write IRIs of known prefixes short, as <kg:entity/x>
}

// Query runs a query in one of Languages (DefaultLang when empty) and
// returns its results as JSON-able values. Short IRIs of kg's prefixes in the
// text, such as <kg:entity/x> or <schema:Person>, are expanded first. A query
// that runs past the timeout stops with kg.ETIMEOUT; one that does not
// compile fails with kg.EINVALID.
func (q *Service) Query(ctx context.Context, lang, text string, opts QueryOptions) ([]any, error) {
	if lang == "" {
		lang = DefaultLang
	}
	if opts.Limit <= 0 {
		opts.Limit = DefaultLimit
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	sess := query.NewSession(q.s.QuadStore(), lang)
	if sess == nil {
		return nil, kg.Errorf(kg.EINVALID, "unknown query language %q: use %s", lang, strings.Join(Languages, ", "))
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	it, err := sess.Execute(ctx, graph.ExpandQuery(q.s.Base(), text), query.Options{Limit: opts.Limit, Collation: query.JSON})
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "%s query: %v", lang, err)
	}
	defer it.Close()
	out := []any{}
	for len(out) < opts.Limit && it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, q.jsonable(r, opts.Short))
		}
	}
	if err := it.Err(); err != nil {
		return nil, q.queryError(ctx, lang, opts.Timeout, err)
	}
	if ctx.Err() != nil {
		return nil, q.queryError(ctx, lang, opts.Timeout, ctx.Err())
	}
	return out, nil
}

func (q *Service) queryError(ctx context.Context, lang string, timeout time.Duration, err error) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return kg.Errorf(kg.ETIMEOUT, "%s query ran longer than %s", lang, timeout)
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s query: %w", lang, err)
	}
	return kg.Errorf(kg.EINVALID, "%s query: %v", lang, err)
}

// jsonable turns Cayley's result values into plain JSON values: IRIs as
// "<iri>" strings (shortened on request), other quad values as their native
// Go values.
func (q *Service) jsonable(v any, short bool) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = q.jsonable(x, short)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = q.jsonable(x, short)
		}
		return s
	case quad.IRI:
		return q.iri(string(t), short)
	case quad.BNode:
		return t.String()
	case string:
		if short && strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
			return q.iri(t[1:len(t)-1], true)
		}
		return t
	case quad.Value:
		if n := t.Native(); n != nil {
			if _, still := n.(quad.Value); !still {
				return n
			}
		}
		return quad.StringOf(t)
	}
	return v
}

func (q *Service) iri(s string, short bool) string {
	if short {
		s = graph.Shorten(q.s.Base(), s)
	}
	return "<" + s + ">"
}

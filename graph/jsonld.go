package graph

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"

	"github.com/cayleygraph/quad"
)

// jsonldValue returns the expanded JSON-LD form of an object value.
func jsonldValue(v quad.Value) map[string]any {
	switch v := canonical(v).(type) {
	case quad.IRI:
		return map[string]any{"@id": strings.ToValidUTF8(string(v), "\uFFFD")}
	case quad.BNode:
		return map[string]any{"@id": "_:" + bnodeLabel(string(v))}
	case quad.TypedString:
		return map[string]any{"@value": string(v.Value), "@type": string(v.Type)}
	case quad.LangString:
		if validLang.MatchString(v.Lang) {
			return map[string]any{"@value": string(v.Value), "@language": v.Lang}
		}
		return map[string]any{"@value": string(v.Value)}
	default:
		return map[string]any{"@value": literal(v)}
	}
}

func jsonldID(v quad.Value) string {
	if b, ok := v.(quad.BNode); ok {
		return "_:" + bnodeLabel(string(b))
	}
	return strings.ToValidUTF8(literal(v), "\uFFFD")
}

// exportJSONLD writes one JSON-LD document whose @graph holds, subject by
// subject, a node object per named graph the subject has quads in, wrapped
// as {"@id": graph, "@graph": [node]}; JSON-LD merges graphs with the same
// name, so the result is the store's dataset, blank nodes included. Every IRI
// is written in full, so the @context only helps readers.
func (s *Store) exportJSONLD(ctx context.Context, w *bufio.Writer) error {
	ctxObj := map[string]string{}
	for _, p := range Prefixes(s.base) {
		ctxObj[p.Name] = p.IRI
	}
	c, err := json.Marshal(ctxObj)
	if err != nil {
		return err
	}
	w.WriteString(`{"@context":`)
	w.Write(c)
	w.WriteString(`,"@graph":[`)
	first := true
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = s.eachSubject(ctx, func(sub quad.Value, qs []quad.Quad) error {
		byGraph := map[string]map[string][]any{}
		var order []string
		for _, q := range qs {
			g := ""
			if q.Label != nil {
				g = jsonldID(canonical(q.Label))
			}
			if byGraph[g] == nil {
				byGraph[g] = map[string][]any{}
				order = append(order, g)
			}
			p := jsonldID(canonical(q.Predicate))
			byGraph[g][p] = append(byGraph[g][p], jsonldValue(q.Object))
		}
		for _, g := range order {
			node := map[string]any{"@id": jsonldID(canonical(sub))}
			for p, vs := range byGraph[g] {
				node[p] = vs
			}
			var item any = node
			if g != "" {
				item = map[string]any{"@id": g, "@graph": []any{node}}
			}
			if !first {
				w.WriteString(",")
			}
			first = false
			if err := enc.Encode(item); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.WriteString("]}\n")
	return nil
}

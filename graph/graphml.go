package graph

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/kgnews/kg"
)

func xmlText(w *bufio.Writer, s string) {
	xml.EscapeText(w, []byte(s)) // invalid XML characters become U+FFFD
}

func graphmlData(w *bufio.Writer, key, val string) {
	if val == "" {
		return
	}
	w.WriteString(`<data key="` + key + `">`)
	xmlText(w, val)
	w.WriteString("</data>")
}

const graphmlHeader = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="label" for="node" attr.name="label" attr.type="string"/>
<key id="type" for="node" attr.name="type" attr.type="string"/>
<key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
<key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
<key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
<key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
<key id="negated" for="edge" attr.name="negated" attr.type="boolean"/>
<key id="modality" for="edge" attr.name="modality" attr.type="string"/>
<key id="attributed_to" for="edge" attr.name="attributed_to" attr.type="string"/>
<key id="valid_time" for="edge" attr.name="valid_time" attr.type="string"/>
<key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
<graph id="kg" edgedefault="directed">
`

// exportGraphML writes entities as nodes and fact nodes as directed edges
// (with predicate, confidence, negation and modality as attributes, so that
// Gephi can filter out the claims that are not plain assertions).
func (s *Store) exportGraphML(ctx context.Context, w *bufio.Writer) error {
	w.WriteString(graphmlHeader)
	err := s.EachEntity(ctx, func(e kg.Entity) error {
		w.WriteString(`<node id="`)
		xmlText(w, e.ID)
		w.WriteString(`">`)
		graphmlData(w, "label", e.Label)
		graphmlData(w, "type", string(e.Type))
		graphmlData(w, "mentions", strconv.Itoa(e.Mentions))
		graphmlData(w, "aliases", strings.Join(e.Aliases, "; "))
		w.WriteString("</node>\n")
		return nil
	})
	if err != nil {
		return err
	}
	err = s.EachFact(ctx, func(f FactNode) error {
		w.WriteString(`<edge id="`)
		xmlText(w, f.ID)
		w.WriteString(`" source="`)
		xmlText(w, f.Subject)
		w.WriteString(`" target="`)
		xmlText(w, f.Object)
		w.WriteString(`">`)
		graphmlData(w, "predicate", f.Predicate)
		graphmlData(w, "confidence", strconv.FormatFloat(f.Confidence, 'g', -1, 64))
		graphmlData(w, "negated", strconv.FormatBool(f.Negated))
		graphmlData(w, "modality", f.Modality)
		graphmlData(w, "attributed_to", f.AttributedTo)
		graphmlData(w, "valid_time", f.ValidTime)
		graphmlData(w, "evidence", f.Sentence)
		w.WriteString("</edge>\n")
		return nil
	})
	if err != nil {
		return err
	}
	w.WriteString("</graph>\n</graphml>\n")
	return nil
}

// CSVHeader is the header of the csv export: one table in which kind is
// node (an entity) or edge (a fact), each row filling the columns of its kind.
var CSVHeader = []string{"kind", "id", "label", "type", "mentions", "aliases",
	"source", "target", "predicate", "confidence", "negated", "modality", "attributed_to", "valid_time", "evidence"}

func (s *Store) exportCSV(ctx context.Context, w *bufio.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	err := s.EachEntity(ctx, func(e kg.Entity) error {
		return cw.Write([]string{"node", e.ID, e.Label, string(e.Type), strconv.Itoa(e.Mentions),
			strings.Join(e.Aliases, "; "), "", "", "", "", "", "", "", "", ""})
	})
	if err != nil {
		return err
	}
	err = s.EachFact(ctx, func(f FactNode) error {
		return cw.Write([]string{"edge", f.ID, "", "", "", "", f.Subject, f.Object, f.Predicate,
			strconv.FormatFloat(f.Confidence, 'g', -1, 64), strconv.FormatBool(f.Negated),
			f.Modality, f.AttributedTo, f.ValidTime, f.Sentence})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

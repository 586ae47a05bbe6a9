package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
)

// vocab holds the kg: terms of one base.
type vocab struct {
	base                          string
	document, concept             quad.Value
	text, start, end, mentions    quad.Value
	merge, confidence, negated    quad.Value
	modality, attributedTo, valid quad.Value
}

func newVocab(base string) vocab {
	k := func(s string) quad.Value { return quad.IRI(base + s) }
	return vocab{
		base: base, document: k("Document"), concept: k("Concept"),
		text: k("text"), start: k("start"), end: k("end"), mentions: k("mentions"),
		merge: k("merge"), confidence: k("confidence"), negated: k("negated"),
		modality: k("modality"), attributedTo: k("attributedTo"), valid: k("validTime"),
	}
}

// docStats counts what one document adds to the graph.
type docStats struct {
	Sentences, Entities, Facts int
}

// quadSet collects a document's quads in order. Callers avoid duplicates
// themselves (entities, aliases, sentences, predicates and fact nodes are
// each written once), which is cheaper than hashing every quad.
type quadSet struct {
	deltas []cgraph.Delta        // Add deltas, ready for ApplyDeltas
	iris   map[string]quad.Value // entity and predicate IRIs of the document, boxed once
}

// iri returns the boxed IRI for a key (slug or predicate) made by mint.
func (s *quadSet) iri(kind byte, key string, mint func() string) quad.Value {
	k := string(kind) + key
	if v, ok := s.iris[k]; ok {
		return v
	}
	v := quad.Value(quad.IRI(mint()))
	s.iris[k] = v
	return v
}

func (s *quadSet) entity(base, slug string) quad.Value {
	return s.iri('e', slug, func() string { return EntityIRI(base, slug) })
}

func (s *quadSet) add(sub, pred, obj, label quad.Value) {
	s.deltas = append(s.deltas, cgraph.Delta{Action: cgraph.Add,
		Quad: quad.Quad{Subject: sub, Predicate: pred, Object: obj, Label: label}})
}

func intLit(n int) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: XSDInteger}
}

func floatLit(f float64) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.FormatFloat(f, 'g', -1, 64)), Type: XSDDouble}
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// DocumentQuads returns the quads that represent one extraction under base,
// in a deterministic order: the same extraction always gives the same quads.
// See the package documentation for the model.
func DocumentQuads(base string, x *kg.Extraction) []quad.Quad {
	ds, _ := documentQuads(newVocab(base), x, nil)
	qs := make([]quad.Quad, len(ds))
	for i, d := range ds {
		qs[i] = d.Quad
	}
	return qs
}

// documentQuads appends the extraction's quads to dst as Add deltas.
func documentQuads(v vocab, x *kg.Extraction, dst []cgraph.Delta) ([]cgraph.Delta, docStats) {
	set := quadSet{deltas: dst, iris: make(map[string]quad.Value)}
	var st docStats
	d := x.Document
	var doc quad.Value = quad.IRI(DocIRI(v.base, d.ID))
	set.add(doc, rdfType, v.document, doc)
	if t := strings.TrimSpace(d.Title); t != "" {
		set.add(doc, dcTitle, quad.String(t), doc)
	}
	if d.Date != "" {
		var date quad.Value = quad.String(d.Date)
		if isoDate.MatchString(d.Date) {
			date = quad.TypedString{Value: quad.String(d.Date), Type: XSDDate}
		}
		set.add(doc, dcDate, date, doc)
	}
	if d.Source != "" {
		set.add(doc, dcSource, quad.String(d.Source), doc)
	}
	st.Entities = entityQuads(v, x, doc, &set)
	sentences := make(map[int]quad.Value)
	facts := make(map[string]bool, len(x.Facts))
	preds := make(map[string]bool)
	for _, f := range x.Facts {
		if f.Subject == "" || f.Object == "" || f.Predicate == "" {
			continue
		}
		hash := FactHash(d.ID, f)
		if facts[hash] {
			continue
		}
		facts[hash] = true
		s := sentenceQuads(v, x, f.Evidence, doc, &set, sentences)
		if !preds[f.Predicate] {
			preds[f.Predicate] = true
			pred := set.iri('r', f.Predicate, func() string { return RelIRI(v.base, f.Predicate) })
			set.add(pred, rdfsLabel, quad.String(f.Predicate), doc)
		}
		factQuads(v, f, hash, s, &set)
		st.Facts++
	}
	// Sentences without facts are stored too: questions that no fact
	// answers read them again (queries), and the explorer shows them.
	for _, sent := range x.Sentences {
		if _, ok := sentences[sent.Index]; !ok && strings.TrimSpace(sent.Text) != "" {
			sentenceQuads(v, x, kg.Evidence{Doc: d.ID, Sentence: sent.Index, Text: sent.Text, Start: sent.Start, End: sent.End}, doc, &set, sentences)
		}
	}
	st.Sentences = len(sentences)
	return set.deltas, st
}

func entityQuads(v vocab, x *kg.Extraction, doc quad.Value, set *quadSet) int {
	counts := make(map[string]int)
	for _, m := range x.Mentions {
		counts[m.Entity]++
	}
	n := 0
	seen := make(map[string]bool, len(x.Entities))
	for _, e := range x.Entities {
		if e.ID == "" || seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		n++
		ent := set.entity(v.base, e.ID)
		set.add(doc, schemaMentions, ent, doc)
		set.add(ent, rdfType, quad.IRI(TypeIRI(v.base, e.Type)), doc)
		label := strings.TrimSpace(e.Label)
		if label == "" {
			label = strings.ReplaceAll(e.ID, "_", " ")
		}
		set.add(ent, rdfsLabel, quad.String(label), doc)
		if fam := kg.FamilyName(label); e.Type == kg.Person && fam != "" {
			set.add(ent, schemaFamily, quad.String(fam), doc)
		}
		aliases := map[string]bool{label: true}
		for _, a := range e.Aliases {
			if a = strings.TrimSpace(a); !aliases[a] && a != "" {
				aliases[a] = true
				set.add(ent, skosAltLabel, quad.String(a), doc)
			}
		}
		mentions := e.Mentions
		if mentions == 0 {
			mentions = counts[e.ID]
		}
		if mentions > 0 {
			set.add(ent, v.mentions, intLit(mentions), doc)
		}
		merges := map[string]bool{}
		for _, m := range e.Merges {
			if !merges[m] {
				merges[m] = true
				set.add(ent, v.merge, quad.String(m), doc)
			}
		}
	}
	return n
}

// sentenceQuads writes the evidence sentence once per document and returns
// its IRI. Offsets and text come from the evidence, or from the extraction's
// sentence with that index when the evidence leaves them empty.
func sentenceQuads(v vocab, x *kg.Extraction, ev kg.Evidence, doc quad.Value, set *quadSet, seen map[int]quad.Value) quad.Value {
	if s, ok := seen[ev.Sentence]; ok {
		return s
	}
	var s quad.Value = quad.IRI(SentenceIRI(v.base, x.Document.ID, ev.Sentence))
	seen[ev.Sentence] = s
	text, start, end := ev.Text, ev.Start, ev.End
	if text == "" && ev.Sentence >= 0 && ev.Sentence < len(x.Sentences) {
		st := x.Sentences[ev.Sentence]
		text, start, end = st.Text, st.Start, st.End
	}
	set.add(s, dcIsPartOf, doc, doc)
	set.add(s, v.text, quad.String(text), doc)
	set.add(s, v.start, intLit(start), doc)
	set.add(s, v.end, intLit(end), doc)
	return s
}

// FactHash returns the hash that names a fact node: the same fact from the
// same sentence of the same document always gets the same hash.
func FactHash(docID string, f kg.Fact) string {
	h := sha256.New()
	for _, p := range []string{docID, strconv.Itoa(f.Evidence.Sentence), f.Subject, f.Predicate, f.Object,
		strconv.FormatBool(f.Negated), f.Modality, f.AttributedTo, f.ValidTime} {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// factQuads writes the fact node (labelled by the evidence sentence) and,
// for asserted facts only, the direct edge with the sentence as its label.
func factQuads(v vocab, f kg.Fact, hash string, s quad.Value, set *quadSet) {
	sub, obj := set.entity(v.base, f.Subject), set.entity(v.base, f.Object)
	pred := set.iri('r', f.Predicate, func() string { return RelIRI(v.base, f.Predicate) })
	if f.Asserted() {
		set.add(sub, pred, obj, s)
	}
	var node quad.Value = quad.IRI(FactIRI(v.base, hash))
	set.add(node, rdfType, rdfStatement, s)
	set.add(node, rdfSubject, sub, s)
	set.add(node, rdfPredicate, pred, s)
	set.add(node, rdfObject, obj, s)
	set.add(node, v.confidence, floatLit(f.Confidence), s)
	set.add(node, provDerived, s, s)
	if f.Negated {
		set.add(node, v.negated, quad.TypedString{Value: "true", Type: XSDBoolean}, s)
	}
	if f.Modality != "" {
		set.add(node, v.modality, quad.String(f.Modality), s)
	}
	if f.AttributedTo != "" {
		set.add(node, v.attributedTo, set.entity(v.base, f.AttributedTo), s)
	}
	if f.ValidTime != "" {
		set.add(node, v.valid, quad.String(f.ValidTime), s)
	}
}

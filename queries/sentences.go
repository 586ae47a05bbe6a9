package queries

import (
	"context"
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// Bounds of the sentence reading, so that a question about a hub entity
// answers in bounded time.
const (
	maxDocsRead      = 200 // documents of the known entity whose sentences are scanned
	maxSentencesRead = 30  // sentences parsed again
	sentenceScore    = 0.3 // the score of an answer read from a sentence, below stored facts
)

var (
	schemaMentions = quad.IRI(graph.NSSchema + "mentions")
	rdfType        = quad.IRI(graph.NSRDF + "type")
)

// docSentence is an evidence sentence of a document that mentions an entity.
type docSentence struct {
	iri     string
	text    string
	doc     string // the document's IRI
	index   int    // the sentence's position in its document
	pronoun bool   // the sentence names the entity only by a pronoun, right after one that names it
}

// sentencesOf returns the stored sentences of the documents that mention
// the entity (see docsOf), in document order.
func (r *reader) sentencesOf(ctx context.Context, entity string) ([]docSentence, error) {
	if entity == "" && len(r.phraseDocs) > 0 {
		var out []docSentence
		for _, e := range r.phraseDocs {
			ss, err := r.sentencesOf(ctx, e)
			if err != nil {
				return nil, err
			}
			out = append(out, ss...)
		}
		return out, nil
	}
	docs, err := r.docsOf(ctx, entity)
	if err != nil {
		return nil, err
	}
	qs := r.q.s.QuadStore()
	var out []docSentence
	for _, d := range docs {
		err := graph.EachQuad(ctx, qs, quad.Object, quad.IRI(d), func(qd quad.Quad) error {
			if qd.Predicate == dcIsPartOf {
				out = append(out, docSentence{iri: literal(qd.Subject), doc: d})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read sentences of %s: %w", d, err)
		}
	}
	for i := range out {
		ev, err := r.evidence(ctx, out[i].iri)
		if err != nil {
			return nil, err
		}
		out[i].text, out[i].index = ev.Text, ev.Sentence
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].doc != out[j].doc {
			return out[i].doc < out[j].doc
		}
		return out[i].index < out[j].index
	})
	return out, nil
}

// docsOf returns the IRIs of the documents that mention the entity, at
// most maxDocsRead; for a phrase that names no entity (entity ""), the
// first maxDocsRead documents of the store.
func (r *reader) docsOf(ctx context.Context, entity string) ([]string, error) {
	var docs []string
	match, pred := quad.Value(quad.IRI(entity)), schemaMentions
	if entity == "" {
		match, pred = quad.IRI(r.base+"Document"), rdfType
	}
	err := graph.EachQuad(ctx, r.q.s.QuadStore(), quad.Object, match, func(qd quad.Quad) error {
		if qd.Predicate == pred && len(docs) < maxDocsRead {
			docs = append(docs, literal(qd.Subject))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read documents of %s: %w", entity, err)
	}
	return docs, nil
}

// nameForms returns the lowercased names an entity goes by in text: its
// label, its aliases and a person's family name.
func nameForms(e *kg.Entity) []string {
	forms := []string{strings.ToLower(e.Label)}
	for _, a := range e.Aliases {
		forms = append(forms, strings.ToLower(a))
	}
	if fam := kg.FamilyName(e.Label); e.Type == kg.Person && fam != "" {
		forms = append(forms, strings.ToLower(fam))
	}
	if e.Type == kg.Concept {
		if w := strings.Fields(e.Label); len(w) > 1 {
			forms = append(forms, strings.ToLower(w[len(w)-1]))
		}
	}
	return forms
}

// mentions reports whether lowercased text names the entity by one of its
// forms, as whole words.
func mentions(text string, forms []string) bool {
	for _, f := range forms {
		if f != "" && containsWord(text, f) {
			return true
		}
	}
	return false
}

// containsWord reports whether w occurs in s with no letter on either side.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, after := j == 0 || !isLetter(s[j-1]), j+len(w) >= len(s) || !isLetter(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// verbForms returns the spellings a text may use for the family's verbs:
// each head, its stem for regular endings, and irregular past forms.
func verbForms(fam predicateFamily) []string {
	var out []string
	heads := maps.Clone(fam.heads)
	for l := range fam.light {
		heads[l] = true
	}
	for h := range heads {
		out = append(out, h)
		if len(h) > 4 {
			out = append(out, strings.TrimSuffix(strings.TrimSuffix(h, "e"), "y"))
		}
		for form, lemma := range irregularVerbs {
			if lemma == h {
				out = append(out, form)
			}
		}
		out = append(out, eventNouns[h]...)
	}
	sort.Strings(out)
	return out
}

// candidates returns the sentences that may state the frame's fact: they
// name the known entity and hold a form of the verb.
//
// words are the question's content words, which rank the sentences when
// there are more than maxSentencesRead.
func (r *reader) candidates(ctx context.Context, known *kg.Entity, fam predicateFamily, words []string) (out []docSentence, err error) {
	all, err := r.sentencesOf(ctx, known.ID)
	if err != nil {
		return nil, err
	}
	forms, verbs := nameForms(known), verbForms(fam)
	pronouns := pronounsFor(known.Type)
	defer func() { out = bestCandidates(preferFullNames(out, known), words) }()
	named := -2 // index of the last sentence that named the entity, in the current document
	doc := ""
	for _, s := range all {
		if s.doc != doc {
			doc, named = s.doc, -2
		}
		low := strings.ToLower(s.text)
		switch {
		case mentions(low, forms):
			named = s.index
		case s.index <= named+2 && mentions(low, pronouns):
			s.pronoun = true
		default:
			continue
		}
		if len(verbs) > 0 && !startsAnyWord(low, verbs) {
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

// preferFullNames keeps, of the sentences that name a concept, those that
// name it in full ("iodine-containing sanitisers") when there are any, not
// only by its head noun ("sanitisers").
func preferFullNames(cands []docSentence, e *kg.Entity) []docSentence {
	if e.Type != kg.Concept {
		return cands
	}
	full := []string{strings.ToLower(e.Label)}
	for _, a := range e.Aliases {
		full = append(full, strings.ToLower(a))
	}
	var keep []docSentence
	for _, c := range cands {
		if c.pronoun || mentions(strings.ToLower(c.text), full) {
			keep = append(keep, c)
		}
	}
	if len(keep) == 0 {
		return cands
	}
	return keep
}

// bestCandidates keeps the maxSentencesRead sentences that share the most
// content words with the question, in document order among equals.
func bestCandidates(cands []docSentence, words []string) []docSentence {
	if len(cands) <= maxSentencesRead {
		return cands
	}
	score := make(map[string]int, len(cands))
	for _, c := range cands {
		low := strings.ToLower(c.text)
		for _, w := range words {
			if len(w) > 3 && startsAnyWord(low, []string{w[:len(w)-1]}) {
				score[c.iri]++
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return score[cands[i].iri] > score[cands[j].iri] })
	return cands[:maxSentencesRead]
}

// startsAnyWord reports whether a word of s starts with one of the prefixes.
func startsAnyWord(s string, prefixes []string) bool {
	for _, p := range prefixes {
		for i := 0; ; {
			j := strings.Index(s[i:], p)
			if j < 0 {
				break
			}
			j += i
			if j == 0 || !isLetter(s[j-1]) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// pronounsFor returns the pronouns that may stand for an entity of a type.
func pronounsFor(t kg.EntityType) []string {
	switch t {
	case kg.Person:
		return []string{"he", "she", "his", "her", "him"}
	case kg.Concept:
		return []string{"it", "its", "they", "their", "them"}
	}
	// Types are sometimes wrong (a person typed as a place): any of them.
	return []string{"he", "she", "his", "her", "him", "it", "its", "they", "their", "them"}
}

func containsAny(s string, subs []string) bool {
	for _, w := range subs {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sentenceAnswer is a phrase read from a sentence as an answer.
type sentenceAnswer struct {
	phrase string
	head   string // the phrase's head word, which a named entity in it must hold
	sent   docSentence
	typ    kg.EntityType // Date for times, Statement for what was said, else "" (an entity or a phrase)
}

// readSentences answers a frame from the evidence sentences that name its
// known entity and its verb, read again with the pipeline.
func (r *reader) readSentences(ctx context.Context, f kg.Frame, fam predicateFamily, args frameArgs) ([]kg.Answer, error) {
	if r.q.qr == nil {
		return nil, nil
	}
	if f.Predicate == "" {
		if f.Kind == kg.AskWhere { // "Where is Taikoo?"
			return r.readPlaces(ctx, f, args.known())
		}
		return nil, nil
	}
	as, err := r.readWith(ctx, f, fam, args)
	if err != nil || len(as) > 0 || f.Kind == kg.AskSay {
		return as, err
	}
	if loose, ok := fam.loosened(); ok { // "penalizes thrift" for "What does inflation punish?"
		return r.readWith(ctx, f, loose, args)
	}
	return nil, nil
}

// readWith answers a frame from the sentences that hold a verb of fam.
func (r *reader) readWith(ctx context.Context, f kg.Frame, fam predicateFamily, args frameArgs) ([]kg.Answer, error) {
	known := args.known()
	cands, err := r.candidates(ctx, known, fam, f.Words)
	if err != nil {
		return nil, err
	}
	var found []sentenceAnswer
	for _, c := range cands {
		s, err := r.q.qr.ParseSentence(ctx, c.text)
		if err != nil {
			return nil, fmt.Errorf("read sentence %s: %w", c.iri, err)
		}
		for _, p := range readTree(newTree(s), f, fam, args, c.pronoun) {
			found = append(found, sentenceAnswer{phrase: p.text, head: p.head, typ: p.typ, sent: c})
		}
	}
	if f.Kind == kg.AskSay && f.Object != "" {
		found = aboutFirst(found, aboutWords(f.Object, args.obj))
	}
	return r.phraseAnswers(ctx, f, found)
}

// aboutWords returns the words that show a statement is about the phrase:
// the entity's names when it resolved, else the phrase's last word.
func aboutWords(phrase string, e *kg.Entity) []string {
	if e != nil {
		return nameForms(e)
	}
	w := strings.Fields(strings.ToLower(phrase))
	return []string{strings.TrimSuffix(w[len(w)-1], "s")}
}

// aboutFirst puts the statements whose sentence mentions the forms first.
// A statement that leaves out the part of its sentence that mentions them
// (a quote split around "X told the press") becomes the whole sentence.
func aboutFirst(found []sentenceAnswer, forms []string) []sentenceAnswer {
	var yes, no []sentenceAnswer
	for _, sa := range found {
		low := strings.ToLower(sa.sent.text)
		if containsAny(low, forms) {
			if !containsAny(strings.ToLower(sa.phrase), forms) {
				sa.phrase = strings.TrimSpace(sa.sent.text)
			}
			yes = append(yes, sa)
		} else {
			no = append(no, sa)
		}
	}
	return append(yes, no...)
}

// phraseAnswers turns phrases read from sentences into ranked answers: a
// phrase that names an entity of its document answers with that entity,
// any other with itself (type Phrase, Date or Statement).
func (r *reader) phraseAnswers(ctx context.Context, f kg.Frame, found []sentenceAnswer) ([]kg.Answer, error) {
	type acc struct {
		a     kg.Answer
		sents map[string]bool
	}
	var accs []*acc
	byLabel := map[string]*acc{}
	for _, sa := range found {
		e := kg.Entity{Label: sa.phrase, Type: sa.typ}
		if sa.typ == "" {
			e.Type = kg.Phrase
			if named, ok, err := r.namedIn(ctx, sa.sent.doc, sa.phrase, sa.head, f.Kind != kg.AskWhere); err != nil {
				return nil, err
			} else if ok && (f.Kind != kg.AskWhere || containsWord(strings.ToLower(sa.phrase), strings.ToLower(named.Label))) {
				e = named // a place answers as the text names it: Moscow, not the Russia it may stand for
			}
		}
		key := strings.ToLower(e.Label)
		a, ok := byLabel[key]
		if !ok {
			a = &acc{a: kg.Answer{Entity: e, Predicate: f.Predicate, Score: sentenceScore, Evidence: []kg.Evidence{}}, sents: map[string]bool{}}
			byLabel[key] = a
			accs = append(accs, a)
		}
		if !a.sents[sa.sent.iri] {
			a.sents[sa.sent.iri] = true
			ev, err := r.evidence(ctx, sa.sent.iri)
			if err != nil {
				return nil, err
			}
			if len(a.a.Evidence) < MaxEvidence {
				a.a.Evidence = append(a.a.Evidence, ev)
			}
		}
	}
	sort.SliceStable(accs, func(i, j int) bool { return len(accs[i].sents) > len(accs[j].sents) })
	out := make([]kg.Answer, 0, len(accs))
	for _, a := range accs {
		out = append(out, a.a)
	}
	return constrain(out, f), nil
}

// namedIn returns the entity of the document whose name the phrase is or
// holds with the phrase's head word in it, the longest name first; a
// concept the phrase starts with counts only when concepts is set (a place
// is better named by the sentence's words than by "coast").
func (r *reader) namedIn(ctx context.Context, doc, phrase, head string, concepts bool) (kg.Entity, bool, error) {
	ents, err := r.docEntities(ctx, doc)
	if err != nil {
		return kg.Entity{}, false, err
	}
	low := strings.ToLower(phrase)
	var best kg.Entity
	bestLen := 0
	for _, e := range ents {
		for _, form := range append([]string{e.Label}, e.Aliases...) {
			lf := strings.ToLower(form)
			holdsHead := head == "" || containsWord(lf, strings.ToLower(head))
			named := e.Type != kg.Concept && len(lf) > 2 && containsWord(low, lf)
			concept := concepts && e.Type == kg.Concept && strings.HasPrefix(low, lf) && head != "" // "draft resolution" of "draft resolution on rivers"
			if len(lf) > bestLen && (lf == low || (named || concept) && holdsHead) {
				best, bestLen = e, len(lf)
			}
		}
	}
	return best, bestLen > 0, nil
}

// docEntities returns the entities a document mentions, read once per
// request.
func (r *reader) docEntities(ctx context.Context, doc string) ([]kg.Entity, error) {
	if ents, ok := r.docEnts[doc]; ok {
		return ents, nil
	}
	var iris []string
	err := graph.EachQuad(ctx, r.q.s.QuadStore(), quad.Subject, quad.IRI(doc), func(qd quad.Quad) error {
		if qd.Predicate == schemaMentions {
			iris = append(iris, literal(qd.Object))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read entities of %s: %w", doc, err)
	}
	ents := make([]kg.Entity, 0, len(iris))
	for _, iri := range iris {
		e, err := r.entity(ctx, iri)
		if err != nil {
			return nil, err
		}
		ents = append(ents, e)
	}
	if r.docEnts == nil {
		r.docEnts = map[string][]kg.Entity{}
	}
	r.docEnts[doc] = ents
	return ents, nil
}

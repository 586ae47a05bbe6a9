package alias_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/coref"
)

// parsed builds a document's sentences from "form|UPOS|head|rel|NER" items,
// with the words joined by single spaces and sentences by one space.
func parsed(tb testing.TB, specs ...string) (string, []kg.Sentence) {
	tb.Helper()
	var text strings.Builder
	var out []kg.Sentence
	for si, spec := range specs {
		if si > 0 {
			text.WriteByte(' ')
		}
		s := kg.Sentence{Index: si, Start: text.Len()}
		for wi, item := range strings.Fields(spec) {
			f := strings.Split(item, "|")
			head, err := strconv.Atoi(f[2])
			if err != nil || len(f) != 5 {
				tb.Fatalf("bad item %q", item)
			}
			if wi > 0 {
				text.WriteByte(' ')
			}
			start := text.Len()
			text.WriteString(f[0])
			s.Tokens = append(s.Tokens, kg.Token{Text: f[0], Start: start, End: text.Len(), UPOS: f[1], Head: head, Rel: f[3], NER: f[4]})
		}
		s.End = text.Len()
		out = append(out, s)
	}
	doc := text.String()
	for i := range out {
		out[i].Text = doc[out[i].Start:out[i].End]
	}
	return doc, out
}

func TestChains(t *testing.T) {
	r := mustResolver(t, nil)
	doc, sents := parsed(t,
		"Secretary|PROPN|4|compound|O of|ADP|3|case|O State|PROPN|1|nmod|O Rex|PROPN|6|nsubj|B-PER Tillerson|PROPN|4|flat|I-PER arrived|VERB|0|root|O .|PUNCT|6|punct|O",
		"Tillerson|PROPN|2|nsubj|B-PER met|VERB|0|root|O Sergei|PROPN|2|obj|B-PER Lavrov|PROPN|3|flat|I-PER .|PUNCT|2|punct|O",
		"He|PRON|2|nsubj|O spoke|VERB|0|root|O .|PUNCT|2|punct|O")
	ents, ments := r.Chains(sents, coref.Resolve(sents))
	byID := map[string]kg.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	rex, ok := byID["rex_tillerson"]
	if !ok || rex.Label != "Rex Tillerson" || rex.Type != kg.Person {
		t.Fatalf("no Rex Tillerson entity: %+v", ents)
	}
	for _, form := range []string{"Secretary of State Rex Tillerson", "Tillerson"} {
		if !slices.Contains(rex.Aliases, form) {
			t.Errorf("aliases %q lack %q", rex.Aliases, form)
		}
	}
	if _, ok := byID["sergei_lavrov"]; !ok {
		t.Errorf("no Sergei Lavrov entity: %+v", ents)
	}
	if _, ok := byID["state"]; ok {
		t.Errorf("the State inside a title became an entity: %+v", ents)
	}
	var he *kg.Mention
	for i, m := range ments {
		if doc[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v does not point at its text", m)
		}
		if m.Text == "He" {
			he = &ments[i]
		}
	}
	if he == nil || he.Entity != "rex_tillerson" || he.Sentence != 2 {
		t.Errorf("He: %+v, want a mention of rex_tillerson in sentence 2", he)
	}
}

func TestChainsSkipTitles(t *testing.T) {
	r := mustResolver(t, nil)
	_, sents := parsed(t,
		"The|DET|3|det|O Foreign|ADJ|3|amod|O Minister|PROPN|4|nsubj|O spoke|VERB|0|root|O .|PUNCT|4|punct|O")
	for _, text := range []string{"The Foreign Minister", "U.S. Foreign Minister", "former Foreign Minister"} {
		chains := []coref.Chain{{Mentions: []coref.Mention{{Sentence: 0, Start: 0, End: 3, Head: 2, Text: text, Type: kg.Person, Named: true}}}}
		if ents, _ := r.Chains(sents, chains); len(ents) != 0 {
			t.Errorf("%q: a bare title became entities %+v", text, ents)
		}
	}
}

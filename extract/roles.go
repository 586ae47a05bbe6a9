package extract

import (
	"slices"
	"strings"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/alias"
)

// PredicateHoldTitle is the predicate of role facts: a person holds the
// title that a name stood with ("U.S. Secretary of State Rex Tillerson" →
// rex_tillerson hold_title "U.S. Secretary of State").
const PredicateHoldTitle = "hold_title"

// roleConfidence is the confidence of a role fact read off a titled name.
const roleConfidence = 0.9

// roles adds a hold_title fact for each title stripped from a person's
// name, with the first sentence that names the person with it as evidence;
// the longest titles first, and none that only ends another. The title
// becomes a concept entity labelled as written.
func (b *factBuilder) roles() {
	for i := range b.x.Entities {
		e := b.x.Entities[i]
		if e.Type != kg.Person {
			continue
		}
		forms := slices.Clone(e.Aliases)
		slices.SortStableFunc(forms, func(a, b string) int { return len(b) - len(a) })
		var titles []string
		for _, form := range forms {
			title, ok := titleOf(form, e.Label)
			if !ok || slices.ContainsFunc(titles, func(t string) bool { return strings.HasSuffix(t, title) }) {
				continue // the same title, or the end of a longer one ("State" of "Secretary of State")
			}
			m, ok := b.mentionWith(e.ID, form)
			if !ok {
				continue
			}
			titles = append(titles, title)
			id := alias.Slug(title)
			b.concept(title, id)
			s := &b.x.Sentences[m.Sentence]
			b.x.Facts = append(b.x.Facts, kg.Fact{Subject: e.ID, Predicate: PredicateHoldTitle, Object: id,
				Confidence: roleConfidence, Evidence: kg.Evidence{Doc: b.x.Document.ID, Title: b.x.Document.Title,
					Date: b.x.Document.Date, Sentence: s.Index, Text: s.Text, Start: s.Start, End: s.End}})
		}
	}
}

// titleOf returns the words before the label in a name form ("Foreign
// Minister" in "Foreign Minister Sergei Lavrov"), when the form ends with
// the label, from the first capitalized word ("former Senator" gives
// "Senator"), unless they are an honorific ("Mr.").
func titleOf(form, label string) (string, bool) {
	rest, ok := strings.CutSuffix(form, label)
	words := strings.Fields(rest)
	for len(words) > 0 && !capitalized(words[0]) { // "the", "former"
		words = words[1:]
	}
	title := strings.Join(words, " ")
	if !ok || title == "" || title == form || !capitalized(title) || honorifics[strings.ToLower(title)] {
		return "", false
	}
	return title, true
}

// honorifics are forms of address, not roles.
var honorifics = map[string]bool{"mr.": true, "mr": true, "mrs.": true, "mrs": true, "ms.": true, "ms": true,
	"miss": true, "mx.": true, "mister": true, "missus": true, "madam": true, "madame": true}

func capitalized(s string) bool {
	return s != "" && strings.ToUpper(s[:1]) == s[:1] && strings.ToLower(s[:1]) != s[:1]
}

// mentionWith returns the first mention of the entity written as form.
func (b *factBuilder) mentionWith(id, form string) (kg.Mention, bool) {
	for _, m := range b.x.Mentions {
		if m.Entity == id && strings.HasSuffix(m.Text, form) && m.Sentence >= 0 && m.Sentence < len(b.x.Sentences) {
			return m, true
		}
	}
	return kg.Mention{}, false
}

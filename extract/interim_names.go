package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/kgnews/kg"
)

// trimRun turns the capitalized run words[i:j] of the sentence starting at
// word s into a mention: it drops function and calendar words at its edges,
// a sentence-initial word that is not a name elsewhere, and a title with
// everything before it (the title makes the rest a person).
func trimRun(words []word, names map[string]bool, si, s, i, j int) (mention, bool) {
	m := mention{sentence: si, runStart: i}
	if t := lastTitle(words, i, j); t >= 0 {
		k := t + 1
		if k+1 < j && words[k].lower == "of" && words[k+1].capital {
			k += 2 // Secretary of State
		}
		i, m.vote = k, kg.Person
	}
	for i < j && (edgeWord(words[i]) || (i == s || openingBefore(words, i)) && !names[words[i].lower]) {
		i++
	}
	for i < j && (edgeWord(words[i]) || nameConnectors[words[i].lower]) {
		i++
	}
	for j > i && (edgeWord(words[j-1]) || nameConnectors[words[j-1].lower]) {
		j--
	}
	if i >= j {
		return m, false
	}
	m.first, m.end = i, j
	m.start, m.stop = words[i].start, words[j-1].end
	switch {
	case m.vote != "":
	case orgHeads[words[j-1].lower]:
		m.vote = kg.Organization
	case i > s && placePrepositions[words[i-1].lower]:
		m.vote = kg.Place
	}
	return m, true
}

// edgeWord reports whether w can never start or end a name.
func edgeWord(w word) bool { return functionWords[w.lower] || calendarWords[w.lower] }

// openingBefore reports whether words[i] follows an opening quote or a colon,
// where a capital letter says nothing about names.
func openingBefore(words []word, i int) bool {
	return i > 0 && words[i-1].punct && strings.ContainsAny(words[i-1].text, `"“‘(:`)
}

// lastTitle returns the index of the last title word in words[i:j], or -1.
func lastTitle(words []word, i, j int) int {
	for k := j - 1; k >= i; k-- {
		if titles[words[k].lower] {
			return k
		}
	}
	return -1
}

// entityBuilder collects the mentions of one entity.
type entityBuilder struct {
	slug   string
	forms  map[string]int // surface form -> count
	order  []string       // forms in order of first appearance
	votes  map[kg.EntityType]int
	merges []string
	fixed  string // label kept from before surnames were merged in
}

// buildEntities groups mentions into entities by slug, merges a lone surname
// into the one longer name that ends with it, and returns the entities in
// order of first mention with the mentions pointing at them.
func buildEntities(ms []mention) ([]kg.Entity, []kg.Mention) {
	bySlug := map[string]*entityBuilder{}
	var order []*entityBuilder
	slugOf := make([]string, len(ms))
	for i, m := range ms {
		surface := m.surface
		slug := Slug(surface)
		b := bySlug[slug]
		if b == nil {
			b = &entityBuilder{slug: slug, forms: map[string]int{}, votes: map[kg.EntityType]int{}}
			bySlug[slug] = b
			order = append(order, b)
		}
		if b.forms[surface] == 0 {
			b.order = append(b.order, surface)
		}
		b.forms[surface]++
		if m.vote != "" {
			b.votes[m.vote]++
		}
		slugOf[i] = slug
	}
	alias := mergeSurnames(order)
	entities := []kg.Entity{}
	for _, b := range order {
		if alias[b.slug] == "" {
			entities = append(entities, b.entity())
		}
	}
	mentions := make([]kg.Mention, len(ms))
	for i, m := range ms {
		id := slugOf[i]
		if to := alias[id]; to != "" {
			id = to
		}
		mentions[i] = kg.Mention{Entity: id, Sentence: m.sentence, Start: m.start, End: m.stop, Text: m.surface}
	}
	return entities, mentions
}

// mergeSurnames folds each one-word entity into the single longer entity
// whose last word it is (Tillerson into Rex Tillerson, Assad into Bashar
// al-Assad), and returns which slug went where.
func mergeSurnames(order []*entityBuilder) map[string]string {
	alias := map[string]string{}
	for _, b := range order {
		if strings.Contains(b.slug, "_") {
			continue
		}
		var into *entityBuilder
		n := 0
		for _, c := range order {
			if c != b && endsWithName(c.slug, b.slug) {
				into, n = c, n+1
			}
		}
		if n != 1 {
			continue
		}
		into.fixed = into.label()
		for _, f := range b.order {
			if into.forms[f] == 0 {
				into.order = append(into.order, f)
			}
			into.forms[f] += b.forms[f]
		}
		for t, v := range b.votes {
			into.votes[t] += v
		}
		into.merges = append(into.merges, "surname: "+b.label()+" → "+into.label())
		alias[b.slug] = into.slug
	}
	return alias
}

// endsWithName reports whether the slug of a longer name ends with the
// one-word slug (bashar_al_assad ends with assad).
func endsWithName(long, short string) bool {
	k := strings.LastIndexByte(long, '_')
	return k > 0 && long[k+1:] == short
}

// label returns the label fixed by a merge, else the most frequent surface
// form, preferring the first seen and forms that are not all capitals.
func (b *entityBuilder) label() string {
	if b.fixed != "" {
		return b.fixed
	}
	best := ""
	for _, f := range b.order {
		if best == "" || b.forms[f] > b.forms[best] || (b.forms[f] == b.forms[best] && shouting(best) && !shouting(f)) {
			best = f
		}
	}
	return best
}

// shouting reports whether a name longer than a few letters is in capitals.
func shouting(s string) bool {
	return len(s) > 4 && strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// entity returns the kg.Entity the builder collected.
func (b *entityBuilder) entity() kg.Entity {
	e := kg.Entity{ID: b.slug, Label: b.label(), Type: kg.Concept, Merges: b.merges}
	for _, f := range b.order {
		e.Mentions += b.forms[f]
		if f != e.Label {
			e.Aliases = append(e.Aliases, f)
		}
	}
	sort.Strings(e.Aliases)
	best := 0
	for _, t := range []kg.EntityType{kg.Person, kg.Organization, kg.Place} {
		if b.votes[t] > best {
			e.Type, best = t, b.votes[t]
		}
	}
	return e
}

// Slug returns the identifier of a name: lowercase letters and digits with
// single underscores between words ("U.S. Navy" -> "u_s_navy"). It returns
// "_" for a name with no letters or digits.
func Slug(name string) string {
	var sb strings.Builder
	gap := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && sb.Len() > 0 {
				sb.WriteByte('_')
			}
			sb.WriteRune(r)
			gap = false
			continue
		}
		gap = true
	}
	if sb.Len() == 0 {
		return "_"
	}
	return sb.String()
}

package alias

import (
	"fmt"
	"strings"

	"github.com/kgnews/kg"
)

// Name is one surface form of an entity in a document, with its type.
type Name struct {
	Text string        // as written, such as "Secretary of State Rex Tillerson"
	Type kg.EntityType // from NER or coreference
}

// Resolved is the canonical identity of one name.
type Resolved struct {
	Label string // canonical name, such as "Rex Tillerson"
	Slug  string // its slug, such as "rex_tillerson"
	Rule  string // the rule that changed the name, "" for none
}

// Document resolves the names of one document: Canonical for each, then the
// surname rule, which gives a one-word person name the label of the only
// multi-word person label of the document that ends with it ("Tillerson" →
// "Rex Tillerson"). With two candidates ("Ivanka Trump", "Donald Trump") it
// leaves the surname alone. A one-word name that is no surname there gets,
// the same way, the one full name that starts with it ("Isabel" → "Isabel
// Ruiz"). The result does not depend on the order of
// names, and out[i] belongs to names[i].
func (r *Resolver) Document(names []Name) []Resolved {
	out := make([]Resolved, len(names))
	full := map[string]map[string]bool{}  // lowercase last word -> full labels
	given := map[string]map[string]bool{} // lowercase first word -> full labels
	for i, n := range names {
		label, slug, rule := r.Canonical(n.Text, n.Type)
		out[i] = Resolved{Label: label, Slug: slug, Rule: rule}
		if n.Type != kg.Person {
			continue
		}
		if ws := strings.Fields(label); len(ws) > 1 {
			addLabel(full, lastName(label), label)
			addLabel(given, strings.ToLower(ws[0]), label)
		}
	}
	joinSpellings(names, out)
	for i, n := range names {
		if n.Type != kg.Person || strings.Contains(out[i].Label, " ") || out[i].Rule == RuleUser {
			continue
		}
		w, rule := strings.ToLower(out[i].Label), RuleSurname
		cands := full[w]
		if len(cands) == 0 {
			cands, rule = given[w], RuleGivenName
		}
		if len(cands) != 1 {
			continue
		}
		for label := range cands {
			out[i] = Resolved{Label: label, Slug: Slug(label), Rule: rule}
		}
	}
	return out
}

// spellings are the British endings that American spelling writes
// otherwise, so that "World Health Organisation" and "World Health
// Organization" are one name.
var spellings = strings.NewReplacer("isation", "ization", "centre", "center", "theatre", "theater",
	"defence", "defense", "labour", "labor", "programme", "program")

// joinSpellings gives the names of organizations and places that differ
// only in spelling (see spellings) one label: the one whose slug sorts
// first.
func joinSpellings(names []Name, out []Resolved) {
	best := map[string]Resolved{}
	for i, n := range names {
		if n.Type == kg.Person || out[i].Rule == RuleUser {
			continue
		}
		k := spellings.Replace(out[i].Slug)
		if b, ok := best[k]; !ok || out[i].Slug < b.Slug {
			best[k] = out[i]
		}
	}
	for i, n := range names {
		if n.Type == kg.Person || out[i].Rule == RuleUser {
			continue
		}
		if b := best[spellings.Replace(out[i].Slug)]; b.Slug != out[i].Slug {
			out[i] = Resolved{Label: b.Label, Slug: b.Slug, Rule: RuleSpelling}
		}
	}
}

// addLabel records label under the word.
func addLabel(m map[string]map[string]bool, word, label string) {
	if m[word] == nil {
		m[word] = map[string]bool{}
	}
	m[word][label] = true
}

// Entities groups a document's names by slug into entities, in order of
// first appearance. Each keeps every surface form that differs from its
// label as an alias, counts its names as mentions, takes the most frequent
// type other than Concept, and records each merge as `rule: "form" ->
// "label"`. res[i] must be the resolution of names[i] (see Document).
func Entities(names []Name, res []Resolved) []kg.Entity {
	var out []kg.Entity
	idx := map[string]int{}
	votes := map[string]map[kg.EntityType]int{}
	seenAlias := map[string]map[string]bool{}
	seenMerge := map[string]map[string]bool{}
	for i := 0; i < len(names) && i < len(res); i++ {
		n, rs := names[i], res[i]
		k, ok := idx[rs.Slug]
		if !ok {
			k = len(out)
			idx[rs.Slug] = k
			out = append(out, kg.Entity{ID: rs.Slug, Label: rs.Label})
			votes[rs.Slug] = map[kg.EntityType]int{}
			seenAlias[rs.Slug], seenMerge[rs.Slug] = map[string]bool{}, map[string]bool{}
		}
		e := &out[k]
		e.Mentions++
		votes[rs.Slug][n.Type]++
		form := normalizeSpace(n.Text)
		if form != e.Label && !seenAlias[rs.Slug][form] {
			seenAlias[rs.Slug][form] = true
			e.Aliases = append(e.Aliases, form)
		}
		if rs.Rule != RuleIdentity {
			note := fmt.Sprintf("%s: %q -> %q", rs.Rule, form, rs.Label)
			if !seenMerge[rs.Slug][note] {
				seenMerge[rs.Slug][note] = true
				e.Merges = append(e.Merges, note)
			}
		}
	}
	for k := range out {
		out[k].Type = vote(votes[out[k].ID])
	}
	return out
}

// vote returns the most frequent type other than Concept, ties broken in a
// fixed order, or Concept.
func vote(v map[kg.EntityType]int) kg.EntityType {
	best, n := kg.Concept, 0
	for _, t := range []kg.EntityType{kg.Person, kg.Organization, kg.Place, kg.Event} {
		if v[t] > n {
			best, n = t, v[t]
		}
	}
	return best
}

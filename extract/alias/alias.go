package alias

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/gazetteer"
)

// The rules Canonical reports. An empty rule means the name was kept as it
// is, tidied (spaces, a leading "the", a possessive 's).
const (
	RuleUser      = "user"       // the user alias file
	RuleTitle     = "title"      // role titles stripped from a person's name
	RuleCountry   = "country"    // a country's alias or acronym
	RuleOrg       = "acronym"    // an organization's acronym or other name
	RuleDemonym   = "demonym"    // a demonym that stands for the state
	RuleSurname   = "surname"    // a lone surname that ends one full name in the document
	RuleGivenName = "given name" // a lone given name that starts one full name in the document
	RuleSpelling  = "spelling"   // a British or American spelling of another name in the document
	RuleCoref     = "coref"      // coreference put the name in the chain of the entity's representative
	RuleIdentity  = ""           // no rule: the tidied name itself
	maxTitleLen   = 6            // longest title, in words, looked for
	titleNoise    = "former acting late then interim incoming outgoing deputy"
)

// Resolver maps names to canonical labels and slugs. It is read-only after
// New and safe for concurrent use.
type Resolver struct {
	gaz  *gazetteer.Gazetteer // may be nil: no country, organization or title rules
	user map[string]string    // normalized alias -> canonical label
}

// New returns a Resolver over the gazetteer (nil for none) and the user
// aliases from LoadUserAliases (nil for none). The map is copied.
func New(gaz *gazetteer.Gazetteer, userAliases map[string]string) *Resolver {
	r := &Resolver{gaz: gaz, user: make(map[string]string, len(userAliases))}
	for a, c := range userAliases {
		r.user[key(a)] = normalizeSpace(c)
	}
	return r
}

// Canonical returns the canonical label of a name of the given type, its
// slug, and the rule that changed it ("" when none did). The same input
// always gives the same output.
func (r *Resolver) Canonical(name string, typ kg.EntityType) (label, slug, rule string) {
	label, rule = r.canonical(name, typ)
	return label, Slug(label), rule
}

func (r *Resolver) canonical(name string, typ kg.EntityType) (string, string) {
	clean := tidy(name)
	if c, ok := r.user[key(clean)]; ok {
		return c, RuleUser
	}
	if c, rule, ok := r.gazetteer(clean, name, typ); ok {
		if u, ok := r.user[key(c)]; ok {
			return u, RuleUser
		}
		return c, rule
	}
	if typ == kg.Person {
		if rest, ok := r.stripTitle(clean); ok {
			if u, ok := r.user[key(rest)]; ok {
				return u, RuleUser
			}
			return rest, RuleTitle
		}
	}
	return clean, RuleIdentity
}

// tidy collapses spaces and drops quotes around the name, a leading "the"
// and a trailing possessive.
func tidy(name string) string {
	s := normalizeSpace(name)
	s = strings.Trim(s, "\"“”‘’'`,;:()[]")
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+1 {
			s = strings.TrimSpace(s[:len(s)-len(suf)])
			break
		}
	}
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	return normalizeSpace(s)
}

// gazetteer looks the tidied name up as a country, an organization or a
// demonym that stands for the state.
func (r *Resolver) gazetteer(clean, raw string, typ kg.EntityType) (string, string, bool) {
	if r.gaz == nil || typ == kg.Person {
		return "", "", false
	}
	entries := r.gaz.Lookup(clean)
	for _, e := range entries {
		switch e.Kind {
		case gazetteer.Country:
			return e.Name, ruleIf(e.Name, clean, RuleCountry), true
		case gazetteer.Organization:
			return e.Name, ruleIf(e.Name, clean, RuleOrg), true
		}
	}
	for _, e := range entries {
		if e.Kind == gazetteer.Demonym && e.Country != "" && standsForState(raw, typ) {
			return e.Country, RuleDemonym, true
		}
	}
	return "", "", false
}

// ruleIf returns rule when the canonical name differs from the input.
func ruleIf(canonical, input, rule string) string {
	if canonical == input {
		return RuleIdentity
	}
	return rule
}

// standsForState reports whether a demonym names a state rather than its
// people or an attribute: "the Russians" (said) or a demonym the NER typed
// as an organization or place. "Russian" alone, as in "Russian officials",
// does not.
func standsForState(raw string, typ kg.EntityType) bool {
	if typ == kg.Organization || typ == kg.Place {
		return true
	}
	s := strings.ToLower(normalizeSpace(raw))
	return strings.HasPrefix(s, "the ") && strings.HasSuffix(s, "s")
}

// stripTitle removes leading role titles, with the country or demonym and
// words such as "former" before them, when a name of capitalized words
// remains: "U.S. Secretary of State Rex Tillerson" → "Rex Tillerson". It is
// used for persons only: "General Electric Company" keeps its "General".
func (r *Resolver) stripTitle(clean string) (string, bool) {
	if r.gaz == nil {
		return "", false
	}
	words := strings.Fields(clean)
	i, stripped := 0, false
	for i < len(words) {
		j := i
		for j < len(words) && (noise[strings.ToLower(words[j])] || r.isPlace(words[j])) {
			j++
		}
		n := r.titleAt(words, j)
		if n == 0 {
			j, n = r.portfolioTitleAt(words, j)
		}
		if n == 0 {
			break
		}
		i, stripped = j+n, true
	}
	rest := words[i:]
	if !stripped || len(rest) == 0 || !allCapitalized(rest) {
		return "", false
	}
	return strings.Join(rest, " "), true
}

var noise = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(titleNoise) {
		m[w] = true
	}
	return m
}()

// isPlace reports whether a word is a country or demonym ("U.S.", "Russian").
func (r *Resolver) isPlace(w string) bool {
	for _, e := range r.gaz.Lookup(strings.TrimSuffix(w, "'s")) {
		if e.Kind == gazetteer.Country || e.Kind == gazetteer.Demonym {
			return true
		}
	}
	return false
}

// titleAt returns the length in words of the longest title starting at
// words[i], or 0. "Saint" is not stripped: St. Petersburg is a place.
func (r *Resolver) titleAt(words []string, i int) int {
	best := 0
	for n := 1; n <= maxTitleLen && i+n <= len(words); n++ {
		for _, e := range r.gaz.Lookup(strings.Join(words[i:i+n], " ")) {
			if e.Kind == gazetteer.Title && e.Name != "Saint" {
				best = n
			}
		}
	}
	return best
}

// portfolioHeads are titles that a portfolio of capitalized words may
// precede: "Fisheries Minister", "Labor Secretary", "Trade Commissioner".
var portfolioHeads = map[string]bool{"minister": true, "secretary": true, "commissioner": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "envoy": true, "ambassador": true}

// portfolioTitleAt finds a title of portfolioHeads after one to three
// capitalized words at words[i] and returns where the title starts and its
// length in words, or 0 for the length. The name must go on after it.
func (r *Resolver) portfolioTitleAt(words []string, i int) (int, int) {
	for p := 1; p <= 3 && i+p < len(words)-1; p++ {
		w := words[i+p-1]
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) {
			return i, 0
		}
		if head := words[i+p]; portfolioHeads[strings.ToLower(head)] {
			if n := r.titleAt(words, i+p); n > 0 {
				return i + p, n
			}
		}
	}
	return i, 0
}

// allCapitalized reports whether every word starts with an upper-case letter
// (particles such as "bin", "de", "van" excepted).
func allCapitalized(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !particles[strings.ToLower(w)] && !particleJoined(w) {
			return false
		}
	}
	return true
}

// particleJoined reports whether w is a name particle joined to a
// capitalized name by a hyphen, as in "al-Assad".
func particleJoined(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && particles[strings.ToLower(p)] && unicode.IsUpper(r)
}

// lastName returns the surname a full name ends with, without a joined
// particle: "Assad" for "Bashar al-Assad".
func lastName(label string) string {
	ws := strings.Fields(label)
	if len(ws) == 0 {
		return ""
	}
	last := ws[len(ws)-1]
	if particleJoined(last) {
		_, last, _ = strings.Cut(last, "-")
	}
	return strings.ToLower(last)
}

var particles = map[string]bool{"bin": true, "al": true, "de": true, "van": true, "von": true, "der": true,
	"da": true, "di": true, "la": true, "le": true, "du": true, "ibn": true, "el": true, "jr.": true}

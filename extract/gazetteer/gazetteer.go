package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a gazetteer phrase names.
type Kind uint8

// The kinds of phrases the gazetteer knows.
const (
	Country          Kind = iota + 1 // a country or territory, by name, alias or acronym
	Demonym                          // a word for a country's people, such as Russian
	Capital                          // a country's capital city
	Organization                     // an international organization or a well-known institution
	Title                            // a role title such as Secretary of State or Gen.
	Place                            // a continent, region, state, province or large city that is not a capital
	GivenName                        // a common first name, a hint that a person's name starts here
	OrganizationHead                 // a word that ends or heads organization names, such as Bank or University
	PlaceHead                        // a word that ends or heads place names, such as River or Street
)

// NumKinds is one more than the largest Kind, for tables indexed by Kind.
const NumKinds = 10

var kindNames = [NumKinds]string{"", "country", "demonym", "capital", "organization", "title", "place", "given_name", "organization_head", "place_head"}

// String returns the kind's lowercase name, such as "country".
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Entry is one meaning of a phrase.
type Entry struct {
	Kind    Kind   // what the phrase names
	Name    string // canonical name of the thing named: the country, the city, the organization, the title
	Country string // the country a Country, Demonym, Capital or Place entry belongs to; "" otherwise
}

// Match is a run of words that forms a gazetteer phrase.
type Match struct {
	Start, End int     // word indices, End exclusive
	Entries    []Entry // every meaning of the phrase
}

// Gazetteer maps normalized phrases to their entries.
type Gazetteer struct {
	phrases  map[string][]Entry
	prefixes map[string]bool // every proper word prefix of a phrase, to stop matching early
	maxWords int
}

// Files lists the files Load reads. countries.tsv has the columns name,
// aliases, demonyms, capitals; places.tsv name, aliases, country; the others
// (organizations.tsv, companies.tsv, titles.tsv, names.tsv) name, aliases;
// heads.tsv name, kind ("organization" or "place").
var Files = []string{"countries.tsv", "places.tsv", "organizations.tsv", "companies.tsv", "titles.tsv", "names.tsv", "heads.tsv"}

// simpleKinds are the kinds of the files with only name and aliases.
var simpleKinds = map[string]Kind{
	"organizations.tsv": Organization,
	"companies.tsv":     Organization,
	"titles.tsv":        Title,
	"names.tsv":         GivenName,
}

// Load reads the gazetteer files (see Files) from the root of fsys.
func Load(fsys fs.FS) (*Gazetteer, error) {
	g := New()
	for _, name := range Files {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("load gazetteer: %w", err)
		}
		err = g.read(name, f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("load gazetteer %s: %w", name, err)
		}
	}
	return g, nil
}

// New returns an empty gazetteer.
func New() *Gazetteer {
	return &Gazetteer{phrases: map[string][]Entry{}, prefixes: map[string]bool{}}
}

func (g *Gazetteer) read(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	header := true
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if header {
			header = false
			continue
		}
		if err := g.addRow(name, cols); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func (g *Gazetteer) addRow(file string, cols []string) error {
	canon := strings.TrimSpace(cols[0])
	if canon == "" || canon == "-" {
		return fmt.Errorf("empty name")
	}
	switch file {
	case "countries.tsv":
		if len(cols) != 4 {
			return fmt.Errorf("want 4 columns, have %d", len(cols))
		}
		country := Entry{Kind: Country, Name: canon, Country: canon}
		g.Add(canon, country)
		for _, a := range list(cols[1]) {
			g.Add(a, country)
		}
		for _, d := range list(cols[2]) {
			g.Add(d, Entry{Kind: Demonym, Name: d, Country: canon})
		}
		for _, c := range list(cols[3]) {
			g.Add(c, Entry{Kind: Capital, Name: c, Country: canon})
		}
	case "places.tsv":
		if len(cols) != 3 {
			return fmt.Errorf("want 3 columns, have %d", len(cols))
		}
		country := strings.TrimSpace(cols[2])
		if country == "-" {
			country = ""
		}
		e := Entry{Kind: Place, Name: canon, Country: country}
		g.Add(canon, e)
		for _, a := range list(cols[1]) {
			g.Add(a, e)
		}
	case "heads.tsv":
		if len(cols) != 2 {
			return fmt.Errorf("want 2 columns, have %d", len(cols))
		}
		kinds := map[string]Kind{"organization": OrganizationHead, "place": PlaceHead}
		k, ok := kinds[strings.TrimSpace(cols[1])]
		if !ok {
			return fmt.Errorf("unknown head kind %q", cols[1])
		}
		g.Add(canon, Entry{Kind: k, Name: canon})
	case "organizations.tsv", "companies.tsv", "titles.tsv", "names.tsv":
		if len(cols) != 2 {
			return fmt.Errorf("want 2 columns, have %d", len(cols))
		}
		e := Entry{Kind: simpleKinds[file], Name: canon}
		g.Add(canon, e)
		for _, a := range list(cols[1]) {
			g.Add(a, e)
		}
	default:
		return fmt.Errorf("unknown gazetteer file")
	}
	return nil
}

func list(col string) []string {
	col = strings.TrimSpace(col)
	if col == "" || col == "-" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(col, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Add records that phrase has the meaning e. Adding the same pair twice keeps one.
func (g *Gazetteer) Add(phrase string, e Entry) {
	key := Normalize(phrase)
	if key == "" {
		return
	}
	for _, old := range g.phrases[key] {
		if old == e {
			return
		}
	}
	g.phrases[key] = append(g.phrases[key], e)
	for i := range len(key) {
		if key[i] == ' ' {
			g.prefixes[key[:i]] = true
		}
	}
	if n := strings.Count(key, " ") + 1; n > g.maxWords {
		g.maxWords = n
	}
}

// Normalize returns the lookup key of a phrase: lowercase, words separated
// by single spaces, a comma after a word split off as its own word.
func Normalize(phrase string) string {
	var b strings.Builder
	for _, w := range strings.Fields(phrase) {
		comma := len(w) > 1 && strings.HasSuffix(w, ",")
		if comma {
			w = w[:len(w)-1]
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(w))
		if comma {
			b.WriteString(" ,")
		}
	}
	return b.String()
}

// Lookup returns every meaning of phrase, compared case-insensitively, or
// nil when the gazetteer does not know it.
func (g *Gazetteer) Lookup(phrase string) []Entry {
	return g.phrases[Normalize(phrase)]
}

// Len returns the number of distinct phrases.
func (g *Gazetteer) Len() int { return len(g.phrases) }

// Phrases calls fn for every normalized phrase and its meanings, in no
// particular order.
func (g *Gazetteer) Phrases(fn func(phrase string, entries []Entry)) {
	for k, v := range g.phrases {
		fn(k, v)
	}
}

// Match finds gazetteer phrases in a tokenized sentence, leftmost and
// longest first, without overlaps. A phrase must start with a word that
// begins with an upper-case letter or a digit, so that the common words
// among the aliases ("chair", "major") match only when written as names.
func (g *Gazetteer) Match(words []string) []Match {
	var out []Match
	for i := 0; i < len(words); {
		if !startsUpper(words[i]) {
			i++
			continue
		}
		end, entries := g.longest(words, i)
		if entries == nil {
			i++
			continue
		}
		out = append(out, Match{Start: i, End: end, Entries: entries})
		i = end
	}
	return out
}

func (g *Gazetteer) longest(words []string, i int) (int, []Entry) {
	maxEnd := min(len(words), i+g.maxWords)
	var b strings.Builder
	bestEnd, best := 0, []Entry(nil)
	for j := i; j < maxEnd; j++ {
		if j > i {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(words[j]))
		key := b.String()
		if e, ok := g.phrases[key]; ok {
			bestEnd, best = j+1, e
		}
		if !g.prefixes[key] {
			break
		}
	}
	return bestEnd, best
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

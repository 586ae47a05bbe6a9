package alias_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/alias"
	"github.com/kgnews/kg/extract/gazetteer"
)

func mustResolver(tb testing.TB, user map[string]string) *alias.Resolver {
	tb.Helper()
	g, err := gazetteer.Load(data.Gazetteer)
	if err != nil {
		tb.Fatal(err)
	}
	return alias.New(g, user)
}

func TestCanonical(t *testing.T) {
	r := mustResolver(t, map[string]string{"rex w. tillerson": "Rex Tillerson", "POTUS": "Donald Trump"})
	tests := []struct {
		name, in       string
		typ            kg.EntityType
		label, slug, r string
	}{
		{"country acronym", "U.S.", kg.Place, "United States", "united_states", alias.RuleCountry},
		{"country without dots", "US", kg.Organization, "United States", "united_states", alias.RuleCountry},
		{"country with the", "the United States", kg.Place, "United States", "united_states", alias.RuleIdentity},
		{"country other name", "Russian Federation", kg.Place, "Russia", "russia", alias.RuleCountry},
		{"organization acronym", "UN", kg.Organization, "United Nations", "united_nations", alias.RuleOrg},
		{"organization dotted", "U.N.", kg.Organization, "United Nations", "united_nations", alias.RuleOrg},
		{"title", "Secretary of State Rex Tillerson", kg.Person, "Rex Tillerson", "rex_tillerson", alias.RuleTitle},
		{"country and title", "U.S. Secretary of State Rex Tillerson", kg.Person, "Rex Tillerson", "rex_tillerson", alias.RuleTitle},
		{"former title", "former President Barack Obama", kg.Person, "Barack Obama", "barack_obama", alias.RuleTitle},
		{"demonym title", "Russian Foreign Minister Sergei Lavrov", kg.Person, "Sergei Lavrov", "sergei_lavrov", alias.RuleTitle},
		{"abbreviated title", "Gen. Joseph Dunford", kg.Person, "Joseph Dunford", "joseph_dunford", alias.RuleTitle},
		{"honorific", "Mr. Tillerson", kg.Person, "Tillerson", "tillerson", alias.RuleTitle},
		{"title alone stays", "President", kg.Person, "President", "president", alias.RuleIdentity},
		{"untyped title needs two words", "General Motors", kg.Concept, "General Motors", "general_motors", alias.RuleIdentity},
		{"titles are stripped from persons only", "General Electric Company", kg.Concept, "General Electric Company", "general_electric_company", alias.RuleIdentity},
		{"portfolio title", "Canadian Fisheries Minister Paul Desrosiers", kg.Person, "Paul Desrosiers", "paul_desrosiers", alias.RuleTitle},
		{"portfolio title alone", "Labor Minister Joost Verhagen", kg.Person, "Joost Verhagen", "joost_verhagen", alias.RuleTitle},
		{"portfolio needs a name after it", "Fisheries Minister", kg.Person, "Fisheries Minister", "fisheries_minister", alias.RuleIdentity},
		{"prime minister", "Prime Minister Theresa May", kg.Person, "Theresa May", "theresa_may", alias.RuleTitle},
		{"capital is not its country", "Washington", kg.Place, "Washington", "washington", alias.RuleIdentity},
		{"country alias", "America", kg.Place, "United States", "united_states", alias.RuleCountry},
		{"organization keeps its name", "Major League Baseball", kg.Organization, "Major League Baseball", "major_league_baseball", alias.RuleIdentity},
		{"saint is no title", "St. Petersburg", kg.Place, "St. Petersburg", "st_petersburg", alias.RuleIdentity},
		{"demonym as state", "the Russians", kg.Concept, "Russia", "russia", alias.RuleDemonym},
		{"demonym typed as state", "Russian", kg.Organization, "Russia", "russia", alias.RuleDemonym},
		{"demonym adjective stays", "Russian", kg.Concept, "Russian", "russian", alias.RuleIdentity},
		{"person named like a country", "Jordan", kg.Person, "Jordan", "jordan", alias.RuleIdentity},
		{"possessive", "Tillerson's", kg.Person, "Tillerson", "tillerson", alias.RuleIdentity},
		{"user alias", "Rex W.  Tillerson", kg.Person, "Rex Tillerson", "rex_tillerson", alias.RuleUser},
		{"user alias any case", "potus", kg.Person, "Donald Trump", "donald_trump", alias.RuleUser},
		{"spaces", "  Vladimir   Putin ", kg.Person, "Vladimir Putin", "vladimir_putin", alias.RuleIdentity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			label, slug, rule := r.Canonical(tt.in, tt.typ)
			if label != tt.label || slug != tt.slug || rule != tt.r {
				t.Errorf("Canonical(%q, %s) = %q, %q, %q; want %q, %q, %q", tt.in, tt.typ, label, slug, rule, tt.label, tt.slug, tt.r)
			}
		})
	}
}

func TestCanonicalWithoutGazetteer(t *testing.T) {
	r := alias.New(nil, nil)
	if label, _, rule := r.Canonical("U.S. Secretary of State Rex Tillerson", kg.Person); label != "U.S. Secretary of State Rex Tillerson" || rule != "" {
		t.Errorf("got %q, %q; want the name unchanged", label, rule)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rex Tillerson", "rex_tillerson"},
		{"Recep Tayyip Erdoğan", "recep_tayyip_erdogan"},
		{"U.S. Navy", "us_navy"},
		{"O'Brien", "obrien"},
		{"São Paulo", "sao_paulo"},
		{"Łódź", "lodz"},
		{"Straße 5", "strasse_5"},
		{"Al-Assad", "al_assad"},
		{"  ", "_"},
		{"北京", "_"},
	}
	for _, tt := range tests {
		if got := alias.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDocumentSurname(t *testing.T) {
	r := mustResolver(t, nil)
	tests := []struct {
		name  string
		names []alias.Name
		want  []string
	}{
		{"one full name", []alias.Name{{"Tillerson", kg.Person}, {"Secretary of State Rex Tillerson", kg.Person}},
			[]string{"Rex Tillerson", "Rex Tillerson"}},
		{"two full names", []alias.Name{{"Ivanka Trump", kg.Person}, {"Donald Trump", kg.Person}, {"Trump", kg.Person}},
			[]string{"Ivanka Trump", "Donald Trump", "Trump"}},
		{"not a person", []alias.Name{{"Jordan", kg.Place}, {"Michael Jordan", kg.Person}},
			[]string{"Jordan", "Michael Jordan"}},
		{"given name", []alias.Name{{"Isabel", kg.Person}, {"Isabel Ruiz", kg.Person}},
			[]string{"Isabel Ruiz", "Isabel Ruiz"}},
		{"spellings", []alias.Name{{"World Health Organization", kg.Organization}, {"World Health Organisation", kg.Organization}},
			[]string{"World Health Organisation", "World Health Organisation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := r.Document(tt.names)
			var got []string
			for _, x := range res {
				got = append(got, x.Label)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			rev := slices.Clone(tt.names)
			slices.Reverse(rev)
			back := r.Document(rev)
			slices.Reverse(back)
			if !slices.Equal(back, res) {
				t.Errorf("depends on order: %v vs %v", back, res)
			}
		})
	}
}

func TestEntities(t *testing.T) {
	r := mustResolver(t, nil)
	names := []alias.Name{{"U.S. Secretary of State Rex Tillerson", kg.Person}, {"Tillerson", kg.Person},
		{"U.S.", kg.Place}, {"United States", kg.Place}, {"Tillerson", kg.Person}}
	ents := alias.Entities(names, r.Document(names))
	if len(ents) != 2 {
		t.Fatalf("got %d entities, want 2: %+v", len(ents), ents)
	}
	rex := ents[0]
	if rex.ID != "rex_tillerson" || rex.Label != "Rex Tillerson" || rex.Type != kg.Person || rex.Mentions != 3 {
		t.Errorf("got %+v", rex)
	}
	if want := []string{"U.S. Secretary of State Rex Tillerson", "Tillerson"}; !slices.Equal(rex.Aliases, want) {
		t.Errorf("aliases %q, want %q", rex.Aliases, want)
	}
	if want := []string{`title: "U.S. Secretary of State Rex Tillerson" -> "Rex Tillerson"`, `surname: "Tillerson" -> "Rex Tillerson"`}; !slices.Equal(rex.Merges, want) {
		t.Errorf("merges %q, want %q", rex.Merges, want)
	}
	us := ents[1]
	if us.ID != "united_states" || us.Mentions != 2 || !slices.Equal(us.Aliases, []string{"U.S."}) {
		t.Errorf("got %+v", us)
	}
}

func TestConcurrent(t *testing.T) {
	r := mustResolver(t, map[string]string{"potus": "Donald Trump"})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if l, _, _ := r.Canonical("U.S.", kg.Place); l != "United States" {
					t.Errorf("got %q", l)
					return
				}
				r.Document([]alias.Name{{"POTUS", kg.Person}, {"Tillerson", kg.Person}, {"Rex Tillerson", kg.Person}})
			}
		}()
	}
	wg.Wait()
}

func BenchmarkCanonical(b *testing.B) {
	r := mustResolver(b, nil)
	names := []string{"U.S. Secretary of State Rex Tillerson", "Vladimir Putin", "the Russians", "UN", "Bashar al-Assad"}
	for b.Loop() {
		for _, n := range names {
			r.Canonical(n, kg.Person)
		}
	}
	b.ReportMetric(float64(b.N*len(names))/b.Elapsed().Seconds(), "names/s")
}

func TestParticleNames(t *testing.T) {
	r := mustResolver(t, nil)
	if label, _, rule := r.Canonical("President Bashar al-Assad", kg.Person); label != "Bashar al-Assad" || rule != alias.RuleTitle {
		t.Errorf("title before a particle name: got %q (%s)", label, rule)
	}
	res := r.Document([]alias.Name{{Text: "Bashar al-Assad", Type: kg.Person}, {Text: "Assad", Type: kg.Person}})
	if res[1].Label != "Bashar al-Assad" || res[1].Rule != alias.RuleSurname {
		t.Errorf("surname after a joined particle: got %+v", res[1])
	}
}

package gazetteer_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/gazetteer"
)

func mustLoad(tb testing.TB) *gazetteer.Gazetteer {
	tb.Helper()
	g, err := gazetteer.Load(data.Gazetteer)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestLookup(t *testing.T) {
	g := mustLoad(t)
	tests := []struct {
		phrase  string
		kind    gazetteer.Kind
		name    string
		country string
	}{
		{"U.S.", gazetteer.Country, "United States", "United States"},
		{"us", gazetteer.Country, "United States", "United States"},
		{"United States of America", gazetteer.Country, "United States", "United States"},
		{"america", gazetteer.Country, "United States", "United States"},
		{"American", gazetteer.Demonym, "American", "United States"},
		{"Russian", gazetteer.Demonym, "Russian", "Russia"},
		{"Syrian", gazetteer.Demonym, "Syrian", "Syria"},
		{"Moscow", gazetteer.Capital, "Moscow", "Russia"},
		{"DAMASCUS", gazetteer.Capital, "Damascus", "Syria"},
		{"Washington, D.C.", gazetteer.Capital, "Washington, D.C.", "United States"},
		{"U.N.", gazetteer.Organization, "United Nations", ""},
		{"NATO", gazetteer.Organization, "North Atlantic Treaty Organization", ""},
		{"eu", gazetteer.Organization, "European Union", ""},
		{"Secretary  of   State", gazetteer.Title, "Secretary of State", ""},
		{"Gen.", gazetteer.Title, "General", ""},
		{"Sen.", gazetteer.Title, "Senator", ""},
		{"foreign minister", gazetteer.Title, "Foreign Minister", ""},
		{"Calif.", gazetteer.Place, "California", "United States"},
		{"Middle East", gazetteer.Place, "Middle East", ""},
		{"Reuters", gazetteer.Organization, "Reuters", ""},
		{"Jim", gazetteer.GivenName, "James", ""},
		{"university", gazetteer.OrganizationHead, "University", ""},
		{"River", gazetteer.PlaceHead, "River", ""},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			want := gazetteer.Entry{Kind: tt.kind, Name: tt.name, Country: tt.country}
			if got := g.Lookup(tt.phrase); !slices.Contains(got, want) {
				t.Errorf("Lookup(%q) = %v, want it to contain %v", tt.phrase, got, want)
			}
		})
	}
	for _, p := range []string{"", "the", "Tillerson", "meeting"} {
		if got := g.Lookup(p); got != nil {
			t.Errorf("Lookup(%q) = %v, want nil", p, got)
		}
	}
}

func TestMatch(t *testing.T) {
	g := mustLoad(t)
	tests := []struct {
		sent string
		want []string // matched phrases with their first kind
	}{
		{"The U.N. Security Council met in New York .", []string{"U.N. Security Council/organization", "New York/place"}},
		{"Secretary of State Rex Tillerson flew to Moscow .", []string{"Secretary of State/title", "Rex/given_name", "Moscow/capital"}},
		{"the chair said the major issue was the United States", []string{"United States/country"}},
		{"Russian and Syrian forces", []string{"Russian/demonym", "Syrian/demonym"}},
		{"nothing here", nil},
	}
	for _, tt := range tests {
		t.Run(tt.sent, func(t *testing.T) {
			words := strings.Fields(tt.sent)
			var got []string
			for _, m := range g.Match(words) {
				got = append(got, strings.Join(words[m.Start:m.End], " ")+"/"+m.Entries[0].Kind.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Match = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	good := "name\taliases\nX\t-\n"
	tests := []struct {
		name  string
		files map[string]string
	}{
		{"missing file", map[string]string{"countries.tsv": "name\ta\tb\tc\n"}},
		{"bad places", map[string]string{"countries.tsv": "name\ta\tb\tc\n", "places.tsv": "name\ta\tc\nX\t-\n", "organizations.tsv": good, "companies.tsv": good, "titles.tsv": good, "names.tsv": good, "heads.tsv": "n\tk\n"}},
		{"bad columns", map[string]string{"countries.tsv": "name\ta\tb\tc\nRussia\tx\n", "places.tsv": "n\ta\tc\n", "organizations.tsv": good, "companies.tsv": good, "titles.tsv": good, "names.tsv": good, "heads.tsv": "n\tk\n"}},
		{"empty name", map[string]string{"countries.tsv": "name\ta\tb\tc\n-\t-\t-\t-\n", "places.tsv": "n\ta\tc\n", "organizations.tsv": good, "companies.tsv": good, "titles.tsv": good, "names.tsv": good, "heads.tsv": "n\tk\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for n, s := range tt.files {
				fsys[n] = &fstest.MapFile{Data: []byte(s)}
			}
			if _, err := gazetteer.Load(fsys); err == nil {
				t.Error("Load succeeded, want an error")
			}
		})
	}
}

func BenchmarkMatch(b *testing.B) {
	g := mustLoad(b)
	words := strings.Fields("Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Moscow on Wednesday , the U.S. State Department said .")
	for b.Loop() {
		g.Match(words)
	}
	b.ReportMetric(float64(b.N*len(words))/b.Elapsed().Seconds(), "tokens/s")
}

package alias_test

import (
	"maps"
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/alias"
)

func TestLoadUserAliases(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    map[string]string
		wantErr bool
	}{
		{"pairs", "POTUS\tDonald Trump\nthe Kremlin\tRussia\n", map[string]string{"potus": "Donald Trump", "the kremlin": "Russia"}, false},
		{"comments and blanks", "# aliases\n\n  \nRex  W.  Tillerson\t Rex Tillerson \r\n", map[string]string{"rex w. tillerson": "Rex Tillerson"}, false},
		{"empty", "", map[string]string{}, false},
		{"no tab", "POTUS Donald Trump\n", nil, true},
		{"empty canonical", "POTUS\t\n", nil, true},
		{"empty alias", "\tDonald Trump\n", nil, true},
		{"bad utf8", "POT\xffUS\tDonald Trump\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := alias.LoadUserAliases(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !tt.wantErr && !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLoadUserAliasesLineNumber(t *testing.T) {
	_, err := alias.LoadUserAliases(strings.NewReader("a\tb\n# c\nbroken\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("err = %v, want one naming line 3", err)
	}
}

func FuzzLoadUserAliases(f *testing.F) {
	for _, s := range []string{"POTUS\tDonald Trump\n", "# c\n\na\tb\r\n", "\t\t\n", "x\ty\tz", "\xff\tb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		m, err := alias.LoadUserAliases(strings.NewReader(in))
		if err != nil {
			return
		}
		r := alias.New(nil, m)
		for k, v := range m {
			if k == "" || v == "" || k != strings.ToLower(k) {
				t.Fatalf("bad pair %q -> %q", k, v)
			}
			if label, _, rule := r.Canonical(k, ""); rule == alias.RuleUser && label != v {
				t.Fatalf("Canonical(%q) = %q, want %q", k, label, v)
			}
		}
	})
}

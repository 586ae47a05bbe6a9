package extract

import (
	"slices"
	"testing"
)

func TestRoles(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string // facts that must be there, and must not
	}{
		{"titles before names", "U.S. Secretary of State Jana Novak met Russian President Piet Weller in Moscow.",
			[]string{"jana_novak hold_title us_secretary_of_state", "piet_weller hold_title president"}, []string{"jana_novak hold_title state"}},
		{"an honorific is no role", "Mr. Karl Stein met Anna Berg in Oslo.", nil, []string{"karl_stein hold_title mr"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range mustExtract(t, tt.text).Facts {
				got = append(got, factKey(f))
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("no fact %q among %q", w, got)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("fact %q should not be there", n)
				}
			}
		})
	}
}

func TestTitleOf(t *testing.T) {
	tests := []struct {
		form, label, want string
		ok                bool
	}{
		{"Foreign Minister Sergei Lavrov", "Sergei Lavrov", "Foreign Minister", true},
		{"the President Bashar al-Assad", "Bashar al-Assad", "President", true},
		{"Mr. Kelly", "Kelly", "", false},
		{"Tillerson", "Rex Tillerson", "", false},
		{"former Senator Anna Berg", "Anna Berg", "Senator", true},
	}
	for _, tt := range tests {
		got, ok := titleOf(tt.form, tt.label)
		if got != tt.want || ok != tt.ok {
			t.Errorf("titleOf(%q, %q) = %q, %v; want %q, %v", tt.form, tt.label, got, ok, tt.want, tt.ok)
		}
	}
}

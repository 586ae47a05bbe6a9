package kg_test

import (
	"testing"

	"github.com/kgnews/kg"
)

func TestFamilyName(t *testing.T) {
	tests := []struct{ label, want string }{
		{"Rex Tillerson", "Tillerson"},
		{"Bashar al-Assad", "Assad"},
		{"Martin Luther King Jr.", "King"},
		{"John Smith III", "Smith"},
		{"Jean-Luc Picard", "Picard"},
		{"Anne Smith-Jones", "Smith-Jones"},
		{"Tillerson", ""},
		{"Jr.", ""},
		{"", ""},
		{"  Sergei   Lavrov ", "Lavrov"},
	}
	for _, tt := range tests {
		if got := kg.FamilyName(tt.label); got != tt.want {
			t.Errorf("FamilyName(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

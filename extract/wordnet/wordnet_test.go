package wordnet_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/wordnet"
)

// A small database in WordNet's format: punish has one sense shared with
// penalize; name's third sense is appoint's first, so name and appoint are
// synonyms through appoint's senses alone.
const (
	testIndex = `  1 This software and database is being provided to you
punish v 1 3 ~ * + 1 1 02499629  
penalize v 1 3 ~ * + 1 1 02499629  
appoint v 2 3 @ ~ + 2 2 02396223 02475922  
name v 3 3 @ ~ + 3 2 01028748 00652346 02396223  
get_in_touch v 1 1 @ 1 0 00743362  
`
	testData = `  1 This software and database is being provided to you
02499629 41 v 03 punish 0 penalize 0 penalise 0 016 * 00672451 v 0000 | impose a penalty on
02396223 41 v 04 appoint 1 name 0 nominate 0 constitute 0 010 @ 01647247 v 0000 | create and charge with a task
02475922 41 v 01 appoint 0 001 @ 02475535 v 0000 | furnish
01028748 32 v 02 name 0 call 0 001 @ 01024190 v 0000 | assign a specified name to
00652346 31 v 02 name 0 identify 0 001 @ 00652346 v 0000 | give the name of
00743362 32 v 02 contact 0 get_in_touch 0 001 @ 00742320 v 0000 | be in or establish communication with
`
)

func TestTable(t *testing.T) {
	s, err := wordnet.Read(strings.NewReader(testIndex), strings.NewReader(testData))
	if err != nil {
		t.Fatal(err)
	}
	table := s.Table(wordnet.DefaultSenses)
	tests := []struct {
		verb string
		want []string
	}{
		{"punish", []string{"penalise", "penalize"}},
		{"penalize", []string{"penalise", "punish"}},
		{"appoint", []string{"constitute", "name", "nominate"}},
		{"name", []string{"appoint", "call", "identify"}}, // appoint through appoint's first sense
		{"contact", nil}, // only a multiword synonym, and contact has no index line
	}
	for _, tt := range tests {
		if got := table[tt.verb]; !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.verb, got, tt.want)
		}
	}
	var b bytes.Buffer
	if err := wordnet.WriteTable(&b, table); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\npunish: penalise penalize\n") || !strings.Contains(b.String(), "Princeton University") {
		t.Errorf("table:\n%s", b.String())
	}
}

func TestReadErrors(t *testing.T) {
	for _, tt := range []struct{ name, index, data string }{
		{"empty", "", ""},
		{"bad count", "punish v x 3\n", testData},
		{"bad words", testIndex, "02499629 41 v zz punish 0\n"},
	} {
		if _, err := wordnet.Read(strings.NewReader(tt.index), strings.NewReader(tt.data)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

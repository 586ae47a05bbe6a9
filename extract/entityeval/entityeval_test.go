package entityeval_test

import (
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/entityeval"
)

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The U.S.", "us"},
		{"Byron's", "byron"},
		{"  the  Netherlands ", "netherlands"},
		{"“Quoted”", "“quoted”"},
		{"(Amsterdam,", "amsterdam"},
		{"King’s College", "king's college"},
		{"an Emperor", "emperor"},
	}
	for _, tt := range tests {
		if got := entityeval.Norm(tt.in); got != tt.want {
			t.Errorf("Norm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// gum is a document written for this test: Anna Berg (with a title and a
// pronoun), the museum she works for, and Oslo.
const gum = `# newdoc id = doc-1
# newpar
# text = Curator Anna Berg runs the Oslo Museum.
1	Curator	curator	NOUN	NN	_	3	compound	_	Entity=(1-person-new-sal-cent-1-2-Anna_Berg
2	Anna	Anna	PROPN	NNP	_	3	compound	_	_
3	Berg	Berg	PROPN	NNP	_	4	nsubj	_	Entity=1)
4	runs	run	VERB	VBZ	_	0	root	_	_
5	the	the	DET	DT	_	7	det	_	Entity=(2-organization
6	Oslo	Oslo	PROPN	NNP	_	7	compound	_	Entity=(3-place)
7	Museum	Museum	PROPN	NNP	_	4	obj	_	Entity=2)|SpaceAfter=No
8	.	.	PUNCT	.	_	4	punct	_	_

# text = She likes it.
1	She	she	PRON	PRP	_	2	nsubj	_	Entity=(1-person)
2	likes	like	VERB	VBZ	_	0	root	_	_
3	it	it	PRON	PRP	_	2	obj	_	Entity=(2-organization)|SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

`

func TestScore(t *testing.T) {
	c, err := entityeval.ReadGUM(strings.NewReader(gum))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Doc("doc-1").Text(), "Curator Anna Berg runs the Oslo Museum. She likes it.\n"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	nodes := []entityeval.Node{
		{Label: "Anna Berg", Type: kg.Person, Aliases: []string{"Curator Anna Berg"}},
		{Label: "Oslo Museum", Type: kg.Place},          // real, wrong type
		{Label: "Oslo", Type: kg.Place},                 // clean
		{Label: "runs the Oslo", Type: kg.Organization}, // a superset of Oslo: bad label, wrong type
		{Label: "Lisbon", Type: kg.Place},               // junk
	}
	got := entityeval.Score(c.Gold([]string{"doc-1"}), nodes)
	want := entityeval.Stats{Gold: 3, Recalled: 3, RecalledAny: 3, Splits: 1, KG: 5, Real: 4, Matched: 4, TypeOK: 2,
		BadLabel: 1, Clean: 2}
	if got != want {
		t.Errorf("Score = %+v\nwant    %+v", got, want)
	}
}

package conllu

import (
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
# text = Yes
1	Yes	yes	INTJ	UH	_	0	root	_	_
`

func TestReadAll(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(ss), 2; got != want {
		t.Fatalf("sentences: got %d, want %d", got, want)
	}
	s := ss[0]
	if s.ID != "s1" || s.Text != "I don't know." || s.DocID != "d1" || !s.NewDoc {
		t.Errorf("comments: got %+v", s)
	}
	if got, want := len(s.Words), 5; got != want {
		t.Fatalf("words: got %d, want %d", got, want)
	}
	var forms []string
	for _, tok := range s.Tokens() {
		forms = append(forms, tok.Form)
	}
	if got, want := strings.Join(forms, " "), "I don't know ."; got != want {
		t.Errorf("tokens: got %q, want %q", got, want)
	}
	if s.Words[3].SpaceAfter() {
		t.Error("know: SpaceAfter=No not honoured")
	}
	if ss[1].DocID != "d1" || ss[1].NewDoc {
		t.Errorf("second sentence: got %+v", ss[1])
	}
}

func TestReadAllBadColumns(t *testing.T) {
	if _, err := ReadAll(strings.NewReader("1\tI\n")); err == nil {
		t.Fatal("want an error for a short line")
	}
}

package ner_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/ner"
)

// gumSample is a hand-written GUM-style sentence: a person with a title, a
// nested place, a coordination of two people (only its head run is kept)
// and an abstract entity.
const gumSample = `# sent_id = test-1
1	President	president	PROPN	NNP	_	3	compound	_	Entity=(1-person-new-n-cf1-1-sgl
2	Vladimir	Vladimir	PROPN	NNP	_	3	flat	_	_
3	Putin	Putin	PROPN	NNP	_	4	nsubj	_	Entity=1)
4	met	meet	VERB	VBD	_	0	root	_	_
5	the	the	DET	DT	_	6	det	_	Entity=(2-person-new-n-cf2-2-sgl
6	mayor	mayor	NOUN	NN	_	4	obj	_	_
7	of	of	ADP	IN	_	8	case	_	_
8	Moscow	Moscow	PROPN	NNP	_	6	nmod	_	Entity=(3-place-new-n-cf3-1-sgl)2)
9	,	,	PUNCT	,	_	10	punct	_	_
10	Smith	Smith	PROPN	NNP	_	4	conj	_	Entity=(4-person-new-n-cf4-1-sgl
11	and	and	CCONJ	CC	_	12	cc	_	_
12	Jones	Jones	PROPN	NNP	_	10	conj	_	Entity=4)
13	in	in	ADP	IN	_	15	case	_	_
14	the	the	DET	DT	_	15	det	_	Entity=(5-abstract-new-n-cf5-1-sgl
15	Kremlin	Kremlin	PROPN	NNP	_	4	obl	_	Entity=5)|SpaceAfter=No
16	.	.	PUNCT	.	_	4	punct	_	_

`

func TestReadGUM(t *testing.T) {
	got, err := ner.ReadGUM(strings.NewReader(gumSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d sentences, want 1", len(got))
	}
	want := strings.Fields("B-person I-person I-person O O O O B-place O B-person O O O O B-abstract O")
	if !reflect.DeepEqual(got[0].Tags, want) {
		t.Errorf("tags\n got %v\nwant %v", got[0].Tags, want)
	}
}

func TestReadGUMErrors(t *testing.T) {
	bad := "1\tx\tx\tPROPN\tNNP\t_\t0\troot\t_\tEntity=9\n\n"
	if _, err := ner.ReadGUM(strings.NewReader(bad)); err == nil {
		t.Error("want an error for an Entity value without parentheses")
	}
}

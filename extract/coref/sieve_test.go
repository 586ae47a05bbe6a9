package coref

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kgnews/kg"
)

// sent builds a parsed sentence from "form|UPOS|head|rel[|NER[|Feats]]"
// items separated by spaces.
func sent(tb testing.TB, spec string) kg.Sentence {
	tb.Helper()
	var s kg.Sentence
	for _, item := range strings.Fields(spec) {
		f := strings.Split(item, "|")
		if len(f) < 4 {
			tb.Fatalf("bad item %q", item)
		}
		head, err := strconv.Atoi(f[2])
		if err != nil {
			tb.Fatalf("bad head in %q", item)
		}
		tk := kg.Token{Text: f[0], Lemma: strings.ToLower(f[0]), UPOS: f[1], Head: head, Rel: f[3], NER: "O"}
		if len(f) > 4 {
			tk.NER = f[4]
		}
		if len(f) > 5 {
			tk.Feats = f[5]
		}
		s.Tokens = append(s.Tokens, tk)
	}
	return s
}

func doc(tb testing.TB, specs ...string) []kg.Sentence {
	tb.Helper()
	out := make([]kg.Sentence, len(specs))
	for i, sp := range specs {
		out[i] = sent(tb, sp)
		out[i].Index = i
	}
	return out
}

// chainOfText returns the index of the chain holding the occurrence-th
// mention with this text (from 0), or -1.
func chainOfText(chains []Chain, text string, occurrence int) int {
	for ci, c := range chains {
		for _, m := range c.Mentions {
			if m.Text == text {
				if occurrence == 0 {
					return ci
				}
				occurrence--
			}
		}
	}
	return -1
}

// ref names a mention by its text and which occurrence of that text it is.
type ref struct {
	text string
	nth  int
}

var (
	tillersonArrives = "Secretary|PROPN|4|compound of|ADP|3|case State|PROPN|1|nmod Rex|PROPN|6|nsubj Tillerson|PROPN|4|flat arrived|VERB|0|root .|PUNCT|6|punct"
	threeMen         = []string{
		"Tillerson|PROPN|2|nsubj met|VERB|0|root Lavrov|PROPN|2|obj in|ADP|5|case Moscow|PROPN|2|obl .|PUNCT|2|punct",
		"Putin|PROPN|2|nsubj received|VERB|0|root him|PRON|2|obj later|ADV|2|advmod .|PUNCT|2|punct",
		"He|PRON|3|nsubj ruled|VERB|0|root out|ADP|2|compound:prt toppling|VERB|3|xcomp the|DET|7|det Syrian|ADJ|7|amod government|NOUN|4|obj .|PUNCT|2|punct",
	}
)

// sieveTests are small documents, one or more per sieve, with the mentions
// that must share a chain and those that must not.
var sieveTests = []struct {
	name  string
	sents []string
	same  [][2]ref // must share a chain
	apart [][2]ref // must not
}{
	{"exact match",
		[]string{"The|DET|2|det committee|NOUN|3|nsubj met|VERB|0|root .|PUNCT|3|punct",
			"The|DET|2|det committee|NOUN|3|nsubj voted|VERB|0|root .|PUNCT|3|punct"},
		[][2]ref{{{"The committee", 0}, {"The committee", 1}}}, nil},
	{"appositive",
		[]string{"Rex|PROPN|7|nsubj Tillerson|PROPN|1|flat ,|PUNCT|5|punct the|DET|5|det secretary|NOUN|1|appos ,|PUNCT|5|punct arrived|VERB|0|root .|PUNCT|7|punct"},
		[][2]ref{{{"Rex Tillerson", 0}, {"the secretary", 0}}}, nil},
	{"predicate nominative",
		[]string{"Putin|PROPN|4|nsubj is|AUX|4|cop the|DET|4|det president|NOUN|0|root .|PUNCT|4|punct"},
		[][2]ref{{{"Putin", 0}, {"the president", 0}}}, nil},
	{"role title",
		[]string{tillersonArrives, "The|DET|2|det secretary|NOUN|3|nsubj spoke|VERB|0|root .|PUNCT|3|punct"},
		[][2]ref{{{"Secretary of State Rex Tillerson", 0}, {"The secretary", 0}}}, nil},
	{"surname to full name",
		[]string{"Rex|PROPN|3|nsubj Tillerson|PROPN|1|flat met|VERB|0|root Sergei|PROPN|3|obj Lavrov|PROPN|4|flat .|PUNCT|3|punct",
			"Tillerson|PROPN|2|nsubj spoke|VERB|0|root .|PUNCT|2|punct"},
		[][2]ref{{{"Rex Tillerson", 0}, {"Tillerson", 0}}},
		[][2]ref{{{"Sergei Lavrov", 0}, {"Tillerson", 0}}}},
	{"different names with one head stay apart",
		[]string{"Harrow|PROPN|2|compound School|PROPN|3|nsubj closed|VERB|0|root .|PUNCT|3|punct",
			"Aberdeen|PROPN|2|compound School|PROPN|3|nsubj opened|VERB|0|root .|PUNCT|3|punct"},
		nil, [][2]ref{{{"Harrow School", 0}, {"Aberdeen School", 0}}}},
	{"acronym",
		[]string{"The|DET|3|det United|PROPN|3|compound Nations|PROPN|4|nsubj met|VERB|0|root .|PUNCT|4|punct",
			"The|DET|2|det UN|PROPN|3|nsubj voted|VERB|0|root .|PUNCT|3|punct"},
		[][2]ref{{{"The United Nations", 0}, {"The UN", 0}}}, nil},
	{"pronoun prefers the subject of the latest sentence", threeMen,
		[][2]ref{{{"Putin", 0}, {"He", 0}}},
		[][2]ref{{{"Putin", 0}, {"him", 0}}, {{"Tillerson", 0}, {"He", 0}}}},
	{"pronoun gender from a given name",
		[]string{"Vladimir|PROPN|3|nsubj Putin|PROPN|1|flat met|VERB|0|root Angela|PROPN|3|obj Merkel|PROPN|4|flat .|PUNCT|3|punct",
			"She|PRON|2|nsubj spoke|VERB|0|root .|PUNCT|2|punct"},
		[][2]ref{{{"Angela Merkel", 0}, {"She", 0}}}, [][2]ref{{{"Vladimir Putin", 0}, {"She", 0}}}},
	{"it is not a person",
		[]string{"Putin|PROPN|2|nsubj|B-PER signed|VERB|0|root the|DET|4|det treaty|NOUN|2|obj .|PUNCT|2|punct",
			"It|PRON|3|nsubj:pass was|AUX|3|aux:pass ratified|VERB|0|root .|PUNCT|3|punct"},
		[][2]ref{{{"the treaty", 0}, {"It", 0}}}, [][2]ref{{{"Putin", 0}, {"It", 0}}}},
	{"named person from NER",
		[]string{"Kendra|PROPN|2|nsubj|B-PER saw|VERB|0|root the|DET|4|det boat|NOUN|2|obj .|PUNCT|2|punct",
			"She|PRON|2|nsubj left|VERB|0|root .|PUNCT|2|punct"},
		[][2]ref{{{"Kendra", 0}, {"She", 0}}}, nil},
	{"reflexive binds inside its clause",
		[]string{"Tillerson|PROPN|2|nsubj praised|VERB|0|root himself|PRON|2|obj .|PUNCT|2|punct"},
		[][2]ref{{{"Tillerson", 0}, {"himself", 0}}}, nil},
	{"reflexive binds to its own verb's subject, not a bigger chain",
		[]string{"Tillerson|PROPN|2|nsubj|B-PER spoke|VERB|0|root .|PUNCT|2|punct",
			"Tillerson|PROPN|2|nsubj|B-PER said|VERB|0|root Assad|PROPN|5|nsubj|B-PER had|AUX|5|aux hurt|VERB|2|ccomp himself|PRON|5|obj .|PUNCT|2|punct"},
		[][2]ref{{{"Assad", 0}, {"himself", 0}}}, [][2]ref{{{"Tillerson", 1}, {"himself", 0}}}},
	{"speaker",
		[]string{"I|PRON|2|nsubj think|VERB|0|root so|ADV|2|advmod .|PUNCT|2|punct", "I|PRON|2|nsubj agree|VERB|0|root .|PUNCT|2|punct"},
		[][2]ref{{{"I", 0}, {"I", 1}}}, nil},
	{"appositive needs a comma or bracket",
		[]string{"Rex|PROPN|5|nsubj Tillerson|PROPN|1|flat the|DET|4|det secretary|NOUN|1|appos arrived|VERB|0|root .|PUNCT|5|punct"},
		nil, [][2]ref{{{"Rex Tillerson", 0}, {"the secretary", 0}}}},
	{"bare nouns are not linked by head",
		[]string{"Government|NOUN|2|nsubj grew|VERB|0|root .|PUNCT|2|punct",
			"The|DET|2|det government|NOUN|3|nsubj fell|VERB|0|root .|PUNCT|3|punct"},
		nil, [][2]ref{{{"Government", 0}, {"The government", 0}}}},
	{"a name headed by its title joins the name alone",
		[]string{"Rex|PROPN|4|nmod:poss Tillerson|PROPN|1|flat 's|PART|1|case Detente|PROPN|0|root",
			"Secretary|PROPN|6|nsubj of|ADP|3|case State|PROPN|1|nmod Rex|PROPN|1|flat Tillerson|PROPN|1|flat spoke|VERB|0|root .|PUNCT|6|punct"},
		[][2]ref{{{"Rex Tillerson 's", 0}, {"Secretary of State Rex Tillerson", 0}}}, nil},
	{"possessive prefers the subject of its own clause",
		[]string{"Putin|PROPN|2|nsubj|B-PER waited|VERB|0|root .|PUNCT|2|punct",
			"Putin|PROPN|2|nsubj|B-PER left|VERB|0|root .|PUNCT|2|punct",
			"Although|SCONJ|4|mark Putin|PROPN|4|nsubj|B-PER did|AUX|4|aux receive|VERB|7|advcl him|PRON|4|obj Tillerson|PROPN|7|nsubj|B-PER praised|VERB|0|root his|PRON|9|nmod:poss talks|NOUN|7|obj .|PUNCT|7|punct"},
		[][2]ref{{{"Tillerson", 0}, {"his", 0}}}, [][2]ref{{{"Putin", 2}, {"his", 0}}}},
	{"speakers in and out of quotes",
		[]string{"“|PUNCT|3|punct I|PRON|3|nsubj agree|VERB|6|ccomp ,|PUNCT|3|punct ”|PUNCT|3|punct I|PRON|7|nsubj replied|VERB|0|root .|PUNCT|7|punct"},
		nil, [][2]ref{{{"I", 0}, {"I", 1}}}},
}

func TestSieves(t *testing.T) {
	for _, tt := range sieveTests {
		t.Run(tt.name, func(t *testing.T) {
			chains := Resolve(doc(t, tt.sents...))
			for _, p := range tt.same {
				a, b := chainOfText(chains, p[0].text, p[0].nth), chainOfText(chains, p[1].text, p[1].nth)
				if a < 0 || b < 0 || a != b {
					t.Errorf("%q and %q: chains %d and %d, want one; chains %v", p[0].text, p[1].text, a, b, texts(chains))
				}
			}
			for _, p := range tt.apart {
				a, b := chainOfText(chains, p[0].text, p[0].nth), chainOfText(chains, p[1].text, p[1].nth)
				if a < 0 || b < 0 || a == b {
					t.Errorf("%q and %q: chains %d and %d, want two; chains %v", p[0].text, p[1].text, a, b, texts(chains))
				}
			}
		})
	}
}

func texts(chains []Chain) [][]string {
	var out [][]string
	for _, c := range chains {
		var ts []string
		for _, m := range c.Mentions {
			ts = append(ts, m.Text)
		}
		out = append(out, ts)
	}
	return out
}

func TestChainFields(t *testing.T) {
	chains := Resolve(doc(t, tillersonArrives, "He|PRON|2|nsubj spoke|VERB|0|root .|PUNCT|2|punct"))
	ci := chainOfText(chains, "He", 0)
	if ci < 0 || chainOfText(chains, "Secretary of State Rex Tillerson", 0) != ci {
		t.Fatalf("He not linked: %v", texts(chains))
	}
	c := chains[ci]
	rep := c.Mentions[c.Representative]
	if rep.Text != "Secretary of State Rex Tillerson" || !rep.Named || rep.Head != 4 || rep.Start != 0 || rep.End != 5 {
		t.Errorf("representative %+v", rep)
	}
	for _, m := range c.Mentions {
		if m.Type != kg.Person {
			t.Errorf("%q has type %q, want Person", m.Text, m.Type)
		}
		if m.Text == "He" && (!m.Pronoun || m.Sentence != 1) {
			t.Errorf("He: %+v", m)
		}
	}
}

func TestExpletiveIsNoMention(t *testing.T) {
	chains := Resolve(doc(t, "It|PRON|2|expl rains|VERB|0|root .|PUNCT|2|punct"))
	if len(chains) != 0 {
		t.Errorf("got %v, want no mentions", texts(chains))
	}
}

func TestResolveMalformed(t *testing.T) {
	tests := []struct {
		name  string
		sents []kg.Sentence
	}{
		{"empty", nil},
		{"no tokens", []kg.Sentence{{}}},
		{"head out of range", []kg.Sentence{sent(t, "He|PRON|9|nsubj saw|VERB|-3|root it|PRON|2|obj")}},
		{"cycle", []kg.Sentence{sent(t, "the|DET|2|det dog|NOUN|3|nsubj barks|VERB|2|root")}},
		{"self head", []kg.Sentence{sent(t, "dog|NOUN|1|root")}},
		{"untagged", []kg.Sentence{{Tokens: []kg.Token{{Text: "Hello"}, {Text: "world"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range Resolve(tt.sents) {
				for _, m := range c.Mentions {
					if m.Start < 0 || m.End > len(tt.sents[m.Sentence].Tokens) || m.Start >= m.End {
						t.Errorf("bad mention %+v", m)
					}
				}
			}
		})
	}
}

// TestResolveConcurrent runs Resolve on several goroutines (run with -race)
// and checks that every run gives the same chains.
func TestResolveConcurrent(t *testing.T) {
	d := doc(t, threeMen...)
	want := texts(Resolve(d))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if got := texts(Resolve(d)); !reflect.DeepEqual(got, want) {
					t.Errorf("got %v, want %v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

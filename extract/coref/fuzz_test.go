package coref

import (
	"testing"

	"github.com/kgnews/kg"
)

// FuzzResolve builds sentences from arbitrary bytes (any heads, tags and
// words) and checks that Resolve neither panics nor returns a mention
// outside its sentence.
func FuzzResolve(f *testing.F) {
	f.Add([]byte{3, 1, 0, 2, 4, 7, 200, 9, 1, 1})
	f.Add([]byte("he saw himself and the UN said it"))
	words := []string{"He", "she", "it", "the", "UN", "United", "Nations", "Tillerson", "secretary", "I", "“", ",", "and", "himself"}
	tags := []string{"PRON", "DET", "NOUN", "PROPN", "VERB", "PUNCT", "NUM", "CCONJ", "ADP", ""}
	rels := []string{"nsubj", "obj", "det", "flat", "compound", "appos", "conj", "cc", "cop", "root", "expl", "nmod:poss", "case", "punct"}
	ners := []string{"O", "B-PER", "I-PER", "B-ORG", "I-LOC", "B-", ""}
	f.Fuzz(func(t *testing.T, in []byte) {
		var sents []kg.Sentence
		var cur kg.Sentence
		for i := 0; i+3 < len(in); i += 4 {
			if in[i] == 0 && len(cur.Tokens) > 0 {
				sents = append(sents, cur)
				cur = kg.Sentence{}
			}
			cur.Tokens = append(cur.Tokens, kg.Token{Text: words[int(in[i])%len(words)], UPOS: tags[int(in[i+1])%len(tags)],
				Head: int(int8(in[i+2])) % 12, Rel: rels[int(in[i+3])%len(rels)], NER: ners[int(in[i+1]^in[i+3])%len(ners)]})
		}
		sents = append(sents, cur)
		for _, c := range Resolve(sents) {
			if c.Representative < 0 || c.Representative >= len(c.Mentions) {
				t.Fatalf("representative %d of %d", c.Representative, len(c.Mentions))
			}
			for _, m := range c.Mentions {
				if m.Sentence < 0 || m.Sentence >= len(sents) || m.Start < 0 || m.End > len(sents[m.Sentence].Tokens) ||
					m.Start >= m.End || m.Head < m.Start || m.Head >= m.End {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
	})
}

// FuzzParseBrackets checks that any Entity= value parses without panicking.
func FuzzParseBrackets(f *testing.F) {
	for _, s := range []string{"(7-abstract-new-nnnss-cf6-2-coref(3-abstract-giv:act-sssss-cf1-1-coref)", "7)6)", "((()))", "(-)", ")("} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range parseBrackets(s) {
			if b.id == "" {
				t.Fatalf("empty id in %q", s)
			}
		}
	})
}

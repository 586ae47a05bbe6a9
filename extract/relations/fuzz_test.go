package relations

import (
	"testing"

	"github.com/kgnews/kg"
)

// FuzzExtract feeds Extract arbitrary trees, as a broken parser might: heads
// out of range, cycles, unknown relations. It must not panic, and every
// argument must stay inside the sentence.
func FuzzExtract(f *testing.F) {
	f.Add([]byte{2, 1, 0, 3, 2, 5, 2, 4})
	f.Add([]byte{2, 2, 1, 1, 3, 6, 0, 0, 9, 9})
	rels := []string{"nsubj", "obj", "root", "conj", "xcomp", "ccomp", "acl:relcl", "obl", "case", "cop",
		"appos", "aux", "aux:pass", "nsubj:pass", "advcl", "mark", "parataxis", "iobj", "punct", "det"}
	upos := []string{"VERB", "NOUN", "PROPN", "ADP", "AUX", "PRON", "ADJ", "DET", "PUNCT", "SCONJ"}
	lemmas := []string{"say", "who", "if", "not", "by", "of", "agree", "will", "year", "according"}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &kg.Sentence{}
		for i := 0; i+1 < len(data) && len(s.Tokens) < 40; i += 2 {
			h, r := int(data[i])%12, int(data[i+1])
			l := lemmas[r%len(lemmas)]
			s.Tokens = append(s.Tokens, kg.Token{Text: l, Lemma: l, UPOS: upos[(r/3)%len(upos)],
				Head: h - 1, Rel: rels[r%len(rels)]})
		}
		for _, r := range Extract(s) {
			for _, a := range append([]Argument{r.Subject}, r.Extra...) {
				for _, i := range a.Tokens {
					if i < 0 || i >= len(s.Tokens) {
						t.Fatalf("token %d out of range", i)
					}
				}
			}
		}
	})
}

package coref

import (
	"strings"

	"github.com/kgnews/kg"
)

// sayVerbs are verbs that report speech or writing.
var sayVerbs = wordSet(`say tell add ask write reply answer explain state declare note insist claim
	announce argue warn recall respond remark continue conclude comment tweet`)

// quoteSpeakers links the first person singular pronouns inside a quotation
// to the subject of the verb that reports it in the same sentence ("“I
// agree,” Tillerson said"), before the other passes run.
func (r *resolver) quoteSpeakers() {
	speaker := map[int]*ment{} // quotation id -> the mention that said it
	for _, m := range r.ms {
		if m.verbHead < 0 || baseRel(m.rel) != "nsubj" || m.quote != 0 || m.pron.person == 1 || m.pron.person == 2 {
			continue
		}
		t := r.trees[m.Sentence]
		if !sayVerbs[lemmaOf(t.toks[m.verbHead])] || r.quotes[m.Sentence][m.verbHead] != 0 {
			continue
		}
		for _, q := range r.quotes[m.Sentence] {
			if q != 0 && speaker[q] == nil {
				speaker[q] = m
			}
		}
	}
	for _, m := range r.ms {
		s := speaker[m.quote]
		if m.quote == 0 || s == nil || !m.Pronoun || m.pron.person != 1 || m.pron.number != singular {
			continue
		}
		if r.trace != nil {
			r.trace("quote-speaker", m, s)
		}
		r.merge(r.cl[s.idx], r.cl[m.idx])
	}
}

// lemmaOf returns a token's lemma, lowercased, or its lowercased text when
// it has none.
func lemmaOf(tk kg.Token) string {
	if tk.Lemma != "" && tk.Lemma != "_" {
		return strings.ToLower(tk.Lemma)
	}
	return strings.ToLower(tk.Text)
}

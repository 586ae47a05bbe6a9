package coref

import "testing"

// TestDetectRepairs checks the mention boundaries kept and cut on parses
// that a statistical parser gives: wh-words are no mentions, a locative
// phrase after an object is cut, an "of" phrase is kept, a clause the
// parser hangs on a noun as an apposition is cut, a title split from its name
// is joined to it, and a final period does not stretch a predicate nominal.
func TestDetectRepairs(t *testing.T) {
	tests := []struct {
		name        string
		spec        string
		want, avoid []string
	}{
		{"free relative what",
			"What|PRON|3|obj he|PRON|3|nsubj said|VERB|5|csubj was|AUX|5|cop true|ADJ|0|root .|PUNCT|5|punct",
			[]string{"he"}, []string{"What"}},
		{"locative phrase after an object",
			"Planes|NOUN|2|nsubj sank|VERB|0|root the|DET|4|det ships|NOUN|2|obj in|ADP|6|case waters|NOUN|4|nmod .|PUNCT|2|punct",
			[]string{"the ships", "waters"}, []string{"the ships in waters"}},
		{"of phrase after an object",
			"Planes|NOUN|2|nsubj sank|VERB|0|root the|DET|4|det ships|NOUN|2|obj of|ADP|6|case Japan|PROPN|4|nmod .|PUNCT|2|punct",
			[]string{"the ships of Japan"}, []string{"the ships"}},
		{"locative phrase in a subject",
			"The|DET|2|det ships|NOUN|6|nsubj in|ADP|4|case port|NOUN|2|nmod were|AUX|6|cop old|ADJ|0|root .|PUNCT|6|punct",
			[]string{"The ships in port"}, []string{"The ships"}},
		{"clause hung on a noun as apposition",
			"It|PRON|4|nsubj is|AUX|4|cop the|DET|4|det solution|NOUN|0|root ;|PUNCT|8|punct government|NOUN|8|nsubj is|AUX|8|cop problem|NOUN|4|appos .|PUNCT|4|punct",
			[]string{"the solution", "government"}, []string{"the solution ; government is problem"}},
		{"title split from its name",
			"Secretary|PROPN|3|nsubj Tillerson|PROPN|3|nsubj met|VERB|0|root Lavrov|PROPN|3|obj .|PUNCT|3|punct",
			[]string{"Secretary Tillerson", "Tillerson"}, []string{"Tillerson met"}},
		{"sentence-final period after a predicate nominal",
			"He|PRON|3|nsubj is|AUX|3|cop president|NOUN|0|root ,|PUNCT|6|punct she|PRON|6|nsubj said|VERB|3|parataxis .|PUNCT|3|punct",
			[]string{"president", "she"}, []string{"president , she said"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]bool{}
			for _, m := range detectMentions(0, sent(t, tc.spec)) {
				got[m.Text] = true
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("no mention %q in %v", w, got)
				}
			}
			for _, a := range tc.avoid {
				if got[a] {
					t.Errorf("mention %q in %v", a, got)
				}
			}
		})
	}
}

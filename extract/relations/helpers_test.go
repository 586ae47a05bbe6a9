package relations

import (
	"strconv"
	"strings"
	"testing"

	"github.com/kgnews/kg"
)

// sent builds a sentence from one line per word: form, lemma, UPOS, XPOS,
// head (1-based, 0 for the root) and relation, separated by spaces.
func sent(tb testing.TB, spec string) *kg.Sentence {
	tb.Helper()
	s := &kg.Sentence{}
	for line := range strings.SplitSeq(strings.TrimSpace(spec), "\n") {
		f := strings.Fields(line)
		if len(f) != 6 && len(f) != 7 { // an optional seventh field is the NER tag
			tb.Fatalf("bad spec line %q", line)
		}
		h, err := strconv.Atoi(f[4])
		if err != nil {
			tb.Fatalf("bad head in %q", line)
		}
		start := len(s.Text)
		if start > 0 {
			start++
			s.Text += " "
		}
		s.Text += f[0]
		s.Tokens = append(s.Tokens, kg.Token{Text: f[0], Lemma: f[1], UPOS: f[2], XPOS: f[3],
			Head: h, Rel: f[5], Start: start, End: start + len(f[0])})
		if len(f) == 7 {
			s.Tokens[len(s.Tokens)-1].NER = f[6]
		}
	}
	s.End = len(s.Text)
	return s
}

// brief renders a relation as "(subject; predicate; object)" with its flags,
// for comparisons in tests.
func brief(r Relation) string {
	var b strings.Builder
	b.WriteString("(" + r.Subject.Text + "; " + r.Predicate + "; ")
	if r.Object != nil {
		b.WriteString(r.Object.Text)
	}
	b.WriteString(")")
	for _, e := range r.Extra {
		b.WriteString(" +" + e.Text)
	}
	if r.Time != nil {
		b.WriteString(" @" + r.Time.Text)
	}
	if r.Negated {
		b.WriteString(" neg")
	}
	if r.Modality != "" {
		b.WriteString(" " + r.Modality)
	}
	if r.Governor != "" {
		b.WriteString(" gov=" + r.Governor)
	}
	if r.AttributedTo != nil {
		b.WriteString(" by=" + r.AttributedTo.Text)
	}
	if r.Passive {
		b.WriteString(" passive")
	}
	return b.String()
}

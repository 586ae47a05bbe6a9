package question

import (
	"slices"

	"github.com/kgnews/kg"
)

// connectWords are the participles of "How is X connected to Y?".
var connectWords = set("connected linked related tied")

// fixedForm reads the questions that ask about entities rather than a
// predicate: paths (How is X connected to Y? What links X and Y?), what
// happened between two entities, and what is known about one.
func (r *reader) fixedForm() bool {
	words := make([]string, len(r.t))
	for i := range r.t {
		words[i] = r.w(i)
	}
	switch {
	case words[0] == "how" && len(words) > 3 && isBe(r.t[1]):
		return r.howConnected(words)
	case (words[0] == "what" || words[0] == "who") && len(words) > 3 && (words[1] == "links" || words[1] == "connects" || words[1] == "ties"):
		return r.pair(kg.AskPath, 2, slices.IndexFunc(words[2:], isJoin)+2)
	}
	if b := slices.Index(words, "between"); b > 0 && b < 6 && (words[0] == "what" || words[0] == "how") {
		and := slices.Index(words[b+1:], "and") + b + 1
		if and > b+1 && r.pair(kg.AskBetween, b+1, and) {
			return true
		}
	}
	for _, lead := range [][]string{{"what", "do", "we", "know", "about"}, {"what", "does", "kg", "know", "about"},
		{"what", "is", "known", "about"}, {"tell", "me", "about"}, {"tell", "me", "everything", "about"},
		{"tell", "me", "more", "about"}, {"what", "about"}, {"everything", "about"}, {"show", "me"}} {
		if len(words) > len(lead) && slices.Equal(words[:len(lead)], lead) {
			r.f.Kind, r.f.Subject = kg.AskAbout, r.span(len(lead), len(words))
			return r.f.Subject != ""
		}
	}
	return false
}

func isJoin(w string) bool { return w == "and" || w == "to" || w == "with" }

// howConnected reads "How is X connected to Y?" and "How are X and Y
// related?".
func (r *reader) howConnected(words []string) bool {
	c := slices.IndexFunc(words, func(w string) bool { return connectWords[w] })
	if c < 3 {
		return false
	}
	if c+2 <= len(words) && c+1 < len(words) && (words[c+1] == "to" || words[c+1] == "with") {
		return r.pair(kg.AskPath, 2, c) && r.setObject(c+2, len(words))
	}
	and := slices.Index(words[2:c], "and") + 2
	return and > 2 && r.pair(kg.AskPath, 2, and) && r.setObject(and+1, c)
}

// pair sets the kind and the first name, words [i, j), and the second name,
// the words after j up to the end.
func (r *reader) pair(kind string, i, j int) bool {
	if j <= i || j+1 >= len(r.t) {
		return false
	}
	r.f.Kind, r.f.Subject = kind, r.span(i, j)
	return r.setObject(j+1, len(r.t))
}

func (r *reader) setObject(i, j int) bool {
	if i >= j {
		return false
	}
	r.f.Object = r.span(i, j)
	return r.f.Subject != "" && r.f.Object != ""
}

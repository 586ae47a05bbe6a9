package extract

import (
	"fmt"
	"strings"

	"github.com/kgnews/kg"
)

// findFacts joins each pair of neighbouring mentions of a sentence through
// the verb-like word between them. A passive "was vetoed by" swaps the
// roles; "not" and "never" negate; modal verbs and a preceding "if" set the
// modality. Every fact gets low confidence, lower the more words lie between.
func findFacts(x *kg.Extraction, words []word, spans [][2]int, ms []mention, maxWords int) []kg.Fact {
	facts := []kg.Fact{}
	seen := map[string]bool{}
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		sa, sb := x.Mentions[i].Entity, x.Mentions[i+1].Entity
		if a.sentence != b.sentence || sa == sb || b.runStart-a.end < 1 || b.runStart-a.end > maxWords {
			continue
		}
		between := words[a.end:b.runStart]
		f, ok := relate(between)
		if !ok {
			continue
		}
		if f.swap {
			sa, sb = sb, sa
		}
		if f.modality == "" && hasWord(words[spans[a.sentence][0]:a.first], "if") {
			f.modality = kg.ModalityHypothetical
		}
		key := fmt.Sprint(sa, "\x00", f.predicate, "\x00", sb, "\x00", a.sentence)
		if seen[key] {
			continue
		}
		seen[key] = true
		s := x.Sentences[a.sentence]
		facts = append(facts, kg.Fact{
			Subject: sa, Predicate: f.predicate, Object: sb,
			Confidence: confidence(len(between)), Negated: f.negated, Modality: f.modality,
			Evidence: kg.Evidence{Doc: x.Document.ID, Title: x.Document.Title, Date: x.Document.Date,
				Sentence: s.Index, Text: s.Text, Start: s.Start, End: s.End},
		})
	}
	return facts
}

// relation is what the words between two mentions say.
type relation struct {
	predicate string
	negated   bool
	modality  string
	swap      bool // passive voice: the second mention is the subject
}

// relate reads the words between two mentions. It fails on punctuation
// and when no word there looks like a verb.
func relate(between []word) (relation, bool) {
	var r relation
	verb, copula := -1, -1
	afterAux := false // the verb after "did", "will", "may" is in its base form
	for i, w := range between {
		wasAux := afterAux
		afterAux = false
		switch {
		case w.punct || w.capital:
			return r, false
		case negations[w.lower] || strings.HasSuffix(w.lower, "n't") || strings.HasSuffix(w.lower, "n’t"):
			r.negated, afterAux = true, wasAux
		case auxiliaries[w.lower]:
			if modals[w.lower] != "" && r.modality == "" {
				r.modality = modals[w.lower]
			}
			if copula < 0 && irregularVerbs[w.lower] == "be" {
				copula = i
			}
			afterAux = baseFormAuxiliaries[w.lower]
		case verb < 0 && (wasAux || isVerb(w.lower)):
			verb = i
		}
	}
	if verb < 0 {
		if copula < 0 {
			return r, false
		}
		r.predicate = "be"
		return r, true
	}
	rest := between[verb+1:]
	if copula >= 0 && copula < verb && len(rest) == 1 && rest[0].lower == "by" && strings.HasSuffix(between[verb].lower, "ed") {
		r.predicate, r.swap = verbLemma(between[verb].lower), true
		return r, true
	}
	parts := []string{verbLemma(between[verb].lower)}
	for _, w := range rest {
		if !particles[w.lower] || len(rest) > 2 {
			parts = parts[:1]
			break
		}
		parts = append(parts, w.lower)
	}
	r.predicate = strings.Join(parts, "_")
	return r, true
}

// hasWord reports whether words holds the lowercase word w.
func hasWord(words []word, w string) bool {
	for _, x := range words {
		if x.lower == w {
			return true
		}
	}
	return false
}

// confidence falls from 0.5 for one word between two mentions to 0.2.
func confidence(between int) float64 {
	return max(0.2, 0.5-0.05*float64(between-1))
}

// isVerb reports whether a lowercase word looks like a verb: a known verb or
// a regular past form.
func isVerb(w string) bool {
	if irregularVerbs[w] != "" || commonVerbs[w] {
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "ed") {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// verbLemma returns the dictionary form of a verb by an exception list and
// the spelling rules of regular English verbs.
func verbLemma(w string) string {
	if l := irregularVerbs[w]; l != "" {
		return l
	}
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "eed"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ed"):
		return regularStem(w[:len(w)-2])
	case strings.HasSuffix(w, "oes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// regularStem restores the stem of a regular past form without its "ed":
// stopped -> stop, announced -> announce, visited -> visit.
func regularStem(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("lsz", rune(s[n-1])) {
		return s[:n-1]
	}
	for _, end := range []string{"c", "v", "z", "rg", "dg", "at", "is", "os", "us", "as", "ar", "ir", "ur", "uc", "om"} {
		if strings.HasSuffix(s, end) && !strings.HasSuffix(s, "oom") {
			return s + "e"
		}
	}
	return s
}

package queries

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/kgnews/kg"
)

// locativePreps introduce the place of an event.
var locativePreps = map[string]bool{"in": true, "at": true, "to": true, "into": true, "near": true, "from": true, "on": true,
	"inside": true, "around": true, "along": true, "off": true, "outside": true, "within": true, "across": true}

// predicateFamily is what a question's verb may be stored as: its lemmas
// (the tagger's, and those its spelling allows), their synonyms, and the
// participle of a passive without an agent (be_born_in).
type predicateFamily struct {
	heads     map[string]bool     // verb lemmas and participles that may head a stored predicate
	exact     map[string]bool     // whole predicates of the synonym table
	light     map[string][]string // light verbs of multiword synonyms and the nouns they need (hold: talks)
	prep      string              // the preposition the answer needs, if any
	symmetric bool                // X meets Y when Y meets X
}

func newFamily(f kg.Frame) predicateFamily {
	fam := predicateFamily{heads: map[string]bool{}, exact: map[string]bool{}, light: map[string][]string{}, prep: f.Prep}
	if f.Predicate == "" {
		return fam
	}
	lemma, tail, _ := strings.Cut(f.Predicate, "_")
	lemmas := append([]string{lemma}, verbLemmas(f.Verb)...)
	for _, l := range lemmas {
		base := l
		if tail != "" {
			base = l + "_" + tail
		}
		for _, p := range append(synonymsOf(base), synonymsOf(base+"_"+f.Prep)...) {
			fam.exact[p] = true
			fam.symmetric = fam.symmetric || symmetricPredicates[canonicalPredicate[p]]
			parts := strings.Split(p, "_")
			switch {
			case len(parts) == 1 || len(parts) == 2 && particles[parts[1]]:
				fam.heads[parts[0]] = true
			case len(parts) >= 3 && !particles[parts[1]]: // hold_talk_with: hold with the noun talk
				fam.light[parts[0]] = append(fam.light[parts[0]], parts[1])
			}
		}
		fam.heads[l] = true
	}
	if f.Verb != "" {
		fam.heads[f.Verb] = true
	}
	return fam
}

// loosened returns the family with the WordNet synonyms of its verbs as
// heads ("penalize" for punish), for reading sentences worded with another
// verb than the question; ok is false when there are none.
func (fam predicateFamily) loosened() (predicateFamily, bool) {
	heads := map[string]bool{}
	for h := range fam.heads {
		for _, s := range verbSynonyms()[h] {
			if !fam.heads[s] && !isLightVerb(s) {
				heads[s] = true
			}
		}
	}
	if len(heads) == 0 {
		return fam, false
	}
	return predicateFamily{heads: heads, exact: map[string]bool{}, prep: fam.prep, symmetric: fam.symmetric}, true
}

// isLightVerb reports whether a verb says too little to stand for another:
// WordNet lists "have", "make" or "get" among many verbs' synonyms.
func isLightVerb(v string) bool {
	switch v {
	case "be", "have", "make", "get", "do", "take", "give", "go", "come", "put", "set", "let", "see", "hold", "keep", "say", "tell":
		return true
	}
	return false
}

// symmetricPredicates hold both ways: when X meets Y, Y meets X.
var symmetricPredicates = map[string]bool{"meet": true, "negotiate": true, "talk": true, "clash": true, "marry": true}

// speechVerbs report what someone said.
var speechVerbs = []string{"say", "tell", "state", "claim", "argue", "add", "explain", "write", "note", "believe", "think",
	"warn", "insist", "describe", "call", "announce", "report", "suggest", "stress", "conclude", "admit", "deny", "allege", "comment"}

// speechFamily is the family of every speech verb: "What did X say about
// Y?" asks for whatever X stated.
func speechFamily() predicateFamily {
	fam := predicateFamily{heads: map[string]bool{}, exact: map[string]bool{}}
	for _, v := range speechVerbs {
		fam.heads[v] = true
	}
	return fam
}

// matches reports whether a stored predicate is of the family: its head
// (after be_ for a passive) is one of the lemmas, and it ends with the
// preposition the question asks for.
func (fam predicateFamily) matches(pred string) bool {
	if len(fam.heads) == 0 {
		return true
	}
	if fam.exact[pred] && fam.prep == "" {
		return true
	}
	parts := strings.Split(pred, "_")
	if parts[0] == "be" && len(parts) > 1 {
		parts = parts[1:]
	}
	head := parts[0]
	if !fam.heads[head] {
		ok := false
		for _, l := range verbLemmas(head) {
			ok = ok || fam.heads[l]
		}
		if !ok {
			return false
		}
	}
	return fam.prep == "" || fam.prep == "by" || slices.Contains(parts[1:], fam.prep)
}

// answerFrame answers subject, object, where, when, say and yes/no
// questions: from the stored facts of the known entity first, and when none
// fits, from the evidence sentences that mention it (a weaker reading).
func (r *reader) answerFrame(ctx context.Context, res *kg.Result, f kg.Frame, args frameArgs) error {
	known := args.known()
	var facts []fact
	var err error
	if known.ID != "" {
		if facts, err = r.facts(ctx, known.ID, true, true, nil); err != nil {
			return err
		}
	}
	fam := newFamily(f)
	if f.Kind == kg.AskSay {
		fam = speechFamily()
	}
	keep := func(x fact) bool { return r.fits(ctx, f, fam, args, known, x) }
	if f.Kind == kg.AskWhen {
		res.Answers, err = r.timeAnswers(ctx, known.ID, facts, keep)
	} else {
		res.Answers, _, err = r.answers(ctx, known.ID, facts, keep, true, 0, MaxAnswers)
		if fam.symmetric {
			res.Answers = mergeDirections(res.Answers)
		}
	}
	if err != nil {
		return err
	}
	res.Answers = constrain(fitWh(withoutPronouns(res.Answers), f), f)
	noPlace := f.Kind == kg.AskWhere && !hasNamedPlace(res.Answers) // "water" for where-questions
	if f.Kind == kg.AskSay || len(res.Answers) == 0 || !meetsAdjuncts(res.Answers[0], f) || noPlace {
		read, err := r.readSentences(ctx, f, fam, args)
		if err != nil {
			return err
		}
		read = fitWh(read, f)
		if noPlace && !hasNamedPlace(read) {
			read = nil
		}
		if len(read) > 0 && (len(res.Answers) == 0 || f.Kind == kg.AskSay || noPlace || meetsAdjuncts(read[0], f)) {
			res.Interpretation.Reading = "sentences"
			res.Answers = append(read, res.Answers...)
			return nil
		}
	}
	if len(res.Answers) > 0 {
		res.Interpretation.Reading = "facts"
	}
	return nil
}

// withoutPronouns drops answers that are bare pronouns ("we"), which the
// extractor left unresolved.
func withoutPronouns(as []kg.Answer) []kg.Answer {
	out := as[:0]
	for _, a := range as {
		if !isPronoun(a.Entity.Label) {
			out = append(out, a)
		}
	}
	return out
}

// hasNamedPlace reports whether an answer is a place, an organization or a
// phrase with a capitalized word: what a where-question wants.
func hasNamedPlace(as []kg.Answer) bool {
	for _, a := range as {
		switch a.Entity.Type {
		case kg.Place, kg.Organization:
			return true
		case kg.Phrase:
			for _, w := range strings.Fields(a.Entity.Label) {
				if w[0] >= 'A' && w[0] <= 'Z' {
					return true
				}
			}
		}
	}
	return false
}

// fitWh drops the answers a who-question cannot have: times and counts
// ("10,694 votes").
func fitWh(as []kg.Answer, f kg.Frame) []kg.Answer {
	if !f.Who {
		return as
	}
	out := as[:0]
	var places []kg.Answer
	for _, a := range as {
		l := a.Entity.Label
		switch {
		case a.Entity.Type == kg.Date || l != "" && l[0] >= '0' && l[0] <= '9':
		case a.Entity.Type == kg.Place: // "met in Oslo" answers who-questions last
			places = append(places, a)
		default:
			out = append(out, a)
		}
	}
	return append(out, places...)
}

// meetsAdjuncts reports whether an answer's evidence meets the frame's time
// and place adjuncts; true when the frame has none.
func meetsAdjuncts(a kg.Answer, f kg.Frame) bool {
	want := adjunctWords(f.Time + " " + f.Place)
	return len(want) == 0 || adjunctHits(a, want) > 0
}

// adjunctHits counts the adjunct words in an answer's evidence sentences.
func adjunctHits(a kg.Answer, want []string) int {
	n := 0
	for _, ev := range a.Evidence {
		low := strings.ToLower(ev.Text)
		for _, w := range want {
			if strings.Contains(low, w) {
				n++
			}
		}
	}
	return n
}

// fits reports whether a fact answers the frame: the known entity on the
// side the frame puts it, the other side free (or the second known entity,
// for yes/no), a predicate of the family, and for where-questions a place.
func (r *reader) fits(ctx context.Context, f kg.Frame, fam predicateFamily, args frameArgs, known *kg.Entity, x fact) bool {
	if !fam.matches(x.Predicate) {
		return false
	}
	asSubject := x.Subject == known.ID
	other := x.Object
	if !asSubject {
		other = x.Subject
	}
	if other == known.ID {
		return false
	}
	passiveStored := strings.HasPrefix(x.Predicate, "be_")
	switch f.Kind {
	case kg.AskYesNo:
		return args.subj != nil && args.obj != nil && (other == args.obj.ID || other == args.subj.ID)
	case kg.AskSubject:
		// The answer is the doer: the known entity is the stored object, or
		// the stored subject of a passive without its agent.
		if args.subj != nil && args.obj != nil {
			return false
		}
		return !asSubject && !passiveStored || asSubject && passiveStored && fam.prep == "by" || asSubject && fam.symmetric
	case kg.AskWhere:
		if !asSubject {
			return false
		}
		e, err := r.entity(ctx, other)
		return err == nil && (e.Type == kg.Place || e.Type == kg.Organization || locativeTail(x.Predicate))
	case kg.AskWhen:
		return true
	}
	// Object, say: the known subject did it, or the known object underwent
	// it in the passive; a symmetric predicate answers both ways.
	if args.subj == nil { // "What are the United States confronted with?"
		return asSubject && passiveStored || !asSubject
	}
	return asSubject || fam.symmetric
}

// locativeTail reports whether a predicate ends with a preposition of place.
func locativeTail(pred string) bool {
	parts := strings.Split(pred, "_")
	return len(parts) > 1 && locativePreps[parts[len(parts)-1]]
}

// constrain puts the answers that meet the frame's time and place adjuncts
// first, keeping the others after them.
func constrain(as []kg.Answer, f kg.Frame) []kg.Answer {
	if f.Time == "" && f.Place == "" || len(as) < 2 {
		return as
	}
	want := adjunctWords(f.Time + " " + f.Place)
	slices.SortStableFunc(as, func(a, b kg.Answer) int { return adjunctHits(b, want) - adjunctHits(a, want) })
	return as
}

// adjunctWords returns the content words of an adjunct, lowercased.
func adjunctWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",.;:")
		if len(w) > 2 && !locativePreps[w] && w != "the" {
			out = append(out, w)
		}
	}
	return out
}

// timeAnswers answers when-questions from the facts that fit: each fact's
// time as the text gives it, else the time entity it points at, else its
// document's date (a weaker answer).
func (r *reader) timeAnswers(ctx context.Context, known string, facts []fact, keep func(fact) bool) ([]kg.Answer, error) {
	var out []kg.Answer
	index := map[string]int{}
	for _, x := range facts {
		if !keep(x) || x.Confidence < r.q.minConf {
			continue
		}
		ev, err := r.evidence(ctx, x.Sentence)
		if err != nil {
			return nil, err
		}
		label, score := trimPreposition(x.ValidTime), x.Confidence
		if !isTimeWords(strings.ToLower(label)) {
			label = "" // a time phrase the extractor misread
		}
		if label == "" {
			other := x.Object
			if other == known {
				other = x.Subject
			}
			e, err := r.entity(ctx, other)
			if err != nil {
				return nil, err
			}
			if isTimeWords(strings.ToLower(e.Label)) {
				label = e.Label
			}
		}
		if label == "" && ev.Date != "" {
			label, score = ev.Date, sentenceScore
		}
		if label == "" {
			continue
		}
		i, ok := index[label]
		if !ok {
			i = len(out)
			index[label] = i
			out = append(out, kg.Answer{Entity: kg.Entity{Label: label, Type: kg.Date}, Predicate: x.Predicate,
				PredicateID: x.PredicateID, Score: round3(score), Evidence: []kg.Evidence{}})
		}
		if len(out[i].Evidence) < MaxEvidence {
			out[i].Evidence = append(out[i].Evidence, ev)
		}
	}
	slices.SortStableFunc(out, func(a, b kg.Answer) int { return cmp.Compare(b.Score, a.Score) })
	return out, nil
}

// trimPreposition drops the preposition a time phrase starts with: "in
// August 1799" answers as "August 1799".
func trimPreposition(s string) string {
	if w, rest, ok := strings.Cut(s, " "); ok && locativePreps[strings.ToLower(w)] || ok && timePreps[strings.ToLower(w)] {
		return rest
	}
	return s
}

var timePreps = map[string]bool{"during": true, "since": true, "until": true, "by": true, "before": true, "after": true}

// mergeDirections joins the answers of a symmetric predicate that name the
// same entity in both directions (X met Y, Y met X) into the first one.
func mergeDirections(as []kg.Answer) []kg.Answer {
	type key struct {
		id, pred, modality string
		negated            bool
	}
	at := map[key]int{}
	out := as[:0]
	for _, a := range as {
		k := key{a.Entity.ID, a.Predicate, a.Modality, a.Negated}
		if i, ok := at[k]; ok && a.AttributedTo == nil && out[i].AttributedTo == nil {
			for _, ev := range a.Evidence {
				if len(out[i].Evidence) < MaxEvidence {
					out[i].Evidence = append(out[i].Evidence, ev)
				}
			}
			out[i].Score = max(out[i].Score, a.Score)
			continue
		}
		at[k] = len(out)
		out = append(out, a)
	}
	return out
}

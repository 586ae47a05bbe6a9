package queries

import (
	"context"
	"slices"
	"strings"

	"github.com/kgnews/kg"
)

// honorifics come before names without saying what a person does.
var honorifics = map[string]bool{"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "miss": true, "sir": true, "dame": true, "madam": true}

// answerWhoIs answers "Who is X?": the roles and descriptions the stored
// facts give (X is Y, Y is X, director_of), the titles X is named with, and
// the appositions and nominal predicates of the sentences that name X.
func (r *reader) answerWhoIs(ctx context.Context, res *kg.Result, f kg.Frame, subj *kg.Entity) error {
	res.Interpretation.Kind = KindWhoIs
	facts, err := r.facts(ctx, subj.ID, true, true, nil)
	if err != nil {
		return err
	}
	keep := func(x fact) bool {
		return x.Subject == subj.ID && isRoleFact(x.Predicate) || x.Object == subj.ID && x.Predicate == "be"
	}
	if res.Answers, _, err = r.answers(ctx, subj.ID, facts, keep, true, 0, MaxAnswers); err != nil {
		return err
	}
	res.Answers = withoutPronouns(res.Answers)
	seen := map[string]bool{}
	for _, a := range res.Answers {
		seen[strings.ToLower(a.Entity.Label)] = true
	}
	titles := titlesOf(subj)
	if t := titleBefore(subj.Label, f.Subject); t != "" {
		titles = append([]string{t}, titles...)
	}
	for _, t := range titles {
		if !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			res.Answers = append(res.Answers, kg.Answer{Entity: kg.Entity{Label: t, Type: kg.Role}, Predicate: "title", Score: sentenceScore, Evidence: []kg.Evidence{}})
		}
	}
	more, err := r.readRoles(ctx, f, subj)
	for _, a := range more {
		if !seen[strings.ToLower(a.Entity.Label)] {
			seen[strings.ToLower(a.Entity.Label)] = true
			res.Answers = append(res.Answers, a)
		}
	}
	// What X is (a copula, a title) before what X belongs to (director_of).
	slices.SortStableFunc(res.Answers, func(a, b kg.Answer) int { return roleRank(a) - roleRank(b) })
	if len(res.Answers) > 0 {
		res.Interpretation.Reading = "facts"
	}
	return err
}

// roleRank orders who-is answers: copulas and titles first, then the
// organizations of X_of facts, then roles read from sentences.
func roleRank(a kg.Answer) int {
	switch {
	case a.Predicate == "be" || a.Predicate == "hold_title" || a.Predicate == "title":
		return 0
	case strings.HasSuffix(a.Predicate, "_of"):
		return 1
	}
	return 2
}

// isRoleFact reports whether a predicate says what its subject is: a
// copula (X is a lawyer), a role of an organization (director_of) or a
// title.
func isRoleFact(p string) bool {
	return p == "be" || p == "title" || p == "role" || p == "hold_title" || strings.HasSuffix(p, "_of") && !strings.HasPrefix(p, "be_")
}

// titleBefore returns the words a label puts before the name asked about:
// "Vice President" when "Mondale" found "Vice President Mondale".
func titleBefore(label, asked string) string {
	asked = cleanName(asked)
	if asked == "" || len(label) <= len(asked) || !strings.HasSuffix(strings.ToLower(label), " "+strings.ToLower(asked)) {
		return ""
	}
	t := strings.TrimSpace(label[:len(label)-len(asked)])
	if honorifics[strings.ToLower(strings.Fields(t)[0])] {
		return ""
	}
	return t
}

// titlesOf returns the titles an entity's aliases put before its name:
// "Professor" of "Professor Cres Eastman", "Emperor" of "Emperor Joshua
// Norton" (the words of the name are dropped from the end).
func titlesOf(e *kg.Entity) []string {
	var out []string
	name := map[string]bool{}
	for _, w := range strings.Fields(e.Label) {
		name[strings.ToLower(w)] = true
	}
	for _, a := range e.Aliases {
		ws := strings.Fields(a)
		n := len(ws)
		for n > 0 && name[strings.ToLower(ws[n-1])] {
			n--
		}
		if n == len(ws) || n == 0 {
			continue // not the name with words before it
		}
		if first := strings.ToLower(ws[0]); !honorifics[first] && !articles[first] {
			out = append(out, strings.Join(ws[:n], " "))
		}
	}
	return out
}

// readRoles reads the sentences that name an entity for what they say it
// is: an apposition ("the Crown prosecutor, Mark Tedeschi"), a noun before
// the name ("interviewee David Titley"), or a nominal predicate ("X is the
// director of Y").
func (r *reader) readRoles(ctx context.Context, f kg.Frame, e *kg.Entity) ([]kg.Answer, error) {
	found, err := r.readNames(ctx, f, e, func(t *tree, h int, c docSentence) []sentenceAnswer {
		var out []sentenceAnswer
		for _, p := range t.rolesOf(h) {
			out = append(out, sentenceAnswer{phrase: p, sent: c, typ: kg.Role})
		}
		return out
	})
	if err != nil {
		return nil, err
	}
	as, err := r.phraseAnswers(ctx, f, found)
	for i := range as {
		as[i].Predicate = "role"
	}
	return as, err
}

// readNames parses the sentences that name an entity and collects what
// pick finds around each of its names (h: the name's head token).
func (r *reader) readNames(ctx context.Context, f kg.Frame, e *kg.Entity, pick func(t *tree, h int, c docSentence) []sentenceAnswer) ([]sentenceAnswer, error) {
	if r.q.qr == nil {
		return nil, nil
	}
	cands, err := r.candidates(ctx, e, predicateFamily{}, f.Words)
	if err != nil {
		return nil, err
	}
	var found []sentenceAnswer
	forms := nameForms(e)
	for _, c := range cands {
		s, err := r.q.qr.ParseSentence(ctx, c.text)
		if err != nil {
			return nil, err
		}
		t := newTree(s)
		for _, h := range t.nameHeads(forms) {
			found = append(found, pick(t, h, c)...)
		}
	}
	return found, nil
}

// nameHeads returns the heads of the proper-noun runs that spell one of the
// name forms.
func (t *tree) nameHeads(forms []string) []int {
	var out []int
	for i, tok := range t.s.Tokens {
		if tok.UPOS != "PROPN" || tok.Rel == "flat" || tok.Rel == "compound" && t.head(i) >= 0 && t.tok(t.head(i)).UPOS == "PROPN" {
			continue
		}
		if mentions(t.words(i), forms) {
			out = append(out, i)
		}
	}
	return out
}

// rolesOf returns what the sentence says the name headed at h is.
func (t *tree) rolesOf(h int) []string {
	var out []string
	add := func(i int) {
		if i >= 0 && t.tok(i).UPOS == "NOUN" {
			if p := t.phrase(i); p != "" && len(p) < 80 {
				out = append(out, p)
			}
		}
	}
	if t.rel(h) == "appos" {
		p := t.head(h)
		// "the mayor of Tromsø, Per Lund": the parser hangs the name on the
		// of-phrase's name rather than on the role noun
		if p >= 0 && t.tok(p).UPOS == "PROPN" && strings.HasPrefix(t.rel(p), "nmod") && t.head(p) >= 0 {
			p = t.head(p)
		}
		add(p)
	}
	if t.child(h, "cop") >= 0 { // "the first inhabitants of Coron were the Tagbanuas"
		add(t.child(h, "nsubj"))
	}
	for _, c := range t.kids[h] {
		switch t.rel(c) {
		case "appos":
			add(c)
		case "acl:relcl": // "Jason, who is our editor"
			if t.child(c, "cop") >= 0 {
				add(c)
			}
		case "nmod", "nmod:poss": // "Matthew Ingram of The Globe and Mail", "Demosisto's Nathan Law"
			if t.tok(c).UPOS == "PROPN" && (t.rel(c) == "nmod:poss" || t.caseOf(c) == "of") {
				out = append(out, t.phrase(c))
			}
		case "compound", "nmod:desc":
			if c < h && t.tok(c).UPOS == "NOUN" {
				out = append(out, t.s.Text[t.tok(c).Start:t.tok(c).End])
			}
		}
	}
	if strings.HasPrefix(t.rel(h), "nsubj") {
		p := t.head(h)
		if p >= 0 && t.child(p, "cop") >= 0 {
			add(p)
		}
		// "the King of Athens, Theseus unified …": an apposition the parser
		// made a second subject
		for _, c := range t.kids[max(p, 0)] {
			if p >= 0 && c < h && c != h && strings.HasPrefix(t.rel(c), "nsubj") && h > 0 && t.tok(h-1).Text == "," {
				out = append(out, t.phrase(c))
			}
		}
	}
	return out
}

// readPlaces answers "Where is X?" from the sentences that name X: the
// place its name is given with ("Taikoo of the Hong Kong Island
// constituency", "Coron in Palawan") or that a copula puts it in.
func (r *reader) readPlaces(ctx context.Context, f kg.Frame, e *kg.Entity) ([]kg.Answer, error) {
	found, err := r.readNames(ctx, f, e, func(t *tree, h int, c docSentence) []sentenceAnswer {
		var out []sentenceAnswer
		for _, p := range t.placesOf(h) {
			out = append(out, sentenceAnswer{phrase: t.phrase(p), head: t.tok(p).Text, sent: c})
		}
		return out
	})
	if err != nil {
		return nil, err
	}
	as, err := r.phraseAnswers(ctx, f, found)
	for i := range as {
		as[i].Predicate = "be_in"
	}
	return as, err
}

// placesOf returns the places the sentence locates the name headed at h in.
func (t *tree) placesOf(h int) []int {
	var out []int
	for _, c := range t.kids[h] {
		switch cs := t.caseOf(c); {
		case strings.HasPrefix(t.rel(c), "nmod") && (cs == "in" || cs == "of" || cs == "at" || cs == "near") && t.hasProper(c):
			out = append(out, c)
		case t.rel(c) == "appos":
			out = append(out, t.placesOf(c)...)
		}
	}
	if strings.HasPrefix(t.rel(h), "nsubj") { // "X is in Y"
		if p := t.head(h); p >= 0 && t.child(p, "cop") >= 0 && locativePreps[t.caseOf(p)] {
			out = append(out, p)
		}
	}
	return out
}

package queries

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/kgnews/kg"
)

// QuestionReader reads questions and sentences with the NLP pipeline, which
// queries does not import: cmd/kg passes an extract.Pipeline. ReadQuestion
// turns a question into a frame; ParseSentence tags and parses one
// sentence's text, for answers read from evidence sentences.
type QuestionReader interface {
	ReadQuestion(ctx context.Context, text string) (kg.Frame, error)
	ParseSentence(ctx context.Context, text string) (kg.Sentence, error)
}

// WithReader returns the service reading questions with r. Without one, Ask
// reads only the fixed question forms of ParseQuestion and answers from
// stored facts alone.
func (q *Service) WithReader(r QuestionReader) *Service {
	c := *q
	c.qr = r
	return &c
}

// askFrame answers a question the pipeline read into a frame.
func (q *Service) askFrame(ctx context.Context, question string, f kg.Frame) (*kg.Result, error) {
	res := &kg.Result{Question: question, Answers: []kg.Answer{}, Paths: []kg.Path{},
		Interpretation: kg.Interpretation{Kind: f.Kind, Predicate: f.Predicate, Slot: slotOf(f), Time: f.Time, Place: f.Place}}
	args, err := q.resolveArgs(ctx, f)
	if err != nil {
		return nil, err
	}
	res.Interpretation.Subject, res.Interpretation.Object = brief(args.subj), brief(args.obj)
	r := q.newReader()
	switch f.Kind {
	case kg.AskPath:
		if args.subj == nil || args.obj == nil {
			return nil, args.missing()
		}
		return res, r.answerPath(ctx, res, args)
	case kg.AskAbout, kg.AskBetween:
		if args.subj == nil || f.Kind == kg.AskBetween && args.obj == nil {
			return nil, args.missing()
		}
		return res, r.answerBetween(ctx, res, f, args)
	case kg.AskWhoIs:
		if args.subj == nil {
			return nil, args.missing()
		}
		return res, r.answerWhoIs(ctx, res, f, args.subj)
	}
	if args.known() == nil {
		// A phrase that names no entity ("iodine-containing sanitisers") is
		// looked for in the sentences of the documents themselves.
		if !args.asPhrases(f) || r.q.qr == nil {
			return nil, args.missing()
		}
		if err = r.answerFrame(ctx, res, f, args); err != nil {
			return nil, err
		}
		if len(res.Answers) == 0 {
			return nil, args.missing()
		}
		return res, nil
	}
	return res, r.answerReadings(ctx, res, f, args)
}

// answerPath answers path questions from chains of facts, and when there
// are none, or only chains through generic concepts ("organization"), puts
// first the named entities the two share sentences with.
func (r *reader) answerPath(ctx context.Context, res *kg.Result, args frameArgs) error {
	var err error
	if res.Paths, err = r.q.findPaths(ctx, r, args.subj.ID, args.obj.ID, DefaultMaxHops, DefaultMaxPaths); err != nil {
		return err
	}
	if len(res.Paths) > 0 && !onlyThroughConcepts(res.Paths) {
		res.Interpretation.Reading = "facts"
		return nil
	}
	shared, err := r.comentionPaths(ctx, args.subj, args.obj, DefaultMaxPaths)
	if err != nil {
		return err
	}
	if len(res.Paths) > 0 {
		res.Interpretation.Reading = "facts"
		shared = slices.DeleteFunc(shared, onlyThroughConcepts1)
	}
	if len(shared) > 0 {
		res.Interpretation.Reading = "sentences"
	}
	res.Paths = append(append([]kg.Path{}, shared...), res.Paths...)[:min(DefaultMaxPaths, len(shared)+len(res.Paths))]
	return nil
}

// answerBetween answers about and between questions; between falls back to
// the facts of one entity whose sentence names the other.
func (r *reader) answerBetween(ctx context.Context, res *kg.Result, f kg.Frame, args frameArgs) error {
	res.Interpretation.Kind = map[string]string{kg.AskAbout: KindAbout, kg.AskBetween: KindBetween}[f.Kind]
	err := r.answerAround(ctx, res, res.Interpretation.Kind, args.subj, args.obj)
	if err != nil || len(res.Answers) > 0 || f.Kind != kg.AskBetween {
		return err
	}
	res.Answers, err = r.factsNaming(ctx, args.subj, args.obj)
	if len(res.Answers) > 0 {
		res.Interpretation.Reading = "sentences"
	}
	return err
}

// answerReadings tries each reading of the known argument ("Norton's
// announcement": the whole phrase, Norton, the announcement), and last the
// words themselves in the documents of the entities they were taken for
// ("the Japanese": not the Japanese ships), until one gives answers.
func (r *reader) answerReadings(ctx context.Context, res *kg.Result, f kg.Frame, args frameArgs) error {
	alts, onSubject := args.objs, false
	if args.subj != nil {
		alts, onSubject = args.subjs, true
	}
	if phrase := (frameArgs{}); phrase.asPhrases(f) && r.q.qr != nil {
		if onSubject {
			alts = append(alts, phrase.subj)
		} else if phrase.obj != nil {
			alts = append(alts, phrase.obj)
		}
		for _, a := range alts[:len(alts)-1] {
			r.phraseDocs = append(r.phraseDocs, a.ID)
		}
	}
	for _, alt := range alts {
		try := args
		if onSubject {
			try.subj = alt
		} else {
			try.obj = alt
		}
		if err := r.answerFrame(ctx, res, f, try); err != nil {
			return err
		}
		if len(res.Answers) > 0 {
			res.Interpretation.Subject, res.Interpretation.Object = brief(try.subj), brief(try.obj)
			return nil
		}
	}
	return nil
}

// onlyThroughConcepts reports whether every path passes only through
// concepts between its two ends.
func onlyThroughConcepts(paths []kg.Path) bool {
	for _, p := range paths {
		if !onlyThroughConcepts1(p) {
			return false
		}
	}
	return true
}

// onlyThroughConcepts1 reports whether a path of more than one hop passes
// only through concepts.
func onlyThroughConcepts1(p kg.Path) bool {
	if len(p) < 2 {
		return false
	}
	for _, h := range p[:len(p)-1] {
		if h.To.Type != kg.Concept && h.From.Type != kg.Concept {
			return false
		}
	}
	return true
}

// slotOf names what the answer of a frame fills, as the interpretation
// shows it.
func slotOf(f kg.Frame) string {
	switch f.Kind {
	case kg.AskSubject:
		return "subject"
	case kg.AskObject, kg.AskYesNo:
		if f.Prep != "" {
			return "oblique:" + f.Prep
		}
		return "object"
	case kg.AskWhere:
		return "place"
	case kg.AskWhen:
		return "time"
	case kg.AskWhoIs:
		return "role"
	case kg.AskSay:
		return "statement"
	}
	return ""
}

// frameArgs are a frame's known arguments, resolved to entities where the
// graph holds them.
type frameArgs struct {
	subj, obj       *kg.Entity
	subjs, objs     []*kg.Entity // every entity a part of the phrase names, the whole phrase's first
	subjErr, objErr error        // why a written argument did not resolve
}

// known returns the entity the answer is read around: the known subject,
// else the known object.
func (a frameArgs) known() *kg.Entity {
	if a.subj != nil {
		return a.subj
	}
	return a.obj
}

// asPhrases stands a phrase entity, with no ID, for each written argument
// that resolved to nothing, and reports whether there is one.
func (a *frameArgs) asPhrases(f kg.Frame) bool {
	if f.Predicate == "" {
		return false
	}
	if a.subj == nil && f.Subject != "" {
		a.subj = &kg.Entity{Label: cleanName(f.Subject), Type: kg.Concept}
	}
	if a.obj == nil && f.Object != "" {
		a.obj = &kg.Entity{Label: cleanName(f.Object), Type: kg.Concept}
	}
	return a.known() != nil
}

// missing returns the error of an argument that did not resolve.
func (a frameArgs) missing() error {
	if a.subjErr != nil {
		return a.subjErr
	}
	if a.objErr != nil {
		return a.objErr
	}
	return invalidQuestion("the question names no entity")
}

// resolveArgs resolves the frame's written arguments. A phrase that names
// no entity as a whole is tried in its parts: each side of "and", the phrase
// without its of- or prepositional tail, the possessor, and its head noun.
func (q *Service) resolveArgs(ctx context.Context, f kg.Frame) (frameArgs, error) {
	var a frameArgs
	var err error
	if f.Subject != "" {
		if a.subjs, a.subjErr, err = q.resolveArg(ctx, f.Subject); err != nil {
			return a, err
		}
	}
	if f.Object != "" {
		if a.objs, a.objErr, err = q.resolveArg(ctx, f.Object); err != nil {
			return a, err
		}
	}
	if len(a.subjs) > 0 {
		a.subj = a.subjs[0]
	}
	if len(a.objs) > 0 {
		a.obj = a.objs[0]
	}
	return a, nil
}

// resolveArg returns the entities a phrase or its parts name, the whole
// phrase's first, or the name error of the whole phrase when none does; err
// is a failure of the store. An ambiguous part gives its candidates.
func (q *Service) resolveArg(ctx context.Context, phrase string) ([]*kg.Entity, error, error) {
	var first error
	var out []*kg.Entity
	seen := map[string]bool{}
	add := func(e kg.Entity) {
		if !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, &e)
		}
	}
	for _, cand := range argCandidates(phrase) {
		e, err := q.resolveName(ctx, cand)
		if err == nil {
			add(e)
			continue
		}
		var ne *NameError
		if errors.As(err, &ne) && ne.Ambiguous {
			for _, c := range ne.Candidates {
				add(c)
			}
		}
		if _, ok := err.(*NameError); !ok && kg.ErrorCode(err) != kg.ENOTFOUND && kg.ErrorCode(err) != kg.EINVALID {
			return nil, nil, err
		}
		if first == nil {
			first = err
		}
	}
	if len(out) > 0 {
		return out, nil, nil
	}
	return nil, first, nil
}

// argCandidates lists the phrases to try for an argument, longest first.
func argCandidates(phrase string) []string {
	out := []string{phrase}
	add := func(s string) {
		s = cleanName(s)
		for _, o := range out {
			if strings.EqualFold(o, s) {
				return
			}
		}
		if s != "" {
			out = append(out, s)
		}
	}
	words := strings.Fields(phrase)
	for _, w := range []string{"himself", "herself", "themselves", "itself"} {
		if len(words) > 1 && strings.EqualFold(words[0], w) {
			add(strings.Join(words[1:], " "))
		}
	}
	if l, _, ok := strings.Cut(phrase, " and "); ok {
		add(l)
	}
	for _, sep := range []string{" of ", " in ", " from ", " on ", " at ", " for ", " with ", " about "} {
		if l, _, ok := strings.Cut(phrase, sep); ok {
			add(l)
		}
	}
	if l, _, ok := strings.Cut(phrase, "'s "); ok {
		add(l)
	}
	if len(words) > 1 {
		add(words[len(words)-1])
	}
	return out
}

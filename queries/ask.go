package queries

import (
	"context"
	"sort"
	"strings"

	"github.com/kgnews/kg"
)

// Limits of Ask's answers.
const (
	MaxAnswers      = 50 // answers per question
	MaxEvidence     = 5  // evidence sentences per answer
	DefaultMaxHops  = 4  // longest path a path question looks for
	DefaultMaxPaths = 3  // paths a path question returns
)

// Ask answers a question in English from the graph, each answer with the
// sentences that support it. With a QuestionReader (WithReader) the
// pipeline reads the question into a frame, and answers that no stored
// fact gives are read from the evidence sentences again; without one, or
// when the reader cannot read the question, the fixed forms of
// ParseQuestion apply. Names resolve as in Resolve.
// Answers are ranked asserted facts first, then by how many documents and
// sentences support them and by confidence; negated, modal and reported
// facts come marked (Negated, Modality, AttributedTo), never as plain facts.
// A question that finds nothing returns a Result with no answers and no
// paths; a question it cannot read fails with kg.EINVALID, an unknown or
// ambiguous name with a *NameError.
func (q *Service) Ask(ctx context.Context, question string) (*kg.Result, error) {
	if q.qr != nil {
		f, err := q.qr.ReadQuestion(ctx, question)
		if err == nil {
			return q.askFrame(ctx, question, f)
		}
		if kg.ErrorCode(err) != kg.EINVALID {
			return nil, err
		}
	}
	return q.askPatterns(ctx, question)
}

// askPatterns answers a question read by the fixed forms of ParseQuestion.
func (q *Service) askPatterns(ctx context.Context, question string) (*kg.Result, error) {
	pq, err := ParseQuestion(question)
	if err != nil {
		return nil, err
	}
	res := &kg.Result{Question: question, Interpretation: kg.Interpretation{Kind: pq.Kind}, Answers: []kg.Answer{}, Paths: []kg.Path{}}
	var subj, obj *kg.Entity
	if pq.Subject != "" {
		e, err := q.resolveName(ctx, pq.Subject)
		for _, alt := range pq.Alternatives {
			if kg.ErrorCode(err) != kg.ENOTFOUND {
				break
			}
			if ae, ok, aerr := q.resolveStored(ctx, alt.Subject); aerr == nil && ok {
				e, err, pq = ae, nil, alt
			}
		}
		if err != nil {
			return nil, err
		}
		subj = &e
	}
	if pq.Object != "" {
		e, err := q.resolveName(ctx, pq.Object)
		if err != nil {
			return nil, err
		}
		obj = &e
	}
	res.Interpretation.Subject, res.Interpretation.Object = brief(subj), brief(obj)
	r := q.newReader()
	switch pq.Kind {
	case KindPath:
		res.Paths, err = q.findPaths(ctx, r, subj.ID, obj.ID, DefaultMaxHops, DefaultMaxPaths)
		return res, err
	case KindObject, KindSubject:
		err = r.answerPredicate(ctx, res, pq, subj, obj)
	case KindAbout, KindWhoIs, KindBetween:
		err = r.answerAround(ctx, res, pq.Kind, subj, obj)
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// brief returns the entity as interpretations show it: id, label, type and
// aliases.
func brief(e *kg.Entity) *kg.Entity {
	if e == nil {
		return nil
	}
	return &kg.Entity{ID: e.ID, Label: e.Label, Type: e.Type, Aliases: e.Aliases}
}

// answerPredicate answers object and subject questions: the facts with the
// known entity on one side and one of the question's predicates. The
// interpretation names the predicate the graph holds when the verb's lemma
// was ambiguous (vetoed → veto, not vetoe).
func (r *reader) answerPredicate(ctx context.Context, res *kg.Result, pq Question, subj, obj *kg.Entity) error {
	known, out := subj, true
	if pq.Kind == KindSubject {
		known, out = obj, false
	}
	facts, err := r.facts(ctx, known.ID, out, !out, pq.Predicates)
	if err != nil {
		return err
	}
	res.Interpretation.Predicate = pq.Predicate
	if len(facts) > 0 && canonicalPredicate[facts[0].Predicate] == "" && !containsPred(facts, pq.Predicate) {
		res.Interpretation.Predicate = facts[0].Predicate
	}
	res.Answers, _, err = r.answers(ctx, known.ID, facts, nil, false, 0, MaxAnswers)
	return err
}

func containsPred(facts []fact, p string) bool {
	for _, f := range facts {
		if f.Predicate == p {
			return true
		}
	}
	return false
}

// answerAround answers about, who_is and between questions: every fact of
// the entity (who_is: its roles and descriptions; between: those with the
// other entity), in both directions.
func (r *reader) answerAround(ctx context.Context, res *kg.Result, kind string, subj, obj *kg.Entity) error {
	facts, err := r.facts(ctx, subj.ID, true, true, nil)
	if err != nil {
		return err
	}
	var keep func(fact) bool
	switch kind {
	case KindWhoIs:
		keep = func(f fact) bool { return f.Subject == subj.ID && isRolePredicate(f.Predicate) }
	case KindBetween:
		keep = func(f fact) bool {
			return f.Subject == subj.ID && f.Object == obj.ID || f.Subject == obj.ID && f.Object == subj.ID
		}
	}
	res.Answers, _, err = r.answers(ctx, subj.ID, facts, keep, true, 0, MaxAnswers)
	return err
}

// isRolePredicate reports whether a predicate describes what its subject is:
// copulas (be, be_in) and roles (director_of, minister_of).
func isRolePredicate(p string) bool {
	return p == "be" || strings.HasPrefix(p, "be_") || strings.HasSuffix(p, "_of") || p == "title" || p == "role"
}

// answerKey groups facts into one answer: the same other entity, predicate,
// direction and status.
type answerKey struct {
	other, pred, modality, attributed string
	inverse, negated                  bool
}

type answerAcc struct {
	a     kg.Answer
	miss  float64 // product of (1 - confidence), for the noisy-or score
	docs  map[string]bool
	sents []string // the evidence sentences' IRIs, one per fact
}

// answers groups facts around the entity known into ranked answers and
// returns those from offset on, at most limit (all when limit is 0), with
// their evidence, and how many answers there are in all. mark sets Inverse
// on answers that are the subject of their fact.
func (r *reader) answers(ctx context.Context, known string, facts []fact, keep func(fact) bool, mark bool, offset, limit int) ([]kg.Answer, int, error) {
	accs, err := r.rank(ctx, known, facts, keep, mark)
	if err != nil {
		return nil, 0, err
	}
	page, err := r.page(ctx, accs, offset, limit)
	return page, len(accs), err
}

// rank groups facts around the entity known into answers without evidence,
// best first. Ranking needs only the facts and the documents of their
// sentences, so the sentences' text and the documents' titles and dates are
// left for page.
func (r *reader) rank(ctx context.Context, known string, facts []fact, keep func(fact) bool, mark bool) ([]*answerAcc, error) {
	groups := map[answerKey]*answerAcc{}
	var accs []*answerAcc
	for _, f := range facts {
		if keep != nil && !keep(f) || f.Confidence < r.q.minConf {
			continue
		}
		k := answerKey{other: f.Object, pred: f.Predicate, modality: f.Modality, attributed: f.AttributedTo, negated: f.Negated}
		if f.Subject != known {
			k.other, k.inverse = f.Subject, true
		}
		acc, ok := groups[k]
		if !ok {
			var err error
			if acc, err = r.newAnswer(ctx, k, f, mark); err != nil {
				return nil, err
			}
			groups[k] = acc
			accs = append(accs, acc)
		}
		acc.miss *= 1 - clamp01(f.Confidence)
		doc, err := r.sentenceDoc(ctx, f)
		if err != nil {
			return nil, err
		}
		acc.docs[doc] = true
		acc.sents = append(acc.sents, f.Sentence)
	}
	for _, acc := range accs {
		acc.a.Score = round3(1 - acc.miss)
	}
	sort.SliceStable(accs, func(i, j int) bool { return ranksBefore(accs[i], accs[j]) })
	return accs, nil
}

// page returns the ranked answers from offset on, at most limit (all when
// limit is 0), each with its best MaxEvidence sentences. It leaves accs as
// they are, so that they can be paged again.
func (r *reader) page(ctx context.Context, accs []*answerAcc, offset, limit int) ([]kg.Answer, error) {
	accs = accs[min(offset, len(accs)):]
	if limit > 0 && len(accs) > limit {
		accs = accs[:limit]
	}
	out := make([]kg.Answer, 0, len(accs))
	for _, acc := range accs {
		a := acc.a
		a.Evidence = make([]kg.Evidence, 0, len(acc.sents))
		for _, s := range acc.sents {
			ev, err := r.evidence(ctx, s)
			if err != nil {
				return nil, err
			}
			a.Evidence = append(a.Evidence, ev)
		}
		sortEvidence(a.Evidence)
		if len(a.Evidence) > MaxEvidence {
			a.Evidence = a.Evidence[:MaxEvidence]
		}
		out = append(out, a)
	}
	return out, nil
}

// newAnswer starts the answer of a group of facts, with the entities it
// shows.
func (r *reader) newAnswer(ctx context.Context, k answerKey, f fact, mark bool) (*answerAcc, error) {
	e, err := r.entity(ctx, k.other)
	if err != nil {
		return nil, err
	}
	acc := &answerAcc{miss: 1, docs: map[string]bool{}, a: kg.Answer{Entity: e, Predicate: f.Predicate,
		PredicateID: f.PredicateID, Negated: f.Negated, Modality: f.Modality, Inverse: k.inverse && mark, Evidence: []kg.Evidence{}}}
	if f.AttributedTo != "" {
		by, err := r.entity(ctx, f.AttributedTo)
		if err != nil {
			return nil, err
		}
		acc.a.AttributedTo = brief(&by)
	}
	return acc, nil
}

// ranksBefore orders answers: plain assertions first, then by documents,
// sentences and score, then by label.
func ranksBefore(x, y *answerAcc) bool {
	a, b := x.a, y.a
	if pa, pb := plain(a), plain(b); pa != pb {
		return pa
	}
	if len(x.docs) != len(y.docs) {
		return len(x.docs) > len(y.docs)
	}
	if len(x.sents) != len(y.sents) {
		return len(x.sents) > len(y.sents)
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.Entity.Label < b.Entity.Label
}

// plain reports whether an answer is a plain assertion by the text.
func plain(a kg.Answer) bool { return !a.Negated && a.Modality == "" && a.AttributedTo == nil }

func clamp01(f float64) float64 { return max(0, min(1, f)) }

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

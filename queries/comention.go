package queries

import (
	"context"
	"sort"
	"strings"

	"github.com/kgnews/kg"
)

// CoMentioned is the predicate of a hop read from sentences rather than
// from a fact: the two entities are named in one sentence.
const CoMentioned = "mentioned_with"

// middle is an entity two others share sentences with.
type middle struct {
	e            kg.Entity
	withX, withY []docSentence // the sentences that name it with each end
	concept      bool
}

// comentionPaths connects two entities that no chain of facts connects
// through the entities their sentences share: X is named in a sentence with
// Z, and Z in a sentence with Y, in a document that names both X and Y. The
// middle entities named in most such sentences come first; named entities
// before concepts. It returns at most limit two-hop paths.
func (r *reader) comentionPaths(ctx context.Context, x, y *kg.Entity, limit int) ([]kg.Path, error) {
	list, err := r.middles(ctx, x, y)
	if err != nil {
		return nil, err
	}
	var out []kg.Path
	for _, m := range list[:min(limit, len(list))] {
		ex, err := r.evidence(ctx, m.withX[0].iri)
		if err != nil {
			return nil, err
		}
		ey, err := r.evidence(ctx, m.withY[0].iri)
		if err != nil {
			return nil, err
		}
		out = append(out, kg.Path{
			{From: *brief(x), Predicate: CoMentioned, To: *brief(&m.e), Evidence: []kg.Evidence{ex}},
			{From: *brief(&m.e), Predicate: CoMentioned, To: *brief(y), Evidence: []kg.Evidence{ey}},
		})
	}
	return out, nil
}

// middles returns the entities named in a sentence with X and in one with
// Y, in documents that name both, ranked.
func (r *reader) middles(ctx context.Context, x, y *kg.Entity) ([]*middle, error) {
	sx, err := r.sentencesOf(ctx, x.ID)
	if err != nil {
		return nil, err
	}
	docsY, err := r.docsOf(ctx, y.ID)
	if err != nil {
		return nil, err
	}
	shared := map[string]bool{}
	for _, d := range docsY {
		shared[d] = true
	}
	fx, fy := nameForms(x), nameForms(y)
	mids := map[string]*middle{}
	for _, s := range sx {
		low := strings.ToLower(s.text)
		hasX, hasY := mentions(low, fx), mentions(low, fy)
		if !shared[s.doc] || !hasX && !hasY {
			continue
		}
		ents, err := r.docEntities(ctx, s.doc)
		if err != nil {
			return nil, err
		}
		for _, z := range ents {
			if z.ID == x.ID || z.ID == y.ID || isPronoun(z.Label) || !mentions(low, nameForms(&z)) {
				continue
			}
			m := mids[z.ID]
			if m == nil {
				m = &middle{e: z, concept: z.Type == kg.Concept}
				mids[z.ID] = m
			}
			if hasX {
				m.withX = append(m.withX, s)
			}
			if hasY {
				m.withY = append(m.withY, s)
			}
		}
	}
	return rankMiddles(mids), nil
}

// rankMiddles keeps the middles named with both ends, named entities
// before concepts, then by how many pairs of sentences join them.
func rankMiddles(mids map[string]*middle) []*middle {
	var list []*middle
	for _, m := range mids {
		if len(m.withX) > 0 && len(m.withY) > 0 {
			list = append(list, m)
		}
	}
	weight := func(m *middle) int { return len(m.withX) * len(m.withY) }
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.concept != b.concept {
			return !a.concept
		}
		if weight(a) != weight(b) {
			return weight(a) > weight(b)
		}
		return a.e.Label < b.e.Label
	})
	return list
}

// factsNaming answers "What happened between X and Y?" when no fact links
// them: the facts of each whose sentence names the other.
func (r *reader) factsNaming(ctx context.Context, x, y *kg.Entity) ([]kg.Answer, error) {
	var out []kg.Answer
	for _, pair := range [][2]*kg.Entity{{x, y}, {y, x}} {
		facts, err := r.facts(ctx, pair[0].ID, true, true, nil)
		if err != nil {
			return nil, err
		}
		forms := nameForms(pair[1])
		var keep []fact
		for _, f := range facts {
			ev, err := r.evidence(ctx, f.Sentence)
			if err != nil {
				return nil, err
			}
			if mentions(strings.ToLower(ev.Text), forms) {
				keep = append(keep, f)
			}
		}
		as, _, err := r.answers(ctx, pair[0].ID, keep, nil, true, 0, MaxAnswers)
		if err != nil {
			return nil, err
		}
		out = append(out, withoutPronouns(as)...)
	}
	return out[:min(len(out), MaxAnswers)], nil
}

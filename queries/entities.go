package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// Service runs queries over one store.
type Service struct {
	s       *graph.Store
	qr      QuestionReader // reads questions and sentences; nil: fixed forms only (see WithReader)
	minConf float64        // facts below this confidence answer nothing (see WithMinConfidence)
}

// DefaultMinConfidence is the confidence below which a stored fact answers
// no question. It is 0: judged on GUM dev, the extractor's confidence does
// not yet separate right facts from wrong ones (58% correct at any cut up to
// 0.35), so a default cut would hide more right facts than wrong ones.
const DefaultMinConfidence = 0

// New returns a Service over the store, with facts below
// DefaultMinConfidence hidden.
func New(s *graph.Store) *Service { return &Service{s: s, minConf: DefaultMinConfidence} }

// WithMinConfidence returns the service with facts below min hidden from
// answers and neighbor lists; 0 shows every fact.
func (q *Service) WithMinConfidence(min float64) *Service {
	c := *q
	c.minConf = min
	return &c
}

// EntityFilter selects entities for Entities. Zero fields select everything.
type EntityFilter struct {
	Prefix string        // label or alias starts with it, ignoring case
	Type   kg.EntityType // Person, Organization, Place, Event or Concept (any case)
	Limit  int           // at most this many; 0 means no limit
}

// Entities lists the entities that match the filter, most mentioned first
// (then by label), each with its IRI as ID. It reads the name index when
// it is built and current (kg serve), else every entity from the store.
func (q *Service) Entities(ctx context.Context, f EntityFilter) ([]kg.Entity, error) {
	typ, err := parseType(f.Type)
	if err != nil {
		return nil, err
	}
	prefix := strings.ToLower(f.Prefix)
	var out []kg.Entity
	keep := func(e kg.Entity) error {
		if typ != "" && e.Type != typ {
			return nil
		}
		if prefix != "" && !hasPrefix(e, prefix) {
			return nil
		}
		out = append(out, e)
		return nil
	}
	if ix := q.readyIndex(ctx); ix != nil {
		for _, e := range ix.ents {
			_ = keep(e)
		}
	} else if err := q.s.EachEntity(ctx, keep); err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		if a.Label != b.Label {
			return a.Label < b.Label
		}
		return a.ID < b.ID
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

func hasPrefix(e kg.Entity, prefix string) bool {
	if strings.HasPrefix(strings.ToLower(e.Label), prefix) {
		return true
	}
	for _, a := range e.Aliases {
		if strings.HasPrefix(strings.ToLower(a), prefix) {
			return true
		}
	}
	return false
}

func parseType(t kg.EntityType) (kg.EntityType, error) {
	if t == "" {
		return "", nil
	}
	for _, k := range []kg.EntityType{kg.Person, kg.Organization, kg.Place, kg.Event, kg.Concept} {
		if strings.EqualFold(string(t), string(k)) {
			return k, nil
		}
	}
	return "", kg.Errorf(kg.EINVALID, "unknown entity type %q: use Person, Organization, Place, Event or Concept", t)
}

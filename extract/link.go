package extract

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// RuleSurnameAcross names the merge a Linker makes, as it appears in an
// entity's Merges.
const RuleSurnameAcross = "surname across documents"

// People finds the people that earlier documents named in full, by family
// name (kg.FamilyName); graph.Store implements it. Their IDs are slugs.
type People interface {
	PeopleByFamilyName(ctx context.Context, family string) ([]kg.Entity, error)
}

// Linker joins people across documents: a person a document names only by a
// surname ("Tillerson", "Mr. Tillerson" once the title is stripped) becomes
// the one person that earlier documents, in the store or earlier in the same
// run, named in full with that family name. When several people share the
// family name, or none does, the surname stays its own entity: the merge is
// conservative, and each one is recorded in the entity's Merges. A document
// that names the person in full links within itself through coreference;
// the Linker only looks across documents.
//
// A Linker is for one goroutine: call Link on extractions in the order they
// are written.
type Linker struct {
	people People                       // the store; nil links within the run only
	seen   map[string]map[string]string // family name → slug → label, from this run
	stored map[string][]kg.Entity       // the store's answers, asked once per family name
}

// NewLinker returns a Linker over the people of a store (nil for none).
func NewLinker(people People) *Linker {
	return &Linker{people: people, seen: map[string]map[string]string{}, stored: map[string][]kg.Entity{}}
}

// Link rewrites x in place so that each person named by a lone surname
// carries the ID and label of the single full-named person it refers to, then
// remembers x's full-named people for the documents that follow.
func (l *Linker) Link(ctx context.Context, x *kg.Extraction) error {
	for i := 0; i < len(x.Entities); i++ {
		e := x.Entities[i]
		if !loneSurname(e) {
			continue
		}
		target, ok, err := l.match(ctx, e.Label)
		if err != nil {
			return fmt.Errorf("link %s: %w", e.Label, err)
		}
		if ok && target.ID != e.ID {
			if relink(x, i, target) {
				i-- // entity i was folded into another one
			}
		}
	}
	for _, e := range x.Entities {
		if fam := kg.FamilyName(e.Label); e.Type == kg.Person && fam != "" {
			if l.seen[fam] == nil {
				l.seen[fam] = map[string]string{}
			}
			l.seen[fam][e.ID] = e.Label
		}
	}
	return nil
}

// loneSurname reports whether e is a person named by one capitalized word.
func loneSurname(e kg.Entity) bool {
	if e.Type != kg.Person || strings.ContainsAny(e.Label, " \t") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(e.Label)
	return unicode.IsUpper(r) && utf8.RuneCountInString(e.Label) > 1
}

// match returns the one person with this family name, from the run and the
// store together.
func (l *Linker) match(ctx context.Context, family string) (kg.Entity, bool, error) {
	cands := map[string]string{}
	for id, label := range l.seen[family] {
		cands[id] = label
	}
	if l.people != nil {
		stored, ok := l.stored[family]
		if !ok {
			var err error
			if stored, err = l.people.PeopleByFamilyName(ctx, family); err != nil {
				return kg.Entity{}, false, err
			}
			l.stored[family] = stored // later documents of the run are in l.seen
		}
		for _, p := range stored {
			cands[p.ID] = p.Label
		}
	}
	if len(cands) != 1 {
		return kg.Entity{}, false, nil
	}
	for id, label := range cands {
		return kg.Entity{ID: id, Label: label, Type: kg.Person}, true, nil
	}
	return kg.Entity{}, false, nil
}

// relink gives entity i of x the target's ID and label, recording the merge,
// and points x's mentions and facts at it. When x already holds an entity
// with the target's ID, entity i is folded into it and removed, and relink
// reports true.
func relink(x *kg.Extraction, i int, target kg.Entity) (removed bool) {
	e := x.Entities[i]
	from := e.ID
	note := fmt.Sprintf("%s: %q -> %q", RuleSurnameAcross, e.Label, target.Label)
	k := slices.IndexFunc(x.Entities, func(o kg.Entity) bool { return o.ID == target.ID })
	if k >= 0 {
		into := &x.Entities[k]
		into.Aliases = appendNew(appendNew(into.Aliases, e.Label), e.Aliases...)
		into.Merges = appendNew(appendNew(into.Merges, e.Merges...), note)
		into.Mentions += e.Mentions
		x.Entities = slices.Delete(x.Entities, i, i+1)
		removed = true
	} else {
		e.Aliases = appendNew(e.Aliases, e.Label)
		e.Merges = appendNew(e.Merges, note)
		e.ID, e.Label = target.ID, target.Label
		x.Entities[i] = e
	}
	for j := range x.Mentions {
		if x.Mentions[j].Entity == from {
			x.Mentions[j].Entity = target.ID
		}
	}
	for j := range x.Facts {
		f := &x.Facts[j]
		for _, id := range []*string{&f.Subject, &f.Object, &f.AttributedTo} {
			if *id == from {
				*id = target.ID
			}
		}
	}
	return removed
}

// appendNew appends the values not yet in list.
func appendNew(list []string, vals ...string) []string {
	for _, v := range vals {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

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

// RuleSurnameAcross names the merge a Linker makes when a lone surname joins
// a person named in full before, as it appears in an entity's Merges.
const RuleSurnameAcross = "surname across documents"

// RuleFullNameAcross names the merge a Linker makes when a full name joins a
// person that earlier documents named only by its surname.
const RuleFullNameAcross = "full name across documents"

// People finds the people that earlier documents named with a family name
// (kg.FamilyName), and those they named only by it (labelled with the bare
// surname); graph.Store implements it. Their IDs are slugs.
type People interface {
	PeopleByFamilyName(ctx context.Context, family string) ([]kg.Entity, error)
}

// Linker joins people across documents, both ways. A person a document names
// only by a surname ("Tillerson", "Mr. Tillerson" once the title is
// stripped) becomes the one person that earlier documents, in the store or
// earlier in the same run, named in full with that family name (rule
// RuleSurnameAcross). A person a document names in full ("Ingrid Halvorsen")
// takes the slug of the one person earlier documents named only by that
// surname ("Halvorsen"), so that both documents' quads land on one node whose
// label is the full name (rule RuleFullNameAcross); it takes the slug of a
// person earlier named with the very same full name too. When several
// people share the family name, or none does, or the earlier person has
// other given names (John Adams, John Quincy Adams), or the document names
// two people of that family, nothing is joined: the merge is conservative,
// and each one is recorded in the entity's Merges. A document that names the
// person in full links within itself through coreference; the Linker only
// looks across documents.
//
// A Linker is for one goroutine: call Link on extractions in the order they
// are written.
type Linker struct {
	people People                       // the store; nil links within the run only
	seen   map[string]map[string]string // family name → slug → label (full, or the lone surname), from this run
	stored map[string][]kg.Entity       // the store's answers, asked once per family name
}

// NewLinker returns a Linker over the people of a store (nil for none).
func NewLinker(people People) *Linker {
	return &Linker{people: people, seen: map[string]map[string]string{}, stored: map[string][]kg.Entity{}}
}

// Link rewrites x in place so that each person named in full carries the ID
// of the single earlier person it names, and each person named by a lone
// surname carries the ID and label of the single full-named person it refers
// to; then it remembers x's people for the documents that follow.
func (l *Linker) Link(ctx context.Context, x *kg.Extraction) error {
	if err := l.linkFullNames(ctx, x); err != nil {
		return err
	}
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
		l.remember(e)
	}
	return nil
}

// remember notes a person of a linked document under its family name, a
// full label taking precedence over a lone surname for the same slug.
func (l *Linker) remember(e kg.Entity) {
	fam := kg.FamilyName(e.Label)
	if loneSurname(e) {
		fam = e.Label
	}
	if e.Type != kg.Person || fam == "" {
		return
	}
	if l.seen[fam] == nil {
		l.seen[fam] = map[string]string{}
	}
	if old, ok := l.seen[fam][e.ID]; !ok || old == fam {
		l.seen[fam][e.ID] = e.Label
	}
}

// linkFullNames gives each full-named person of x the slug of the one
// earlier person it can be (see earlier): one named with the same full name
// under another slug or, when no other person of x has its family name, one
// named only by that surname.
func (l *Linker) linkFullNames(ctx context.Context, x *kg.Extraction) error {
	fams := map[string]int{}
	for _, e := range x.Entities {
		if e.Type == kg.Person && kg.FamilyName(e.Label) != "" {
			fams[kg.FamilyName(e.Label)]++
		}
	}
	for i := 0; i < len(x.Entities); i++ {
		e := x.Entities[i]
		fam := kg.FamilyName(e.Label)
		if e.Type != kg.Person || fam == "" {
			continue
		}
		cands, err := l.candidates(ctx, fam)
		if err != nil {
			return fmt.Errorf("link %s: %w", e.Label, err)
		}
		if id, label, ok := earlier(cands, e, fam, fams[fam] == 1); ok && adopt(x, i, id, label) {
			i--
		}
	}
	return nil
}

// earlier picks, among the candidates under family name fam, the earlier
// person that the full-named person e is: the one with e's very name under
// another slug, or, when e is alone in its document with that family name,
// the single candidate and only if it was named by the surname alone (a
// candidate with other given names is someone else: John Adams is not John
// Quincy Adams). It picks none when e's own slug is a candidate already.
func earlier(cands map[string]string, e kg.Entity, fam string, alone bool) (id, label string, ok bool) {
	if _, ok := cands[e.ID]; ok {
		return "", "", false
	}
	n := 0
	for cid, cl := range cands {
		if strings.EqualFold(cl, e.Label) {
			id, label, n = cid, cl, n+1
		}
	}
	if n == 1 {
		return id, label, true
	}
	if n == 0 && alone && len(cands) == 1 {
		for cid, cl := range cands {
			return cid, cl, cl == fam
		}
	}
	return "", "", false
}

// loneSurname reports whether e is a person named by one capitalized word.
func loneSurname(e kg.Entity) bool {
	if e.Type != kg.Person || strings.ContainsAny(e.Label, " \t") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(e.Label)
	return unicode.IsUpper(r) && utf8.RuneCountInString(e.Label) > 1
}

// candidates returns the people under this family name, from the run and
// the store together, by slug: their full label, or the family name itself
// for those only named by it.
func (l *Linker) candidates(ctx context.Context, family string) (map[string]string, error) {
	cands := map[string]string{}
	add := func(id, label string) {
		if old, ok := cands[id]; !ok || old == family {
			cands[id] = label
		}
	}
	for id, label := range l.seen[family] {
		add(id, label)
	}
	if l.people != nil {
		stored, ok := l.stored[family]
		if !ok {
			var err error
			if stored, err = l.people.PeopleByFamilyName(ctx, family); err != nil {
				return nil, err
			}
			l.stored[family] = stored // later documents of the run are in l.seen
		}
		for _, p := range stored {
			add(p.ID, p.Label)
		}
	}
	return cands, nil
}

// match returns the one person named in full with this family name, from
// the run and the store together.
func (l *Linker) match(ctx context.Context, family string) (kg.Entity, bool, error) {
	cands, err := l.candidates(ctx, family)
	if err != nil {
		return kg.Entity{}, false, err
	}
	for id, label := range cands {
		if label == family {
			delete(cands, id) // named by the surname alone
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

// adopt gives entity i of x, a person named in full, the slug id of the
// earlier person labelled label, recording the merge when that label was a
// lone surname, and points x's mentions and facts at it. When x already
// holds an entity with that slug, it is folded into entity i and removed,
// and adopt reports true (entity i then sits one place earlier).
func adopt(x *kg.Extraction, i int, id, label string) (shifted bool) {
	e := x.Entities[i]
	from := e.ID
	e.ID = id
	if label != e.Label {
		e.Aliases = appendNew(e.Aliases, label)
		e.Merges = appendNew(e.Merges, fmt.Sprintf("%s: %q -> %q", RuleFullNameAcross, label, e.Label))
	}
	k := slices.IndexFunc(x.Entities, func(o kg.Entity) bool { return o.ID == id })
	if k >= 0 {
		o := x.Entities[k]
		e.Aliases = appendNew(appendNew(e.Aliases, o.Label), o.Aliases...)
		e.Merges = appendNew(e.Merges, o.Merges...)
		e.Mentions += o.Mentions
	}
	x.Entities[i] = e
	if k >= 0 {
		x.Entities = slices.Delete(x.Entities, k, k+1)
		shifted = k < i
	}
	repoint(x, from, id)
	return shifted
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
	repoint(x, from, target.ID)
	return removed
}

// repoint points x's mentions and facts of entity from at entity to.
func repoint(x *kg.Extraction, from, to string) {
	for j := range x.Mentions {
		if x.Mentions[j].Entity == from {
			x.Mentions[j].Entity = to
		}
	}
	for j := range x.Facts {
		f := &x.Facts[j]
		for _, id := range []*string{&f.Subject, &f.Object, &f.AttributedTo} {
			if *id == from {
				*id = to
			}
		}
	}
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

package queries

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// MaxCandidates is how many entities an ambiguous or unknown name lists.
const MaxCandidates = 5

// NameError is the failure to resolve a name: nothing matched (kg.ENOTFOUND,
// with suggestions for misspellings in Candidates) or several entities did
// (kg.EINVALID, Ambiguous, the entities in Candidates). It unwraps to a
// *kg.Error, so kg.ErrorCode and kg.ErrorMessage work on it.
type NameError struct {
	Name       string      // the name as asked
	Ambiguous  bool        // several entities have this name
	Candidates []kg.Entity // the entities it may mean, most mentioned first
	err        *kg.Error
}

// Error returns the user-facing message with its code.
func (e *NameError) Error() string { return e.err.Error() }

// Unwrap returns the *kg.Error with the code and message.
func (e *NameError) Unwrap() error { return e.err }

func newNameError(name string, ambiguous bool, cands []kg.Entity) *NameError {
	var names []string
	for _, c := range cands {
		names = append(names, fmt.Sprintf("%s (%s)", c.Label, c.Type))
	}
	e := &NameError{Name: name, Ambiguous: ambiguous, Candidates: cands}
	switch {
	case ambiguous:
		e.err = kg.Errorf(kg.EINVALID, "%q may be %s: ask again with the full name", name, strings.Join(names, ", or "))
	case len(cands) > 0:
		e.err = kg.Errorf(kg.ENOTFOUND, "no entity named %q; did you mean %s?", name, strings.Join(names, ", or "))
	default:
		e.err = kg.Errorf(kg.ENOTFOUND, "no entity named %q", name)
	}
	return e
}

// Resolve returns the entity a name stands for. Names match labels and
// aliases ignoring case, dots and a leading "the" ("the U.S." finds an entity
// with the alias "US"); a name that only some labels contain as whole words
// ("Tillerson") finds the entity when it is the only one. A name that matches
// nothing fails with a *NameError of code kg.ENOTFOUND that suggests close
// names ("Tilerson" → Rex Tillerson); one that several entities share fails
// with kg.EINVALID and lists them. An entity IRI resolves to itself.
func (q *Service) Resolve(ctx context.Context, name string) (kg.Entity, error) {
	if strings.HasPrefix(name, q.s.Base()+"entity/") || strings.HasPrefix(name, "<") && strings.HasSuffix(name, ">") {
		iri := strings.TrimSuffix(strings.TrimPrefix(name, "<"), ">")
		iri = graph.ExpandQuery(q.s.Base(), "<"+iri+">")
		iri = iri[1 : len(iri)-1]
		if ix := q.readyIndex(ctx); ix != nil {
			if i, ok := ix.byID[iri]; ok {
				return ix.ents[i], nil
			}
		}
		e, ok, err := q.s.Entity(ctx, iri)
		if err != nil {
			return kg.Entity{}, fmt.Errorf("resolve %s: %w", name, err)
		}
		if !ok {
			return kg.Entity{}, newNameError(name, false, nil)
		}
		return e, nil
	}
	return q.resolveName(ctx, name)
}

// resolveName looks the name up in the store first, as written and in
// common case variants (an index lookup, always fresh and cheap), and only
// when that finds no single entity in the name index, which handles case,
// dots, surnames, ambiguity and misspellings but costs a scan of every
// entity the first time and after each change of the store.
func (q *Service) resolveName(ctx context.Context, name string) (kg.Entity, error) {
	e, ok, err := q.resolveStored(ctx, name)
	if err != nil || ok {
		return e, err
	}
	ix, err := q.index(ctx)
	if err != nil {
		return kg.Entity{}, err
	}
	return ix.resolve(name)
}

// resolveStored returns the one entity whose stored label or alias is the
// name as written, without a leading "the", or in title, upper or lower
// case; ok is false when none or several are.
func (q *Service) resolveStored(ctx context.Context, name string) (kg.Entity, bool, error) {
	prefix := q.s.Base() + "entity/"
	found := map[string]bool{}
	for _, v := range spellings(name) {
		err := graph.EachQuad(ctx, q.s.QuadStore(), quad.Object, quad.String(v), func(qd quad.Quad) error {
			if qd.Predicate != rdfsLabel && qd.Predicate != skosAltLabel {
				return nil
			}
			if iri, ok := qd.Subject.(quad.IRI); ok && strings.HasPrefix(string(iri), prefix) {
				found[string(iri)] = true
			}
			return nil
		})
		if err != nil {
			return kg.Entity{}, false, fmt.Errorf("resolve %q: %w", name, err)
		}
	}
	if len(found) != 1 {
		return kg.Entity{}, false, nil
	}
	for iri := range found {
		e, ok, err := q.s.Entity(ctx, iri)
		if err != nil {
			return kg.Entity{}, false, fmt.Errorf("resolve %q: %w", name, err)
		}
		return e, ok, nil
	}
	return kg.Entity{}, false, nil
}

var (
	rdfsLabel    = quad.IRI(graph.NSRDFS + "label")
	skosAltLabel = quad.IRI(graph.NSSKOS + "altLabel")
)

// spellings returns the forms of a name to look up as stored: as written,
// without a leading "the", and in title, upper and lower case.
func spellings(name string) []string {
	name = strings.Join(strings.Fields(name), " ")
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, n := range []string{name, cleanName(name)} {
		add(n)
		add(titleCase(n))
		add(strings.ToUpper(n))
		add(strings.ToLower(n))
	}
	return out
}

// titleCase capitalizes the first letter of each word.
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// Complete returns up to limit entities whose label or an alias starts with
// prefix (ignoring case and dots), most mentioned first: the search box's
// autocomplete. It reads an in-memory index of names that is rebuilt when the
// store changes.
func (q *Service) Complete(ctx context.Context, prefix string, limit int) ([]kg.Entity, error) {
	ix, err := q.index(ctx)
	if err != nil {
		return nil, err
	}
	return ix.complete(prefix, limit), nil
}

// foldName lowercases a name, drops dots, apostrophes, a leading "the" and
// extra spaces: "The U.S." and "us" fold alike.
func foldName(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '.' || r == '\'' || r == '’':
		case unicode.IsSpace(r) || r == '-' || r == ',' || r == '_':
			if !space {
				b.WriteByte(' ')
				space = true
			}
		default:
			b.WriteRune(r)
			space = false
		}
	}
	out := strings.TrimSpace(b.String())
	if t, ok := strings.CutPrefix(out, "the "); ok && t != "" {
		out = t
	}
	return out
}

// nameEntry is one folded label or alias of an entity.
type nameEntry struct {
	key   string
	ent   int32 // index into nameIndex.ents
	label bool  // the entity's label, not an alias
}

// nameIndex finds entities by folded name, name prefix, word and spelling.
type nameIndex struct {
	ents    []kg.Entity
	byID    map[string]int32   // entity IRI → index into ents
	names   []nameEntry        // sorted by key
	byWord  map[string][]int32 // word of a label or alias → entities
	words   []string           // every word, for spelling suggestions
	byFirst map[byte][]int32   // first byte of a word → indexes into words
}

func newNameIndex(ents []kg.Entity) *nameIndex {
	ix := &nameIndex{ents: ents, byID: make(map[string]int32, len(ents)), byWord: map[string][]int32{}, byFirst: map[byte][]int32{}}
	for i, e := range ents {
		ix.byID[e.ID] = int32(i)
		seen := map[string]bool{}
		for j, n := range append([]string{e.Label}, e.Aliases...) {
			k := foldName(n)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			ix.names = append(ix.names, nameEntry{key: k, ent: int32(i), label: j == 0})
			for _, w := range strings.Fields(k) {
				list := ix.byWord[w]
				if len(list) == 0 || list[len(list)-1] != int32(i) {
					ix.byWord[w] = append(list, int32(i))
				}
			}
		}
	}
	sort.Slice(ix.names, func(i, j int) bool { return ix.names[i].key < ix.names[j].key })
	for w := range ix.byWord {
		ix.words = append(ix.words, w)
	}
	sort.Strings(ix.words)
	for i, w := range ix.words {
		ix.byFirst[w[0]] = append(ix.byFirst[w[0]], int32(i))
	}
	return ix
}

// exact returns the entries whose key is k.
func (ix *nameIndex) exact(k string) []nameEntry {
	i := sort.Search(len(ix.names), func(i int) bool { return ix.names[i].key >= k })
	j := i
	for j < len(ix.names) && ix.names[j].key == k {
		j++
	}
	return ix.names[i:j]
}

func (ix *nameIndex) resolve(name string) (kg.Entity, error) {
	k := foldName(name)
	if k == "" {
		return kg.Entity{}, newNameError(name, false, nil)
	}
	if hits := ix.exact(k); len(hits) > 0 {
		hits = ix.preferNamed(hits)
		var labels, all []int32
		for _, h := range hits {
			all = appendUnique(all, h.ent)
			if h.label {
				labels = appendUnique(labels, h.ent)
			}
		}
		if len(labels) == 1 && len(all) == 2 {
			other := all[0]
			if other == labels[0] {
				other = all[1]
			}
			if fullNameOf(ix.ents[other], ix.ents[labels[0]]) {
				return ix.ents[other], nil // "Halvorsen": Ingrid Halvorsen, not a document's bare surname
			}
		}
		if len(labels) == 1 {
			return ix.ents[labels[0]], nil
		}
		if len(all) == 1 {
			return ix.ents[all[0]], nil
		}
		return kg.Entity{}, newNameError(name, true, ix.top(all))
	}
	if ents := ix.withWords(strings.Fields(k)); len(ents) == 1 {
		return ix.ents[ents[0]], nil
	} else if len(ents) > 1 {
		return kg.Entity{}, newNameError(name, true, ix.top(ents))
	}
	return kg.Entity{}, newNameError(name, false, ix.suggest(k))
}

// fullNameOf reports whether full is the person that a bare surname entity
// short stands for: short's label is one word and full's label ends with it.
// Documents that name a person by surname alone leave such entities behind,
// since names resolve within a document.
func fullNameOf(full, short kg.Entity) bool {
	ws := strings.Fields(full.Label)
	return full.Type == kg.Person && (short.Type == kg.Person || short.Type == kg.Concept) &&
		len(ws) > 1 && !strings.Contains(short.Label, " ") && foldName(ws[len(ws)-1]) == foldName(short.Label)
}

// preferNamed drops Concept entities from hits that also hold a person,
// organization, place or event: a bare surname the extractor left as a
// concept ("Halvorsen") should not hide the person it names.
func (ix *nameIndex) preferNamed(hits []nameEntry) []nameEntry {
	var named []nameEntry
	for _, h := range hits {
		if t := ix.ents[h.ent].Type; t != kg.Concept && t != "" {
			named = append(named, h)
		}
	}
	if len(named) == 0 {
		return hits
	}
	return named
}

// withWords returns the entities one of whose names has every word.
func (ix *nameIndex) withWords(words []string) []int32 {
	if len(words) == 0 {
		return nil
	}
	out := append([]int32(nil), ix.byWord[words[0]]...)
	for _, w := range words[1:] {
		has := map[int32]bool{}
		for _, e := range ix.byWord[w] {
			has[e] = true
		}
		kept := out[:0]
		for _, e := range out {
			if has[e] {
				kept = append(kept, e)
			}
		}
		out = kept
	}
	return out
}

func appendUnique(list []int32, e int32) []int32 {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

// top returns the entities, most mentioned first, at most MaxCandidates.
func (ix *nameIndex) top(ents []int32) []kg.Entity {
	out := make([]kg.Entity, 0, len(ents))
	for _, e := range ents {
		out = append(out, ix.ents[e])
	}
	sortEntities(out)
	if len(out) > MaxCandidates {
		out = out[:MaxCandidates]
	}
	return out
}

func sortEntities(es []kg.Entity) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Mentions != es[j].Mentions {
			return es[i].Mentions > es[j].Mentions
		}
		if es[i].Label != es[j].Label {
			return es[i].Label < es[j].Label
		}
		return es[i].ID < es[j].ID
	})
}

func (ix *nameIndex) complete(prefix string, limit int) []kg.Entity {
	k := foldName(prefix)
	if k == "" {
		return nil
	}
	i := sort.Search(len(ix.names), func(i int) bool { return ix.names[i].key >= k })
	var ents []int32
	seen := map[int32]bool{}
	const scanCap = 5000 // bounds the work for a one-letter prefix on a large graph
	for ; i < len(ix.names) && strings.HasPrefix(ix.names[i].key, k) && len(ents) < scanCap; i++ {
		if e := ix.names[i].ent; !seen[e] {
			seen[e] = true
			ents = append(ents, e)
		}
	}
	out := make([]kg.Entity, 0, len(ents))
	for _, e := range ents {
		out = append(out, ix.ents[e])
	}
	sortEntities(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

package entityeval

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Entity is one gold entity of a document.
type Entity struct {
	Key   string          // document ID and entity ID, joined by a NUL
	Doc   string          // the document's ID
	Type  string          // GUM's type: person, place, organization, event, …
	Label string          // its Wikipedia identity, else its most shown proper name
	Ident string          // its Wikipedia identity, or ""
	Core  bool            // whether its type is scored
	N     int             // its mentions
	names map[string]bool // normalized names: proper-name mentions, their cores and the identity
	desc  map[string]bool // normalized descriptions: its other short mentions
	cores []string        // normalized proper-noun runs, in the order first seen
	shown counter         // the proper-noun runs as written
}

// Gold holds the gold entities of some documents: the named ones (with a
// proper-name mention) and the others, in the order first mentioned.
type Gold struct {
	Named []*Entity
	Other []*Entity
}

// Gold returns the gold entities of the documents with these IDs.
func (c *Corpus) Gold(docs []string) Gold {
	var all []*Entity
	byKey := map[string]*Entity{}
	for _, d := range docs {
		doc := c.byID[d]
		if doc == nil {
			continue
		}
		for _, m := range mentions(doc.Sents) {
			key := d + "\x00" + m.eid
			g := byKey[key]
			if g == nil {
				g = &Entity{Key: key, Doc: d, Type: m.etype, names: map[string]bool{}, desc: map[string]bool{}}
				byKey[key] = g
				all = append(all, g)
			}
			g.add(m)
		}
		for _, g := range all {
			if g.Doc == d && g.Ident != "" && len(g.names) > 0 {
				g.names[Norm(identityName(g.Ident))] = true
			}
		}
	}
	var out Gold
	for _, g := range all {
		if len(g.names) == 0 {
			out.Other = append(out.Other, g)
			continue
		}
		g.finish(c.Types)
		out.Named = append(out.Named, g)
	}
	return out
}

// add records one mention of the entity.
func (g *Entity) add(m mention) {
	g.N++
	if m.ident != "" && g.Ident == "" {
		g.Ident = unquote(m.ident)
	}
	h := headOf(m.toks)
	runs := propnRuns(m.toks, m.uncovered)
	if m.toks[h].UPOS == "PROPN" {
		runs = [][]int{headRun(m.toks, h)}
		g.names[Norm(textOf(m.toks))] = true
	}
	if len(runs) > 0 {
		for _, r := range runs {
			raw := textOf(m.toks[r[0] : r[len(r)-1]+1])
			if core := Norm(raw); core != "" {
				g.names[core] = true
				if !slices.Contains(g.cores, core) {
					g.cores = append(g.cores, core)
				}
				g.shown.add(raw)
			}
		}
	} else if u := m.toks[h].UPOS; u != "PRON" && u != "DET" && len(m.toks) <= 8 {
		g.desc[Norm(textOf(m.toks))] = true
	}
}

// finish sets the label and the scored flag and drops descriptions that are
// names.
func (g *Entity) finish(types map[string]bool) {
	g.Core = types[g.Type]
	switch {
	case g.Ident != "":
		g.Label = strings.ReplaceAll(identityName(g.Ident), "_", " ")
	case len(g.shown.order) > 0:
		g.Label = g.shown.mostCommon()
	default:
		g.Label = sortedKeys(g.names)[0]
	}
	for n := range g.names {
		delete(g.desc, n)
	}
	delete(g.desc, "")
	delete(g.names, "")
}

// longest is the entity's longest name, the first in sorted order on ties.
func (g *Entity) longest() string {
	best := ""
	for _, n := range sortedKeys(g.names) {
		if utf8.RuneCountInString(n) > utf8.RuneCountInString(best) {
			best = n
		}
	}
	return best
}

// clusters maps each named gold entity's key to its cluster: entities that
// share a Wikipedia identity, or their type and longest name, are one
// (GUM sometimes splits a museum in two; in one store, documents share
// entities), unless their identities differ.
func clusters(named []*Entity) map[string]string {
	parent := map[string]string{}
	ent := map[string]*Entity{}
	for _, g := range named {
		parent[g.Key], ent[g.Key] = g.Key, g
	}
	find := func(k string) string {
		for parent[k] != k {
			parent[k] = parent[parent[k]]
			k = parent[k]
		}
		return k
	}
	var order []string
	by := map[string][]string{}
	put := func(k, key string) {
		if _, ok := by[k]; !ok {
			order = append(order, k)
		}
		by[k] = append(by[k], key)
	}
	for _, g := range named {
		if g.Ident != "" {
			put("id:"+g.Ident, g.Key)
		}
		put("nm:"+g.Type+":"+g.longest(), g.Key)
	}
	for _, k := range order {
		ks := by[k]
		for _, key := range ks[1:] {
			a, b := find(ks[0]), find(key)
			if a == b {
				continue
			}
			if ia, ib := ent[a].Ident, ent[b].Ident; ia != "" && ib != "" && ia != ib {
				continue
			}
			parent[b] = a
		}
	}
	out := make(map[string]string, len(named))
	for _, g := range named {
		out[g.Key] = find(g.Key)
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

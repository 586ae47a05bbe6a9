package entityeval

import (
	"slices"
)

// nodeRow is how one node matched.
type nodeRow struct {
	typ      bool   // whether the node has a named type
	real     bool   // whether some name of it matches a gold entity
	prim     string // its primary cluster, "" when none
	typeOK   bool   // whether it has the primary cluster's type
	badLabel bool   // whether its label is not an exact name of its primary cluster
	merge    bool   // whether it holds names unique to two clusters
}

// Score matches the nodes of a graph against gold entities of the
// documents and counts what Stats counts. Gold entities are clustered as
// the shared script does (see clusters).
func Score(g Gold, nodes []Node) Stats {
	clus := clusters(g.Named)
	ix := newIndex(g, clus)
	hits := map[string][]nodeRow{}
	var st Stats
	for _, n := range nodes {
		r, all := ix.node(n)
		for _, c := range all {
			hits[c] = append(hits[c], r)
		}
		if r.merge {
			st.MergesAny++
		}
		if !r.typ {
			continue
		}
		st.KG++
		if r.real {
			st.Real++
		}
		if r.merge {
			st.Merges++
		}
		if r.prim != "" {
			st.Matched++
			if r.typeOK {
				st.TypeOK++
			}
			if r.badLabel {
				st.BadLabel++
			}
			if r.typeOK && !r.badLabel && !r.merge {
				st.Clean++
			}
		}
	}
	ix.countGold(&st, hits)
	return st
}

// countGold counts the scored gold clusters and how the nodes found them.
func (ix *index) countGold(st *Stats, hits map[string][]nodeRow) {
	for _, c := range ix.order {
		if !ix.goldOf[c].Core {
			continue
		}
		st.Gold++
		namedNodes := 0
		for _, r := range hits[c] {
			if r.typ {
				namedNodes++
			}
		}
		switch {
		case namedNodes > 0:
			st.Recalled++
		case len(hits[c]) > 0:
			st.ConceptOnly++
		}
		if len(hits[c]) > 0 {
			st.RecalledAny++
		}
		if namedNodes > 1 {
			st.Splits++
		}
	}
}

// node matches one node's label and aliases and returns its row and every
// cluster any of its names matches.
func (ix *index) node(n Node) (nodeRow, []string) {
	names := append([]string{n.Label}, n.Aliases...)
	var all []string
	uniq := map[string]bool{}
	votes := counter{}
	var labKind string
	var labC []string
	for i, name := range names {
		kind, cs := ix.match(name)
		if i == 0 {
			labKind, labC = kind, cs
		}
		for _, c := range cs {
			all = addSorted(all, c)
			votes.add(c)
		}
		if len(cs) == 1 && (kind == "exact" || kind == "superset") {
			uniq[cs[0]] = true
		}
	}
	r := nodeRow{typ: named(n.Type), real: len(all) > 0, merge: len(uniq) > 1}
	switch {
	case len(labC) > 0:
		r.prim = labC[0]
	case len(all) > 0:
		r.prim = votes.mostCommon()
	}
	if r.prim != "" {
		r.typeOK = typeOf[ix.goldOf[r.prim].Type] == n.Type
		r.badLabel = labKind != "exact" || !slices.Contains(labC, r.prim)
	}
	return r, all
}

package coref

import (
	"slices"
	"sort"
	"strings"

	"github.com/kgnews/kg"
)

// pass is one sieve: it decides whether mention m, first of its cluster,
// refers to the same entity as the earlier candidate a.
type pass struct {
	name         string
	nominal      bool // skips pronouns and indefinite noun phrases
	window       int  // sentences to look back; 0 for the whole document
	sameSentence bool // looks in m's own sentence only
	link         func(r *resolver, m, a *ment) bool
	gate         func(r *resolver, m *ment) bool // a cheap test that m may link at all; nil for always
	bestOnly     bool                            // rank every compatible candidate by salience instead of taking the first
	sameHead     bool                            // links only to clusters with a mention of m's head word
}

// passes are run in order, most precise first.
var passes = []pass{
	{name: "speaker", link: (*resolver).speaker,
		gate: func(r *resolver, m *ment) bool { return m.Pronoun && m.pron.person != 3 }},
	{name: "exact", nominal: true, link: (*resolver).exactMatch,
		gate: func(r *resolver, m *ment) bool { return r.texts[strings.Join(m.words, " ")] > 1 }},
	{name: "appositive", link: (*resolver).appositive, sameSentence: true,
		gate: func(r *resolver, m *ment) bool { return baseRel(m.rel) == "appos" }},
	{name: "role-appositive", link: (*resolver).roleAppositive, sameSentence: true,
		gate: func(r *resolver, m *ment) bool { return m.Named }},
	{name: "predicate", link: (*resolver).predicative, sameSentence: true,
		gate: func(r *resolver, m *ment) bool { return hasChild(r.trees[m.Sentence], m.synHead, "cop") }},
	{name: "acronym", nominal: true, link: func(r *resolver, m, a *ment) bool { return acronym(m, a) || acronym(a, m) },
		gate: func(r *resolver, m *ment) bool { return r.hasAcronym && (m.Named || m.headPOS == "PROPN") }},
	{name: "strict-head", nominal: true, link: func(r *resolver, m, a *ment) bool { return r.strictHead(m, a, true, true) },
		gate: (*resolver).headRepeats, sameHead: true},
	{name: "strict-head-nomod", nominal: true, link: func(r *resolver, m, a *ment) bool { return r.strictHead(m, a, false, true) },
		gate: (*resolver).headRepeats, sameHead: true},
	{name: "proper-head", nominal: true, link: (*resolver).properHead,
		gate: func(r *resolver, m *ment) bool { return m.Named && (r.headRepeats(m) || roleTitles[m.head]) }},
	{name: "role-title", nominal: true, link: (*resolver).roleTitle,
		gate: func(r *resolver, m *ment) bool { return roleTitles[m.head] }},
	{name: "pronoun", window: 3, link: (*resolver).pronounLink, bestOnly: true,
		gate: func(r *resolver, m *ment) bool { return m.Pronoun && m.pron.person == 3 && !m.pron.demonstr }},
}

// run applies every pass.
func (r *resolver) run() {
	bySent := r.salienceOrder()
	r.quoteSpeakers()
	for _, p := range passes {
		for _, m := range r.ms {
			if r.members[r.cl[m.idx]][0] != m.idx {
				continue // only the first mention of a cluster looks back
			}
			if p.nominal && (m.Pronoun || m.indef) || p.gate != nil && !p.gate(r, m) {
				continue
			}
			if a := r.find(p, m, bySent); a != nil {
				if r.trace != nil {
					r.trace(p.name, m, a)
				}
				r.merge(r.cl[a.idx], r.cl[m.idx])
			}
		}
	}
}

// headRepeats reports whether another mention that is not a pronoun has
// m's head word.
func (r *resolver) headRepeats(m *ment) bool { return r.heads[m.head] > 1 }

// salienceOrder returns each sentence's mentions ordered shallowest first,
// then left to right, the order a breadth-first walk of the tree visits them.
func (r *resolver) salienceOrder() [][]*ment {
	out := make([][]*ment, len(r.sents))
	for _, m := range r.ms {
		out[m.Sentence] = append(out[m.Sentence], m)
	}
	for _, s := range out {
		sort.SliceStable(s, func(i, j int) bool {
			if s[i].depth != s[j].depth {
				return s[i].depth < s[j].depth
			}
			return s[i].Start < s[j].Start
		})
	}
	return out
}

// find returns the antecedent pass p links m to, or nil.
func (r *resolver) find(p pass, m *ment, bySent [][]*ment) *ment {
	var best *ment
	bestScore := 0.0
	var clusters []int // with sameHead: the clusters a link may reach
	if p.sameHead {
		if clusters = r.clustersWithHead(m.head); len(clusters) == 0 {
			return nil
		}
	}
	for si := m.Sentence; si >= 0; si-- {
		if p.window > 0 && m.Sentence-si > p.window || p.sameSentence && si != m.Sentence {
			break
		}
		for _, a := range bySent[si] {
			if a.idx >= m.idx || r.cl[a.idx] == r.cl[m.idx] ||
				p.sameHead && !slices.Contains(clusters, r.cl[a.idx]) || !p.link(r, m, a) {
				continue
			}
			if !p.bestOnly {
				return a
			}
			if s := r.salience(m, a); best == nil || s > bestScore {
				best, bestScore = a, s
			}
		}
	}
	return best
}

// clustersWithHead returns the clusters whose heads include head, the
// only ones strictHead links to; it keeps long documents from costing a
// full comparison with every earlier mention.
func (r *resolver) clustersWithHead(head string) []int {
	var out []int
	for _, b := range r.byHead[head] {
		c := r.cl[b]
		if r.info[c] != nil && r.info[c].heads[head] && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// merge moves cluster b's mentions into cluster a.
func (r *resolver) merge(a, b int) {
	if a == b {
		return
	}
	if r.members[b][0] < r.members[a][0] {
		a, b = b, a
	}
	for _, i := range r.members[b] {
		r.cl[i] = a
	}
	r.members[a] = append(r.members[a], r.members[b]...)
	sort.Ints(r.members[a])
	r.members[b] = nil
	r.info[a].absorb(r.info[b])
	r.info[b] = nil
}

// cluster returns what is known about m's cluster.
func (r *resolver) cluster(m *ment) *cinfo { return r.info[r.cl[m.idx]] }

// chains turns the clusters into Chains in textual order.
func (r *resolver) chains() []Chain {
	var out []Chain
	for _, ids := range r.members {
		if len(ids) == 0 {
			continue
		}
		c := Chain{Mentions: make([]Mention, len(ids))}
		for k, i := range ids {
			c.Mentions[k] = r.ms[i].Mention
		}
		c.Representative = representative(c.Mentions)
		typ := c.Mentions[c.Representative].Type
		for _, m := range c.Mentions {
			if typ == kg.Concept && m.Type != kg.Concept {
				typ = m.Type
			}
		}
		for k := range c.Mentions {
			if c.Mentions[k].Type == kg.Concept {
				c.Mentions[k].Type = typ
			}
		}
		out = append(out, c)
	}
	return out
}

// representative picks the longest named mention, else the first mention
// that is not a pronoun, else the first.
func representative(ms []Mention) int {
	best := -1
	for i, m := range ms {
		if m.Named && (best < 0 || !ms[best].Named || len(m.Text) > len(ms[best].Text)) {
			best = i
		}
		if best < 0 && !m.Pronoun {
			best = i
		}
	}
	if best < 0 {
		return 0
	}
	return best
}

package entityeval

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// typeOf maps GUM's types to kg's.
var typeOf = map[string]kg.EntityType{"person": kg.Person, "place": kg.Place, "organization": kg.Organization}

// named reports whether a node type is one of the named types scored.
func named(t kg.EntityType) bool { return t == kg.Person || t == kg.Organization || t == kg.Place }

// Stats are the counts of one scoring; Add sums them.
type Stats struct {
	Gold        int `json:"gold"`         // scored gold named entities
	Recalled    int `json:"recalled"`     // of them, with a Person/Organization/Place node
	RecalledAny int `json:"recalled_any"` // of them, with a node of any type
	ConceptOnly int `json:"concept_only"` // of them, found only as other nodes
	Splits      int `json:"splits"`       // of them, on more than one named node
	KG          int `json:"kg"`           // named nodes
	Real        int `json:"real"`         // of them, matching some gold named entity
	Matched     int `json:"matched"`      // of them, with a primary gold entity
	TypeOK      int `json:"type_ok"`      // of the matched, typed as their entity
	BadLabel    int `json:"bad_label"`    // of the matched, labelled with something that is no name of their entity
	Merges      int `json:"merges"`       // named nodes holding names unique to two gold entities
	MergesAny   int `json:"merges_any"`   // nodes of any type doing so
	Clean       int `json:"clean"`        // matched nodes typed right, labelled right and not merged
}

// Add adds o's counts to s.
func (s *Stats) Add(o Stats) {
	s.Gold += o.Gold
	s.Recalled += o.Recalled
	s.RecalledAny += o.RecalledAny
	s.ConceptOnly += o.ConceptOnly
	s.Splits += o.Splits
	s.KG += o.KG
	s.Real += o.Real
	s.Matched += o.Matched
	s.TypeOK += o.TypeOK
	s.BadLabel += o.BadLabel
	s.Merges += o.Merges
	s.MergesAny += o.MergesAny
	s.Clean += o.Clean
}

// Precision is the share of named nodes that are real, in percent.
func (s Stats) Precision() float64 { return pct(s.Real, s.KG) }

// Recall is the share of gold named entities with a named node, in percent.
func (s Stats) Recall() float64 { return pct(s.Recalled, s.Gold) }

// CleanShare is the share of named nodes that are clean, in percent.
func (s Stats) CleanShare() float64 { return pct(s.Clean, s.KG) }

// TypeAccuracy is the share of matched nodes typed right, in percent.
func (s Stats) TypeAccuracy() float64 { return pct(s.TypeOK, s.Matched) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Node is one node of the graph as `kg entities` lists it.
type Node struct {
	Label   string
	Type    kg.EntityType
	Aliases []string
}

// index holds the gold names of one scoring, by cluster.
type index struct {
	exact, desc map[string][]string // normalized name -> clusters, sorted
	cores       []core
	goldOf      map[string]*Entity // cluster -> its first entity
	order       []string           // clusters in the order first seen
}

type core struct{ name, cluster string }

func newIndex(g Gold, clus map[string]string) *index {
	ix := &index{exact: map[string][]string{}, desc: map[string][]string{}, goldOf: map[string]*Entity{}}
	for _, e := range g.Named {
		c := clus[e.Key]
		for n := range e.names {
			ix.exact[n] = addSorted(ix.exact[n], c)
		}
		for n := range e.desc {
			ix.desc[n] = addSorted(ix.desc[n], c)
		}
		for _, n := range e.cores {
			ix.cores = append(ix.cores, core{n, c})
		}
		if _, ok := ix.goldOf[c]; !ok {
			ix.goldOf[c] = e
			ix.order = append(ix.order, c)
		}
	}
	return ix
}

func addSorted(list []string, c string) []string {
	if i, ok := slices.BinarySearch(list, c); !ok {
		list = slices.Insert(list, i, c)
	}
	return list
}

// match returns how a name matches the gold ("exact", "superset", "desc"
// or "none") and the clusters it matches, sorted.
func (ix *index) match(name string) (string, []string) {
	n := Norm(name)
	if n == "" {
		return "none", nil
	}
	if cs, ok := ix.exact[n]; ok {
		return "exact", cs
	}
	best, hits := -1, []string(nil)
	for _, c := range ix.cores {
		if !tokseqIn(c.name, n) {
			continue
		}
		switch l := utf8.RuneCountInString(c.name); {
		case l > best:
			best, hits = l, []string{c.cluster}
		case l == best:
			hits = addSorted(hits, c.cluster)
		}
	}
	if best >= 0 {
		slices.Sort(hits)
		return "superset", slices.Compact(hits)
	}
	if cs, ok := ix.desc[n]; ok {
		return "desc", cs
	}
	return "none", nil
}

// tokseqIn reports whether the words of small stand in a row inside big,
// which has more words.
func tokseqIn(small, big string) bool {
	s, b := strings.Fields(small), strings.Fields(big)
	if len(s) == 0 || len(s) >= len(b) {
		return false
	}
	for i := 0; i+len(s) <= len(b); i++ {
		if slices.Equal(b[i:i+len(s)], s) {
			return true
		}
	}
	return false
}

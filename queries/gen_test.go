package queries_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// genVersion names the generator's output: change it whenever the generated
// graph changes, so cached files of older versions are not reused.
const genVersion = 1

// genConfig sizes a generated graph.
type genConfig struct {
	Facts        int // facts in all
	Entities     int // entities to draw from
	FactsPerDoc  int // facts (and sentences) per document
	EntsPerDoc   int // entities each document talks about
	Seed         uint64
	PopularShare float64 // share of entity draws from the most popular 1%
}

// benchConfig reads the size from KG_BENCH_FACTS (default 100000); entities
// are a tenth of the facts, the density of the 1M-facts-over-100k-entities
// target.
func benchConfig() genConfig {
	n := 100000
	if v, err := strconv.Atoi(os.Getenv("KG_BENCH_FACTS")); err == nil && v > 0 {
		n = v
	}
	return genConfig{Facts: n, Entities: max(100, n/10), FactsPerDoc: 10, EntsPerDoc: 6, Seed: 7, PopularShare: 0.2}
}

// genPredicates are the generated facts' predicates, the first most common.
var genPredicates = []string{"meet", "criticize", "visit", "sign", "veto", "support", "accuse", "call",
	"strike", "invite", "praise", "warn", "sanction", "join", "lead", "director_of", "minister_of",
	"speak_with", "negotiate_with", "ally_with"}

var syllables = []string{"ka", "lo", "ver", "min", "sa", "tor", "el", "ri", "an", "dus", "mo", "ne", "vi", "ko",
	"ras", "te", "bel", "or", "li", "gan", "shu", "pe", "dra", "mir", "zo", "hal", "ti", "qua", "ben", "ul"}

// genName returns a deterministic pronounceable name for entity i.
func genName(rng *rand.Rand, i int) (label, alias string, typ kg.EntityType) {
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	switch i % 5 {
	case 0, 1, 2:
		first, last := word(2), word(2+rng.IntN(2))+strconv.Itoa(i)
		return first + " " + last, last, kg.Person
	case 3:
		return word(2) + " " + []string{"Ministry", "Party", "Council", "Group", "Bank"}[rng.IntN(5)] + " " + strconv.Itoa(i), "", kg.Organization
	}
	return word(3) + strconv.Itoa(i), "", kg.Place
}

// genEntities returns the generated entities, IDs as slugs.
func genEntities(cfg genConfig) []kg.Entity {
	rng := rand.New(rand.NewPCG(cfg.Seed, 1))
	ents := make([]kg.Entity, cfg.Entities)
	for i := range ents {
		label, alias, typ := genName(rng, i)
		ents[i] = kg.Entity{ID: "e" + strconv.Itoa(i), Label: label, Type: typ, Mentions: 1}
		if alias != "" {
			ents[i].Aliases = []string{alias}
		}
	}
	return ents
}

// genDocs calls fn with each generated document, in order.
func genDocs(cfg genConfig, ents []kg.Entity, fn func(*kg.Extraction) error) error {
	rng := rand.New(rand.NewPCG(cfg.Seed, 2))
	popular := max(1, len(ents)/100)
	draw := func() int {
		if rng.Float64() < cfg.PopularShare {
			return rng.IntN(popular)
		}
		return rng.IntN(len(ents))
	}
	docs := (cfg.Facts + cfg.FactsPerDoc - 1) / cfg.FactsPerDoc
	for d := range docs {
		picked := map[int]bool{}
		var members []int
		for len(members) < cfg.EntsPerDoc {
			if e := draw(); !picked[e] {
				picked[e] = true
				members = append(members, e)
			}
		}
		x := &kg.Extraction{}
		var text strings.Builder
		for f := range cfg.FactsPerDoc {
			a, b := members[rng.IntN(len(members))], members[rng.IntN(len(members))]
			for b == a {
				b = members[rng.IntN(len(members))]
			}
			pred := genPredicates[min(len(genPredicates)-1, int(rng.ExpFloat64()*4))]
			sent := fmt.Sprintf("In report %d, %s said to %s %s.", d, ents[a].Label, strings.ReplaceAll(pred, "_", " "), ents[b].Label)
			start := text.Len()
			text.WriteString(sent + " ")
			fact := kg.Fact{Subject: ents[a].ID, Predicate: pred, Object: ents[b].ID, Confidence: 0.5 + rng.Float64()/2,
				Evidence: kg.Evidence{Sentence: f, Text: sent, Start: start, End: start + len(sent)}}
			switch r := rng.IntN(20); {
			case r == 0:
				fact.Negated = true
			case r == 1:
				fact.AttributedTo = ents[members[0]].ID
			}
			x.Facts = append(x.Facts, fact)
		}
		t := text.String()
		x.Document = kg.Document{ID: kg.DocumentID(t), Title: "Generated report " + strconv.Itoa(d),
			Date: fmt.Sprintf("2017-%02d-%02d", 1+d%12, 1+d%28), Source: "gen/" + strconv.Itoa(d), Text: t}
		for _, m := range members {
			x.Entities = append(x.Entities, ents[m])
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// benchGraph returns the path of the generated bolt file, building it on
// first use under os.TempDir(), keyed by generator version and size. The
// build's rate is logged.
func benchGraph(b *testing.B, cfg genConfig) string {
	b.Helper()
	name := fmt.Sprintf("kg-querybench-v%d-%d-%d.bolt", genVersion, cfg.Facts, cfg.Entities)
	path := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(path + ".done"); err == nil {
		return path
	}
	os.Remove(path)
	ctx := context.Background()
	s, err := graph.Open(ctx, "bolt:"+path, graph.Options{BatchQuads: 500000})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	w := s.NewWriter()
	err = genDocs(cfg, genEntities(cfg), func(x *kg.Extraction) error { return w.Write(ctx, x) })
	if err == nil {
		err = w.Flush(ctx)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	st := w.Stats()
	took := time.Since(start)
	b.Logf("built %s: %d documents, %d facts, %d quads in %s (%.0f quads/s)", name, st.Documents, st.Facts, st.Quads, took.Round(time.Second), float64(st.Quads)/took.Seconds())
	if err := os.WriteFile(path+".done", []byte(fmt.Sprintf("%d quads in %s\n", st.Quads, took)), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

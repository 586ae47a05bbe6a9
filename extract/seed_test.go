package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kgnews/kg"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// designedFacts are the facts the product was designed around: each must be
// extracted from the seed article as a plain asserted fact. The object is
// matched as a prefix of the entity ID, so a concept may carry more words.
var designedFacts = []struct{ subject, predicate, objectPrefix string }{
	{"rex_tillerson", "meet", "vladimir_putin"},
	{"rex_tillerson", "meet", "sergei_lavrov"},
	{"russia", "veto", "draft_resolution"},
	{"united_states", "strike", "forces"},
}

// TestSeedGolden runs the pipeline over the seed article, compares its facts
// with the reviewed golden file (rewrite with -update and review the diff),
// and fails when a designed fact disappears or a person splits in two.
func TestSeedGolden(t *testing.T) {
	x := mustExtract(t, readSeed(t))
	got := seedFacts(x)
	golden := filepath.Join("testdata", "seed-facts.tsv")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("facts differ from %s (run with -update and review the diff):\n%s", golden, diffLines(string(want), got))
	}
	for _, d := range designedFacts {
		if !hasFact(x, d.subject, d.predicate, d.objectPrefix) {
			t.Errorf("designed fact (%s, %s, %s…) is missing", d.subject, d.predicate, d.objectPrefix)
		}
	}
	labels := map[string]string{}
	for _, e := range x.Entities {
		labels[e.ID] = e.Label
	}
	for _, name := range []string{"Tillerson", "Putin", "Lavrov", "Assad", "Trump"} {
		var ids []string
		for id, l := range labels {
			if strings.Contains(l, name) && !strings.Contains(l, "’s") && !strings.Contains(l, "'s") && labels[id] != "" {
				if e := entityByID(x, id); e != nil && e.Type != kg.Concept {
					ids = append(ids, id)
				}
			}
		}
		if len(ids) != 1 {
			t.Errorf("%s: want one entity, got %v", name, ids)
		}
	}
	for _, id := range []string{"united_states", "russia"} {
		if labels[id] == "" {
			t.Errorf("no entity %s", id)
		}
	}
}

func hasFact(x *kg.Extraction, subj, pred, objPrefix string) bool {
	for _, f := range x.Facts {
		if f.Subject == subj && f.Predicate == pred && strings.HasPrefix(f.Object, objPrefix) && f.Asserted() {
			return true
		}
	}
	return false
}

func entityByID(x *kg.Extraction, id string) *kg.Entity {
	for i := range x.Entities {
		if x.Entities[i].ID == id {
			return &x.Entities[i]
		}
	}
	return nil
}

// seedFacts lists the facts one per line: sentence, subject, predicate,
// object, and the flags that keep a fact from being plainly asserted.
func seedFacts(x *kg.Extraction) string {
	var lines []string
	for _, f := range x.Facts {
		flags := []string{}
		if f.Negated {
			flags = append(flags, "negated")
		}
		if f.Modality != "" {
			flags = append(flags, f.Modality)
		}
		if f.AttributedTo != "" {
			flags = append(flags, "by:"+f.AttributedTo)
		}
		lines = append(lines, fmt.Sprintf("%d\t%s\t%s\t%s\t%s", f.Evidence.Sentence, f.Subject, f.Predicate, f.Object, strings.Join(flags, ",")))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// diffLines lists the lines only one side has.
func diffLines(want, got string) string {
	w, g := map[string]bool{}, map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

package parser

import (
	"math/rand/v2"
	"testing"

	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/internal/kgtest"
)

func devSentences(tb testing.TB, corpus, file string) []*conllu.Sentence {
	tb.Helper()
	sents, err := conllu.ReadFile(kgtest.SharedFile(tb, "corpora", corpus, file))
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

// testLabels numbers the relations of sents.
func testLabels(sents []*conllu.Sentence) map[string]int16 {
	out := map[string]int16{}
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := out[w.Deprel]; !ok {
				out[w.Deprel] = int16(len(out))
			}
		}
	}
	return out
}

// TestOracleCosts walks random legal transition sequences and checks that
// the costs the oracle charged add up to the labelled errors of the final
// tree, which holds exactly for projective trees.
func TestOracleCosts(t *testing.T) {
	sents := devSentences(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	label := testLabels(sents)
	nClass := 1 + 2*len(label)
	rng := rand.New(rand.NewPCG(1, 2))
	cost := make([]int, nClass)
	var st state
	checked := 0
	for i, s := range sents {
		heads, labels, ok := goldTree(s, label)
		if !ok || !projective(heads) {
			continue
		}
		g := newGold(heads, labels)
		for _, p := range []float64{0, 0.3, 1} { // chance of a random move
			st.reset(len(heads))
			total := 0
			for !st.terminal() {
				g.costs(&st, cost)
				c := pickMove(rng, cost, p)
				total += cost[c]
				st.apply(c)
			}
			errs := 0
			for d := range heads {
				if st.heads[d] != heads[d] || st.labels[d] != labels[d] {
					errs++
				}
			}
			if errs != total {
				t.Fatalf("sentence %d (%s), p=%v: charged %d, got %d errors", i, s.ID, p, total, errs)
			}
			if p == 0 && errs != 0 {
				t.Fatalf("sentence %d: the zero-cost path made %d errors", i, errs)
			}
		}
		checked++
	}
	if checked < 1500 {
		t.Fatalf("checked only %d projective sentences", checked)
	}
}

// pickMove returns a random legal move with chance p, else a zero-cost one.
func pickMove(rng *rand.Rand, cost []int, p float64) int {
	var legal, free []int
	for c, cc := range cost {
		if cc >= 0 {
			legal = append(legal, c)
		}
		if cc == 0 {
			free = append(free, c)
		}
	}
	if len(free) == 0 || rng.Float64() < p {
		return legal[rng.IntN(len(legal))]
	}
	return free[rng.IntN(len(free))]
}

func TestLift(t *testing.T) {
	sents := devSentences(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	label := testLabels(sents)
	nonProj := 0
	for _, s := range sents {
		heads, _, ok := goldTree(s, label)
		if !ok || projective(heads) {
			continue
		}
		nonProj++
		lift(heads)
		if !projective(heads) {
			t.Errorf("%s: still non-projective after lifting", s.ID)
		}
		if !acyclic(heads) {
			t.Errorf("%s: lifting made a cycle", s.ID)
		}
	}
	if nonProj == 0 {
		t.Fatal("no non-projective sentence in EWT dev")
	}
}

func TestProjective(t *testing.T) {
	tests := []struct {
		name  string
		heads []int32 // root at len(heads)
		want  bool
	}{
		{"chain", []int32{1, 2, 3}, true},
		{"flat", []int32{3, 3, 3}, true},
		{"crossing", []int32{2, 4, 4, 0}, false},
		{"one word", []int32{1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := projective(tt.heads); got != tt.want {
				t.Errorf("projective(%v) = %v, want %v", tt.heads, got, tt.want)
			}
		})
	}
}

package coref

import (
	"math"
	"testing"
)

func ids(names string) []span {
	var out []span
	for _, r := range names {
		out = append(out, span{Start: int(r), End: int(r) + 1})
	}
	return out
}

func TestScorers(t *testing.T) {
	tests := []struct {
		name           string
		key, resp      []string
		muc, b3, ceafe float64
		avg            float64
	}{
		// MUC: R = (1+1)/(2+1), P = (1+1)/(1+2). B³: R = P = (5/3+2)/5 = 11/15.
		// CEAF-e: φ4(abc,ab) = 4/5 and φ4(de,cde) = 4/5, so R = P = 1.6/2.
		{"split and join", []string{"abc", "de"}, []string{"ab", "cde"}, 200.0 / 3, 220.0 / 3, 80, 220.0 / 3},
		// b and c are twinless: no MUC link is right; B³ R = P = (1/2)/2; φ4 = 2/4.
		{"twinless mentions", []string{"ab"}, []string{"ac"}, 0, 25, 50, 25},
		{"perfect", []string{"abc", "de", "f"}, []string{"abc", "de", "f"}, 100, 100, 100, 100},
		// All in one: MUC R = 3/3, P = 3/4; B³ R = 1, P = (9+4)/5/5... see below.
		{"all merged", []string{"abc", "de"}, []string{"abcde"}, 2 * 0.75 / 1.75 * 100, 2 * (13.0 / 25) / (1 + 13.0/25) * 100,
			// φ4(abc,abcde) = 6/8, φ4(de,abcde)=4/7; best one: 0.75. R = 0.75/2, P = 0.75/1.
			2 * 0.375 * 0.75 / (1.125) * 100, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var key, resp [][]span
			for _, c := range tt.key {
				key = append(key, ids(c))
			}
			for _, c := range tt.resp {
				resp = append(resp, ids(c))
			}
			var tl tally
			tl.add(key, resp)
			got := tl.scores()
			check := func(what string, got, want float64) {
				if math.Abs(got-want) > 1e-9 {
					t.Errorf("%s = %.6f, want %.6f", what, got, want)
				}
			}
			check("MUC", got.MUC, tt.muc)
			check("B3", got.B3, tt.b3)
			check("CEAFe", got.CEAFe, tt.ceafe)
			check("Avg", got.Avg, (tt.muc+tt.b3+tt.ceafe)/3)
			if tt.avg != 0 {
				check("Avg given", got.Avg, tt.avg)
			}
		})
	}
}

func TestMaxAssignment(t *testing.T) {
	tests := []struct {
		name string
		sim  [][]float64
		want float64
	}{
		{"greedy is wrong", [][]float64{{1, 0.9}, {0.9, 0}}, 1.8},
		{"more columns", [][]float64{{0.2, 0.5, 0.1}}, 0.5},
		{"more rows", [][]float64{{0.2}, {0.7}, {0.1}}, 0.7},
		{"three by three", [][]float64{{0.4, 0.6, 0}, {0.6, 0, 0.5}, {0, 0.5, 0.4}}, 1.6},
		{"empty", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := maxAssignment(tt.sim); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseBrackets(t *testing.T) {
	got := parseBrackets("(7-abstract-new-nnnss-cf6-2-coref(3-abstract-giv:act-sssss-cf1-1-coref)")
	if len(got) != 2 || got[0].id != "7" || !got[0].open || got[0].close || got[1].id != "3" || !got[1].close || got[1].etype != "abstract" {
		t.Errorf("got %+v", got)
	}
	got = parseBrackets("7)6)")
	if len(got) != 2 || got[0].id != "7" || got[0].open || !got[0].close || got[1].id != "6" {
		t.Errorf("got %+v", got)
	}
}

func TestMaxAssignmentAgainstBruteForce(t *testing.T) {
	// Every permutation of a 5×5 matrix, against the Hungarian result.
	sim := [][]float64{
		{0.1, 0.8, 0.3, 0.0, 0.5},
		{0.7, 0.2, 0.9, 0.4, 0.0},
		{0.6, 0.6, 0.1, 0.8, 0.3},
		{0.0, 0.4, 0.7, 0.2, 0.9},
		{0.5, 0.3, 0.2, 0.6, 0.4},
	}
	best := 0.0
	var perm func(row int, used []bool, sum float64)
	perm = func(row int, used []bool, sum float64) {
		if row == len(sim) {
			best = max(best, sum)
			return
		}
		for j := range used {
			if !used[j] {
				used[j] = true
				perm(row+1, used, sum+sim[row][j])
				used[j] = false
			}
		}
	}
	perm(0, make([]bool, 5), 0)
	if got := maxAssignment(sim); math.Abs(got-best) > 1e-9 {
		t.Errorf("got %v, want %v", got, best)
	}
}

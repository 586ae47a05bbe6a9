package carb

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Scores are the CaRB metrics, in percent.
type Scores struct {
	Precision float64 `json:"precision"` // at the threshold with the best F1
	Recall    float64 `json:"recall"`    // at the threshold with the best F1
	F1        float64 `json:"f1"`        // the best F1 over all confidence thresholds
	AUC       float64 `json:"auc"`       // area under the precision-recall curve
	Threshold float64 `json:"threshold"` // the confidence threshold of the best F1
	Gold      int     `json:"gold"`      // gold tuples
	Predicted int     `json:"predicted"` // extractions of the gold sentences
}

// Point is one point of the precision-recall curve: the scores of the
// extractions whose confidence is at least Threshold, as fractions.
type Point struct {
	Threshold, Precision, Recall float64
}

// pair is the match score of one gold tuple with one extraction.
type pair struct {
	gold, pred int
	prec       float64
}

// sentence holds the match matrices of one gold sentence.
type sentence struct {
	conf  []float64   // confidence of each extraction
	rec   [][]float64 // rec[g][p]: recall score of extraction p for gold tuple g
	pairs []pair      // pairs with a positive precision score, best first
}

// Score computes the CaRB metrics of the extractions pred against gold, both
// keyed by sentence (spacing is normalized). Extractions of sentences that
// gold does not hold are ignored, as in CaRB.
func Score(gold, pred map[string][]Tuple) Scores {
	curve, nGold, nPred := curve(gold, pred)
	s := Scores{Gold: nGold, Predicted: nPred}
	if len(curve) == 0 {
		return s
	}
	best := -1.0
	for _, p := range curve {
		if f := f1(p.Precision, p.Recall); f > best {
			best = f
			s.Precision, s.Recall, s.F1, s.Threshold = p.Precision, p.Recall, f, p.Threshold
		}
	}
	s.AUC = auc(curve)
	for _, v := range []*float64{&s.Precision, &s.Recall, &s.F1, &s.AUC} {
		*v = math.Round(*v*10000) / 100
	}
	return s
}

// Curve returns the precision-recall curve of pred against gold, one point
// per distinct confidence, from the highest threshold down.
func Curve(gold, pred map[string][]Tuple) []Point {
	c, _, _ := curve(gold, pred)
	return c
}

func curve(gold, pred map[string][]Tuple) ([]Point, int, int) {
	norm := map[string][]Tuple{}
	for k, v := range pred {
		norm[Key(k)] = append(norm[Key(k)], v...)
	}
	var sents []sentence
	nGold, nPred := 0, 0
	var confs []float64
	keys := make([]string, 0, len(gold))
	for k := range gold {
		keys = append(keys, k)
	}
	sort.Strings(keys) // a fixed order keeps the float sums identical run to run
	for _, k := range keys {
		g := gold[k]
		s := match(g, norm[Key(k)])
		sents = append(sents, s)
		nGold += len(g)
		nPred += len(s.conf)
		confs = append(confs, s.conf...)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(confs)))
	var out []Point
	for i, c := range confs {
		if i > 0 && c == confs[i-1] {
			continue
		}
		out = append(out, point(sents, c, nGold))
	}
	return out, nGold, nPred
}

// point scores the extractions with confidence at least th.
func point(sents []sentence, th float64, nGold int) Point {
	var precSum, recSum float64
	n := 0
	for _, s := range sents {
		for _, c := range s.conf {
			if c >= th {
				n++
			}
		}
		for _, row := range s.rec {
			best := 0.0
			for p, r := range row {
				if s.conf[p] >= th && r > best {
					best = r
				}
			}
			recSum += best
		}
		precSum += greedy(s, th)
	}
	pt := Point{Threshold: th, Precision: 1}
	if n > 0 {
		pt.Precision = precSum / float64(n)
	}
	if nGold > 0 {
		pt.Recall = recSum / float64(nGold)
	}
	return pt
}

// greedy matches extractions to gold tuples one to one, best precision score
// first, and returns the sum of the matched precision scores.
func greedy(s sentence, th float64) float64 {
	usedG := make([]bool, len(s.rec))
	usedP := make([]bool, len(s.conf))
	sum := 0.0
	for _, pr := range s.pairs {
		if s.conf[pr.pred] < th || usedG[pr.gold] || usedP[pr.pred] {
			continue
		}
		usedG[pr.gold], usedP[pr.pred] = true, true
		sum += pr.prec
	}
	return sum
}

// match fills the score matrices of one sentence.
func match(gold, pred []Tuple) sentence {
	s := sentence{conf: make([]float64, len(pred)), rec: make([][]float64, len(gold))}
	gw := make([]parts, len(gold))
	for i, g := range gold {
		gw[i] = split(g)
	}
	pw := make([]parts, len(pred))
	for j, p := range pred {
		pw[j] = split(p)
		s.conf[j] = p.Confidence
	}
	for i := range gold {
		s.rec[i] = make([]float64, len(pred))
		for j := range pred {
			prec, rec := tupleMatch(gw[i], pw[j])
			s.rec[i][j] = rec
			if prec > 0 {
				s.pairs = append(s.pairs, pair{gold: i, pred: j, prec: prec})
			}
		}
	}
	sort.SliceStable(s.pairs, func(a, b int) bool { return s.pairs[a].prec > s.pairs[b].prec })
	return s
}

// parts are the words of a tuple's relation and arguments, with every
// argument after the first joined into one object, as CaRB binarizes them.
type parts struct {
	rel  []string
	args [][]string // at most two: the subject and the object
}

func split(t Tuple) parts {
	p := parts{rel: strings.Fields(t.Relation)}
	if len(t.Args) > 0 {
		p.args = append(p.args, strings.Fields(t.Args[0]))
	}
	if len(t.Args) > 1 {
		p.args = append(p.args, strings.Fields(strings.Join(t.Args[1:], " ")))
	}
	return p
}

// reportVerbs mark a gold relation of reported speech, for which CaRB also
// accepts an extraction with its subject and object swapped.
var reportVerbs = []string{"said", "told", "added", "adds", "says"}

// tupleMatch returns the precision and recall scores of extraction p for gold
// tuple g. Words are compared exactly (case counts), each used once. A pair
// whose relations share no word, or whose extraction lacks the subject or
// object the gold tuple has, scores nothing. For a gold relation of reported
// speech the extraction also counts with its arguments swapped.
func tupleMatch(g, p parts) (prec, rec float64) {
	prec, rec = partsMatch(g, p)
	for _, v := range reportVerbs {
		if strings.Contains(strings.Join(g.rel, " "), v) && len(p.args) == 2 {
			sw := parts{rel: p.rel, args: [][]string{p.args[1], p.args[0]}}
			if p2, r2 := partsMatch(g, sw); p2 > prec || p2 == prec && r2 > rec {
				prec, rec = p2, r2
			}
			break
		}
	}
	return prec, rec
}

func partsMatch(g, p parts) (prec, rec float64) {
	shared := overlap(g.rel, p.rel)
	if count(p.rel, "be") > count(g.rel, "be") && slices.ContainsFunc(g.rel, isBe) {
		shared++ // an unmatched "be" in an extraction matches any form of it in the gold relation
	}
	if shared == 0 {
		return 0, 0
	}
	nG, nP := len(g.rel), len(p.rel)
	for k, ga := range g.args {
		nG += len(ga)
		if k >= len(p.args) {
			return 0, 0
		}
		nP += len(p.args[k])
		shared += overlap(ga, p.args[k])
	}
	if nG > 0 {
		rec = float64(shared) / float64(nG)
	}
	if nP > 0 {
		prec = float64(shared) / float64(nP)
	}
	return min(prec, 1), min(rec, 1)
}

func count(ws []string, w string) int {
	n := 0
	for _, v := range ws {
		if v == w {
			n++
		}
	}
	return n
}

func isBe(w string) bool {
	switch w {
	case "be", "is", "am", "are", "was", "were", "been", "being":
		return true
	}
	return false
}

// overlap counts the words of a that b holds, each word of b used once.
func overlap(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	used := make([]bool, len(b))
	n := 0
	for _, w := range a {
		for j, v := range b {
			if !used[j] && v == w {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// auc integrates the curve with the trapezoid rule over recall, from the
// point (recall 0, precision 1) as CaRB does.
func auc(c []Point) float64 {
	area := 0.0
	prevR, prevP := 0.0, 1.0
	for _, p := range c {
		area += (p.Recall - prevR) * (p.Precision + prevP) / 2
		prevR, prevP = p.Recall, p.Precision
	}
	return area
}

package carb

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/kgtest"
)

const s1 = "Russia vetoed the resolution on Monday ."

func tuples(ts ...Tuple) map[string][]Tuple { return map[string][]Tuple{s1: ts} }

func TestScore(t *testing.T) {
	gold := tuples(Tuple{Relation: "vetoed", Args: []string{"Russia", "the resolution", "on Monday"}, Confidence: 1})
	vote := map[string][]Tuple{"The vote was on Monday .": {{Relation: "was on", Args: []string{"The vote", "Monday"}, Confidence: 1}}}
	said := map[string][]Tuple{"Russia vetoed it , he said .": {{Relation: "said", Args: []string{"he", "Russia vetoed it"}, Confidence: 1}}}
	tests := []struct {
		name       string
		gold, pred map[string][]Tuple // gold defaults to the tuple above
		p, r, f    float64
	}{
		{name: "perfect", pred: tuples(Tuple{Relation: "vetoed", Args: []string{"Russia", "the resolution", "on Monday"}, Confidence: 0.9}),
			p: 100, r: 100, f: 100},
		{name: "no overlap", pred: tuples(Tuple{Relation: "said", Args: []string{"he", "nothing"}, Confidence: 0.9}),
			p: 0, r: 0, f: 0},
		{name: "relation word gate", pred: tuples(Tuple{Relation: "blocked", Args: []string{"Russia", "the resolution on Monday"}, Confidence: 0.9}),
			p: 0, r: 0, f: 0},
		{name: "missing object scores nothing", pred: tuples(Tuple{Relation: "vetoed", Args: []string{"Russia"}, Confidence: 0.9}),
			p: 0, r: 0, f: 0},
		// 4 of 5 predicted words match (vetoed, Russia, the, resolution) and 4 of 6 gold words.
		{name: "partial", pred: tuples(Tuple{Relation: "vetoed", Args: []string{"Russia", "the resolution today"}, Confidence: 0.9}),
			p: 80, r: 66.67, f: 72.73},
		{name: "sentence spacing and punctuation ignored", pred: map[string][]Tuple{"Russia  vetoed the resolution on Monday": {
			{Relation: "vetoed", Args: []string{"Russia", "the resolution", "on Monday"}, Confidence: 0.5}}},
			p: 100, r: 100, f: 100},
		// Words compare exactly: "Vetoed" and "russia" do not match.
		{name: "case counts", pred: tuples(Tuple{Relation: "Vetoed vetoed", Args: []string{"russia", "the resolution on Monday"}, Confidence: 0.9}),
			p: 71.43, r: 83.33, f: 76.92},
		// "be" matches "was" in the gold relation.
		{name: "be matches its forms", gold: vote, pred: map[string][]Tuple{"The vote was on Monday .": {{Relation: "be on", Args: []string{"The vote", "Monday"}}}},
			p: 100, r: 100, f: 100},
		// A gold relation of reported speech also accepts swapped arguments.
		{name: "said swaps arguments", gold: said, pred: map[string][]Tuple{"Russia vetoed it , he said .": {{Relation: "said", Args: []string{"Russia vetoed it", "he"}}}},
			p: 100, r: 100, f: 100},
		{name: "unknown sentence ignored", pred: map[string][]Tuple{"Other .": {{Relation: "vetoed", Args: []string{"a", "b"}}}},
			p: 0, r: 0, f: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gold
			if tt.gold != nil {
				g = tt.gold
			}
			s := Score(g, tt.pred)
			if s.Precision != tt.p || s.Recall != tt.r || s.F1 != tt.f {
				t.Errorf("got P %v R %v F1 %v, want %v %v %v", s.Precision, s.Recall, s.F1, tt.p, tt.r, tt.f)
			}
		})
	}
}

func TestScoreOneToOnePrecision(t *testing.T) {
	gold := tuples(Tuple{Relation: "vetoed", Args: []string{"Russia", "the resolution"}, Confidence: 1})
	pred := tuples(
		Tuple{Relation: "vetoed", Args: []string{"Russia", "the resolution"}, Confidence: 0.9},
		Tuple{Relation: "vetoed", Args: []string{"Russia", "the resolution"}, Confidence: 0.9},
	)
	s := Score(gold, pred)
	if s.Recall != 100 || s.Precision != 50 {
		t.Errorf("a duplicate must not match the same gold tuple twice: got P %v R %v", s.Precision, s.Recall)
	}
}

func TestCurveThresholds(t *testing.T) {
	gold := tuples(
		Tuple{Relation: "vetoed", Args: []string{"Russia", "the resolution"}, Confidence: 1},
		Tuple{Relation: "was on", Args: []string{"the vote", "Monday"}, Confidence: 1},
	)
	pred := tuples(
		Tuple{Relation: "vetoed", Args: []string{"Russia", "the resolution"}, Confidence: 0.9},
		Tuple{Relation: "said", Args: []string{"nobody", "anything"}, Confidence: 0.5},
		Tuple{Relation: "was on", Args: []string{"the vote", "Monday"}, Confidence: 0.2},
	)
	c := Curve(gold, pred)
	want := []Point{{0.9, 1, 0.5}, {0.5, 0.5, 0.5}, {0.2, 2.0 / 3, 1}}
	if len(c) != len(want) {
		t.Fatalf("got %d points, want %d: %+v", len(c), len(want), c)
	}
	for i := range want {
		if math.Abs(c[i].Precision-want[i].Precision) > 1e-9 || math.Abs(c[i].Recall-want[i].Recall) > 1e-9 || c[i].Threshold != want[i].Threshold {
			t.Errorf("point %d: got %+v, want %+v", i, c[i], want[i])
		}
	}
	s := Score(gold, pred)
	// Best F1 at the lowest threshold: P 2/3, R 1 gives 80.
	if s.F1 != 80 || s.Threshold != 0.2 {
		t.Errorf("best F1: got %v at %v, want 80 at 0.2", s.F1, s.Threshold)
	}
	// Area: 0.5*1 from recall 0 to 0.5, then 0.5*(0.5+2/3)/2 up to 1.
	if want := math.Round((0.5+0.5*(0.5+2.0/3)/2)*10000) / 100; s.AUC != want {
		t.Errorf("AUC: got %v, want %v", s.AUC, want)
	}
}

func TestGoldAgainstItself(t *testing.T) {
	f, err := os.Open(kgtest.SharedFile(t, "eval", "carb", "dev-gold.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	// 641 sentences, three of which appear twice with different spacing.
	if len(gold) != 638 {
		t.Errorf("gold sentences: got %d, want 638", len(gold))
	}
	s := Score(gold, gold)
	if s.F1 != 100 || s.Precision != 100 || s.Recall != 100 || s.AUC != 100 {
		t.Errorf("gold against itself: got %+v, want 100 everywhere", s)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in string
		conf     bool
	}{
		{name: "too few gold fields", in: "a sentence\tis\n"},
		{name: "empty relation", in: "a sentence\t \tx\n"},
		{name: "bad confidence", in: "a sentence\thigh\tis\tx\n", conf: true},
		{name: "NaN confidence", in: "a sentence\tNaN\tis\tx\n", conf: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := ReadGold
			if tt.conf {
				read = ReadExtractions
			}
			if _, err := read(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), "line 1") {
				t.Errorf("got %v, want an error naming line 1", err)
			}
		})
	}
}

func TestLineRoundTrip(t *testing.T) {
	l := Line{Sentence: s1, Tuple: Tuple{Relation: "vetoed", Args: []string{"Russia", "the\tresolution", "on Monday"}, Confidence: 0.25}}
	got, err := ReadExtractions(strings.NewReader(l.String() + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	tu := got[Key(s1)]
	if len(tu) != 1 || tu[0].Relation != "vetoed" || tu[0].Confidence != 0.25 || strings.Join(tu[0].Args, "|") != "Russia|the resolution|on Monday" {
		t.Errorf("round trip: got %+v", got)
	}
}

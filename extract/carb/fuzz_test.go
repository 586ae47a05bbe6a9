package carb

import (
	"io"
	"strings"
	"testing"
)

func FuzzReadGold(f *testing.F) {
	f.Add("A sentence .\tis\tA\tsentence\n")
	f.Add("x\ty\n\n\tz\tw\tv\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		checkRead(t, ReadGold, in)
	})
}

func FuzzReadExtractions(f *testing.F) {
	f.Add("A sentence .\t0.5\tis\tA\tsentence\n")
	f.Add("x\t1e400\ty\tz\n")
	f.Fuzz(func(t *testing.T, in string) {
		checkRead(t, ReadExtractions, in)
	})
}

// checkRead reads in and checks what it returns: every tuple has a non-empty
// relation and a subject, its key is normalized, and scoring it against
// itself never fails.
func checkRead(t *testing.T, read func(io.Reader) (map[string][]Tuple, error), in string) {
	got, err := read(strings.NewReader(in))
	if err != nil {
		return
	}
	for k, ts := range got {
		if k != Key(k) {
			t.Errorf("key %q not normalized", k)
		}
		for _, tu := range ts {
			if strings.TrimSpace(tu.Relation) == "" || len(tu.Args) == 0 {
				t.Errorf("bad tuple %+v", tu)
			}
		}
	}
	s := Score(got, got)
	if s.F1 < 0 || s.F1 > 100 || s.AUC < 0 || s.AUC > 100 {
		t.Errorf("scores out of range: %+v", s)
	}
}

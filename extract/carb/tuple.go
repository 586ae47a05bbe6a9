package carb

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Tuple is one extraction or one gold tuple of a sentence.
type Tuple struct {
	Relation   string   // the relation phrase
	Args       []string // the arguments, subject first
	Confidence float64  // the extractor's confidence; 1 for gold tuples
}

// Line is one extraction in the output format: its sentence and its tuple.
type Line struct {
	Sentence string // the sentence, exactly as it was given
	Tuple
}

// String formats the line as sentence, confidence, relation and arguments,
// separated by tabs.
func (l Line) String() string {
	var b strings.Builder
	b.WriteString(l.Sentence)
	b.WriteByte('\t')
	b.WriteString(strconv.FormatFloat(l.Confidence, 'f', 3, 64))
	b.WriteByte('\t')
	b.WriteString(clean(l.Relation))
	for _, a := range l.Args {
		b.WriteByte('\t')
		b.WriteString(clean(a))
	}
	return b.String()
}

// clean keeps a field on one line and free of tabs.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Key normalizes a sentence for lookups as CaRB does: Penn Treebank bracket
// escapes undone, then every space and ASCII punctuation mark removed. The
// maps that ReadGold and ReadExtractions return are keyed by it.
func Key(sentence string) string {
	sentence = ptbUnescape.Replace(sentence)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r < 128 && unicode.IsPunct(r) || r < 128 && unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, sentence)
}

var ptbUnescape = strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}")

// ReadGold reads gold tuples, one per line: sentence, relation, arg1[, arg2,
// ...], separated by tabs. Blank lines are skipped; a line with fewer than
// three fields or an empty relation is an error naming the line.
func ReadGold(r io.Reader) (map[string][]Tuple, error) {
	return read(r, false)
}

// ReadExtractions reads extractions in the output format: sentence,
// confidence, relation, arg1[, arg2, ...], separated by tabs.
func ReadExtractions(r io.Reader) (map[string][]Tuple, error) {
	return read(r, true)
}

func read(r io.Reader, withConf bool) (map[string][]Tuple, error) {
	out := map[string][]Tuple{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	minFields := 3
	if withConf {
		minFields = 4
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < minFields {
			return nil, fmt.Errorf("carb: line %d: want at least %d tab-separated fields, got %d", n, minFields, len(f))
		}
		t := Tuple{Confidence: 1}
		if withConf {
			c, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
			if err != nil || c != c {
				return nil, fmt.Errorf("carb: line %d: bad confidence %q", n, f[1])
			}
			t.Confidence = c
			f = append(f[:1], f[2:]...)
		}
		t.Relation = strings.TrimSpace(f[1])
		if t.Relation == "" {
			return nil, fmt.Errorf("carb: line %d: empty relation", n)
		}
		for _, a := range f[2:] {
			t.Args = append(t.Args, strings.TrimSpace(a))
		}
		k := Key(f[0])
		out[k] = append(out[k], t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("carb: %w", err)
	}
	return out, nil
}

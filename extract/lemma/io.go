package lemma

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
)

// FileName is the name of the lemmatizer file in a models folder.
const FileName = "lemma.tsv.gz"

// Save writes the lemmatizer as gzip-compressed text: a header line, then
// "L<TAB>lemma" for the lexicon and "E<TAB>xpos<TAB>form<TAB>lemma" for
// the exceptions, each sorted.
func (l *Lemmatizer) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save lemmatizer: %w", err)
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, header)
	lex := make([]string, 0, len(l.lexicon))
	for w := range l.lexicon {
		lex = append(lex, w)
	}
	sort.Strings(lex)
	for _, w := range lex {
		fmt.Fprintf(bw, "L\t%s\n", w)
	}
	writeTable(bw, "E", l.exceptions)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save lemmatizer: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save lemmatizer: %w", err)
	}
	return nil
}

// writeTable writes one record per entry of t, sorted by key.
func writeTable(w io.Writer, tag string, t map[string]string) {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%s\t%s\n", tag, strings.ReplaceAll(k, "\x00", "\t"), t[k])
	}
}

const header = "# kg lemmatizer v3"

// Load reads the lemmatizer file FileName from fsys.
func Load(fsys fs.FS) (*Lemmatizer, error) {
	f, err := fsys.Open(FileName)
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	defer f.Close()
	l, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	return l, nil
}

// Read reads a lemmatizer written by Save.
func Read(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(zr)
	l := &Lemmatizer{exceptions: map[string]string{}, lexicon: map[string]bool{}}
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			if text != header {
				return nil, fmt.Errorf("line 1: not a lemmatizer file")
			}
			continue
		}
		f := strings.Split(text, "\t")
		switch {
		case len(f) == 2 && f[0] == "L":
			l.lexicon[f[1]] = true
		case len(f) == 4 && f[0] == "E":
			l.exceptions[key(f[1], f[2])] = f[3]
		default:
			return nil, fmt.Errorf("line %d: bad record", line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if line == 0 {
		return nil, fmt.Errorf("empty lemmatizer file")
	}
	return l, nil
}

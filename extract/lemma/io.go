package lemma

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/kgnews/kg/extract/internal/modelfile"
)

// FileName is the name of the lemmatizer file in a models folder.
const FileName = "lemma.tsv.gz"

// Save writes the lemmatizer as gzip-compressed text: a header line, then
// "L<TAB>lemma" for the lexicon, "E<TAB>xpos<TAB>form<TAB>lemma" for the
// exceptions, "C<TAB>form<TAB>kept<TAB>lowered" for the casing counts of
// capitalized nouns, "F<TAB>form<TAB>lemma<TAB>tags" for irregular forms
// and "P<TAB>lowercase<TAB>lemma" for proper-noun casings, each sorted.
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
	casings := map[string]string{}
	for w, c := range l.casing {
		casings[w] = fmt.Sprintf("%d\t%d", c.kept, c.lowered)
	}
	writeTable(bw, "C", casings)
	forms := map[string]string{}
	for w, f := range l.byForm {
		forms[w] = f.lemma + "\t" + f.tags
	}
	writeTable(bw, "F", forms)
	writeTable(bw, "P", l.proper)
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

// header starts a lemmatizer file; Read also takes files of version 3,
// which had only the lexicon and the exceptions.
const (
	header   = "# kg lemmatizer v4"
	headerV3 = "# kg lemmatizer v3"
)

// Load reads the lemmatizer file FileName from fsys.
func Load(fsys fs.FS) (*Lemmatizer, error) {
	return modelfile.Load(fsys, FileName, "lemmatizer", Read)
}

// Read reads a lemmatizer written by Save.
func Read(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(zr)
	l := newLemmatizer()
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			if text != header && text != headerV3 {
				return nil, fmt.Errorf("line 1: not a lemmatizer file")
			}
			continue
		}
		if err := l.readRecord(strings.Split(text, "\t")); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
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

// readRecord adds one record of a lemmatizer file, split at tabs.
func (l *Lemmatizer) readRecord(f []string) error {
	switch {
	case len(f) == 2 && f[0] == "L":
		l.lexicon[f[1]] = true
	case len(f) == 4 && f[0] == "E":
		l.exceptions[key(f[1], f[2])] = f[3]
	case len(f) == 4 && f[0] == "C":
		kept, err1 := strconv.Atoi(f[2])
		lowered, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || kept < 0 || lowered < 0 {
			return fmt.Errorf("bad casing counts")
		}
		l.casing[f[1]] = casing{kept: kept, lowered: lowered}
	case len(f) == 4 && f[0] == "F":
		l.byForm[f[1]] = formLemma{lemma: f[2], tags: f[3]}
	case len(f) == 3 && f[0] == "P":
		l.proper[f[1]] = f[2]
	default:
		return fmt.Errorf("bad record")
	}
	return nil
}

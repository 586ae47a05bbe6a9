package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence (an ID line without a range).
type Word struct {
	ID     int    // 1-based position in the sentence
	Form   string // the word as written
	Lemma  string // dictionary form
	UPOS   string // universal part of speech
	XPOS   string // language-specific tag (Penn Treebank for English)
	Feats  string // morphological features, "_" when none
	Head   int    // ID of the head word, 0 for the root
	Deprel string // universal dependency relation
	Deps   string // enhanced dependencies, kept as written
	Misc   string // the MISC column, kept as written
}

// SpaceAfter reports whether the text has a space after this word, from the
// MISC column's SpaceAfter=No.
func (w Word) SpaceAfter() bool { return !hasMisc(w.Misc, "SpaceAfter=No") }

// MiscValue returns the value of key=value in the MISC column, or "".
func (w Word) MiscValue(key string) string { return miscValue(w.Misc, key) }

// Range is a multiword token such as "don't" that spans words First..Last.
type Range struct {
	First, Last int    // IDs of the first and last word it covers
	Form        string // the surface token
	Misc        string // its MISC column
}

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	ID       string   // the "# sent_id =" comment
	Text     string   // the "# text =" comment
	DocID    string   // the most recent "# newdoc id =" at or before this sentence
	NewDoc   bool     // whether a new document starts here
	NewPar   bool     // whether a new paragraph starts here
	Comments []string // every comment line, without the leading "# "
	Words    []Word   // syntactic words in order
	Ranges   []Range  // multiword tokens
}

// Tokens returns the surface tokens of the sentence: each multiword range as
// one token and every other word as itself, with whether a space follows.
func (s *Sentence) Tokens() []Token {
	var out []Token
	r := 0
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if r < len(s.Ranges) && s.Ranges[r].First == w.ID {
			rg := s.Ranges[r]
			out = append(out, Token{Form: rg.Form, First: rg.First, Last: rg.Last, SpaceAfter: !hasMisc(rg.Misc, "SpaceAfter=No")})
			i += rg.Last - rg.First
			r++
			continue
		}
		out = append(out, Token{Form: w.Form, First: w.ID, Last: w.ID, SpaceAfter: w.SpaceAfter()})
	}
	return out
}

// Token is one surface token: a word, or a multiword range of words.
type Token struct {
	Form        string // as written
	First, Last int    // IDs of the words it covers
	SpaceAfter  bool   // whether a space follows it in the text
}

// Reader reads sentences one at a time.
type Reader struct {
	sc     *bufio.Scanner
	line   int
	docID  string
	newDoc bool
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	return &Reader{sc: sc}
}

// Next returns the next sentence, or io.EOF when there are no more.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if s != nil && len(s.Words) > 0 {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if strings.HasPrefix(line, "#") {
			r.comment(s, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if err := r.wordLine(s, line); err != nil {
			return nil, err
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", r.line, err)
	}
	if s != nil && len(s.Words) > 0 {
		return s, nil
	}
	return nil, io.EOF
}

func (r *Reader) comment(s *Sentence, c string) {
	s.Comments = append(s.Comments, c)
	key, val, ok := strings.Cut(c, "=")
	if !ok {
		if c == "newpar" {
			s.NewPar = true
		}
		return
	}
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	switch key {
	case "sent_id":
		s.ID = val
	case "text":
		s.Text = val
	case "newdoc id":
		r.docID = val
		s.NewDoc, s.NewPar = true, true
	case "newpar", "newpar id":
		s.NewPar = true
	}
	s.DocID = r.docID
}

func (r *Reader) wordLine(s *Sentence, line string) error {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("conllu: line %d: want 10 columns, got %d", r.line, len(cols))
	}
	s.DocID = r.docID
	id := cols[0]
	if strings.Contains(id, ".") {
		return nil // empty nodes belong to enhanced dependencies only
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || last < first {
			return fmt.Errorf("conllu: line %d: bad range %q", r.line, id)
		}
		s.Ranges = append(s.Ranges, Range{First: first, Last: last, Form: cols[1], Misc: cols[9]})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		return fmt.Errorf("conllu: line %d: bad id %q", r.line, id)
	}
	head := 0
	if cols[6] != "_" {
		if head, err = strconv.Atoi(cols[6]); err != nil {
			return fmt.Errorf("conllu: line %d: bad head %q", r.line, cols[6])
		}
	}
	s.Words = append(s.Words, Word{ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
		Feats: cols[5], Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9]})
	return nil
}

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	rd := NewReader(r)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of the named files, in order.
func ReadFile(paths ...string) ([]*Sentence, error) {
	var out []*Sentence
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("conllu: %w", err)
		}
		ss, err := ReadAll(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("conllu: %s: %w", p, err)
		}
		out = append(out, ss...)
	}
	return out, nil
}

func hasMisc(misc, item string) bool {
	for _, f := range strings.Split(misc, "|") {
		if f == item {
			return true
		}
	}
	return false
}

func miscValue(misc, key string) string {
	for _, f := range strings.Split(misc, "|") {
		if k, v, ok := strings.Cut(f, "="); ok && k == key {
			return v
		}
	}
	return ""
}

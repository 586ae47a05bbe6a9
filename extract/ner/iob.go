package ner

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one tokenized sentence with its BIO tags.
type Sentence struct {
	Words []string // the tokens
	Tags  []string // one IOB2 tag per word: O, B-TYPE or I-TYPE
	UPOS  []string // optional: one universal part-of-speech tag per word, used as features when the model takes them
	Doc   string   // optional: the document the sentence belongs to; consecutive sentences with the same Doc form one document
}

// Span is one entity mention in a tagged sentence.
type Span struct {
	Start int    // index of the first word
	End   int    // index just past the last word
	Type  string // entity type, such as PER, ORG or LOC
}

// Spans returns the entity spans of a BIO tag sequence. An I- tag that does
// not continue a span of its own type starts a new span, as conlleval does.
// Tags other than O, B-X and I-X end any open span and start none.
func Spans(tags []string) []Span {
	var out []Span
	open := -1 // index in out of the span being extended
	for i, t := range tags {
		prefix, typ := splitTag(t)
		switch {
		case prefix == 'I' && open >= 0 && out[open].Type == typ:
			out[open].End = i + 1
		case prefix == 'B' || prefix == 'I':
			out = append(out, Span{Start: i, End: i + 1, Type: typ})
			open = len(out) - 1
		default:
			open = -1
		}
	}
	return out
}

// splitTag returns 'B', 'I' or 0 and the type of a tag.
func splitTag(t string) (byte, string) {
	if len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-' {
		return t[0], t[2:]
	}
	return 0, ""
}

// ReadIOB reads sentences in a CoNLL-style column format: one word per line,
// blank lines between sentences, lines starting with "#" and -DOCSTART-
// lines ignored, and so are words that are empty or all white space. A line with three or more columns whose first column is a
// number is read as id, word, tag (UNER); any other line as word first and
// tag last. Columns are split on tabs when the line has one, else on spaces.
// scheme is "iob2" (B- starts every span) or "iob1" (I- starts a span, B-
// only between two adjacent spans of one type); tags come back as IOB2.
func ReadIOB(r io.Reader, scheme string) ([]Sentence, error) {
	if scheme != "iob1" && scheme != "iob2" {
		return nil, fmt.Errorf("read iob: unknown scheme %q", scheme)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var out []Sentence
	var cur Sentence
	doc, docs := "", 0
	flush := func() {
		if len(cur.Words) > 0 {
			if scheme == "iob1" {
				iob1To2(cur.Tags)
			}
			out = append(out, cur)
		}
		cur = Sentence{Doc: doc}
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if id, ok := strings.CutPrefix(line, "# newdoc id ="); ok {
			flush()
			doc = strings.TrimSpace(id)
			cur.Doc = doc
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		word, tag, err := parseIOBLine(line)
		if err != nil {
			return nil, fmt.Errorf("read iob: line %d: %w", n, err)
		}
		if word == "-DOCSTART-" && len(cur.Words) == 0 {
			docs++
			doc = "doc-" + strconv.Itoa(docs)
			cur.Doc = doc
			continue
		}
		if word == "-DOCSTART-" || strings.TrimSpace(word) == "" {
			continue
		}
		cur.Words = append(cur.Words, word)
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read iob: %w", err)
	}
	flush()
	return out, nil
}

func parseIOBLine(line string) (word, tag string, err error) {
	var cols []string
	if strings.Contains(line, "\t") {
		cols = strings.Split(line, "\t")
	} else {
		cols = strings.Fields(line)
	}
	switch {
	case len(cols) >= 3 && isInt(cols[0]):
		word, tag = cols[1], cols[2]
	case len(cols) >= 2:
		word, tag = cols[0], cols[len(cols)-1]
	default:
		return "", "", fmt.Errorf("want word and tag columns, have %d column(s)", len(cols))
	}
	tag = strings.TrimSpace(tag)
	if p, typ := splitTag(tag); tag != "O" && (p == 0 || strings.ContainsAny(typ, " \t")) {
		return "", "", fmt.Errorf("bad tag %q", tag)
	}
	return word, tag, nil
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// iob1To2 rewrites IOB1 tags in place: an I-X that does not follow a tag of
// type X becomes B-X.
func iob1To2(tags []string) {
	prevType := ""
	for i, t := range tags {
		p, typ := splitTag(t)
		if p == 'I' && typ != prevType {
			tags[i] = "B-" + typ
		}
		prevType = typ
	}
}

// MapTypes rewrites the entity types of sents in place through m; a type
// that maps to "" (or is missing from m) becomes O. It returns sents.
func MapTypes(sents []Sentence, m map[string]string) []Sentence {
	for _, s := range sents {
		for i, t := range s.Tags {
			p, typ := splitTag(t)
			if p == 0 {
				s.Tags[i] = "O"
				continue
			}
			if to := m[typ]; to != "" {
				s.Tags[i] = string(p) + "-" + to
			} else {
				s.Tags[i] = "O"
			}
		}
		repairBIO(s.Tags)
	}
	return sents
}

// repairBIO turns an I-X that does not continue a span of type X into B-X.
func repairBIO(tags []string) {
	prev := "O"
	for i, t := range tags {
		p, typ := splitTag(t)
		if p == 'I' {
			if pp, ptyp := splitTag(prev); pp == 0 || ptyp != typ {
				tags[i] = "B-" + typ
			}
		}
		prev = tags[i]
	}
}

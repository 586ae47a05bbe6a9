package entityeval

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Token is one word of a gold sentence.
type Token struct {
	ID    int    // position in the sentence, from 1
	Form  string // the word as written
	UPOS  string // universal part of speech
	Head  int    // ID of the head word, 0 for the root
	Space bool   // whether a space follows the word
	Ent   string // the Entity= value of the MISC column, or ""
}

// Doc is one gold document: its sentences and the paragraphs of its text.
type Doc struct {
	ID    string
	Sents [][]Token
	Paras [][]string // each paragraph's "# text" lines
}

// Text is the document's text as the scorer ingests it: the sentences of a
// paragraph joined by spaces, paragraphs by blank lines.
func (d *Doc) Text() string {
	var paras []string
	for _, p := range d.Paras {
		if len(p) > 0 {
			paras = append(paras, strings.Join(p, " "))
		}
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// Corpus is the documents of a GUM file, in file order.
type Corpus struct {
	Docs  []*Doc
	byID  map[string]*Doc
	Types map[string]bool // the GUM types scored; person, place and organization by default
}

// Doc returns the document with this ID, or nil.
func (c *Corpus) Doc(id string) *Doc { return c.byID[id] }

// ReadGUM reads a GUM CoNLL-U file: documents by "# newdoc id", paragraphs
// by "# newpar", sentences and their words (multi-word token lines and empty
// nodes are skipped).
func ReadGUM(r io.Reader) (*Corpus, error) {
	c := &Corpus{byID: map[string]*Doc{}, Types: map[string]bool{"person": true, "place": true, "organization": true}}
	var doc *Doc
	var sent []Token
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc id = "):
			_, id, _ := strings.Cut(line, "=")
			doc = &Doc{ID: strings.TrimSpace(id), Paras: [][]string{nil}}
			c.Docs = append(c.Docs, doc)
			c.byID[doc.ID] = doc
		case strings.HasPrefix(line, "# newpar") && doc != nil && len(doc.Paras[len(doc.Paras)-1]) > 0:
			doc.Paras = append(doc.Paras, nil)
		case strings.HasPrefix(line, "# text = ") && doc != nil:
			_, t, _ := strings.Cut(line, "=")
			doc.Paras[len(doc.Paras)-1] = append(doc.Paras[len(doc.Paras)-1], strings.TrimSpace(t))
		case strings.HasPrefix(line, "#"):
		case strings.TrimSpace(line) == "":
			if sent != nil && doc != nil {
				doc.Sents = append(doc.Sents, sent)
			}
			sent = nil
		default:
			tok, ok, err := parseToken(line)
			if err != nil {
				return nil, fmt.Errorf("read gum: %w", err)
			}
			if ok {
				sent = append(sent, tok)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gum: %w", err)
	}
	if sent != nil && doc != nil {
		doc.Sents = append(doc.Sents, sent)
	}
	return c, nil
}

// parseToken reads one word line; ok is false for multi-word tokens and
// empty nodes.
func parseToken(line string) (Token, bool, error) {
	f := strings.Split(line, "\t")
	if len(f) < 10 {
		return Token{}, false, fmt.Errorf("line %q: %d columns, want 10", line, len(f))
	}
	if strings.ContainsAny(f[0], "-.") {
		return Token{}, false, nil
	}
	id, err := strconv.Atoi(f[0])
	if err != nil {
		return Token{}, false, fmt.Errorf("line %q: bad ID: %w", line, err)
	}
	head, _ := strconv.Atoi(f[6])
	t := Token{ID: id, Form: f[1], UPOS: f[3], Head: head, Space: !strings.Contains(f[9], "SpaceAfter=No")}
	for _, m := range strings.Split(f[9], "|") {
		if v, ok := strings.CutPrefix(m, "Entity="); ok {
			t.Ent = v
		}
	}
	return t, true, nil
}

// mention is one gold mention: its entity, the entity's type and identity,
// its words, and which of them (indexes into toks) no nested mention of
// another entity covers.
type mention struct {
	eid, etype, ident string
	toks              []Token
	uncovered         []int
}

var entityItem = regexp.MustCompile(`\([^()]+\)?|\d+\)`)

// mentions returns every gold mention of the sentences.
func mentions(sents [][]Token) []mention {
	var out []mention
	for _, sent := range sents {
		type open struct {
			start        int
			etype, ident string
		}
		opened := map[string][]open{}
		type span struct {
			eid, etype, ident string
			s, e              int
		}
		var spans []span
		for i, t := range sent {
			for _, item := range entityItem.FindAllString(t.Ent, -1) {
				if strings.HasPrefix(item, "(") {
					fields := strings.SplitN(strings.Trim(item, "()"), "-", 8)
					eid, etype, ident := fields[0], "", ""
					if len(fields) > 1 {
						etype = fields[1]
					}
					if len(fields) > 7 {
						ident = fields[7]
					}
					if strings.HasSuffix(item, ")") {
						spans = append(spans, span{eid, etype, ident, i, i})
					} else {
						opened[eid] = append(opened[eid], open{i, etype, ident})
					}
					continue
				}
				eid := item[:len(item)-1]
				if st := opened[eid]; len(st) > 0 {
					o := st[len(st)-1]
					opened[eid] = st[:len(st)-1]
					spans = append(spans, span{eid, o.etype, o.ident, o.start, i})
				}
			}
		}
		for _, sp := range spans {
			cov := map[int]bool{}
			for _, o := range spans {
				if o.eid != sp.eid && sp.s <= o.s && o.e <= sp.e && (o.s != sp.s || o.e != sp.e) {
					for j := o.s - sp.s; j <= o.e-sp.s; j++ {
						cov[j] = true
					}
				}
			}
			m := mention{eid: sp.eid, etype: sp.etype, ident: sp.ident, toks: sent[sp.s : sp.e+1]}
			for j := 0; j <= sp.e-sp.s; j++ {
				if !cov[j] {
					m.uncovered = append(m.uncovered, j)
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// textOf is the words as written, with their spaces.
func textOf(toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Form)
		if t.Space {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// headOf is the mention's word whose head lies outside it, else its last.
func headOf(toks []Token) int {
	ids := map[int]bool{}
	for _, t := range toks {
		ids[t.ID] = true
	}
	for i, t := range toks {
		if !ids[t.Head] {
			return i
		}
	}
	return len(toks) - 1
}

// unquote decodes a Wikipedia identity's %XX escapes, keeping it as it is
// when it has a bad one.
func unquote(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

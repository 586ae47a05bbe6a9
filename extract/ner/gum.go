package ner

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kgnews/kg/extract/conllu"
)

// ReadGUM reads the named entities of a GUM CoNLL-U file: the Entity=
// annotations of its MISC column whose syntactic head is a proper noun.
// Tags carry GUM's own type names (person, organization, place, event, …);
// map them with MapTypes. Nested named entities give way to the outermost
// one, and a span loses its leading determiners and punctuation and its
// trailing punctuation and possessive marker.
func ReadGUM(r io.Reader) ([]Sentence, error) {
	sents, err := conllu.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read gum: %w", err)
	}
	out := make([]Sentence, 0, len(sents))
	for _, s := range sents {
		spans, err := gumSpans(s)
		if err != nil {
			return nil, fmt.Errorf("read gum: sentence %s: %w", s.ID, err)
		}
		out = append(out, gumSentence(s, spans))
	}
	return out, nil
}

// gumSpans returns every entity span of a sentence, unfiltered.
func gumSpans(s *conllu.Sentence) ([]Span, error) {
	type open struct {
		id, typ string
		start   int
	}
	var stack []open
	var spans []Span
	for i, w := range s.Words {
		v := w.MiscValue("Entity")
		for v != "" {
			switch {
			case v[0] == '(':
				end := strings.IndexAny(v[1:], "()")
				if end < 0 {
					end = len(v) - 1
				}
				body := v[1 : 1+end]
				v = v[1+end:]
				id, rest, _ := strings.Cut(body, "-")
				typ, _, _ := strings.Cut(rest, "-")
				if strings.HasPrefix(v, ")") {
					spans = append(spans, Span{Start: i, End: i + 1, Type: typ})
					v = v[1:]
					continue
				}
				stack = append(stack, open{id: id, typ: typ, start: i})
			default:
				end := strings.IndexByte(v, ')')
				if end < 0 {
					return nil, fmt.Errorf("bad Entity value %q", w.MiscValue("Entity"))
				}
				id := v[:end]
				v = v[end+1:]
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].id == id {
						spans = append(spans, Span{Start: stack[k].start, End: i + 1, Type: stack[k].typ})
						stack = slices.Delete(stack, k, k+1)
						break
					}
				}
			}
		}
	}
	return spans, nil
}

// gumSentence keeps the named spans, outermost first, and tags them.
func gumSentence(s *conllu.Sentence, spans []Span) Sentence {
	n := len(s.Words)
	out := Sentence{Words: make([]string, n), Tags: make([]string, n)}
	for i, w := range s.Words {
		out.Words[i], out.Tags[i] = w.Form, "O"
	}
	slices.SortFunc(spans, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	taken := make([]bool, n)
	for _, sp := range spans {
		if !namedHead(s, sp) {
			continue
		}
		sp = trimSpan(s, sp)
		if sp.End <= sp.Start || slices.Contains(taken[sp.Start:sp.End], true) {
			continue
		}
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
			out.Tags[i] = "I-" + sp.Type
		}
		out.Tags[sp.Start] = "B-" + sp.Type
	}
	return out
}

// namedHead reports whether the word of the span whose head lies outside it
// is a proper noun.
func namedHead(s *conllu.Sentence, sp Span) bool {
	h := spanHead(s, sp)
	return h >= 0 && s.Words[h].UPOS == "PROPN"
}

// spanHead returns the index of the word of the span whose head lies
// outside it, or -1.
func spanHead(s *conllu.Sentence, sp Span) int {
	for i := sp.Start; i < sp.End; i++ {
		h := s.Words[i].Head - 1 // word index of the head, -1 for the root
		if h < sp.Start || h >= sp.End {
			return i
		}
	}
	return -1
}

// trimSpan narrows a span to the run of proper nouns around its head, also
// taking "of", "de", "for", "the" and "&" between two proper nouns, so that
// titles, determiners, coordinations and appositions fall outside.
func trimSpan(s *conllu.Sentence, sp Span) Span {
	h := spanHead(s, sp)
	if h < 0 {
		return Span{}
	}
	inside := func(i int) bool {
		return i >= sp.Start && i < sp.End && s.Words[i].UPOS == "PROPN"
	}
	glue := func(i int) bool {
		if i < sp.Start || i >= sp.End {
			return false
		}
		switch strings.ToLower(s.Words[i].Form) {
		case "of", "de", "for", "the", "&", "and":
			return s.Words[i].UPOS != "CCONJ" || s.Words[i].Form == "&"
		}
		return false
	}
	start, end := h, h+1
	for {
		switch {
		case inside(start - 1):
			start--
		case glue(start-1) && inside(start-2):
			start -= 2
		default:
			goto right
		}
	}
right:
	for {
		switch {
		case inside(end):
			end++
		case glue(end) && inside(end+1):
			end += 2
		default:
			return Span{Start: start, End: end, Type: sp.Type}
		}
	}
}

package coref

import (
	"strings"

	"github.com/kgnews/kg/extract/conllu"
)

// span is a mention's position: sentence index in the document and word
// indices, End exclusive.
type span struct{ Sentence, Start, End int }

// goldMention is one bracketed mention of a gold file with its chain id and
// entity type (GUM's etype: person, place, organization, ...).
type goldMention struct {
	span
	Chain string
	Etype string
}

// goldMentions reads the Entity= brackets of one document's sentences.
// Brackets left open at the end of a sentence are dropped.
func goldMentions(doc []*conllu.Sentence) []goldMention {
	var out []goldMention
	for si, s := range doc {
		open := map[string][]goldMention{}
		for wi, w := range s.Words {
			ent := w.MiscValue("Entity")
			if ent == "" {
				continue
			}
			for _, b := range parseBrackets(ent) {
				if b.open {
					open[b.id] = append(open[b.id], goldMention{span: span{si, wi, wi + 1}, Chain: b.id, Etype: b.etype})
				}
				if !b.close {
					continue
				}
				st := open[b.id]
				if len(st) == 0 {
					continue
				}
				m := st[len(st)-1]
				open[b.id] = st[:len(st)-1]
				m.End = wi + 1
				out = append(out, m)
			}
		}
	}
	return out
}

// bracket is one token of an Entity= value: an opening, a closing, or both.
type bracket struct {
	id, etype   string
	open, close bool
}

// parseBrackets splits a GUM Entity= value such as "(7-abstract-new-…(3-…)"
// or "7)6)" into brackets, in order.
func parseBrackets(v string) []bracket {
	var out []bracket
	for i := 0; i < len(v); {
		switch v[i] {
		case '(':
			j := i + 1
			for j < len(v) && v[j] != '(' && v[j] != ')' {
				j++
			}
			fields := strings.SplitN(v[i+1:j], "-", 3)
			b := bracket{id: fields[0], open: true}
			if len(fields) > 1 {
				b.etype = fields[1]
			}
			if j < len(v) && v[j] == ')' {
				b.close = true
				j++
			}
			if b.id != "" {
				out = append(out, b)
			}
			i = j
		case ')':
			i++
		default:
			j := i
			for j < len(v) && v[j] != ')' && v[j] != '(' {
				j++
			}
			if j < len(v) && v[j] == ')' {
				out = append(out, bracket{id: v[i:j], close: true})
				j++
			}
			i = j
		}
	}
	return out
}

// splitDocs groups sentences by their document id, keeping file order.
func splitDocs(sents []*conllu.Sentence) [][]*conllu.Sentence {
	var out [][]*conllu.Sentence
	for i, s := range sents {
		if i == 0 || s.NewDoc || s.DocID != sents[i-1].DocID {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

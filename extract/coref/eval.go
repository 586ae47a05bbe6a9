package coref

import (
	"sort"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/conllu"
)

// GoldParse turns a CoNLL-U sentence into a kg.Sentence with its gold words,
// tags, lemmas, features and tree, and no NER tags. Token offsets count bytes
// in the words joined by their SpaceAfter spacing.
func GoldParse(s *conllu.Sentence) kg.Sentence {
	out := kg.Sentence{Text: s.Text, Tokens: make([]kg.Token, len(s.Words))}
	off := 0
	for i, w := range s.Words {
		out.Tokens[i] = kg.Token{Text: w.Form, Start: off, End: off + len(w.Form), Lemma: w.Lemma,
			UPOS: w.UPOS, XPOS: w.XPOS, Feats: w.Feats, Head: w.Head, Rel: w.Deprel}
		off += len(w.Form)
		if w.SpaceAfter() {
			off++
		}
	}
	out.End = off
	return out
}

// Evaluate resolves each document of gold (sentences grouped by their
// "# newdoc id") after turning its sentences into kg.Sentences with parse,
// and scores the chains against the gold Entity= chains. Singleton chains are
// dropped from both sides, as in CoNLL-2012. parse must keep the gold words
// (one kg.Token per CoNLL-U word), or that sentence's mentions cannot match.
func Evaluate(gold []*conllu.Sentence, parse func(*conllu.Sentence) kg.Sentence) Scores {
	return evaluate(gold, parse, false)
}

// EvaluateSingletons is Evaluate with singleton chains kept on both sides,
// as GUM annotates them.
func EvaluateSingletons(gold []*conllu.Sentence, parse func(*conllu.Sentence) kg.Sentence) Scores {
	return evaluate(gold, parse, true)
}

func evaluate(gold []*conllu.Sentence, parse func(*conllu.Sentence) kg.Sentence, singletons bool) Scores {
	var t tally
	for _, doc := range splitDocs(gold) {
		sents := make([]kg.Sentence, len(doc))
		for i, s := range doc {
			sents[i] = parse(s)
			sents[i].Index = i
		}
		key := goldChains(goldMentions(doc))
		var resp [][]span
		for _, c := range Resolve(sents) {
			var ch []span
			for _, m := range c.Mentions {
				if len(sents[m.Sentence].Tokens) == len(doc[m.Sentence].Words) {
					ch = append(ch, span{m.Sentence, m.Start, m.End})
				}
			}
			resp = append(resp, ch)
		}
		t.add(keep(key, singletons), keep(resp, singletons))
	}
	return t.scores()
}

// goldChains groups gold mentions by chain id, in order of first mention.
// A span annotated twice in one chain counts once.
func goldChains(ms []goldMention) [][]span {
	idx := map[string]int{}
	seen := map[span]bool{}
	var out [][]span
	for _, m := range ms {
		if seen[m.span] {
			continue
		}
		seen[m.span] = true
		i, ok := idx[m.Chain]
		if !ok {
			i = len(out)
			idx[m.Chain] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], m.span)
	}
	return out
}

// keep returns the chains, without singletons unless singletons is set.
func keep(chains [][]span, singletons bool) [][]span {
	var out [][]span
	for _, c := range chains {
		if len(c) > 1 || singletons && len(c) == 1 {
			out = append(out, c)
		}
	}
	return out
}

// GoldParseNER is GoldParse with NER tags taken from the gold Entity=
// annotation: each run of proper nouns inside a person, organization or
// place mention is tagged PER, ORG or LOC, innermost mention first. It
// measures coreference with gold entity types, an upper bound for the NER
// stage.
func GoldParseNER(s *conllu.Sentence) kg.Sentence {
	out := GoldParse(s)
	ms := goldMentions([]*conllu.Sentence{s})
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].End-ms[i].Start < ms[j].End-ms[j].Start })
	tags := map[string]string{"person": "PER", "organization": "ORG", "place": "LOC"}
	for _, m := range ms {
		tag := tags[m.Etype]
		if tag == "" {
			continue
		}
		for k := m.Start; k < m.End; k++ {
			tk := &out.Tokens[k]
			if tk.UPOS != "PROPN" || tk.NER != "" {
				continue
			}
			if k > m.Start && out.Tokens[k-1].NER == "I-"+tag || k > m.Start && out.Tokens[k-1].NER == "B-"+tag {
				tk.NER = "I-" + tag
			} else {
				tk.NER = "B-" + tag
			}
		}
	}
	for k := range out.Tokens {
		if out.Tokens[k].NER == "" {
			out.Tokens[k].NER = "O"
		}
	}
	return out
}

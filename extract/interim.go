package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// This file is the INTERIM BASELINE extractor. It stands in for the real NLP
// pipeline until that lands, so that ingest, the store and the queries work
// end to end. It knows general rules of English typography and nothing about
// any article:
//   - sentences end at . ! ? (not after abbreviations or initials) before a
//     capitalized word, and at blank lines;
//   - entities are runs of capitalized words, joined by "of", "the" and the
//     like; a run at the start of a sentence counts only when its first word
//     is capitalized elsewhere too; titles such as "President" mark a person;
//     a lone surname joins the one longer name that ends with it;
//   - facts join two neighbouring entities of a sentence through the
//     verb-like word between them, with low confidence.

// word is one token of the text with its byte offsets.
type word struct {
	text, lower string
	start, end  int
	punct       bool // punctuation rather than a word
	capital     bool // starts with a capital letter (or a particle like al- before one)
}

// interimExtract runs the interim baseline over one document.
func interimExtract(doc kg.Document, maxFactWords int) *kg.Extraction {
	words := tokenize(doc.Text)
	spans := splitSentences(doc.Text, words)
	x := &kg.Extraction{Document: doc, Entities: []kg.Entity{}, Facts: []kg.Fact{}}
	for i, sp := range spans {
		start, end := words[sp[0]].start, words[sp[1]-1].end
		x.Sentences = append(x.Sentences, kg.Sentence{Index: i, Start: start, End: end, Text: doc.Text[start:end]})
	}
	ms := findMentions(doc.Text, words, spans)
	x.Entities, x.Mentions = buildEntities(ms)
	x.Facts = findFacts(x, words, spans, ms, maxFactWords)
	return x
}

// tokenize splits text into words and single punctuation marks. A word keeps
// inner periods, apostrophes, hyphens and ampersands (U.S, don't, al-Assad,
// AT&T), takes a final period when it is an abbreviation or an initial, and
// leaves a possessive 's as a token of its own.
func tokenize(text string) []word {
	var out []word
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(text, i)
			out = appendWord(out, text, i, j)
			i = j
		default:
			out = append(out, word{text: text[i : i+n], lower: text[i : i+n], start: i, end: i + n, punct: true})
			i += n
		}
	}
	return out
}

// scanWord returns the end of the word that starts at i.
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j += n
			continue
		}
		if strings.ContainsRune(".'’-&", r) && j+n < len(text) {
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			if unicode.IsLetter(next) || unicode.IsDigit(next) {
				j += n
				continue
			}
		}
		break
	}
	if j < len(text) && text[j] == '.' {
		w := strings.ToLower(text[i:j])
		if abbreviations[w] || strings.Contains(w, ".") || isInitial(text[i:j]) {
			j++
		}
	}
	return j
}

// isInitial reports whether w is a single capital letter, as in "George W. Bush".
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// appendWord appends text[i:j] as one word, or two when it ends in a possessive.
func appendWord(out []word, text string, i, j int) []word {
	w := text[i:j]
	for _, pos := range []string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(pos) && strings.HasSuffix(w, pos) {
			k := j - len(pos)
			out = append(out, newWord(text, i, k))
			return append(out, word{text: text[k:j], lower: strings.ToLower(text[k:j]), start: k, end: j})
		}
	}
	return append(out, newWord(text, i, j))
}

func newWord(text string, i, j int) word {
	w := text[i:j]
	r, _ := utf8.DecodeRuneInString(w)
	capital := unicode.IsUpper(r)
	if k := strings.IndexByte(w, '-'); !capital && k > 0 && k <= 3 && k+1 < len(w) {
		r2, _ := utf8.DecodeRuneInString(w[k+1:])
		capital = unicode.IsUpper(r2) // al-Assad, bin-Salman
	}
	return word{text: w, lower: strings.ToLower(w), start: i, end: j, capital: capital}
}

// splitSentences groups words into sentences, each a [first, last+1) range of
// word indexes.
func splitSentences(text string, words []word) [][2]int {
	var spans [][2]int
	first := 0
	for i := range words {
		if i+1 == len(words) || endsSentence(text, words, i) {
			spans = append(spans, [2]int{first, i + 1})
			first = i + 1
		}
	}
	return spans
}

// endsSentence reports whether a sentence ends after words[i].
func endsSentence(text string, words []word, i int) bool {
	next := words[i+1]
	if strings.Contains(strings.ReplaceAll(text[words[i].end:next.start], "\r", ""), "\n\n") {
		return true
	}
	if !isTerminal(words[i]) && !(isCloser(words[i]) && i > 0 && isTerminal(words[i-1]) && words[i-1].end == words[i].start) {
		return false
	}
	// Closing quotes and brackets stay with the sentence they close.
	if isCloser(next) && next.start == words[i].end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsAny(next.text, `"'“‘(`)
}

// isTerminal reports whether w is a mark that can end a sentence.
func isTerminal(w word) bool { return w.punct && strings.ContainsAny(w.text, ".!?…") }

// isCloser reports whether w is a quote or bracket that can close a sentence.
func isCloser(w word) bool { return w.punct && strings.ContainsAny(w.text, `"'”’)]`) }

// mention is one name found in the text, before entities are built.
type mention struct {
	sentence    int
	runStart    int // word index where the capitalized run began, before trimming
	first, end  int // word indexes [first, end)
	start, stop int
	surface     string
	vote        kg.EntityType // type the context suggests, or ""
}

// findMentions finds the names of every sentence.
func findMentions(text string, words []word, spans [][2]int) []mention {
	names := nameWords(words, spans)
	var out []mention
	for si, sp := range spans {
		for i := sp[0]; i < sp[1]; {
			j := runEnd(words, i, sp[1])
			if j > i {
				if m, ok := trimRun(words, names, si, sp[0], i, j); ok {
					m.surface = text[m.start:m.stop]
					out = append(out, m)
				}
				i = j
				continue
			}
			i++
		}
	}
	return out
}

// nameWords returns the lowercase forms of the words that appear capitalized
// somewhere other than the start of a sentence.
func nameWords(words []word, spans [][2]int) map[string]bool {
	names := map[string]bool{}
	for _, sp := range spans {
		for i := sp[0] + 1; i < sp[1]; i++ {
			prev := words[i-1]
			opening := prev.punct && strings.ContainsAny(prev.text, `"“‘(:`)
			if words[i].capital && !opening && !functionWords[words[i].lower] {
				names[words[i].lower] = true
			}
		}
	}
	return names
}

// runEnd returns the end of the run of capitalized words that starts at i,
// or i when none starts there. Connectors join capitalized words.
func runEnd(words []word, i, end int) int {
	j := i
	for j < end && words[j].capital {
		j++
		k := j
		for k < end && nameConnectors[words[k].lower] && !words[k].capital {
			k++
		}
		if k > j && k < end && words[k].capital {
			j = k
		}
	}
	return j
}

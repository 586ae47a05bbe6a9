package extract

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/alias"
	"github.com/kgnews/kg/extract/coref"
	"github.com/kgnews/kg/extract/relations"
)

// factBuilder turns the relations of a document's sentences into facts
// between entities. Arguments whose head is a mention of a named entity
// link to it; other nominal arguments become concept entities.
type factBuilder struct {
	x        *kg.Extraction
	entities map[string]int           // entity ID -> index in x.Entities
	byToken  [][]string               // per sentence, per token: the entity of the smallest mention covering it
	pronouns map[[2]int]coref.Mention // (sentence, token) of a pronoun -> the nominal its chain starts with, for chains without a name
	families map[string]int           // family name -> index in x.Entities of the one person with it, -1 when several share it
}

func newFactBuilder(x *kg.Extraction, chains []coref.Chain) *factBuilder {
	b := &factBuilder{x: x, entities: make(map[string]int, len(x.Entities)), pronouns: antecedents(chains)}
	b.families = map[string]int{}
	for i, e := range x.Entities {
		b.entities[e.ID] = i
		if fam := kg.FamilyName(e.Label); e.Type == kg.Person && fam != "" {
			if _, dup := b.families[fam]; dup {
				b.families[fam] = -1
			} else {
				b.families[fam] = i
			}
		}
	}
	b.byToken = make([][]string, len(x.Sentences))
	width := make([][]int, len(x.Sentences))
	for si, s := range x.Sentences {
		b.byToken[si] = make([]string, len(s.Tokens))
		width[si] = make([]int, len(s.Tokens))
	}
	for _, m := range x.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(x.Sentences) {
			continue
		}
		for ti, t := range x.Sentences[m.Sentence].Tokens {
			w := m.End - m.Start
			if t.Start >= m.Start && t.End <= m.End && (b.byToken[m.Sentence][ti] == "" || w < width[m.Sentence][ti]) {
				b.byToken[m.Sentence][ti] = m.Entity
				width[m.Sentence][ti] = w
			}
		}
	}
	return b
}

// sentence adds the facts of one sentence's relations.
func (b *factBuilder) sentence(si int, rels []relations.Relation) {
	s := &b.x.Sentences[si]
	for _, r := range rels {
		subj := b.argument(si, r.Subject)
		if subj == "" || b.timeHead(si, r.Subject) {
			continue // "the days preceding the visit" say when, they do nothing
		}
		if r.Object != nil && !b.timeHead(si, *r.Object) && r.Predicate != "be_of" { // "is of great importance"
			if obj := b.argument(si, *r.Object); obj != "" && obj != subj && !b.falseIdentity(r.Predicate, subj, obj) && !b.selfPossession(r.Predicate, subj, obj) {
				b.add(s, r, subj, r.Predicate, obj)
			}
		}
		for _, e := range r.Extra {
			prep := preposition(s, e)
			if prep == "" || r.Object == nil || !extraPreposition(r.Predicate, prep) || b.timeHead(si, e) || e.Head < r.Subject.Head {
				continue
			}
			if obj := b.argument(si, e); obj != "" && obj != subj {
				b.add(s, r, subj, r.Predicate+"_"+prep, obj)
			}
		}
	}
}

// unknownSource is the entity ID of the speaker of claims whose speaker is
// no entity ("officials said").
const unknownSource = "unknown_source"

// add appends one fact with the sentence as evidence.
func (b *factBuilder) add(s *kg.Sentence, r relations.Relation, subj, pred, obj string) {
	f := kg.Fact{Subject: subj, Predicate: pred, Object: obj, Confidence: round3(r.Confidence),
		Negated: r.Negated, Modality: r.Modality,
		Evidence: kg.Evidence{Doc: b.x.Document.ID, Title: b.x.Document.Title, Date: b.x.Document.Date,
			Sentence: s.Index, Text: s.Text, Start: s.Start, End: s.End}}
	if r.AttributedTo != nil {
		if who := b.argument(s.Index, *r.AttributedTo); who != "" {
			f.AttributedTo = who
		} else {
			// A claim reported by someone the graph cannot name stays a
			// reported claim, never a plain edge: it gets a shared source node.
			f.AttributedTo = unknownSource
			b.concept("unknown source", unknownSource)
		}
	}
	if r.Time != nil {
		f.ValidTime = r.Time.Text
	}
	b.x.Facts = append(b.x.Facts, f)
}

// argument returns the entity an argument refers to: the named entity its
// head belongs to, or a concept named by its words; "" when it names
// nothing a graph can hold (a pronoun left unresolved, a clause, a number).
func (b *factBuilder) argument(si int, a relations.Argument) string {
	toks := b.x.Sentences[si].Tokens
	if a.Head < 0 || a.Head >= len(toks) {
		return ""
	}
	if id := b.titledName(si, a); id != "" {
		return id
	}
	if id := b.reportingSpeaker(si, a.Head); id != "" {
		return id
	}
	if id := b.byToken[si][a.Head]; id != "" {
		if toks[a.Head].UPOS == "PRON" && !b.pronounFits(id) {
			return "" // coreference gave "it" a date: drop rather than guess
		}
		return id
	}
	a = partOf(toks, a)
	if id := b.byToken[si][a.Head]; id != "" {
		return id
	}
	head := toks[a.Head]
	if head.UPOS == "PRON" && reflexive(head.Text) {
		return "" // "calling themselves the National Congress": the subject again
	}
	if head.UPOS == "PRON" {
		m, ok := b.pronouns[[2]int{si, a.Head}]
		if !ok {
			return ""
		}
		if ma := mentionArgument(m); !b.timeHead(m.Sentence, ma) {
			return b.argument(m.Sentence, ma)
		}
		return "" // "he" is no date
	}
	if head.UPOS != "NOUN" && head.UPOS != "PROPN" {
		return ""
	}
	if id := b.personBySurname(head.Text); id != "" {
		return id
	}
	label := b.conceptLabel(si, a)
	if label == "" {
		return ""
	}
	id := alias.Slug(label)
	if id == "" {
		return ""
	}
	b.concept(label, id)
	return id
}

// personBySurname returns the one person of the document whose family name
// is word, as written, or "". It catches a surname the entity tagger missed
// ("Desrosiers said ...") before it would become a concept, and records the
// form as the person's alias.
func (b *factBuilder) personBySurname(word string) string {
	found, ok := b.families[word]
	if !ok || found < 0 {
		return ""
	}
	e := &b.x.Entities[found]
	e.Mentions++
	if !slices.Contains(e.Aliases, word) {
		e.Aliases = append(e.Aliases, word)
		e.Merges = append(e.Merges, fmt.Sprintf("%s: %q -> %q", RuleSurnameInDocument, word, e.Label))
	}
	return e.ID
}

// RuleSurnameInDocument names the merge of a surname the entity tagger
// missed into the one person of the document with that family name.
const RuleSurnameInDocument = "surname in document"

// concept adds a concept entity unless the document already has the ID.
func (b *factBuilder) concept(label, id string) {
	if i, ok := b.entities[id]; ok {
		b.x.Entities[i].Mentions++
		return
	}
	b.entities[id] = len(b.x.Entities)
	b.x.Entities = append(b.x.Entities, kg.Entity{ID: id, Label: label, Type: kg.Concept, Mentions: 1})
}

// maxConceptWords bounds the words an of-phrase adds to a concept's label.
const maxConceptWords = 4

// conceptLabel names a nominal argument by its head and the words before it
// (no determiners or possessive pronouns), plus its of-phrase: the entity
// the phrase names ("forces of Bashar al-Assad") or its first few words.
// Other prepositional phrases and clauses after the head are left out.
// Words are lowercased unless they are proper nouns or acronyms.
func (b *factBuilder) conceptLabel(si int, a relations.Argument) string {
	toks := b.x.Sentences[si].Tokens
	var words []string
	for _, i := range a.Tokens {
		if i > a.Head {
			break
		}
		t := toks[i]
		if clauseWord(t) || t.UPOS == "VERB" && hasSubject(toks, i) {
			return "" // "the two also announced new measures" is no thing
		}
		if len(words) == 0 && leadingDebris(toks, i) || article(t) || underPossessor(toks, i, a.Head) || t.Text == "," {
			continue // "a conscious, decisive turn" is the conscious decisive turn
		}
		words = append(words, labelWord(toks, i))
	}
	if of := b.ofPhrase(si, a); of != "" {
		words = append(words, "of", of)
	}
	return strings.Join(words, " ")
}

// ofPhrase returns what the of-phrase of an argument's head names: an
// entity's label, or up to maxConceptWords of its words; "" when none.
func (b *factBuilder) ofPhrase(si int, a relations.Argument) string {
	toks := b.x.Sentences[si].Tokens
	for _, c := range a.Tokens {
		if c <= a.Head || toks[c].Head-1 != a.Head || toks[c].Rel != "nmod" || !hasCase(toks, c, "of") {
			continue
		}
		if id := b.byToken[si][c]; id != "" {
			return b.x.Entities[b.entities[id]].Label
		}
		var words []string // the phrase's head and the words before it
		for _, i := range a.Tokens {
			if i > c {
				break
			}
			if dominates(toks, c, i) && toks[i].Rel != "case" && toks[i].UPOS != "DET" {
				words = append(words, labelWord(toks, i))
			}
		}
		if len(words) > maxConceptWords {
			words = words[len(words)-maxConceptWords:]
		}
		return strings.Join(words, " ")
	}
	return ""
}

// labelWord is token i as it appears in a concept label: lowercased unless
// it is a proper noun, an acronym or a capitalized word inside the sentence
// ("Russian ally").
func labelWord(toks []kg.Token, i int) string {
	t := toks[i]
	r, _ := utf8.DecodeRuneInString(t.Text)
	if t.UPOS == "PROPN" || isAcronym(t.Text) || i > 0 && unicode.IsUpper(r) {
		return t.Text
	}
	return strings.ToLower(t.Text)
}

func isTrailing(w string) bool {
	switch w {
	case "of", "in", "on", "at", "for", "to", "with", "by", "from", "and", "or", "the", "a", "an", "'s", "’s":
		return true
	}
	return false
}

// isAcronym reports whether w is written in capitals, like UN or NATO.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n >= 2
}

// preposition returns the lemma of the case marker of an oblique argument,
// joined with underscores when it has several words ("in front of").
func preposition(s *kg.Sentence, a relations.Argument) string {
	var parts []string
	for _, i := range a.Tokens {
		if i < 0 || i >= len(s.Tokens) {
			continue
		}
		t := s.Tokens[i]
		if t.Head-1 == a.Head && (t.Rel == "case" || t.Rel == "fixed") {
			parts = append(parts, strings.ToLower(t.Text))
		}
	}
	return strings.Join(parts, "_")
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// partOf narrows an argument headed by a partitive noun to its of-phrase:
// "the latest version of a draft resolution" names the draft resolution.
func partOf(toks []kg.Token, a relations.Argument) relations.Argument {
	if !relations.Partitive(toks[a.Head].Lemma) {
		return a
	}
	for _, i := range a.Tokens {
		if toks[i].Head-1 != a.Head || !strings.HasPrefix(toks[i].Rel, "nmod") || !hasCase(toks, i, "of") {
			continue
		}
		var span []int
		for _, j := range a.Tokens {
			if dominates(toks, i, j) {
				span = append(span, j)
			}
		}
		return relations.Argument{Head: i, Tokens: span}
	}
	return a
}

// hasCase reports whether word i has the case marker word.
func hasCase(toks []kg.Token, i int, word string) bool {
	for _, t := range toks {
		if t.Head-1 == i && t.Rel == "case" && strings.EqualFold(t.Text, word) {
			return true
		}
	}
	return false
}

// dominates reports whether word j is i or below i in the tree.
func dominates(toks []kg.Token, i, j int) bool {
	for n := 0; j >= 0 && j < len(toks) && n <= len(toks); n++ {
		if j == i {
			return true
		}
		j = toks[j].Head - 1
	}
	return false
}

// titledName returns the person named after the capitalized title words
// an argument starts with, such as "U.S. Secretary of State Rex Tillerson"
// or "Canadian Fisheries Minister Paul Desrosiers" when a parser made a
// title word the head: the person is the head's apposition, or ends the
// argument after nothing but title words. It returns "" otherwise.
func (b *factBuilder) titledName(si int, a relations.Argument) string {
	toks, ents := b.x.Sentences[si].Tokens, b.byToken[si]
	head := ents[a.Head]
	if !titleWord(toks[a.Head]) || b.isPerson(head) {
		return ""
	}
	for j, t := range toks {
		if t.Head-1 == a.Head && t.Rel == "appos" && b.isPerson(ents[j]) {
			return ents[j]
		}
	}
	last := a.Tokens[len(a.Tokens)-1]
	if head == "" && last != a.Head && b.isPerson(ents[last]) && b.titlesBefore(si, a, last) {
		return ents[last]
	}
	return ""
}

// isPerson reports whether the entity ID names a person.
func (b *factBuilder) isPerson(id string) bool {
	i, ok := b.entities[id]
	return ok && b.x.Entities[i].Type == kg.Person
}

// titlesBefore reports whether every word of the argument before token j
// belongs to a title or to the name that starts at j.
func (b *factBuilder) titlesBefore(si int, a relations.Argument, j int) bool {
	toks, ents := b.x.Sentences[si].Tokens, b.byToken[si]
	for _, i := range a.Tokens {
		if i >= j || ents[i] == ents[j] {
			return true
		}
		if !titleWord(toks[i]) && toks[i].UPOS != "ADP" && toks[i].UPOS != "DET" && toks[i].UPOS != "PUNCT" {
			return false
		}
	}
	return true
}

// titleWord reports whether a token can be part of a role title:
// capitalized and a proper noun, noun or adjective ("Canadian Fisheries
// Minister").
func titleWord(t kg.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r) && (t.UPOS == "PROPN" || t.UPOS == "NOUN" || t.UPOS == "ADJ")
}

// antecedents maps each pronoun of a chain without a name to the chain's
// first nominal mention, so that "it" in "China vetoed it" can stand for "a
// draft resolution" named earlier. Chains with a name are linked through
// their entity's mentions instead.
func antecedents(chains []coref.Chain) map[[2]int]coref.Mention {
	out := map[[2]int]coref.Mention{}
	for _, c := range chains {
		first := -1
		for i, m := range c.Mentions {
			if m.Named {
				first = -1
				break
			}
			if !m.Pronoun && first < 0 {
				first = i
			}
		}
		if first < 0 {
			continue
		}
		for _, m := range c.Mentions {
			if m.Pronoun {
				out[[2]int{m.Sentence, m.Head}] = c.Mentions[first]
			}
		}
	}
	return out
}

// mentionArgument turns a coreference mention into a relation argument.
func mentionArgument(m coref.Mention) relations.Argument {
	a := relations.Argument{Head: m.Head, Text: m.Text}
	for i := m.Start; i < m.End; i++ {
		a.Tokens = append(a.Tokens, i)
	}
	return a
}

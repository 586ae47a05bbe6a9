package question

import (
	"strings"

	"github.com/kgnews/kg"
)

// MaxTokens is the longest question, in words, that Read reads.
const MaxTokens = 80

// Read turns a tagged question into a frame. toks are the question's words
// with their tags and lemmas (dependency relations are used only for verb
// particles: parsers trained on statements read fronted questions poorly),
// their offsets pointing into text. A question it cannot read fails with
// kg.EINVALID.
func Read(text string, toks []kg.Token) (kg.Frame, error) {
	toks = trim(toks)
	if len(toks) == 0 {
		return kg.Frame{}, kg.Errorf(kg.EINVALID, "no question given")
	}
	if len(toks) > MaxTokens {
		return kg.Frame{}, kg.Errorf(kg.EINVALID, "the question is too long")
	}
	r := &reader{text: text, t: toks}
	if !r.read() {
		return kg.Frame{}, kg.Errorf(kg.EINVALID, "kg cannot read this question")
	}
	r.f.Words = contentLemmas(toks)
	return r.f, nil
}

// trim drops punctuation and quotes around the question.
func trim(toks []kg.Token) []kg.Token {
	for len(toks) > 0 && toks[len(toks)-1].UPOS == "PUNCT" {
		toks = toks[:len(toks)-1]
	}
	for len(toks) > 0 && toks[0].UPOS == "PUNCT" {
		toks = toks[1:]
	}
	return toks
}

// reader walks one question's words.
type reader struct {
	text string
	t    []kg.Token
	f    kg.Frame
	wh   string // the question word, lowercased ("" for yes/no)
}

func (r *reader) w(i int) string {
	if i < 0 || i >= len(r.t) {
		return ""
	}
	return lower(r.t[i])
}

// read fills the frame; false when the question has no form it knows.
func (r *reader) read() bool {
	if r.fixedForm() {
		return true
	}
	w0 := r.w(0)
	if !whWords[w0] {
		if isDoHave(r.t[0]) || isBe(r.t[0]) {
			return r.yesNo()
		}
		return false
	}
	r.wh = w0
	r.f.Who = w0 == "who" || w0 == "whom"
	i := 1
	if (w0 == "what" || w0 == "which" || w0 == "whose") && i < len(r.t) && isWhNoun(r.t[i]) {
		for i < len(r.t) && isWhNoun(r.t[i]) && !isDoHave(r.t[i]) && !isBe(r.t[i]) {
			i++
		}
	}
	if r.w(i) == "else" {
		r.f.Else = true
		i++
	}
	if i >= len(r.t) {
		return false
	}
	switch n := r.t[i]; {
	case isBe(n):
		return r.afterBe(i + 1)
	case isDoHave(n) && !r.mainHave(i):
		return r.afterAux(i+1, n)
	default:
		return r.subjectQuestion(i)
	}
}

// isWhNoun reports whether a word can follow which/what as its noun: "What
// story", "Which countries".
func isWhNoun(t kg.Token) bool {
	return t.UPOS == "NOUN" || t.UPOS == "ADJ" || t.UPOS == "PROPN" && t.XPOS != "VB"
}

// mainHave reports whether the have at i is the main verb (Which countries
// have absolute monarchs?) rather than an auxiliary.
func (r *reader) mainHave(i int) bool {
	if !isHave(r.t[i]) {
		return false
	}
	_, e := r.nounPhrase(i + 1)
	for k := e; k < len(r.t); k++ {
		if isVerb(r.t[k]) {
			return false
		}
	}
	return e > i+1 && r.wh != "where" && r.wh != "when"
}

// kindForObject is the kind of a question whose answer is not the subject.
func (r *reader) kindForObject() string {
	switch r.wh {
	case "where":
		return kg.AskWhere
	case "when":
		return kg.AskWhen
	}
	return kg.AskObject
}

// afterBe reads the words after a fronted be: "Who is X?", "Where was X
// born?", "Who was X arrested by?", "Who was struck by X?".
func (r *reader) afterBe(i int) bool {
	if i >= len(r.t) {
		return false
	}
	if isVerb(r.t[i]) && (isParticiple(r.t[i]) || r.t[i].XPOS == "VBG") {
		// The wh-word is the clause's subject: "Who was struck by the US?"
		passive := r.t[i].XPOS != "VBG"
		k := r.verbPhrase(i)
		r.f.Passive = passive
		r.f.Kind = kg.AskSubject
		if passive {
			r.f.Kind = r.kindForObject()
		}
		r.rest(r.control(k, false))
		return r.f.Predicate != ""
	}
	v := r.lastParticiple(i)
	if v < 0 {
		r.f.Subject = r.span(i, len(r.t))
		r.f.Kind = kg.AskWhoIs
		switch r.wh {
		case "where":
			r.f.Kind = kg.AskWhere
		case "when":
			r.f.Kind = kg.AskWhen
		}
		return r.f.Subject != ""
	}
	end := v
	for end > i+1 && (isBe(r.t[end-1]) || r.t[end-1].UPOS == "ADV") { // "X been replaced", "X partially based"
		end--
	}
	r.f.Object = r.span(i, end)
	r.f.Passive = r.t[v].XPOS != "VBG"
	if !r.f.Passive { // "What is X doing?"
		r.f.Subject, r.f.Object = r.f.Object, ""
	}
	r.f.Kind = r.kindForObject()
	r.rest(r.control(r.verbPhrase(v), false))
	if r.f.Passive && r.f.Prep == "by" {
		r.f.Kind, r.f.Prep = kg.AskSubject, ""
	}
	return r.f.Object != "" || r.f.Subject != ""
}

// lastParticiple returns the participle that ends the subject of a fronted
// be ("Who was the policy of turning away boats criticised by?"): the last
// past participle after i that does not follow a determiner or to, or -1.
func (r *reader) lastParticiple(i int) int {
	for v := len(r.t) - 1; v > i; v-- {
		t := r.t[v]
		ed := strings.HasSuffix(lower(t), "ed") || strings.HasSuffix(lower(t), "en") || t.XPOS == "VBN"
		if (t.XPOS == "VBN" || t.XPOS == "VBD" || t.UPOS == "VERB" && ed || t.UPOS == "ADJ" && ed && r.onlyPrepsAfter(v)) &&
			r.t[v-1].UPOS != "DET" && r.w(v-1) != "to" && !isBe(t) {
			return v
		}
	}
	return -1
}

// afterAux reads an object question: "Who did X meet (in Y)?", "What did X
// die from?", "Where did X go?", "What have X been replaced by?".
func (r *reader) afterAux(i int, aux kg.Token) bool {
	if i >= len(r.t) {
		return false
	}
	if isHave(aux) && isParticiple(r.t[i]) || modals[lower(aux)] && isVerb(r.t[i]) && r.wh != "where" && r.wh != "when" && !r.nounFollowsAux(i) {
		return r.subjectQuestion(i) // "Who has met Putin?", "Who will lead the party?"
	}
	v := r.firstVerb(i)
	if v < 0 {
		return false
	}
	if isBe(r.t[v]) { // "What have X been replaced by?"
		return r.afterBe(i)
	}
	r.f.Subject = r.span(i, skipAdverbsBack(r.t, i, v))
	r.f.Kind = r.kindForObject()
	k := r.verbPhrase(v)
	k = r.control(k, true)
	r.rest(k)
	if r.f.Kind == kg.AskObject && isSpeech(r.f.Predicate) && r.wh == "what" {
		r.f.Kind = kg.AskSay
	}
	return r.f.Subject != ""
}

// firstVerb returns the verb after the subject that starts at i: the first
// verb (or be, for a passive) after at least one nominal word that does not
// follow a determiner, else a noun the tagger took for the verb (see
// verbTaggedAsNoun), else -1.
func (r *reader) firstVerb(i int) int {
	for k := i + 1; k < len(r.t); k++ {
		t := r.t[k]
		if (isVerb(t) || isBe(t) && k+1 < len(r.t) && isVerb(r.t[k+1])) && r.t[k-1].UPOS != "DET" && r.t[k-1].Text != "-" && r.w(k-1) != "to" && !r.insideName(k) {
			return k
		}
	}
	s, e := r.nounPhrase(i)
	if e > s && e < len(r.t) && r.t[e-1].UPOS == "PROPN" {
		switch r.t[e].UPOS {
		case "ADV", "ADJ", "X", "INTJ": // "did Norton abolish", abolish tagged as an adverb
			return e
		}
	}
	return r.verbTaggedAsNoun(s, e)
}

// insideName reports whether a capitalized word stands between two proper
// nouns, as Sent in "Heaven Sent Gaming".
func (r *reader) insideName(k int) bool {
	t := r.t[k]
	return k > 1 && k+1 < len(r.t) && capitalized(t) && capitalized(r.t[k-1]) && capitalized(r.t[k+1])
}

// nounFollowsAux reports whether a noun phrase starts at i: the modal's
// subject ("What will the UN do?").
func (r *reader) nounFollowsAux(i int) bool {
	t := r.t[i]
	return t.UPOS == "PROPN" || t.UPOS == "DET" || t.UPOS == "PRON"
}

func skipAdverbsBack(t []kg.Token, s, e int) int {
	for e > s+1 && t[e-1].UPOS == "ADV" {
		e--
	}
	return e
}

// verbTaggedAsNoun finds the verb of "did the Sams consult" when the tagger
// took it for a noun: a word of the phrase that a new noun phrase follows
// ("the military fire 36 shells"), else the phrase's last word. It returns
// -1 when the phrase is too short to hold both a subject and a verb.
func (r *reader) verbTaggedAsNoun(s, e int) int {
	if e-s < 2 {
		return -1
	}
	for k := s + 1; k < e-1; k++ {
		switch r.t[k+1].UPOS {
		case "DET", "NUM", "PRON":
			if r.t[k].UPOS == "NOUN" {
				return k
			}
		}
	}
	for k := s; k < e-1; k++ { // "did Byron exchange letters": the word after the name
		if r.t[k].UPOS == "PROPN" && r.t[k+1].UPOS == "NOUN" {
			return k + 1
		}
	}
	return e - 1
}

// subjectQuestion reads "Who met X?", "Who first reprinted X?", "Which
// countries have X?": the wh-word is the subject of the verb at i.
func (r *reader) subjectQuestion(i int) bool {
	for i < len(r.t) && r.t[i].UPOS == "ADV" && i+1 < len(r.t) && isVerb(r.t[i+1]) {
		i++
	}
	if i >= len(r.t) || !isVerb(r.t[i]) && !isHave(r.t[i]) && r.t[i].UPOS != "NOUN" {
		return false
	}
	r.f.Kind = kg.AskSubject
	if r.wh == "where" || r.wh == "when" {
		r.f.Kind = r.kindForObject()
	}
	k := r.verbPhrase(i)
	k = r.control(k, false)
	r.rest(k)
	return true
}

// yesNo reads "Did X meet Y?" and "Was X arrested by Y?".
func (r *reader) yesNo() bool {
	r.wh = ""
	if !r.afterAux(1, r.t[0]) && !r.afterBe(1) {
		return false
	}
	r.f.Kind = kg.AskYesNo
	return r.f.Subject != "" || r.f.Object != ""
}

// verbPhrase sets the predicate from the verb at i and its particles and
// returns the index after them.
func (r *reader) verbPhrase(i int) int {
	parts := []string{lemmaOf(r.t[i])}
	r.f.Verb = lower(r.t[i])
	k := i + 1
	for k < len(r.t) && isParticle(r.t[k]) && !(k+1 == len(r.t) && preps[r.w(k)] && r.w(k) != "out" && r.w(k) != "up" && r.w(k) != "down" && r.w(k) != "off") {
		parts = append(parts, r.w(k))
		k++
	}
	r.f.Predicate = strings.Join(parts, "_")
	return k
}

// control follows a to-infinitive after the verb ("agreed to sign", "wants
// to take over") to the inner event, which is what the text's facts name.
// An object-control verb whose inner verb has an object of its own keeps
// its own predicate: in "Who did X urge to hold Y accountable?" the answer
// is whom X urged.
func (r *reader) control(k int, objectQuestion bool) int {
	if r.w(k) != "to" || k+1 >= len(r.t) || !isVerb(r.t[k+1]) {
		return k
	}
	inner := k + 1
	if objectQuestion {
		if s, e := r.nounPhrase(r.afterParticles(inner + 1)); e > s {
			return len(r.t) // the answer is the matrix verb's object; the rest stays in Words
		}
	}
	r.f.Words = append(r.f.Words, r.f.Predicate)
	return r.control(r.verbPhrase(inner), objectQuestion)
}

func (r *reader) afterParticles(k int) int {
	for k < len(r.t) && isParticle(r.t[k]) {
		k++
	}
	return k
}

// rest reads what follows the verb: a direct object, prepositional phrases
// (the known object, the agent of a passive, time and place adjuncts) and a
// stranded preposition ("die from?").
func (r *reader) rest(k int) {
	for k < len(r.t) {
		t := r.t[k]
		switch {
		case isPrep(t) || t.UPOS == "ADP":
			k = r.prepPhrase(k)
		case isNominal(t):
			s, e := r.nounPhrase(k)
			if e == s {
				e = s + 1
			} else if r.f.Object == "" && !r.f.Passive && (r.f.Kind == kg.AskSubject || r.wh == "" || r.f.Kind == kg.AskWhere || r.f.Kind == kg.AskWhen) {
				r.f.Object = r.span(s, e)
			} else if r.f.Time == "" && isTimePhrase(r.t[s:e]) {
				r.f.Time = r.span(s, e)
			}
			k = e
		default:
			k++
		}
	}
}

// prepPhrase reads the preposition at k and its noun phrase, and returns the
// index after them.
func (r *reader) prepPhrase(k int) int {
	prep := r.w(k)
	if k+1 < len(r.t) && r.w(k) == "instead" && r.w(k+1) == "of" {
		k++
	}
	s, e := r.nounPhrase(k + 1)
	if e == s { // stranded: "Who did X die from?"
		if r.f.Prep == "" {
			r.f.Prep = prep
		}
		return k + 1
	}
	phrase := r.t[s:e]
	switch {
	case isTimePhrase(phrase) && prep != "of" && prep != "by":
		if r.f.Time == "" {
			r.f.Time = r.span(k, e)
		}
	case prep == "by" && r.f.Passive:
		r.f.Subject = r.span(s, e)
	case r.f.Object == "" && (r.f.Kind == kg.AskSubject || r.wh == "") && prep != "instead":
		r.f.Object, r.f.ObjPrep = r.span(s, e), prep
	case (prep == "in" || prep == "at" || prep == "near") && hasProper(phrase) && r.f.Place == "":
		r.f.Place = r.span(s, e)
	case prep == "about" && r.f.Object == "":
		r.f.Object, r.f.ObjPrep = r.span(s, e), prep
	}
	return e
}

// nounPhrase returns the noun phrase that starts at i: nominal words, with
// of-phrases and the and of coordinated names inside. It returns (i, i) when
// none starts there.
func (r *reader) nounPhrase(i int) (int, int) {
	e := i
	for e < len(r.t) {
		t := r.t[e]
		switch {
		case e > i && r.t[e-1].Text == "-" || e > i && r.t[e-1].UPOS == "DET" && t.UPOS != "PUNCT" || r.insideName(e):
			e++ // iodine-containing, the WHO, a cyclone tagged as a verb, Heaven Sent Gaming
		case t.UPOS == "DET" && e > i && r.t[e-1].UPOS != "ADP" && r.t[e-1].UPOS != "CCONJ":
			return i, e // a determiner starts the next phrase: "the competition this year"
		case isNominal(t) && !(t.UPOS == "PRON" && e > i) && !(e > i && lower(t) == "that"):
			e++
		case e > i && (lower(t) == "of" || t.UPOS == "CCONJ" && lower(t) == "and") && e+1 < len(r.t) && isNominal(r.t[e+1]):
			e++
		default:
			return i, e
		}
	}
	return i, e
}

// span returns the text of words [i, j) as written, without a leading
// article.
func (r *reader) span(i, j int) string {
	for i < j-1 && (r.t[i].UPOS == "DET" && (r.w(i) == "the" || r.w(i) == "a" || r.w(i) == "an")) {
		i++
	}
	if i >= j {
		return ""
	}
	s := r.text[r.t[i].Start:r.t[j-1].End]
	return strings.TrimSpace(strings.Trim(s, "\"“”"))
}

// contentLemmas returns the lemmas of a question's content words.
func contentLemmas(toks []kg.Token) []string {
	var out []string
	for _, t := range toks {
		switch t.UPOS {
		case "NOUN", "VERB", "ADJ", "PROPN", "NUM", "ADV":
			if l := lemmaOf(t); !stopLemmas[l] && len(l) > 1 {
				out = append(out, l)
			}
		}
	}
	return out
}

// isSpeech reports whether a predicate reports speech.
func isSpeech(p string) bool {
	switch strings.SplitN(p, "_", 2)[0] {
	case "say", "tell", "think", "claim", "write", "state", "argue", "believe", "announce", "warn", "insist", "declare", "explain":
		return true
	}
	return false
}

func capitalized(t kg.Token) bool { return t.Text != "" && t.Text[0] >= 'A' && t.Text[0] <= 'Z' }

// onlyPrepsAfter reports whether nothing but prepositions follows word v.
func (r *reader) onlyPrepsAfter(v int) bool {
	for k := v + 1; k < len(r.t); k++ {
		if !isPrep(r.t[k]) {
			return false
		}
	}
	return true
}

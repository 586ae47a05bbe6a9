package queries

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// Question kinds, as in kg.Interpretation.Kind.
const (
	KindObject  = "object"  // Who did X meet? What was struck by X? Answers are objects.
	KindSubject = "subject" // Who met Y? Answers are subjects.
	KindAbout   = "about"   // What do we know about X? Tell me about X.
	KindWhoIs   = "who_is"  // Who is X?
	KindPath    = "path"    // How is X connected to Y? What links X and Y?
	KindBetween = "between" // What happened between X and Y?
)

// MaxQuestionBytes is the longest question ParseQuestion reads.
const MaxQuestionBytes = 500

// Question is a question as ParseQuestion understood it, before its names
// are resolved against a graph.
type Question struct {
	Kind       string   // one of the Kind constants
	Subject    string   // the first name as written: the known subject, or the entity asked about
	Object     string   // the second name: the known object (KindSubject) or the other end (path, between)
	Predicate  string   // the relation asked about, canonical lemma, for object and subject questions
	Predicates []string // every predicate the verb may stand for: lemma candidates and their synonyms

	// Alternatives are other readings of the same words with a shorter name
	// and a longer verb phrase ("What did Putin restore agreement with?"),
	// tried in order when the name matches no entity.
	Alternatives []Question
}

// Examples are questions kg understands, shown when it cannot parse one.
var Examples = []string{
	"Who did Tillerson meet?",
	"Who vetoed the resolution?",
	"Who was struck by the US?",
	"Who is Sergei Lavrov?",
	"What do we know about Lavrov?",
	"How is Tillerson connected to Assad?",
	"What happened between the US and Russia?",
}

// invalidQuestion is the refusal for a question kg cannot parse.
func invalidQuestion(why string) error {
	return kg.Errorf(kg.EINVALID, "%s; ask for example: %s", why, strings.Join(quoteAll(Examples), ", "))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = `"` + s + `"`
	}
	return out
}

// Patterns of the fixed question forms, over the normalized question; names
// are the lazy groups. Matching ignores case; the names keep theirs.
var (
	pathForms = []*regexp.Regexp{
		regexp.MustCompile(`(?i)^how (?:is|are|was|were) (.+?) (?:connected|linked|related|tied) (?:to|with) (.+)$`),
		regexp.MustCompile(`(?i)^how (?:is|are|was|were) (.+?) and (.+?) (?:connected|linked|related|tied)(?: to each other| together)?$`),
		regexp.MustCompile(`(?i)^what (?:links|connects|ties|linked|connected) (.+?) (?:and|to|with) (.+)$`),
		regexp.MustCompile(`(?i)^(?:what is |what's )?(?:the )?(?:connection|link|path|paths|connections|links) (?:between|from) (.+?) (?:and|to) (.+)$`),
		regexp.MustCompile(`(?i)^(?:is|are) (.+?) (?:connected|linked|related) (?:to|with) (.+)$`),
	}
	betweenForms = []*regexp.Regexp{
		regexp.MustCompile(`(?i)^what (?:has happened|happened|happens|is happening|went on|is going on|is|was|has gone on|occurred) between (.+?) and (.+)$`),
		regexp.MustCompile(`(?i)^(?:what (?:is|are|were|was) )?(?:the )?(?:relations?|relationship|dealings|facts|news) between (.+?) and (.+)$`),
	}
	aboutForms = []*regexp.Regexp{
		regexp.MustCompile(`(?i)^(?:what (?:do|does|did) (?:we|you|kg|the graph) know about|tell me (?:everything |all |more )?about|what about|what is known about|what's known about|everything about|facts about|info(?:rmation)? (?:on|about)|show me|show) (.+)$`),
	}
	whoIsForms = []*regexp.Regexp{
		regexp.MustCompile(`(?i)^(?:who|what) (?:is|are|was|were) (.+)$`),
	}
	passiveForm = regexp.MustCompile(`(?i)^(?:who|whom|what|which(?: [a-z]+)?) (?:was|were|is|are|has been|have been|had been|got|gets|get|will be|would be) (.+?) by (.+)$`)
	objectForm  = regexp.MustCompile(`(?i)^(?:who|whom|what|which(?: [a-z]+)?) (did|does|do|has|have|had|will|would|could|might|may) (.+)$`)
	subjectForm = regexp.MustCompile(`(?i)^(?:who|what|which(?: [a-z]+)?) (.+)$`)
)

// ParseQuestion reads a question in English into a Question. It understands
// the forms of DESIGN.md §2 in any case, with or without "the", in the past or
// present tense, active or passive, and with the verb's synonyms. A question
// it cannot read fails with kg.EINVALID and example questions.
func ParseQuestion(text string) (Question, error) {
	if len(text) > MaxQuestionBytes {
		return Question{}, invalidQuestion("the question is too long")
	}
	if !utf8.ValidString(text) {
		return Question{}, invalidQuestion("the question is not valid UTF-8")
	}
	s := normalizeQuestion(text)
	if s == "" {
		return Question{}, invalidQuestion("no question given")
	}
	if a, b, ok := matchPair(pathForms, s); ok {
		return Question{Kind: KindPath, Subject: a, Object: b}, nil
	}
	if a, b, ok := matchPair(betweenForms, s); ok {
		return Question{Kind: KindBetween, Subject: a, Object: b}, nil
	}
	if m := aboutForms[0].FindStringSubmatch(s); m != nil && cleanName(m[1]) != "" {
		return Question{Kind: KindAbout, Subject: cleanName(m[1])}, nil
	}
	if q, ok := parsePassive(s); ok {
		return q, nil
	}
	if q, ok := parseObject(s); ok {
		return q, nil
	}
	if m := whoIsForms[0].FindStringSubmatch(s); m != nil && cleanName(m[1]) != "" {
		return Question{Kind: KindWhoIs, Subject: cleanName(m[1])}, nil
	}
	if q, ok := parseSubject(s); ok {
		return q, nil
	}
	return Question{}, invalidQuestion("kg cannot read this question")
}

// normalizeQuestion trims quotes, end punctuation and extra spaces, and
// expands who's and what's.
func normalizeQuestion(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '’' || r == '‘':
			return '\''
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, "?!. ")
	s = strings.Trim(s, "\"'“” ")
	s = strings.TrimRight(s, "?!. ")
	for _, c := range []struct{ from, to string }{{"who's ", "who is "}, {"what's ", "what is "}} {
		if len(s) >= len(c.from) && strings.EqualFold(s[:len(c.from)], c.from) {
			s = c.to + s[len(c.from):]
		}
	}
	return s
}

func matchPair(forms []*regexp.Regexp, s string) (string, string, bool) {
	for _, re := range forms {
		if m := re.FindStringSubmatch(s); m != nil {
			a, b := cleanName(m[1]), cleanName(m[2])
			if a != "" && b != "" {
				return a, b, true
			}
		}
	}
	return "", "", false
}

// cleanName trims a name and drops a leading article.
func cleanName(s string) string {
	s = strings.Trim(s, " ,;:\"'“”")
	for _, art := range []string{"the ", "a ", "an "} {
		if len(s) > len(art) && strings.EqualFold(s[:len(art)], art) {
			s = s[len(art):]
			break
		}
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "'")
	return strings.TrimSpace(s)
}

// parsePassive reads "Who was struck by the US?": the name after by is the
// subject, the answers are objects.
func parsePassive(s string) (Question, bool) {
	m := passiveForm.FindStringSubmatch(s)
	if m == nil {
		return Question{}, false
	}
	verb := strings.Fields(m[1])
	name := cleanName(m[2])
	if len(verb) == 0 || name == "" || !isVerbPhrase(verb) {
		return Question{}, false
	}
	return withPredicates(Question{Kind: KindObject, Subject: name}, verb)
}

// parseObject reads "Who did Tillerson meet (with)?": the name comes between
// the auxiliary and the verb phrase, which ends the question.
func parseObject(s string) (Question, bool) {
	m := objectForm.FindStringSubmatch(s)
	if m == nil {
		return Question{}, false
	}
	words := strings.Fields(m[2])
	aux := strings.ToLower(m[1])
	if (aux == "has" || aux == "have" || aux == "had") && isParticiple(words[0]) {
		return Question{}, false // "Who has met Putin?" asks for the subject
	}
	i := verbPhraseStart(words)
	if i <= 0 {
		return Question{}, false
	}
	name := cleanName(strings.Join(words[:i], " "))
	if name == "" {
		return Question{}, false
	}
	q, ok := withPredicates(Question{Kind: KindObject, Subject: name}, words[i:])
	if !ok {
		return q, false
	}
	for j := i - 1; j >= 1 && len(q.Alternatives) < 3; j-- {
		if n := cleanName(strings.Join(words[:j], " ")); n != "" {
			if alt, ok := withPredicates(Question{Kind: KindObject, Subject: n}, words[j:]); ok {
				q.Alternatives = append(q.Alternatives, alt)
			}
		}
	}
	return q, true
}

// parseSubject reads "Who met Putin?" and "Who held talks with Putin?".
func parseSubject(s string) (Question, bool) {
	m := subjectForm.FindStringSubmatch(s)
	if m == nil {
		return Question{}, false
	}
	words := strings.Fields(m[1])
	for len(words) > 1 && isAux(words[0]) {
		words = words[1:]
	}
	n := verbPhraseLen(words)
	if n == 0 || n >= len(words) {
		return Question{}, false
	}
	name := cleanName(strings.Join(words[n:], " "))
	if name == "" {
		return Question{}, false
	}
	return withPredicates(Question{Kind: KindSubject, Object: name}, words[:n])
}

package kg

// Question kinds, as in Frame.Kind and Interpretation.Kind.
const (
	AskObject  = "object"    // Who did X meet? What was struck by X? Answers fill the fact's object.
	AskSubject = "subject"   // Who met Y? Who was X arrested by? Answers fill the fact's subject.
	AskWhere   = "where"     // Where was X born? Answers are places.
	AskWhen    = "when"      // When did X sign Y? Answers are times.
	AskWhoIs   = "who_is"    // Who is X? What is X? Answers are roles and descriptions.
	AskAbout   = "about"     // What do we know about X?
	AskSay     = "say_about" // What did X say (about Y)? Answers are statements.
	AskPath    = "path"      // How is X connected to Y?
	AskBetween = "between"   // What happened between X and Y?
	AskYesNo   = "yes_no"    // Did X meet Y?
)

// Frame is a question as the pipeline read it: what is asked (the kind and
// the slot the answer fills), the predicate as the relation extractor names
// it, the arguments the question already knows, and the adjuncts that
// constrain the answer. Questions and text meet in one vocabulary: the
// predicate is a lemma with its particles (carry_out), and a control verb's
// inner event is the predicate ("agree to sign" reads as sign).
type Frame struct {
	Kind      string   `json:"kind"`                // one of the Ask constants
	Predicate string   `json:"predicate,omitempty"` // the verb's lemma with its particles, e.g. meet, carry_out
	Verb      string   `json:"-"`                   // the verb as written (sent), for passives stored by their participle
	Prep      string   `json:"prep,omitempty"`      // the preposition of an oblique answer (die from → from)
	Subject   string   `json:"subject,omitempty"`   // the known subject as written, or the entity asked about
	Object    string   `json:"object,omitempty"`    // the known object as written, or the second entity
	ObjPrep   string   `json:"-"`                   // the preposition before the known object, when it is an oblique
	Passive   bool     `json:"passive,omitempty"`   // the question is in the passive voice
	Time      string   `json:"time,omitempty"`      // a time adjunct (in 1801), which filters and ranks answers
	Place     string   `json:"place,omitempty"`     // a place adjunct (in Moscow)
	Words     []string `json:"-"`                   // the question's content lemmas, for reading sentences
	Else      bool     `json:"-"`                   // "Who else …?": answers other than the known ones
	Who       bool     `json:"-"`                   // asked with who or whom: the answer is a person or a group, not a number or a time
}

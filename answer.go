package kg

// Interpretation is how kg understood a question.
type Interpretation struct {
	Kind      string  `json:"kind"`                // object, subject, about, who_is, path or between
	Subject   *Entity `json:"subject,omitempty"`   // the entity the question starts from
	Object    *Entity `json:"object,omitempty"`    // the other entity, for subject, path and between questions
	Predicate string  `json:"predicate,omitempty"` // the relation asked about, as a predicate lemma
	Slot      string  `json:"slot,omitempty"`      // what the answer fills: subject, object, oblique:PREP, place, time, role, statement
	Time      string  `json:"time,omitempty"`      // a time adjunct that filters and ranks answers
	Place     string  `json:"place,omitempty"`     // a place adjunct that filters and ranks answers
	Reading   string  `json:"reading,omitempty"`   // "facts" when stored facts answered, "sentences" when the evidence sentences were read again (a weaker reading)
}

// Answer is one entity that answers a question, with the evidence for it.
type Answer struct {
	Entity       Entity     `json:"entity"`
	Predicate    string     `json:"predicate"`
	PredicateID  string     `json:"predicate_id"`
	Score        float64    `json:"score"`
	Negated      bool       `json:"negated,omitempty"`
	Modality     string     `json:"modality,omitempty"`
	AttributedTo *Entity    `json:"attributed_to,omitempty"` // who made the claim, for facts the text only reports
	Inverse      bool       `json:"inverse,omitempty"`       // the answer is the fact's subject, the entity asked about its object
	Evidence     []Evidence `json:"evidence"`
}

// Hop is one edge on a path between two entities.
type Hop struct {
	From      Entity     `json:"from"`
	Predicate string     `json:"predicate"`
	To        Entity     `json:"to"`
	Evidence  []Evidence `json:"evidence"`
}

// Path is a chain of hops from one entity to another.
type Path []Hop

// Result is the whole reply to a question.
type Result struct {
	Question       string         `json:"question"`
	Interpretation Interpretation `json:"interpretation"`
	Answers        []Answer       `json:"answers"`
	Paths          []Path         `json:"paths"`
}

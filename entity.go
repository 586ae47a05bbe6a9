package kg

import "strings"

// EntityType is the kind of thing an entity is. Its values name schema.org
// classes, and Concept for notions that are not named things.
type EntityType string

// The entity types kg assigns.
const (
	Person       EntityType = "Person"
	Organization EntityType = "Organization"
	Place        EntityType = "Place"
	Event        EntityType = "Event"
	Concept      EntityType = "Concept"
)

// Kinds of answer that are not entities of the graph: kg ask gives them an
// Entity with one of these types, so that every answer reads the same way.
const (
	Role      EntityType = "Role"      // a title or description: "Crown prosecutor"
	Date      EntityType = "Date"      // a time: "2014", "12 April 2017"
	Statement EntityType = "Statement" // what someone said
	Phrase    EntityType = "Phrase"    // a noun phrase of an evidence sentence that no entity names
)

// Entity is one real-world thing: a person, an organization, a place, an
// event or a concept. ID is its slug (rex_tillerson) in an extraction and its
// IRI once it comes back from the store.
type Entity struct {
	ID       string     `json:"id"`                 // slug in an extraction, IRI from the store
	Label    string     `json:"label"`              // canonical name
	Type     EntityType `json:"type,omitempty"`     // what kind of thing it is
	Aliases  []string   `json:"aliases,omitempty"`  // every other surface form seen
	Mentions int        `json:"mentions,omitempty"` // how many times the documents name it
	Merges   []string   `json:"merges,omitempty"`   // which rule merged which names into it, for review
}

// Mention is one place where a document names or refers to an entity.
type Mention struct {
	Entity   string `json:"entity"`   // the entity's ID
	Sentence int    `json:"sentence"` // index of the sentence
	Start    int    `json:"start"`    // byte offset in Document.Text
	End      int    `json:"end"`      // byte offset just past the mention
	Text     string `json:"text"`     // the words as written
}

// Modality values for facts that are not plain assertions.
const (
	ModalityAsserted     = ""             // a plain statement of fact
	ModalityPossible     = "possible"     // may, might, could
	ModalityFuture       = "future"       // will, is going to
	ModalityIntended     = "intended"     // agreed to, plans to, wants to
	ModalityHypothetical = "hypothetical" // if, would
)

// Fact is one relation between two entities, with the evidence for it.
type Fact struct {
	Subject      string   `json:"subject"`                 // entity ID
	Predicate    string   `json:"predicate"`               // lemma with particles, e.g. meet, sit_down_with
	Object       string   `json:"object"`                  // entity ID
	Confidence   float64  `json:"confidence"`              // 0..1
	Negated      bool     `json:"negated,omitempty"`       // "did not meet"
	Modality     string   `json:"modality,omitempty"`      // one of the Modality values
	AttributedTo string   `json:"attributed_to,omitempty"` // entity ID of who said so, for reported claims
	ValidTime    string   `json:"valid_time,omitempty"`    // when it held, as the text says it
	Evidence     Evidence `json:"evidence"`                // the sentence that says so
}

// Asserted reports whether the fact is a plain positive claim by the text
// itself, the only kind that becomes a direct edge in the graph.
func (f Fact) Asserted() bool {
	return !f.Negated && f.Modality == ModalityAsserted && f.AttributedTo == ""
}

// Evidence points at the sentence a fact comes from.
type Evidence struct {
	Doc      string `json:"doc"`             // document ID
	Title    string `json:"title,omitempty"` // document title
	Date     string `json:"date,omitempty"`  // document date
	Sentence int    `json:"-"`               // sentence index in the document
	Text     string `json:"sentence"`        // the sentence itself
	Start    int    `json:"start"`           // byte offset of the sentence in the document
	End      int    `json:"end"`             // byte offset just past it
}

// Extraction is everything the pipeline found in one document.
type Extraction struct {
	Document  Document   `json:"document"`
	Sentences []Sentence `json:"sentences,omitempty"`
	Entities  []Entity   `json:"entities"`
	Mentions  []Mention  `json:"mentions,omitempty"`
	Facts     []Fact     `json:"facts"`
}

// nameSuffixes end a person's name without being the family name.
var nameSuffixes = map[string]bool{"jr.": true, "jr": true, "sr.": true, "sr": true, "ii": true, "iii": true, "iv": true}

// FamilyName returns the family name a full personal name ends with, as
// written, without generational suffixes or a particle joined by a hyphen:
// "Assad" for "Bashar al-Assad", "King" for "Martin Luther King Jr.". It
// returns "" for a name of one word, which has no separate family name.
func FamilyName(label string) string {
	ws := strings.Fields(label)
	for len(ws) > 1 && nameSuffixes[strings.ToLower(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return ""
	}
	last := strings.TrimRight(ws[len(ws)-1], ",")
	if p, rest, ok := strings.Cut(last, "-"); ok && rest != "" && len(p) <= 3 && strings.ToLower(p) == p {
		last = rest // al-Assad, el-Sisi, bin-Salman
	}
	return last
}

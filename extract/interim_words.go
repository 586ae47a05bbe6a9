package extract

import (
	"strings"

	"github.com/kgnews/kg"
)

// Word lists of the interim extractor: closed classes of general English,
// nothing about any particular article.

// set builds a lookup set from space-separated words.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = set(`mr mrs ms dr prof st jr sr gen col lt capt sgt rep sen gov pres
	jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd no vs etc e.g i.e u.s u.k u.n
	a.m p.m mt ft approx dept est fig`)

// functionWords never start or end a name, even when capitalized.
var functionWords = set(`the a an this that these those he she it we they i you his her its our
	their my your but and or nor so if when while as at in on of for to from with by after before
	since there here what who whom whose why how where which not no yes all some many most one also
	then now still even yet although though because despite however meanwhile mr mrs ms according
	during until unless whether both either neither each every any another such than into onto
	over under about against between among through without within upon`)

// calendarWords are capitalized but name dates, not entities.
var calendarWords = set(`monday tuesday wednesday thursday friday saturday sunday january february
	march april june july august september october november december`)

// nameConnectors may join capitalized words inside one name (Bank of America).
var nameConnectors = set(`of the for de la le du del der van von bin al`)

// titles come before a person's name.
var titles = set(`president secretary minister chancellor senator sen. governor gov. mayor king
	queen prince princess general gen. mr. mrs. ms. dr. prof. pope ambassador director chairman
	chairwoman spokesman spokeswoman judge justice rep. representative lt. col. capt. sgt. commissioner
	premier ceo envoy adviser advisor leader lawmaker officer`)

// orgHeads end the names of organizations.
var orgHeads = set(`ministry council party inc inc. corp corp. corporation company co. ltd ltd.
	university agency department committee commission organization organisation bank union nations
	association institute foundation group court congress parliament senate army navy police
	administration government office bureau service alliance federation league network times post
	news`)

// placePrepositions before a name suggest a place.
var placePrepositions = set(`in near`)

// auxiliaries are verbs that carry tense or mood, not the relation itself.
var auxiliaries = set(`is was are were be been being am has have had having do does did will would
	shall should may might must can could`)

// baseFormAuxiliaries take a verb in its base form after them (did meet).
var baseFormAuxiliaries = set(`do does did will would shall should may might must can could`)

// commonVerbs are frequent present-tense and base-form verbs of news text.
var commonVerbs = set(`says say meets meet tells tell wants want calls call visits visit holds hold
	accuses accuse warns warn urges urge supports support backs back blames blame criticizes
	criticize praises praise signs sign leads lead joins join attacks attack vetoes veto rejects
	reject denies deny faces face replaces replace heads head runs run owns own becomes become
	remains remain`)

// irregularVerbs maps irregular past forms to their lemma.
var irregularVerbs = map[string]string{
	"met": "meet", "said": "say", "told": "tell", "held": "hold", "made": "make", "took": "take",
	"gave": "give", "went": "go", "saw": "see", "spoke": "speak", "left": "leave", "led": "lead",
	"sent": "send", "won": "win", "lost": "lose", "became": "become", "began": "begin", "came": "come",
	"got": "get", "knew": "know", "ran": "run", "brought": "bring", "bought": "buy",
	"thought": "think", "sought": "seek", "struck": "strike", "wrote": "write", "paid": "pay",
	"built": "build", "fought": "fight", "fled": "flee", "drew": "draw", "chose": "choose", "hit": "hit",
	"put": "put", "set": "set", "cut": "cut", "shot": "shoot", "stood": "stand", "heard": "hear",
	"found": "find", "felt": "feel", "kept": "keep", "meant": "mean", "sold": "sell", "rose": "rise",
	"is": "be", "was": "be", "are": "be", "were": "be", "has": "have", "had": "have",
}

// particles may follow a verb inside a predicate (meet_with, sit_down_with).
var particles = set(`with to of in on at for from by against about into over down up out off`)

// negations turn a fact into a negated one.
var negations = set(`not n't never no`)

// modals give a fact its modality.
var modals = map[string]string{
	"may": kg.ModalityPossible, "might": kg.ModalityPossible, "could": kg.ModalityPossible,
	"will": kg.ModalityFuture, "shall": kg.ModalityFuture, "would": kg.ModalityHypothetical,
}

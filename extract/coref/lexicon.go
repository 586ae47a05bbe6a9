package coref

import "strings"

// wordSet builds a set from space-separated words.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// maleNames and femaleNames are common English given names, enough to guess
// the gender of a person named in the news when nothing else tells.
var (
	maleNames = wordSet(`aaron abdul adam ahmed alan albert alex alexander alexei ali andrew andrei angelo anthony antonio arthur
	barack ben benjamin bernie bill bob boris brad brian bruce carl carlos charles chris christopher colin craig
	dan daniel david dennis dmitri dmitry don donald doug douglas edward emmanuel eric evan frank fred gary george
	gerald gordon greg gregory harold harry henry hugh ian igor ivan jack jacob james jared jason jeff jeffrey jeremy
	jerry jim jimmy joe john jonathan jordan jorge jose joseph juan justin keith ken kevin kim larry lee leonid luis
	marco mark martin matt matthew michael miguel mike mitch mohammed muhammad nathan neil nicholas nick nicolas
	olaf oliver omar paul pedro peter phil philip rafael ralph ray raymond recep rex richard rick robert roger ron
	ronald roy russell ryan sam samuel scott sean sergei sergey simon stephen steve steven ted terry thomas tim
	timothy todd tom tony vladimir walter wayne william xi yuri`)
	femaleNames = wordSet(`alice amanda amy angela angela ann anna anne barbara betty beth betsy carol caroline catherine
	charlotte christine claire diana diane donna dorothy elizabeth ellen emily emma emmanuelle eva fatima frances
	hannah heather helen hillary ivanka jane janet jennifer jessica jill joan julia julie karen kate katherine
	kathleen kathy kelly kim laura linda lisa liz margaret maria marie marine mary melania melissa michelle nancy
	natalia nicola nikki olga pamela patricia rachel rebecca ruth sandra sarah sharon sophie stephanie susan
	tatiana teresa theresa ursula victoria virginia yulia`)
)

// titleGender maps honorifics to the gender they imply.
var titleGender = map[string]gender{"mr": male, "mr.": male, "sir": male, "lord": male, "king": male,
	"mrs": female, "mrs.": female, "ms": female, "ms.": female, "miss": female, "lady": female, "queen": female,
	"madam": female, "dame": female}

// personNouns are common nouns that denote people, with a gender where the
// word has one.
var personNouns = func() map[string]gender {
	m := map[string]gender{}
	for w := range wordSet(`person people individual official officials leader president minister secretary
	chairman chairwoman spokesman spokeswoman spokesperson senator governor mayor ambassador diplomat envoy
	general commander soldier officer police policeman chief director executive manager boss founder owner
	member members citizen resident voter worker employee staff player coach fan student teacher professor
	doctor nurse patient lawyer judge attorney prosecutor defendant victim suspect witness journalist reporter
	editor author writer artist actor singer child children kid kids baby parent parents friend neighbor
	neighbour colleague partner client customer user guest visitor tourist traveler traveller researcher
	scientist expert analyst historian librarian learner learners participant participants subject subjects
	speaker audience someone somebody anyone anybody everyone everybody guy guys folks family crew team
	candidate emperor prince princess monarch ruler dictator rebel fighter militant activist protester
	adult adults teenager youth friend-of`) {
		m[w] = 0
	}
	for _, w := range strings.Fields("man men boy boys father dad son brother husband king uncle grandfather gentleman") {
		m[w] = male
	}
	for _, w := range strings.Fields("woman women girl girls mother mom mum daughter sister wife queen aunt grandmother lady") {
		m[w] = female
	}
	return m
}()

// roleTitles are titles that stand before a name ("Secretary of State Rex
// Tillerson") and can later refer to its bearer alone ("the secretary").
var roleTitles = wordSet(`president vice-president secretary minister chancellor premier prime senator
	governor mayor ambassador general admiral chairman chairwoman chief director spokesman spokeswoman king
	queen prince princess emperor pope judge justice commissioner envoy leader foreign sheikh ayatollah
	colonel captain lieutenant sergeant professor dr. dr doctor coach manager ceo representative rep. sen.
	gov. gen. pres. col. capt. lt. sgt. prof.`)

// indefiniteStarts mark noun phrases that introduce a new referent.
var indefiniteStarts = wordSet("a an some any another no every each several many few such most")

// quantifiers start noun phrases that are no antecedent for a definite one
// ("most studies" ... "the studies").
var quantifiers = wordSet("some any no every each several many few most")

// stopWords are ignored when comparing the words of two noun phrases.
var stopWords = wordSet(`the a an this that these those of in on at to for with by from and or 's ' , . - " “ ” ( )`)

// temporalNouns are times ("last night") that pronouns rarely refer back to.
var temporalNouns = wordSet(`time times day days night nights morning mornings evening afternoon week weeks weekend
	month months year years decade decades century centuries hour hours minute minutes second seconds moment
	today tonight yesterday tomorrow season summer winter spring autumn fall date`)

// titleComplements end role titles such as Secretary of State or Minister
// of Defence.
var titleComplements = wordSet(`state defense defence justice commerce treasury energy agriculture labor labour
	health education transportation transport interior finance trade culture housing security staff`)

package alias

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/gazetteer"
)

// nameJoiners are the lower-case words and marks that may stand inside a
// name between capitalized words: "Secretary of State", "Newfoundland and
// Labrador", "King's College", "Sea-Air-Space".
var nameJoiners = map[string]bool{"of": true, "and": true, "&": true, "-": true, "'s": true, "’s": true,
	"de": true, "von": true, "van": true, "der": true, "du": true, "la": true, "le": true, "da": true, "di": true,
	"al": true, "bin": true, "ibn": true, "el": true}

// nameStart returns where the name that ends at the mention's head starts:
// the head and the capitalized words before it, with joiners between them,
// so that a parse that put a verb, a preposition or an adjective into the
// mention ("included Drew Cass", "under San Francisco Bay", "a strong and
// prosperous America") does not put it into the name. A head written in
// lower case keeps the mention's start. The walk also stops where another
// entity tag ends right before the name's own ("Netherlands Lotte Wilms").
func nameStart(toks []kg.Token, start, head int) int {
	if !capitalized(toks[head].Text) {
		return start
	}
	i := head
	for i > start {
		prev := toks[i-1]
		switch {
		case capitalized(prev.Text) && !isAddress(prev.Text):
			if adjacentEntities(toks, i-1, i) {
				return i
			}
			i--
		case nameJoiners[strings.ToLower(prev.Text)] && i-2 >= start && capitalized(toks[i-2].Text):
			i -= 2
		default:
			return i
		}
	}
	return i
}

// adjacentEntities reports whether words a and b = a+1 belong to two entity
// tags, b's starting where a's ends.
func adjacentEntities(toks []kg.Token, a, b int) bool {
	ta, tb := toks[a].NER, toks[b].NER
	return strings.HasPrefix(tb, "B-") && (strings.HasPrefix(ta, "B-") || strings.HasPrefix(ta, "I-"))
}

// nameEnd drops what a name must not end with: joiners ("Isabel Ruiz of"),
// "etc." and punctuation. It never goes below min.
func nameEnd(toks []kg.Token, min, end int) int {
	for end > min {
		w := strings.ToLower(toks[end-1].Text)
		if nameJoiners[w] && w != "'s" && w != "’s" || w == "etc." || w == "etc" || toks[end-1].UPOS == "PUNCT" {
			end--
			continue
		}
		break
	}
	return end
}

// capitalized reports whether a word starts with an upper-case letter or is
// an ordinal ("2nd Earl of Clare").
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		l := strings.ToLower(w)
		return strings.HasSuffix(l, "st") || strings.HasSuffix(l, "nd") || strings.HasSuffix(l, "rd") || strings.HasSuffix(l, "th")
	}
	return unicode.IsUpper(r)
}

// isAddress reports whether a word is an e-mail or web address, which ends
// a name ("Michiel Cock m.p.cock@vu.nl").
func isAddress(w string) bool {
	return strings.Contains(w, "@") || strings.Contains(w, "://") || strings.HasPrefix(strings.ToLower(w), "www.")
}

// notNames are capitalized words that name no person, organization or
// place: eras, honours and company forms after a name, months, days and
// seasons.
var notNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`bc bce ad ce qc kc sc phd md mp am pm tv ok ceo cfo jr sr esq inc corp ltd llc plc
		january february march april june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
		spring summer autumn fall winter`) {
		m[w] = true
	}
	return m
}()

// notName reports whether a mention is one word that names nothing the
// graph keeps as a named entity ("BC", "Winter", "Saturday", a letter).
func notName(text string) bool {
	w := strings.ToLower(strings.Trim(tidy(text), "."))
	w = strings.ReplaceAll(w, ".", "")
	return !strings.Contains(w, " ") && (notNames[w] || notNames[strings.TrimSuffix(w, "s")] || utf8.RuneCountInString(w) == 1)
}

// nobility are the words after which "of" goes on inside a person's name:
// "2nd Earl of Clare", "Prince of Wales".
var nobility = map[string]bool{"earl": true, "duke": true, "duchess": true, "baron": true, "baroness": true,
	"count": true, "countess": true, "marquess": true, "viscount": true, "prince": true, "princess": true,
	"king": true, "queen": true, "lord": true, "lady": true, "bishop": true, "archbishop": true, "emperor": true}

// cutName narrows the name [start, end) headed at head where it holds more
// than one name: a person's "of" phrase ("Isabel Ruiz of Heaven", but not
// "Earl of Clare") goes, and of two names joined by "and" after a complete
// organization or place name ("British Library and Columbia University")
// the one with the head stays.
func (r *Resolver) cutName(toks []kg.Token, start, end, head int, person bool) (int, int) {
	for i := start + 1; i < end-1; i++ {
		w := strings.ToLower(toks[i].Text)
		switch {
		case w == "of" && person && i > tagStart(toks, head) && strings.HasSuffix(toks[head].NER, "-PER") &&
			!nobility[strings.ToLower(toks[i-1].Text)]:
			return start, i
		case w == "and" && i-start >= 2 && r.isHead(toks[i-1].Text) && capitalized(toks[i+1].Text):
			if head < i {
				return start, i
			}
			return i + 1, end
		}
	}
	return start, end
}

// isHead reports whether a word ends organization or place names.
func (r *Resolver) isHead(w string) bool {
	return r.gaz != nil && (r.has(w, gazetteer.OrganizationHead) || r.has(w, gazetteer.PlaceHead))
}

package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes that drive the splitting of a chunk.
const (
	clsWord   = iota // letters, digits, marks and symbols that stay inside words
	clsPunct         // punctuation that is always a token of its own
	clsApos          // apostrophes: clitics, possessives or single quotes
	clsPeriod        // '.': abbreviation, decimal point or full stop
	clsComma         // ',': thousands separator or comma
	clsColon         // ':': clock time or colon
	clsHyphen        // '-': compound, phone number or dash
	clsSlash         // '/': date, fraction or alternative
	clsStop          // '!', '?', '…': sentence punctuation
)

// asciiClass holds the class of every ASCII byte.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		t[c] = clsWord
	}
	for _, c := range "()[]{}\";$#%<>|~`" {
		t[c] = clsPunct
	}
	t['\''], t['.'], t[','], t[':'] = clsApos, clsPeriod, clsComma, clsColon
	t['-'], t['/'], t['!'], t['?'] = clsHyphen, clsSlash, clsStop, clsStop
	return t
}()

// classOf returns the class of r.
func classOf(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch r {
	case '’', 'ʼ':
		return clsApos
	case '…':
		return clsStop
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		return clsWord
	}
	if unicode.IsPunct(r) || unicode.IsSymbol(r) {
		return clsPunct
	}
	return clsWord // invalid bytes and other oddities stay inside words
}

// decodeAt decodes the rune at byte i of text.
func decodeAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// piece splits one chunk text[chunk:end] into tokens.
type piece struct {
	s     *scanner
	chunk int // where the chunk starts
	end   int // where the chunk ends
	start int // start of the word being built
	seg   int // start of the word's current hyphen or slash segment
}

// split appends the tokens of text[a:b] to s.toks.
func (s *scanner) split(a, b int) {
	p := piece{s: s, chunk: a, end: b, start: a, seg: a}
	for i := a; i < b; {
		i = p.step(i)
	}
	p.flush(b)
}

// step handles the character at i and returns where to go on.
func (p *piece) step(i int) int {
	text := p.s.text
	r, n := decodeAt(text, i)
	if j := p.specialEnd(r, i, n); j > 0 {
		return j
	}
	switch classOf(r) {
	case clsWord:
		return i + n
	case clsApos:
		return p.apostrophe(i, n)
	case clsPeriod:
		return p.period(i)
	case clsComma, clsColon:
		if i > p.start && isDigit(text[i-1]) && i+1 < p.end && isDigit(text[i+1]) {
			return i + 1
		}
		return p.punct(i, i+1)
	case clsHyphen:
		return p.hyphen(i)
	case clsSlash:
		return p.slash(i)
	case clsStop:
		return p.punct(i, p.stopRunEnd(i, 0))
	}
	j := i + n
	if r == '<' || r == '>' || r == '|' || r == '~' || r == '`' || r == '$' {
		for j < p.end && rune(text[j]) == r {
			j++
		}
	}
	return p.punct(i, j)
}

// flush emits the word being built, up to i, splitting a unit off a number
// (5pm, $170m, 65k, 7:30PM) and "alot" into two tokens as EWT does.
func (p *piece) flush(i int) {
	w := p.s.text[p.start:i]
	cut := unitCut(w)
	if len(w) == 4 && strings.EqualFold(w, "alot") {
		cut = 1
	}
	if cut > 0 {
		p.s.emit(p.start, p.start+cut)
		p.s.emit(p.start+cut, i)
	} else {
		p.s.emit(p.start, i)
	}
	p.start, p.seg = i, i
}

// unitCut returns where a listed unit starts after a number in w, or 0.
func unitCut(w string) int {
	if len(w) < 2 || !isDigit(w[0]) {
		return 0
	}
	k := 1
	for k < len(w) && (isDigit(w[k]) || (w[k] == '.' || w[k] == ',' || w[k] == ':') && k+1 < len(w) && isDigit(w[k+1])) {
		k++
	}
	if k < len(w) && inLower(units, w[k:]) {
		return k
	}
	return 0
}

// punct emits the word being built and then text[i:j] as a token of its own.
func (p *piece) punct(i, j int) int {
	p.flush(i)
	p.s.emit(i, j)
	p.start, p.seg = j, j
	return j
}

// stopRunEnd returns the end of the run of '.', '!', '?' and '…' at i. An
// ellipsis of two periods or more ends before a following '?' or '!' ("...?"
// is two tokens, ".?" one); periods counts the periods already seen.
func (p *piece) stopRunEnd(i, periods int) int {
	for i < p.end {
		r, n := decodeAt(p.s.text, i)
		if r != '.' && r != '!' && r != '?' && r != '…' || r != '.' && periods >= 2 {
			break
		}
		if r == '.' {
			periods++
		} else {
			periods = -1
		}
		i += n
	}
	return i
}

// specialEnd handles characters whose class depends on their neighbours:
// doubled quotes (” and ‘’ are one token), asterisks (inside a word as in
// sh*t, else a token of their own) and backquotes used as apostrophes. It
// returns where to go on, or 0 to leave r to the class rules.
func (p *piece) specialEnd(r rune, i, n int) int {
	text := p.s.text
	switch r {
	case '\'', '’', '‘':
		if i+n < p.end {
			if r2, n2 := decodeAt(text, i+n); r2 == '\'' || r2 == '’' || r2 == '‘' {
				return p.punct(i, i+n+n2)
			}
		}
	case '*':
		if i > p.start && isWordByte(text[i-1]) && i+1 < p.end && isWordByte(text[i+1]) {
			return i + 1
		}
		j := i + 1
		for j < p.end && text[j] == '*' {
			j++
		}
		return p.punct(i, j)
	case '+':
		if i == p.start && i+1 < p.end && isDigit(text[i+1]) {
			return i + 1 // +44, a telephone prefix
		}
		j := i + 1
		for j < p.end && text[j] == '+' {
			j++
		}
		return p.punct(i, j) // A+, 18+, +++
	case '`':
		if i > p.start && isWordByte(text[i-1]) && i+1 < p.end && isWordByte(text[i+1]) {
			return i + 1
		}
	}
	return 0
}

// wordRunEnd returns the end of the run of word characters at i.
func (p *piece) wordRunEnd(i int) int {
	for i < p.end {
		r, n := decodeAt(p.s.text, i)
		if classOf(r) != clsWord {
			break
		}
		i += n
	}
	return i
}

// isWordAt reports whether a word character starts at i.
func (p *piece) isWordAt(i int) bool {
	if i >= p.end {
		return false
	}
	r, _ := decodeAt(p.s.text, i)
	return classOf(r) == clsWord
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

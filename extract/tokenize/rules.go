package tokenize

import "strings"

// apostrophe handles ' or ’ at i (n bytes long).
func (p *piece) apostrophe(i, n int) int {
	text := p.s.text
	if i == p.start { // at the start of a word: 's, 'em, '90s, or an opening quote
		if isLeadingClitic(text[i+n : p.wordRunEnd(i+n)]) {
			return i + n
		}
		p.s.openQuote = true
		return p.punct(i, i+n)
	}
	if p.isWordAt(i + n) { // don't, O'Brien, Iran’s
		return i + n
	}
	if c := text[i-1]; (c == 's' || c == 'S') && !p.s.openQuote && i-p.start > 1 {
		return i + n // plural possessive: states'
	}
	p.s.openQuote = false
	return p.punct(i, i+n)
}

// isLeadingClitic reports whether w, following an apostrophe at the start of
// a word, makes one token with it ('s, 're, 'em, 'cause, '90s).
func isLeadingClitic(w string) bool {
	switch len(w) {
	case 0:
		return false
	case 1:
		c := w[0] | 0x20
		return c == 's' || c == 'd' || c == 'm' || c == 't' || c == 'n'
	}
	if isDigit(w[0]) && isDigit(w[1]) {
		return len(w) == 2 || len(w) == 3 && w[2] == 's'
	}
	for _, c := range [...]string{"re", "ll", "ve", "em", "cause", "til", "bout", "round"} {
		if strings.EqualFold(w, c) {
			return true
		}
	}
	return false
}

// period handles '.' at i.
func (p *piece) period(i int) int {
	text := p.s.text
	if j := p.stopRunEnd(i, 0); j > i+1 {
		if j == i+2 && text[i+1] == '.' && p.attachPeriod(text[p.start:i], j) {
			p.flush(i + 1) // "Inc.." is Inc. and a full stop
			return p.punct(i+1, j)
		}
		return p.punct(i, j) // ellipsis or "?." runs
	}
	if p.isWordAt(i + 1) {
		return i + 1 // U.S, 3.5, a.m, example.com
	}
	if p.attachPeriod(text[p.start:i], i+1) {
		p.flush(i + 1)
		return i + 1
	}
	return p.punct(i, i+1)
}

// attachPeriod reports whether the word w keeps the period that follows it:
// abbreviations (Mr., Corp.), initials (J.), dotted forms (U.S., a.m., Ph.D.).
// after is where the text continues after the period.
func (p *piece) attachPeriod(w string, after int) bool {
	switch {
	case w == "":
		return false
	case len(w) == 1:
		c := w[0] | 0x20
		return 'a' <= c && c <= 'z' && w != "I"
	case isDotted(w), isAbbreviation(w):
		return true
	case w == "No" || w == "no" || w == "Nos" || w == "nos":
		return after == p.end && p.s.nextChunkStartsWithDigit(after)
	}
	return false
}

// isDotted reports whether w is made of short letter groups joined by
// periods, such as U.S, a.m, Ph.D or e.g.
func isDotted(w string) bool {
	if strings.IndexByte(w, '.') < 0 {
		return false
	}
	run := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			run = 0
		case 'a' <= c|0x20 && c|0x20 <= 'z':
			if run++; run > 2 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// hyphen handles '-' at i.
func (p *piece) hyphen(i int) int {
	text := p.s.text
	j := i
	for j < p.end && text[j] == '-' {
		j++
	}
	if j-i >= 2 {
		return p.punct(i, j) // -- and longer dashes
	}
	if i == p.start { // a dash, or a minus sign, which EWT splits off too
		return p.punct(i, j)
	}
	if !p.isWordAt(j) { // a cut-off word such as "th-"
		if w := text[p.start:i]; len(w) <= 2 && isLetters(w) || len(w) == 3 && isLower(w) {
			return j
		}
		return p.punct(i, j)
	}
	k := p.wordRunEnd(j)
	if keepHyphen(text[p.seg:i], text[j:k], k+1 < p.end && text[k] == '-' && isDigit(text[k+1])) {
		p.seg = j
		return j
	}
	return p.punct(i, j)
}

// keepHyphen reports whether a hyphen between left and right stays inside
// one token: phone numbers, codes mixing letters and digits, and listed
// prefixes (e-mail, non-human). Other compounds are split. more tells
// whether another hyphen and digits follow right (713-853-5984).
func keepHyphen(left, right string, more bool) bool {
	ld, ll := countKinds(left)
	rd, rl := countKinds(right)
	switch {
	case ll == 0 && rl == 0 && ld > 0 && rd > 0:
		return rd == 4 && ld <= 3 || ld == 3 && rd == 3 && more || ld >= 5
	case ld > 0 && ll > 0:
		return true
	}
	return inLower(hyphenPrefix, left)
}

// slash handles '/' at i: it splits words of two letters or more
// (and/or) and keeps dates, fractions and short forms (w/o, s/he).
func (p *piece) slash(i int) int {
	text := p.s.text
	left, right := text[p.seg:i], text[i+1:p.wordRunEnd(i+1)]
	ld, ll := countKinds(left)
	rd, rl := countKinds(right)
	if ld == 0 && rd == 0 && ll >= 2 && (rl >= 2 || i+1 == p.end) {
		return p.punct(i, i+1)
	}
	p.seg = i + 1
	return i + 1
}

// countKinds counts the ASCII digits and the letters (any byte that is not
// ASCII punctuation) of w.
func countKinds(w string) (digits, letters int) {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case isDigit(c):
			digits++
		case isWordByte(c) || c >= 0x80:
			letters++
		}
	}
	return digits, letters
}

// isLower reports whether w is made of ASCII lower-case letters only.
func isLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// isLetters reports whether w is made of ASCII letters only.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

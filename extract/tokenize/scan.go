package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// surface is one surface token found by the scanner: a byte span of the text
// and what separates it from the token before.
type surface struct {
	start, end int
	newlines   int  // line breaks in the whitespace before it
	space      bool // whether whitespace comes before it
}

// scanner splits text into surface tokens. It never looks at more than one
// whitespace-delimited chunk at a time, apart from peeking at the next one.
type scanner struct {
	text      string
	toks      []surface
	newlines  int  // line breaks seen since the last token
	space     bool // whitespace seen since the last token
	openQuote bool // a single quote was opened and not yet closed
}

// scan appends the surface tokens of s.text to s.toks.
func (s *scanner) scan() {
	text := s.text
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				if c == '\n' {
					s.newlines++
				}
				s.space = true
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			if r == '\u2028' || r == '\u2029' {
				s.newlines += 2
			}
			s.space = true
			i += n
			continue
		}
		j := chunkEnd(text, i)
		s.chunk(i, j)
		i = j
	}
}

// chunkEnd returns the end of the non-space run that starts at i.
func chunkEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// emit appends the token text[a:b].
func (s *scanner) emit(a, b int) {
	if a >= b {
		return
	}
	s.toks = append(s.toks, surface{start: a, end: b, newlines: s.newlines, space: s.space})
	s.newlines, s.space = 0, false
}

// chunk splits the whitespace-free run text[a:b].
func (s *scanner) chunk(a, b int) {
	w := s.text[a:b]
	if c := w[0]; (!isWordByte(c) || c == 'X' || c == 'x') && emoticons[w] {
		s.emit(a, b)
		return
	}
	// Links need one of ':', '@' or '.'; most chunks have none.
	if strings.IndexByte(w, ':') < 0 && strings.IndexByte(w, '@') < 0 && strings.IndexByte(w, '.') < 0 {
		s.split(a, b)
		return
	}
	if lo, hi, ok := s.linkCore(a, b); ok {
		s.split(a, lo)
		s.emit(lo, hi)
		s.split(hi, b)
		return
	}
	s.split(a, b)
}

// linkCore finds a URL or e-mail address in text[a:b] once leading openers
// and trailing closing punctuation are set aside.
func (s *scanner) linkCore(a, b int) (lo, hi int, ok bool) {
	lo, hi = a, b
	for lo < hi && strings.IndexByte("([{<\"'`", s.text[lo]) >= 0 {
		lo++
	}
	for hi > lo && strings.IndexByte(")]}>\"'.,;:!?", s.text[hi-1]) >= 0 {
		hi--
	}
	w := s.text[lo:hi]
	if len(w) < 5 {
		return a, b, false
	}
	if strings.Contains(w, "://") || hasPrefixFold(w, "www.") || hasPrefixFold(w, "mailto:") {
		return lo, hi, true
	}
	if at := strings.IndexByte(w, '@'); at > 0 && strings.IndexByte(w[at:], '.') > 1 && (isWordByte(w[at-1]) || w[at-1] == '.') {
		return lo, hi, true
	}
	return a, b, false
}

// hasPrefixFold reports whether s starts with the ASCII prefix p, ignoring case.
func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// isWordByte reports whether an ASCII byte is a letter or digit.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// nextChunkStartsWithDigit reports whether the first non-space character
// after b is a digit.
func (s *scanner) nextChunkStartsWithDigit(b int) bool {
	for i := b; i < len(s.text); i++ {
		c := s.text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		return '0' <= c && c <= '9'
	}
	return false
}

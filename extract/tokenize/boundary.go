package tokenize

// shortLine is the most tokens a line may have and still end a sentence at a
// single line break (titles, headings, list items, signatures).
const shortLine = 12

// ruleBoundary decides by rules whether a sentence ends after token i, the
// sentence having started at token start. The caller has handled the last
// token and paragraph breaks.
func ruleBoundary(text string, toks []surface, i, start int) bool {
	w := text[toks[i].start:toks[i].end]
	next := toks[i+1]
	nw := text[next.start:next.end]
	nf := firstClass(nw)
	switch {
	case isStopRun(w):
		return !isCloser(nw) && nf != firstLower && !isMidPunct(nw)
	case isCloser(w) && i > start && isStopRun(text[toks[i-1].start:toks[i-1].end]):
		return !isCloser(nw) && nf != firstLower && !isMidPunct(nw)
	}
	return shortLineEnds(text, toks, i)
}

// shortLineEnds reports whether a single line break after token i ends a
// sentence: the line is short (a title, heading, list item or signature) and
// the next line does not start in lower case. Long lines are taken for
// wrapped prose.
func shortLineEnds(text string, toks []surface, i int) bool {
	next := toks[i+1]
	if next.newlines != 1 || firstClass(text[next.start:next.end]) == firstLower {
		return false
	}
	n := 1
	for k := i; k > 0 && toks[k].newlines == 0 && n <= shortLine; k-- {
		n++
	}
	return n <= shortLine
}

// isStopRun reports whether w is made only of '.', '!', '?' and '…'.
func isStopRun(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

// isCloser reports whether w is a closing quote or bracket.
func isCloser(w string) bool {
	switch w {
	case ")", "]", "}", "\"", "'", "”", "’", "»", "''":
		return true
	}
	return false
}

// isMidPunct reports whether w is punctuation that continues a sentence.
func isMidPunct(w string) bool {
	switch w {
	case ",", ";", ":", "-", "--", "—", "–":
		return true
	}
	return false
}

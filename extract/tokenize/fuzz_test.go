package tokenize

import (
	"testing"
)

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"I don't know. He can't, won't and gonna go!",
		"Mr. Smith paid $4.25 (3.5%) at 5 p.m. in the U.S.\n\nNext paragraph",
		"“Quoted” — dash… https://example.com/x?y=1 bob@example.org :) 713-853-5984",
		"states' 'em '90s ''x'' ‘’y’’ sh*t *a* ...? -5 th- and/or w/o",
		"\xff\xfe invalid \x80 bytes don\xe2\x80t \xe2\x80\x99s",
		"U.S.. etc. Inc.\n\n",
		"", " ", ".", "'", "-", "--", "...", "\u2028\u2029", "a\u00a0b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents, surf := Analyze(text)
		checkInvariants(t, text, sents, surf)
		var rules Tokenizer
		checkInvariants(t, text, rules.Sentences(text), nil)
	})
}

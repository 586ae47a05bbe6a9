package alias

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Slug returns the stable identifier of a label: ASCII-folded, lowercase,
// letters and digits with single underscores between words ("Recep Tayyip
// Erdoğan" → "recep_tayyip_erdogan", "U.S. Navy" → "us_navy"). Dots and
// apostrophes join rather than split ("O'Brien" → "obrien"). It returns "_"
// for a label with no letters or digits.
func Slug(label string) string {
	var b strings.Builder
	gap := false
	for _, r := range fold(label) {
		switch {
		case r == '.' || r == '\'' || r == '’':
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			gap = false
		default:
			gap = true
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// fold removes accents: NFD, drop combining marks, and a few letters that do
// not decompose (ø, ł, ß, æ, œ, đ, ı).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return foldReplacer.Replace(out)
}

var foldReplacer = strings.NewReplacer("ø", "o", "Ø", "O", "ł", "l", "Ł", "L", "ß", "ss", "æ", "ae", "Æ", "AE",
	"œ", "oe", "Œ", "OE", "đ", "d", "Đ", "D", "ı", "i", "þ", "th", "ð", "d")

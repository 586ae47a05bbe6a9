package tagger

import (
	"unicode"
	"unicode/utf8"
)

// Hashing constants: FNV-1a over runes, finished with a 64-bit mixer.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	golden    = 0x9E3779B97F4A7C15
)

// mix is the finalizer of MurmurHash3, a fast bijective 64-bit mixer.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// Padding atoms stand for the positions before and after the sentence.
const (
	padStart = 0x5ea1_0001
	padEnd   = 0x5ea1_0002
)

// Template identifiers; each feature hash starts from one of them.
const (
	fBias = iota + 1
	fWord
	fLower
	fPre1
	fPre2
	fPre3
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fSuf5
	fShape
	fLowerM1
	fLowerM2
	fLowerP1
	fLowerP2
	fSuf3M1
	fSuf3P1
	fSuf2P1
	fShapeM1
	fShapeP1
	fTagM1
	fTagM2
	fTagM1M2
	fTagM1Lower
	fLowerM1Lower
	fLowerLowerP1
	fAC
	fACP1
	fACP2
	fACM1
	fTagM1ACP1
	fACACP1
	fFirstShape
	fTagM1Suf3
	fFirstWord
	fLowerP1P2
	fShapeLen
	fCaseShape
	fCaseFirst
	fCaseP1
	fCaseM1
	fSentShape
	fSentCase
	fTagP1
	fTagP2
	fTagP1P2
	fTagP1Lower
	fTagP1ACM1
	fTagP1Suf3
	fSuf2M1
	fLowerM1M2
	fACM2
	fACM1AC
	fLastShape
	fLastWord
	fCaseLast
	maxFeatures = 52
)

// atoms are the per-word hashes every feature template combines.
type atoms struct {
	word  uint64    // the form as written
	lower uint64    // the lowercase form
	pre   [3]uint64 // lowercase prefixes of 1 to 3 runes
	suf   [5]uint64 // lowercase suffixes of 1 to 5 runes
	shape uint64    // collapsed character classes (Xx, d.d, x-x, …)
	slen  uint64    // shape combined with a length bucket
	ac    uint64    // ambiguity class id from the training data, 0 when unknown
	cp    uint64    // case profile from the training data, 0 when unknown
	fixed int       // 1 + the label of a frequent unambiguous word, 0 for others
	cands uint32    // span of the word's candidate labels in Model.candLabels, 0 for any label
	caps  uint8     // how the word is written: capsNone, capsLower, capsTitle or capsUpper
	sent  uint64    // the casing of the whole sentence, see sentenceCase
}

// Word casings, for sentenceCase.
const (
	capsNone  = iota // no letters
	capsLower        // no capitals
	capsTitle        // a capital and lowercase letters
	capsUpper        // capitals only
)

// capsOf classifies a word with upper capitals and lower lowercase letters.
func capsOf(upper, lower int) uint8 {
	switch {
	case upper == 0 && lower == 0:
		return capsNone
	case upper == 0:
		return capsLower
	case lower == 0:
		return capsUpper
	}
	return capsTitle
}

// sentenceCase sums up how the words of a sentence (at, without padding)
// are written, so that capitals in a headline or a title count for less
// than capitals in running text: 0 for fewer than three words with letters
// after the first, 1 when under a third of them have capitals, 2 when
// under two thirds do, 3 when more do, and 4 when most are in capitals.
func sentenceCase(at []atoms) uint64 {
	words, capped, upper := 0, 0, 0
	for i := 1; i < len(at); i++ {
		switch at[i].caps {
		case capsLower:
			words++
		case capsTitle:
			words++
			capped++
		case capsUpper:
			words++
			capped++
			upper++
		}
	}
	switch {
	case words < 3:
		return 0
	case 2*upper > words:
		return 4
	case 3*capped < words:
		return 1
	case 3*capped < 2*words:
		return 2
	}
	return 3
}

// padAtoms returns the atoms of a padding position.
func padAtoms(v uint64) atoms {
	return atoms{word: v, lower: v, pre: [3]uint64{v, v, v}, suf: [5]uint64{v, v, v, v, v}, shape: v, slen: v, ac: v, cp: v}
}

// lowerHash returns the hash of the lowercase form of w; it keys the
// ambiguity-class and feature tables.
func lowerHash(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		h ^= uint64(lowerRune(r))
		h *= fnvPrime
	}
	return mix(h)
}

func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

func shapeClass(r rune) rune {
	switch {
	case 'a' <= r && r <= 'z':
		return 'x'
	case 'A' <= r && r <= 'Z':
		return 'X'
	case '0' <= r && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return r
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// makeAtoms fills a with the hashes of w, using buf as scratch for the
// lowercase runes; it returns buf (possibly grown) for reuse.
func makeAtoms(a *atoms, w string, buf []rune) []rune {
	buf = buf[:0]
	hw := uint64(fnvOffset)
	hs := uint64(fnvOffset)
	var prev rune = -1
	upper, lower := 0, 0
	for _, r := range w {
		switch c := shapeClass(r); {
		case c == 'X':
			upper++
		case c == 'x':
			lower++
		}
		hw ^= uint64(r)
		hw *= fnvPrime
		if c := shapeClass(r); c != prev {
			hs ^= uint64(c)
			hs *= fnvPrime
			prev = c
		}
		buf = append(buf, lowerRune(r))
	}
	a.word = mix(hw)
	a.shape = mix(hs)
	n := len(buf)
	a.slen = mix(hs ^ uint64(min(n, 6))<<56)
	h := uint64(fnvOffset)
	for i, r := range buf {
		h ^= uint64(r)
		h *= fnvPrime
		if i < len(a.pre) {
			a.pre[i] = mix(h)
		}
	}
	a.lower = mix(h)
	for i := n; i < len(a.pre); i++ {
		a.pre[i] = a.lower
	}
	for k := 1; k <= len(a.suf); k++ {
		if k >= n {
			a.suf[k-1] = a.lower
			continue
		}
		h := uint64(fnvOffset) ^ uint64(k)<<48
		for _, r := range buf[n-k:] {
			h ^= uint64(r)
			h *= fnvPrime
		}
		a.suf[k-1] = mix(h)
	}
	a.ac, a.cp, a.fixed, a.cands, a.sent = 0, 0, 0, 0, 0
	a.caps = capsOf(upper, lower)
	return buf
}

func f1(t int, a uint64) uint64 {
	h := mix(a + uint64(t)*golden)
	if h == 0 {
		return 1
	}
	return h
}

func f2(t int, a, b uint64) uint64 {
	h := mix(mix(a+uint64(t)*golden) ^ b)
	if h == 0 {
		return 1
	}
	return h
}

// staticFeatures appends the features of word i that do not depend on the
// labels predicted for other words. at holds the atoms of the sentence with
// two padding positions on each side (word i is at at[i+2]). Both taggers
// share the first sharedStatic features; the forward tagger has the next
// ownStatic ones (looking right, and at the first word), and the backward
// tagger the last ownStatic ones, their mirror images (looking left, and at
// the last word), so all of them are looked up once per word.
func staticFeatures(dst []uint64, at []atoms, i int) []uint64 {
	w := &at[i+2]
	m1, m2 := &at[i+1], &at[i]
	n1, n2 := &at[i+3], &at[i+4]
	first, last := uint64(0), uint64(0)
	if i == 0 {
		first = 1
	}
	if n1.word == padEnd {
		last = 1
	}
	return append(dst,
		f1(fBias, 0),
		f1(fWord, w.word),
		f1(fLower, w.lower),
		f1(fPre1, w.pre[0]),
		f1(fPre2, w.pre[1]),
		f1(fPre3, w.pre[2]),
		f1(fSuf1, w.suf[0]),
		f1(fSuf2, w.suf[1]),
		f1(fSuf3, w.suf[2]),
		f1(fSuf4, w.suf[3]),
		f1(fSuf5, w.suf[4]),
		f1(fShape, w.shape),
		f1(fShapeLen, w.slen),
		f1(fLowerM1, m1.lower),
		f1(fLowerM2, m2.lower),
		f1(fLowerP1, n1.lower),
		f1(fLowerP2, n2.lower),
		f1(fSuf3M1, m1.suf[2]),
		f1(fSuf3P1, n1.suf[2]),
		f1(fShapeM1, m1.shape),
		f1(fShapeP1, n1.shape),
		f2(fLowerM1Lower, m1.lower, w.lower),
		f2(fLowerLowerP1, w.lower, n1.lower),
		f1(fAC, w.ac),
		f1(fACP1, n1.ac),
		f1(fACM1, m1.ac),
		f2(fCaseShape, w.cp, w.shape),
		f2(fCaseP1, n1.cp, n1.shape),
		f2(fCaseM1, m1.cp, m1.shape),
		f2(fSentShape, w.sent, w.shape),
		f2(fSentCase, w.sent<<3|w.cp, w.shape),
		// The forward tagger's own.
		f1(fSuf2P1, n1.suf[1]),
		f2(fLowerP1P2, n1.lower, n2.lower),
		f1(fACP2, n2.ac),
		f2(fACACP1, w.ac, n1.ac),
		f2(fFirstShape, first, w.shape),
		f2(fFirstWord, first, w.word),
		f2(fCaseFirst, w.cp, first),
		// The backward tagger's own.
		f1(fSuf2M1, m1.suf[1]),
		f2(fLowerM1M2, m1.lower, m2.lower),
		f1(fACM2, m2.ac),
		f2(fACM1AC, m1.ac, w.ac),
		f2(fLastShape, last, w.shape),
		f2(fLastWord, last, w.word),
		f2(fCaseLast, w.cp, last),
	)
}

// The static features shared by both taggers, and those each has alone.
const (
	sharedStatic = 31
	ownStatic    = 7
)

// ownFeatures returns the static features of one tagger from all of them
// (the forward ones, or the backward ones when backward is set), reusing
// the storage of feats.
func ownFeatures(feats []uint64, backward bool) []uint64 {
	if backward {
		return append(feats[:sharedStatic], feats[sharedStatic+ownStatic:sharedStatic+2*ownStatic]...)
	}
	return feats[:sharedStatic+ownStatic]
}

// tagFeatures appends the features of word i that combine the labels
// the forward tagger predicted for the two words before it (plus one, 0
// before the sentence).
func tagFeatures(dst []uint64, at []atoms, i int, p1, p2 int) []uint64 {
	w, n1 := &at[i+2], &at[i+3]
	t1, t2 := uint64(p1), uint64(p2)
	return append(dst,
		f1(fTagM1, t1),
		f1(fTagM2, t2),
		f2(fTagM1M2, t1, t2),
		f2(fTagM1Lower, t1, w.lower),
		f2(fTagM1ACP1, t1, n1.ac),
		f2(fTagM1Suf3, t1, w.suf[2]),
	)
}

// backTagFeatures appends the features of word i that combine the labels
// the backward tagger predicted for the two words after it (plus one, 0
// after the sentence).
func backTagFeatures(dst []uint64, at []atoms, i int, q1, q2 int) []uint64 {
	w, m1 := &at[i+2], &at[i+1]
	t1, t2 := uint64(q1), uint64(q2)
	return append(dst,
		f1(fTagP1, t1),
		f1(fTagP2, t2),
		f2(fTagP1P2, t1, t2),
		f2(fTagP1Lower, t1, w.lower),
		f2(fTagP1ACM1, t1, m1.ac),
		f2(fTagP1Suf3, t1, w.suf[2]),
	)
}

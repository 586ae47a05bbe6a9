package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is the FNV-1a hash of its template number
// and its values; the numbers are part of the model format, so new templates
// take new numbers.
const (
	fBias = iota + 1
	fWord
	fLower
	fShape
	fPrefix // 4 templates, lengths 1 to 4
	_
	_
	_
	fSuffix // 4 templates, lengths 1 to 4
	_
	_
	_
	fPrevWord
	fNextWord
	fPrev2Word
	fNext2Word
	fPrevShape
	fNextShape
	fPrevShapeShape
	fShapeNextShape
	fPrevWordWord
	fWordNextWord
	fFirstShape
	fGaz
	fPrevGaz
	fNextGaz
	fGazShape
	fPrevLabel
	fPrev2Labels
	_ // retired: previous label with the word
	fPrevLabelShape
	fUPOS
	fPrevUPOSUPOS
	fNextUPOS
	fUPOSShape
	fPrevSuffix3
	fNextSuffix3
	fCaseShape
	fCasePrevShape
	fHeadAhead
	fCluster // 4 templates, one per prefix length in clusterPrefixes
	_
	_
	_
	fPrevCluster // 2 templates: prefixes of 4 and 10 bits
	_
	fNextCluster // 2 templates: prefixes of 4 and 10 bits
	_
	fCaps
	fCapsShape
	fPrevCaps
	fNextCaps
	fCapsFirst
	fDoc
	fDocShape
	fDocFirst
)

// clusterPrefixes are the lengths of the cluster-path prefixes used as
// features of the word itself.
var clusterPrefixes = [4]int{4, 6, 10, 20}

// Lexicon feature sets, as bits of Model.lexFeatures.
const (
	lexClusters = 1 << iota // cluster-path prefixes of the word and its neighbours
	lexCaps                 // how often the word is capitalized mid-sentence
	lexDoc                  // how the word is written elsewhere in its document
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

func hnum(h, v uint64) uint64 {
	h ^= v + 0x100
	h *= fnvPrime
	return h
}

func htmpl(t int) uint64 { return hnum(fnvOffset, uint64(t)) }

// finish mixes the bits of a feature hash (splitmix64's finalizer) and keeps
// it away from 0, the empty key of the feature table.
func finish(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h | 1
}

// sentence holds what the features of one sentence are made of, computed
// once per sentence; pads of two at each end stand for the sentence edges.
type sentence struct {
	word, lower, shape, upos []string
	gaz                      []uint16   // gazetteer kind bits, with gazBegin on a phrase's first word
	lex                      []lexEntry // lexicon entries of the lowercase words (zero for pads and unknown words)
	lexFeatures              uint8      // which lexicon features to compute (lexClusters, lexCaps, lexDoc)
	doc                      []uint8    // document bits of the words (padded), see documentBits
	feats                    []uint64
	casing                   uint64 // how the sentence is written: see sentenceCasing
}

const pad = 2

var padWords = [2 * pad]string{"<s2>", "<s1>", "</s1>", "</s2>"}

func (s *sentence) reset(words, upos []string, g *phraseSet, lex map[string]lexEntry, lexFeatures uint8, doc []uint8) {
	n := len(words) + 2*pad
	s.word = resize(s.word, n)
	s.lower = resize(s.lower, n)
	s.shape = resize(s.shape, n)
	s.upos = resize(s.upos, n)
	if cap(s.gaz) < n {
		s.gaz = make([]uint16, n)
	}
	s.gaz = s.gaz[:n]
	clear(s.gaz)

	for i := range n {
		j := i - pad
		switch {
		case j < 0:
			s.word[i], s.lower[i], s.shape[i], s.upos[i] = padWords[i], padWords[i], padWords[i], padWords[i]
		case j >= len(words):
			p := padWords[pad+j-len(words)]
			s.word[i], s.lower[i], s.shape[i], s.upos[i] = p, p, p, p
		default:
			w := words[j]
			s.word[i], s.lower[i], s.shape[i] = w, strings.ToLower(w), wordShape(w)
			s.upos[i] = ""
			if j < len(upos) {
				s.upos[i] = upos[j]
			}
		}
	}
	s.casing = sentenceCasing(words)
	s.lexFeatures = lexFeatures
	if cap(s.lex) < n {
		s.lex = make([]lexEntry, n)
	}
	s.lex = s.lex[:n]
	clear(s.lex)
	if cap(s.doc) < n {
		s.doc = make([]uint8, n)
	}
	s.doc = s.doc[:n]
	clear(s.doc)
	if len(doc) == len(words) {
		copy(s.doc[pad:], doc)
	}
	if lex != nil {
		for i := pad; i < pad+len(words); i++ {
			s.lex[i] = lex[s.lower[i]]
		}
	}
	if g != nil {
		g.mark(s.word[pad:pad+len(words)], s.lower[pad:pad+len(words)], s.gaz[pad:pad+len(words)])
	}
}

func resize(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}

// static sets s.feats to the finished hashes of the label-independent
// features of word i (unpadded).
func (s *sentence) static(i int, useUPOS bool) {
	p := i + pad
	f := s.feats[:0]
	w, lw, sh := s.word[p], s.lower[p], s.shape[p]
	f = append(f, htmpl(fBias), hstr(htmpl(fWord), w), hstr(htmpl(fLower), lw), hstr(htmpl(fShape), sh))
	for k := 1; k <= 4; k++ {
		if k <= len(lw) {
			f = append(f, hstr(htmpl(fPrefix+k-1), lw[:k]), hstr(htmpl(fSuffix+k-1), lw[len(lw)-k:]))
		}
	}
	f = append(f,
		hstr(htmpl(fPrevWord), s.lower[p-1]),
		hstr(htmpl(fNextWord), s.lower[p+1]),
		hstr(htmpl(fPrev2Word), s.lower[p-2]),
		hstr(htmpl(fNext2Word), s.lower[p+2]),
		hstr(htmpl(fPrevShape), s.shape[p-1]),
		hstr(htmpl(fNextShape), s.shape[p+1]),
		hstr(hstr(htmpl(fPrevShapeShape), s.shape[p-1]), sh),
		hstr(hstr(htmpl(fShapeNextShape), sh), s.shape[p+1]),
		hstr(hstr(htmpl(fPrevWordWord), s.lower[p-1]), lw),
		hstr(hstr(htmpl(fWordNextWord), lw), s.lower[p+1]),
		hstr(htmpl(fPrevSuffix3), suffix(s.lower[p-1], 3)),
		hstr(htmpl(fNextSuffix3), suffix(s.lower[p+1], 3)),
	)
	if i == 0 {
		f = append(f, hstr(htmpl(fFirstShape), sh))
	}
	f = append(f, hstr(hnum(htmpl(fCaseShape), s.casing), sh), hstr(hstr(hnum(htmpl(fCasePrevShape), s.casing), s.shape[p-1]), sh))
	if g := s.gaz[p]; g != 0 {
		f = append(f, hnum(htmpl(fGaz), uint64(g)), hstr(hnum(htmpl(fGazShape), uint64(g)), sh))
	}
	if g := s.gaz[p-1]; g != 0 {
		f = append(f, hnum(htmpl(fPrevGaz), uint64(g)))
	}
	if g := s.gaz[p+1]; g != 0 {
		f = append(f, hnum(htmpl(fNextGaz), uint64(g)))
	}
	if ahead := (s.gaz[p+1] | s.gaz[p+2] | s.gaz[min(p+3, len(s.gaz)-1)]) & headBits; ahead != 0 {
		f = append(f, hstr(hnum(htmpl(fHeadAhead), uint64(ahead)), sh))
	}
	f = s.lexicon(f, i)
	if useUPOS {
		u := s.upos[p]
		f = append(f,
			hstr(htmpl(fUPOS), u),
			hstr(hstr(htmpl(fPrevUPOSUPOS), s.upos[p-1]), u),
			hstr(htmpl(fNextUPOS), s.upos[p+1]),
			hstr(hstr(htmpl(fUPOSShape), u), sh),
		)
	}
	for k, h := range f {
		f[k] = finish(h)
	}
	s.feats = f
}

// lexicon appends the unfinished hashes of the lexicon features of word i
// (unpadded) to f.
func (s *sentence) lexicon(f []uint64, i int) []uint64 {
	p := i + pad
	if s.lexFeatures&lexClusters != 0 {
		if e := s.lex[p]; e.depth > 0 {
			for k, n := range clusterPrefixes {
				f = append(f, hnum(htmpl(fCluster+k), prefixBits(e, n)))
			}
		}
		for k, n := range [2]int{4, 10} {
			if e := s.lex[p-1]; e.depth > 0 {
				f = append(f, hnum(htmpl(fPrevCluster+k), prefixBits(e, n)))
			}
			if e := s.lex[p+1]; e.depth > 0 {
				f = append(f, hnum(htmpl(fNextCluster+k), prefixBits(e, n)))
			}
		}
	}
	if s.lexFeatures&lexCaps != 0 {
		c := uint64(s.lex[p].caps)
		f = append(f, hnum(htmpl(fCaps), c), hstr(hnum(htmpl(fCapsShape), c), s.shape[p]),
			hnum(htmpl(fPrevCaps), uint64(s.lex[p-1].caps)), hnum(htmpl(fNextCaps), uint64(s.lex[p+1].caps)))
		if i == 0 {
			f = append(f, hstr(hnum(htmpl(fCapsFirst), c), s.shape[p]))
		}
	}
	if s.lexFeatures&lexDoc != 0 {
		d := uint64(s.doc[p])
		f = append(f, hnum(htmpl(fDoc), d), hstr(hnum(htmpl(fDocShape), d), s.shape[p]))
		if i == 0 {
			f = append(f, hstr(hnum(htmpl(fDocFirst), d), s.shape[p]))
		}
	}
	return f
}

// prefixBits returns the first n bits of e's cluster path (all of it when
// shorter) together with their count, as one number.
func prefixBits(e lexEntry, n int) uint64 {
	d := min(int(e.depth), n)
	return uint64(e.path>>(int(e.depth)-d))<<8 | uint64(d)
}

// dynamic appends the features that depend on the labels already chosen for
// the two previous words (label indices, or -1 before the sentence),
// finished, to s.feats.
func (s *sentence) dynamic(i, prev, prev2 int) {
	pv, pv2 := uint64(prev+1), uint64(prev2+1)
	s.feats = append(s.feats,
		finish(hnum(htmpl(fPrevLabel), pv)),
		finish(hnum(hnum(htmpl(fPrev2Labels), pv2), pv)),
		finish(hstr(hnum(htmpl(fPrevLabelShape), pv), s.shape[i+pad])),
	)
}

// sentenceCasing classifies how a sentence uses capitals, so that shapes
// can be read against it: 1 when no word has a capital, 2 when every
// letter is a capital, 3 when most words (headline style) start with one, 0
// for ordinary text.
func sentenceCasing(words []string) uint64 {
	var lower, upper, title, letters int
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case strings.ToUpper(w) == w:
			upper++
		case unicode.IsUpper(r):
			title++
		case strings.ToLower(w) == w:
			lower++
		}
	}
	switch {
	case letters < 3:
		return 0
	case lower == letters:
		return 1
	case upper == letters:
		return 2
	case 4*(title+upper) >= 3*letters:
		return 3
	}
	return 0
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// wordShape maps a word to its shape: upper-case letters to X, lower-case to
// x, digits to d, other characters kept, runs of one class cut to two, so
// "McDonald's" becomes "XxXxx'x" and "1984" becomes "dd".
func wordShape(w string) string {
	var buf [24]byte
	out := buf[:0]
	var last byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
		} else {
			run = 1
		}
		last = c
		if run <= 2 && len(out) < len(buf) {
			out = append(out, c)
		}
	}
	return string(out)
}

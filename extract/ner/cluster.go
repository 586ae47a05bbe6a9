package ner

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Settings of the word lexicon that Train builds from unlabeled text.
const (
	lexMinCount     = 5     // a word needs this many occurrences to get a cluster
	lexMaxWords     = 60000 // at most this many words (the most frequent) get clusters
	lexClusterDepth = 20    // bits of a cluster path
	contextWords    = 1000  // the most frequent words are the contexts
	projDims        = 192   // dimensions of the random projection
	powerSteps      = 12    // power-iteration steps per split
	refineSteps     = 4     // 2-means steps per split
)

// lexEntry is what the lexicon knows of one lowercase word form: its
// cluster path (bit i from the top is the branch taken at depth i) and how
// often it is capitalized away from the start of a sentence.
type lexEntry struct {
	path  uint32 // cluster path bits, most significant first, depth bits long
	depth uint8  // length of path; 0 when the word has no cluster
	caps  uint8  // capitalization bucket, see capBucket; 0 when unknown
}

// buildLexicon computes distributional word clusters and capitalization
// statistics from tokenized sentences. Words are lowercased; each word
// with at least minCount occurrences is described by the positive PMI of
// its neighbours at offsets -2..+2 among the most frequent words, projected
// to a few hundred dimensions with a fixed pseudo-random projection, and
// the words are split in two again and again (principal direction, then
// 2-means), which gives each a path of up to depth bits; depth 0 skips the
// clusters. The result depends only on the input.
func buildLexicon(text [][]string, minCount, maxWords, depth int) map[string]lexEntry {
	freq := map[string]int{}
	capsN, lowerN := map[string]int{}, map[string]int{}
	for _, s := range text {
		for i, w := range s {
			lw := strings.ToLower(w)
			freq[lw]++
			if i == 0 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsUpper(r):
				capsN[lw]++
			case unicode.IsLower(r):
				lowerN[lw]++
			}
		}
	}
	lex := map[string]lexEntry{}
	if depth > 0 {
		vocab := topWords(freq, minCount, maxWords)
		vecs := contextVectors(text, vocab, topWords(freq, 1, contextWords))
		members := make([]int, len(vocab))
		for i := range members {
			members[i] = i
		}
		paths := make([]uint32, len(vocab))
		depths := make([]uint8, len(vocab))
		bisect(vecs, members, 0, 0, depth, paths, depths)
		for i, w := range vocab {
			lex[w] = lexEntry{path: paths[i], depth: depths[i]}
		}
	}
	for w := range freq {
		if c := capBucket(capsN[w], lowerN[w]); c != 0 {
			e := lex[w]
			e.caps = c
			lex[w] = e
		}
	}
	return lex
}

// capBucket sorts a word by the share of its mid-sentence occurrences that
// start with a capital: 0 unknown (fewer than two), then 1 (under 5%),
// 2 (under 30%), 3 (under 70%), 4 (under 95%), 5 (nearly always).
func capBucket(caps, lower int) uint8 {
	n := caps + lower
	if n < 2 {
		return 0
	}
	r := float64(caps) / float64(n)
	switch {
	case r < 0.05:
		return 1
	case r < 0.3:
		return 2
	case r < 0.7:
		return 3
	case r < 0.95:
		return 4
	}
	return 5
}

// topWords returns the words seen at least minCount times, most frequent
// first (ties in byte order), at most limit of them.
func topWords(freq map[string]int, minCount, limit int) []string {
	var out []string
	for w, n := range freq {
		if n >= minCount {
			out = append(out, w)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		return strings.Compare(a, b)
	})
	return out[:min(len(out), limit)]
}

// contextCounts are the co-occurrence counts of vocabulary words with
// (offset, context word) pairs.
type contextCounts struct {
	rows      []map[int32]float64 // per vocab word: pair -> count
	ctxTotal  []float64           // per pair
	wordTotal []float64           // per vocab word
}

// contextOffsets are the positions, relative to a word, of its contexts.
var contextOffsets = [...]int{-2, -1, 1, 2}

// countContexts counts, for each vocab word, its neighbours at
// contextOffsets that are among contexts; the sentence edge counts as one
// more context word.
func countContexts(text [][]string, vocab, contexts []string) contextCounts {
	vi := make(map[string]int, len(vocab))
	for i, w := range vocab {
		vi[w] = i
	}
	ci := make(map[string]int, len(contexts))
	for i, w := range contexts {
		ci[w] = i
	}
	nc := len(contexts) + 1
	cc := contextCounts{
		rows:      make([]map[int32]float64, len(vocab)),
		ctxTotal:  make([]float64, len(contextOffsets)*nc),
		wordTotal: make([]float64, len(vocab)),
	}
	var lower []string
	for _, s := range text {
		lower = lower[:0]
		for _, w := range s {
			lower = append(lower, strings.ToLower(w))
		}
		for i, w := range lower {
			v, ok := vi[w]
			if !ok {
				continue
			}
			for k, off := range contextOffsets {
				c := len(contexts) // the sentence edge
				if j := i + off; j >= 0 && j < len(lower) {
					if c, ok = ci[lower[j]]; !ok {
						continue
					}
				}
				f := int32(k*nc + c)
				if cc.rows[v] == nil {
					cc.rows[v] = map[int32]float64{}
				}
				cc.rows[v][f]++
				cc.ctxTotal[f]++
				cc.wordTotal[v]++
			}
		}
	}
	return cc
}

// contextVectors returns one unit vector per vocab word: the positive PMI
// of (offset, context word) pairs, each pair projected onto projDims
// dimensions with signs drawn from its hash.
func contextVectors(text [][]string, vocab, contexts []string) [][]float32 {
	cc := countContexts(text, vocab, contexts)
	// Context distribution smoothing (counts to the power 0.75) keeps rare
	// contexts from dominating the PMI.
	var total float64
	for f, n := range cc.ctxTotal {
		cc.ctxTotal[f] = math.Pow(n, 0.75)
		total += cc.ctxTotal[f]
	}
	proj := projection(len(cc.ctxTotal), projDims)
	vecs := make([][]float32, len(vocab))
	for v, row := range cc.rows {
		vec := make([]float32, projDims)
		// Sum in a fixed order so that rounding, and so the clusters, never vary.
		for _, f := range slices.Sorted(maps.Keys(row)) {
			pmi := math.Log(row[f] * total / (cc.wordTotal[v] * cc.ctxTotal[f]))
			if pmi <= 0 {
				continue
			}
			p := proj[int(f)*projDims : (int(f)+1)*projDims]
			for d := range vec {
				vec[d] += float32(pmi) * p[d]
			}
		}
		normalize(vec)
		vecs[v] = vec
	}
	return vecs
}

// projection returns an n×d matrix of ±1/sqrt(d) from a fixed hash.
func projection(n, d int) []float32 {
	out := make([]float32, n*d)
	s := 1 / float32(math.Sqrt(float64(d)))
	for i := range out {
		if finish(uint64(i)+0x5bd1e995)&2 == 0 {
			out[i] = s
		} else {
			out[i] = -s
		}
	}
	return out
}

func normalize(v []float32) {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	s := float32(1 / math.Sqrt(n))
	for i := range v {
		v[i] *= s
	}
}

// bisect splits members in two, records the branch in their paths, and
// recurses until depth bits or single words.
func bisect(vecs [][]float32, members []int, path uint32, level, depth int, paths []uint32, depths []uint8) {
	if level == depth || len(members) < 2 {
		for _, m := range members {
			paths[m], depths[m] = path, uint8(level)
		}
		return
	}
	left, right := split(vecs, members)
	if len(left) == 0 || len(right) == 0 {
		for _, m := range members {
			paths[m], depths[m] = path, uint8(level)
		}
		return
	}
	bisect(vecs, left, path<<1, level+1, depth, paths, depths)
	bisect(vecs, right, path<<1|1, level+1, depth, paths, depths)
}

// split divides members by the sign of their projection on the principal
// direction of the centred vectors, then refines with 2-means.
func split(vecs [][]float32, members []int) (left, right []int) {
	d := len(vecs[members[0]])
	mean := make([]float64, d)
	for _, m := range members {
		for k, x := range vecs[m] {
			mean[k] += float64(x)
		}
	}
	for k := range mean {
		mean[k] /= float64(len(members))
	}
	dir := make([]float64, d)
	for k := range dir {
		dir[k] = float64(int(finish(uint64(k)))%7 - 3)
	}
	next := make([]float64, d)
	for range powerSteps {
		clear(next)
		for _, m := range members {
			u := centredDot(vecs[m], mean, dir)
			for k, x := range vecs[m] {
				next[k] += u * (float64(x) - mean[k])
			}
		}
		if !unit(next) {
			break
		}
		dir, next = next, dir
	}
	side := make([]bool, len(members))
	for i, m := range members {
		side[i] = centredDot(vecs[m], mean, dir) > 0
	}
	for range refineSteps {
		c0, c1 := centroids(vecs, members, side)
		for i, m := range members {
			side[i] = sqDist(vecs[m], c1) < sqDist(vecs[m], c0)
		}
	}
	for i, m := range members {
		if side[i] {
			right = append(right, m)
		} else {
			left = append(left, m)
		}
	}
	return left, right
}

func centredDot(v []float32, mean, dir []float64) float64 {
	var s float64
	for k, x := range v {
		s += (float64(x) - mean[k]) * dir[k]
	}
	return s
}

func unit(v []float64) bool {
	var n float64
	for _, x := range v {
		n += x * x
	}
	if n == 0 {
		return false
	}
	n = 1 / math.Sqrt(n)
	for i := range v {
		v[i] *= n
	}
	return true
}

func centroids(vecs [][]float32, members []int, side []bool) (c0, c1 []float64) {
	d := len(vecs[members[0]])
	c0, c1 = make([]float64, d), make([]float64, d)
	var n0, n1 float64
	for i, m := range members {
		c, n := c0, &n0
		if side[i] {
			c, n = c1, &n1
		}
		*n++
		for k, x := range vecs[m] {
			c[k] += float64(x)
		}
	}
	for k := range c0 {
		c0[k] /= max(n0, 1)
		c1[k] /= max(n1, 1)
	}
	return c0, c1
}

func sqDist(v []float32, c []float64) float64 {
	var s float64
	for k, x := range v {
		e := float64(x) - c[k]
		s += e * e
	}
	return s
}

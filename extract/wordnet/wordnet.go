// Package wordnet builds kg's table of verb synonyms from the WordNet 3.0
// database files (index.verb and data.verb, as Debian's wordnet-base
// installs them under /usr/share/wordnet): two verbs are synonyms when they
// share a synset among the most frequent senses of either. kg train
// synonyms writes the table; kg ask reads it to find the evidence
// sentences of questions worded with another verb than the text (punish ↔
// penalize, appoint ↔ name).
package wordnet

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// DefaultSenses is how many of a verb's most frequent senses give its
// synonyms.
const DefaultSenses = 2

// Synsets are the verb synsets of WordNet: each verb's synsets, most
// frequent sense first, and each synset's words.
type Synsets struct {
	senses map[string][]string // lemma → synset offsets, most frequent first
	words  map[string][]string // synset offset → its single-word lemmas
}

// Read reads index.verb and data.verb.
func Read(index, data io.Reader) (*Synsets, error) {
	s := &Synsets{senses: map[string][]string{}, words: map[string][]string{}}
	if err := eachLine(index, s.indexLine); err != nil {
		return nil, fmt.Errorf("read index.verb: %w", err)
	}
	if err := eachLine(data, s.dataLine); err != nil {
		return nil, fmt.Errorf("read data.verb: %w", err)
	}
	if len(s.senses) == 0 || len(s.words) == 0 {
		return nil, fmt.Errorf("read wordnet: no verbs (want index.verb and data.verb)")
	}
	return s, nil
}

func eachLine(r io.Reader, fn func(fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' { // the licence header lines start with spaces
			continue
		}
		if err := fn(strings.Fields(line)); err != nil {
			return err
		}
	}
	return sc.Err()
}

// indexLine reads "lemma v synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...".
func (s *Synsets) indexLine(f []string) error {
	if len(f) < 4 || f[1] != "v" {
		return nil
	}
	n, err := strconv.Atoi(f[2])
	if err != nil || n < 1 || len(f) < n {
		return fmt.Errorf("index line %q: bad synset count", f[0])
	}
	offsets := f[len(f)-n:]
	if !strings.Contains(f[0], "_") {
		s.senses[f[0]] = offsets
	}
	return nil
}

// dataLine reads "offset lex_filenum v w_cnt(hex) word lex_id ... | gloss".
func (s *Synsets) dataLine(f []string) error {
	if len(f) < 4 || f[2] != "v" {
		return nil
	}
	n, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil || len(f) < 4+2*int(n) {
		return fmt.Errorf("data line %s: bad word count", f[0])
	}
	for i := range int(n) {
		w := strings.ToLower(f[4+2*i])
		if !strings.Contains(w, "_") && !slices.Contains(s.words[f[0]], w) {
			s.words[f[0]] = append(s.words[f[0]], w)
		}
	}
	return nil
}

// Table returns each verb's synonyms: the other words of the synsets of its
// first senses senses, and the verbs whose first senses senses hold it, in
// alphabetical order. Verbs without synonyms are left out.
func (s *Synsets) Table(senses int) map[string][]string {
	out := map[string][]string{}
	add := func(a, b string) {
		if a != b && !slices.Contains(out[a], b) {
			out[a] = append(out[a], b)
		}
	}
	for lemma, offsets := range s.senses {
		for _, off := range offsets[:min(senses, len(offsets))] {
			for _, w := range s.words[off] {
				add(lemma, w)
				add(w, lemma)
			}
		}
	}
	for _, syns := range out {
		slices.Sort(syns)
	}
	return out
}

// WriteTable writes a table as "verb: synonym ..." lines in verb order,
// after a header that names its source and licence.
func WriteTable(w io.Writer, t map[string][]string) error {
	verbs := make([]string, 0, len(t))
	for v := range t {
		verbs = append(verbs, v)
	}
	slices.Sort(verbs)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Verb synonyms built by kg train synonyms from WordNet 3.0 (index.verb, data.verb):")
	fmt.Fprintln(bw, "# two verbs are synonyms when they share a synset among the most frequent senses of either.")
	fmt.Fprintln(bw, "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Used under the")
	fmt.Fprintln(bw, "# WordNet 3.0 license (https://wordnet.princeton.edu/license-and-commercial-use).")
	for _, v := range verbs {
		fmt.Fprintf(bw, "%s: %s\n", v, strings.Join(t[v], " "))
	}
	return bw.Flush()
}

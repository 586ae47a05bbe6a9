package parser

import (
	"slices"
	"testing"
)

func TestRepairs(t *testing.T) {
	tests := []struct {
		name      string
		words     []string
		upos      []string
		heads     []int
		rels      []string
		wantHeads []int
		wantRels  []string
	}{
		{
			name:      "subordinate opening parsed as the main clause",
			words:     []string{"After", "Putin", "declined", ",", "Tillerson", "spoke", "."},
			upos:      []string{"ADP", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"},
			heads:     []int{3, 3, 0, 6, 6, 3, 3},
			rels:      []string{"mark", "nsubj", "root", "punct", "nsubj", "conj", "punct"},
			wantHeads: []int{3, 3, 6, 6, 6, 0, 6},
			wantRels:  []string{"mark", "nsubj", "advcl", "punct", "nsubj", "root", "punct"},
		},
		{
			name:      "coordination with a conjunction stays",
			words:     []string{"If", "Putin", "declined", ",", "and", "Tillerson", "spoke"},
			upos:      []string{"SCONJ", "PROPN", "VERB", "PUNCT", "CCONJ", "PROPN", "VERB"},
			heads:     []int{3, 3, 0, 7, 7, 7, 3},
			rels:      []string{"mark", "nsubj", "root", "punct", "cc", "nsubj", "conj"},
			wantHeads: []int{3, 3, 0, 7, 7, 7, 3},
			wantRels:  []string{"mark", "nsubj", "root", "punct", "cc", "nsubj", "conj"},
		},
		{
			name:      "a noun is an object, not a clause",
			words:     []string{"He", "defended", "his", "talks"},
			upos:      []string{"PRON", "VERB", "PRON", "NOUN"},
			heads:     []int{2, 0, 4, 2},
			rels:      []string{"nsubj", "root", "nmod:poss", "ccomp"},
			wantHeads: []int{2, 0, 4, 2},
			wantRels:  []string{"nsubj", "root", "nmod:poss", "obj"},
		},
		{
			name:      "a predicate noun with a copula stays a clause",
			words:     []string{"He", "said", "it", "was", "talks"},
			upos:      []string{"PRON", "VERB", "PRON", "AUX", "NOUN"},
			heads:     []int{2, 0, 5, 5, 2},
			rels:      []string{"nsubj", "root", "nsubj", "cop", "ccomp"},
			wantHeads: []int{2, 0, 5, 5, 2},
			wantRels:  []string{"nsubj", "root", "nsubj", "cop", "ccomp"},
		},
		{
			name:      "a name hung flat on the noun before it",
			words:     []string{"Council", "chair", "Ingrid", "Salo", "said"},
			upos:      []string{"PROPN", "NOUN", "PROPN", "PROPN", "VERB"},
			heads:     []int{2, 5, 2, 2, 0},
			rels:      []string{"compound", "nsubj", "flat", "flat", "root"},
			wantHeads: []int{2, 3, 5, 3, 0},
			wantRels:  []string{"compound", "nmod:desc", "nsubj", "flat", "root"},
		},
		{
			name:      "a date flat on its noun stays",
			words:     []string{"in", "March", "2017"},
			upos:      []string{"ADP", "PROPN", "NUM"},
			heads:     []int{2, 0, 2},
			rels:      []string{"case", "root", "flat"},
			wantHeads: []int{2, 0, 2},
			wantRels:  []string{"case", "root", "flat"},
		},
		{
			name:      "an object read as the subject of the infinitive after it",
			words:     []string{"Tamm", "met", "Fisheries", "Minister", "Berg", "to", "talk"},
			upos:      []string{"PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PART", "VERB"},
			heads:     []int{2, 0, 2, 5, 7, 7, 2},
			rels:      []string{"nsubj", "root", "obj", "nmod:desc", "nsubj", "mark", "advcl"},
			wantHeads: []int{2, 0, 5, 5, 2, 7, 2},
			wantRels:  []string{"nsubj", "root", "compound", "nmod:desc", "obj", "mark", "advcl"},
		},
		{
			name:      "a for-infinitive keeps its subject",
			words:     []string{"Tamm", "asked", "for", "Berg", "to", "talk"},
			upos:      []string{"PROPN", "VERB", "SCONJ", "PROPN", "PART", "VERB"},
			heads:     []int{2, 0, 6, 6, 6, 2},
			rels:      []string{"nsubj", "root", "mark", "nsubj", "mark", "advcl"},
			wantHeads: []int{2, 0, 6, 6, 6, 2},
			wantRels:  []string{"nsubj", "root", "mark", "nsubj", "mark", "advcl"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			heads, rels := slices.Clone(tt.heads), slices.Clone(tt.rels)
			promoteMainClause(tt.words, heads, rels)
			objectsNotClauses(tt.upos, heads, rels)
			namesOverTitles(tt.upos, heads, rels)
			objectsNotInfinitiveSubjects(tt.words, heads, rels)
			if !slices.Equal(heads, tt.wantHeads) || !slices.Equal(rels, tt.wantRels) {
				t.Errorf("got %v %v\nwant %v %v", heads, rels, tt.wantHeads, tt.wantRels)
			}
		})
	}
}

func FuzzRepairs(f *testing.F) {
	f.Add([]byte{3, 3, 0, 6, 6, 3, 3})
	f.Fuzz(func(t *testing.T, raw []byte) {
		n := len(raw)
		if n > 40 {
			return
		}
		labels := []string{"mark", "conj", "punct", "cc", "ccomp", "nsubj", "root", "obj", "flat"}
		words, upos := make([]string, n), make([]string, n)
		heads, rels := make([]int, n), make([]string, n)
		for i, b := range raw {
			heads[i] = int(b) % (n + 1)
			rels[i] = labels[int(b)%len(labels)]
			words[i], upos[i] = []string{",", "to"}[i%2], []string{"NOUN", "PROPN"}[i%2]
		}
		promoteMainClause(words, heads, rels)
		objectsNotClauses(upos, heads, rels)
		namesOverTitles(upos, heads, rels)
		objectsNotInfinitiveSubjects(words, heads, rels)
		for i, h := range heads {
			if h < 0 || h > n {
				t.Fatalf("head %d of word %d out of range", h, i)
			}
		}
	})
}

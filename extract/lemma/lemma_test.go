package lemma

import (
	"bytes"
	"maps"
	"reflect"
	"testing"

	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/conllu"
	"github.com/kgnews/kg/internal/kgtest"
)

// fixture is a lemmatizer with a small hand-made lexicon and exception list.
func fixture() *Lemmatizer {
	l := newLemmatizer()
	maps.Copy(l.exceptions, map[string]string{
		key("VBD", "went"): "go",
		key("RB", "n't"):   "not",
		key("VBZ", "'s"):   "be",
		key("POS", "'s"):   "'s",
		key("PRP", "I"):    "I",
		key("VBD", "sang"): "sing",
	})
	for _, w := range []string{"love", "walk", "movie", "wolf", "box", "case", "large", "stop", "agree", "call", "create",
		"diary", "potato", "shoe", "sky"} {
		l.lexicon[w] = true
	}
	l.casing["Applause"] = casing{kept: 0, lowered: 12}
	l.casing["Army"] = casing{kept: 16, lowered: 1}
	l.casing["Group"] = casing{kept: 6, lowered: 4}
	l.casing["Rare"] = casing{kept: 0, lowered: 2}
	l.casing["Mexico"] = casing{kept: 30, lowered: 0}
	l.byForm["sang"] = formLemma{lemma: "sing", tags: "VBD"}
	l.proper["mexico"] = "Mexico"
	l.proper["sf"] = "SF"
	l.proper["sky"] = "Sky"
	return l
}

func TestLemma(t *testing.T) {
	l := fixture()
	tests := []struct {
		word, upos, xpos, want string
	}{
		{"went", "VERB", "VBD", "go"},
		{"Went", "VERB", "VBD", "go"},
		{"n't", "PART", "RB", "not"},
		{"'s", "AUX", "VBZ", "be"},
		{"'s", "PART", "POS", "'s"},
		{"I", "PRON", "PRP", "I"},
		{"The", "DET", "DT", "the"},
		{"Putin", "PROPN", "NNP", "Putin"},
		{"Americans", "PROPN", "NNPS", "American"},
		{"ponies", "NOUN", "NNS", "pony"},
		{"movies", "NOUN", "NNS", "movie"},
		{"wolves", "NOUN", "NNS", "wolf"},
		{"boxes", "NOUN", "NNS", "box"},
		{"cases", "NOUN", "NNS", "case"},
		{"women", "NOUN", "NNS", "woman"},
		{"cats", "NOUN", "NNS", "cat"},
		{"glass", "NOUN", "NN", "glass"},
		{"tries", "VERB", "VBZ", "try"},
		{"watches", "VERB", "VBZ", "watch"},
		{"walks", "VERB", "VBZ", "walk"},
		{"loved", "VERB", "VBD", "love"},
		{"walked", "VERB", "VBD", "walk"},
		{"stopped", "VERB", "VBD", "stop"},
		{"called", "VERB", "VBN", "call"},
		{"agreed", "VERB", "VBD", "agree"},
		{"created", "VERB", "VBN", "create"},
		{"carried", "VERB", "VBD", "carry"},
		{"moved", "VERB", "VBD", "move"},
		{"running", "VERB", "VBG", "run"},
		{"loving", "VERB", "VBG", "love"},
		{"dancing", "VERB", "VBG", "dance"},
		{"larger", "ADJ", "JJR", "large"},
		{"happier", "ADJ", "JJR", "happy"},
		{"biggest", "ADJ", "JJS", "big"},
		{"30,000", "NUM", "CD", "30000"},
		{"1,2", "NUM", "CD", "1,2"},
		{"Two", "NUM", "CD", "two"},
		{"--", "PUNCT", ":", "--"},
		{"Applause", "PROPN", "NNP", "applause"}, // lowered in training whatever the tag
		{"Army", "NOUN", "NN", "Army"},           // kept in training
		{"Group", "PROPN", "NNP", "Group"},       // mixed evidence: the tag decides
		{"Group", "NOUN", "NN", "group"},
		{"Rare", "PROPN", "NNP", "Rare"}, // too little evidence
		{"Army", "VERB", "VB", "army"},   // only nouns change properness
		{"sang", "VERB", "VBP", "sing"},  // irregular form under an unseen tag
		{"sang", "VERB", "VBD", "sing"},
		{"sang", "PROPN", "NNP", "sang"},
		{"mexico", "PROPN", "NNP", "Mexico"}, // casing of a proper lemma
		{"MEXICO", "PROPN", "NNP", "Mexico"},
		{"Mexico", "PROPN", "NNP", "Mexico"},
		{"sf", "PROPN", "NNP", "sf"},   // acronyms keep the written casing
		{"sky", "PROPN", "NNP", "sky"}, // a common lemma too
		{"Diaries", "PROPN", "NNPS", "Diary"},
		{"Skies", "PROPN", "NNPS", "Sky"},
		{"Babies", "PROPN", "NNPS", "Babie"}, // baby unseen: just drop the s
		{"astronaut's", "NOUN", "NNS", "astronaut"},
		{"area’s", "NOUN", "NNS", "area"},
		{"potatoes", "NOUN", "NNS", "potato"},
		{"shoes", "NOUN", "NNS", "shoe"},
		{"", "X", "XX", ""},
	}
	for _, tt := range tests {
		t.Run(tt.word+"/"+tt.xpos, func(t *testing.T) {
			if got := l.Lemma(tt.word, tt.upos, tt.xpos); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTrain(t *testing.T) {
	sents := []*conllu.Sentence{{Words: []conllu.Word{
		{Form: "Mice", Lemma: "mouse", UPOS: "NOUN", XPOS: "NNS"},
		{Form: "ran", Lemma: "run", UPOS: "VERB", XPOS: "VBD"},
		{Form: "ran", Lemma: "run", UPOS: "VERB", XPOS: "VBN"},
		{Form: "cats", Lemma: "cat", UPOS: "NOUN", XPOS: "NNS"},
		{Form: "Paris", Lemma: "Paris", UPOS: "PROPN", XPOS: "NNP"},
		{Form: "PARIS", Lemma: "Paris", UPOS: "PROPN", XPOS: "NNP"},
		{Form: "The", Lemma: "the", UPOS: "DET", XPOS: "DT"},
		{Form: "Cats", Lemma: "cat", UPOS: "NOUN", XPOS: "NNS"},
	}}}
	l := Train(sents)
	if got, want := l.exceptions, map[string]string{key("NNS", "Mice"): "mouse", key("VBD", "ran"): "run", key("VBN", "ran"): "run", key("NNP", "PARIS"): "Paris"}; !maps.Equal(got, want) {
		t.Errorf("exceptions: got %q, want %q", got, want)
	}
	if got, want := l.casing, map[string]casing{"Mice": {0, 1}, "Paris": {1, 0}, "PARIS": {1, 0}, "Cats": {0, 1}}; !maps.Equal(got, want) {
		t.Errorf("casing: got %v, want %v", got, want)
	}
	if got, want := l.byForm, map[string]formLemma{"ran": {"run", "VBD,VBN"}}; !maps.Equal(got, want) {
		t.Errorf("byForm: got %v, want %v", got, want)
	}
	if got, want := l.proper, map[string]string{"paris": "Paris"}; !maps.Equal(got, want) {
		t.Errorf("proper: got %v, want %v", got, want)
	}
	for _, w := range []string{"mouse", "run", "cat"} {
		if !l.lexicon[w] {
			t.Errorf("lexicon lacks %q", w)
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	l := fixture()
	var buf bytes.Buffer
	if err := l.Save(&buf); err != nil {
		t.Fatal(err)
	}
	l2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(l, l2) {
		t.Errorf("round trip changed the lemmatizer: got %+v, want %+v", l2, l)
	}
	v3, err := Read(bytes.NewReader(gz(t, "# kg lemmatizer v3\nL\tgo\nE\tVBD\twent\tgo\n")))
	if err != nil {
		t.Fatalf("version 3 file: %v", err)
	}
	if got := v3.Lemma("went", "VERB", "VBD"); got != "go" {
		t.Errorf("version 3 file: got %q, want %q", got, "go")
	}
	for _, bad := range [][]byte{nil, []byte("x"), gz(t, "# kg lemmatizer v4\nQ\tx\n"), gz(t, "other\n"),
		gz(t, "# kg lemmatizer v4\nC\tX\t1\n"), gz(t, "# kg lemmatizer v4\nC\tX\t1\t-2\n"), gz(t, "# kg lemmatizer v4\nC\tX\ta\t2\n")} {
		if _, err := Read(bytes.NewReader(bad)); err == nil {
			t.Errorf("Read(%q): want an error", bad)
		}
	}
}

// TestAccuracy checks the committed lemmatizer with gold tags on the dev
// sets (the tagger's tests measure it with predicted tags).
func TestAccuracy(t *testing.T) {
	l, err := Load(data.Models)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		corpus, file string
		floor        float64
	}{
		{"ud-ewt", "en_ewt-ud-dev.conllu", 98.5},
		{"gum", "en_gum-ud-dev.conllu", 99.1},
	}
	for _, tt := range tests {
		t.Run(tt.corpus, func(t *testing.T) {
			gold, err := conllu.ReadFile(kgtest.SharedFile(t, "corpora", tt.corpus, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			right, n := 0, 0
			for _, s := range gold {
				for _, w := range s.Words {
					n++
					if l.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
						right++
					}
				}
			}
			acc := 100 * float64(right) / float64(n)
			t.Logf("lemma accuracy with gold tags: %.2f%%", acc)
			if acc < tt.floor {
				t.Errorf("got %.2f%%, want at least %.2f%%", acc, tt.floor)
			}
		})
	}
}

func BenchmarkLemma(b *testing.B) {
	l := fixture()
	words := [][3]string{{"walked", "VERB", "VBD"}, {"Putin", "PROPN", "NNP"}, {"movies", "NOUN", "NNS"}, {"the", "DET", "DT"}}
	n := 0
	for b.Loop() {
		for _, w := range words {
			l.Lemma(w[0], w[1], w[2])
		}
		n += len(words)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzLemma(f *testing.F) {
	l := fixture()
	for _, s := range []string{"walked", "ies", "ed", "e", "30,000", "\xff"} {
		f.Add(s, "VBD")
		f.Add(s, "NNS")
	}
	f.Fuzz(func(t *testing.T, word, xpos string) {
		got := l.Lemma(word, "VERB", xpos)
		if word != "" && got == "" {
			t.Errorf("Lemma(%q, %q) is empty", word, xpos)
		}
	})
}

package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/lemma"
	"github.com/kgnews/kg/extract/ner"
	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
	"github.com/kgnews/kg/extract/tokenize"
	"github.com/kgnews/kg/internal/kgtest"
)

// firstSentences writes the first n sentences of EWT train to a file in a
// temporary folder and returns its path: training data small enough for a
// test.
func firstSentences(t *testing.T, n int) string {
	t.Helper()
	f, err := os.Open(kgtest.SharedFile(t, "corpora", "ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() && n > 0 {
		b.WriteString(sc.Text() + "\n")
		if sc.Text() == "" {
			n--
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "train.conllu")
	writeFile(t, path, b.String())
	return path
}

// devScores returns the scores of the first dev file of a kg train --json
// report.
func devScores(t *testing.T, rep map[string]any) map[string]any {
	t.Helper()
	dev, _ := rep["dev"].([]any)
	if len(dev) == 0 {
		t.Fatalf("report has no dev scores: %v", rep)
	}
	s, _ := dev[0].(map[string]any)["scores"].(map[string]any)
	return s
}

// sameFiles fails unless the named files of two folders hold the same bytes.
func sameFiles(t *testing.T, a, b string, names ...string) {
	t.Helper()
	for _, name := range names {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two trainings with the same seed", name)
		}
	}
}

// fileSize returns the size of a file.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

// TestTrainTaggerParser trains a tiny tagger and lemmatizer, then a parser
// on their jackknifed tags, loads them and scores them with kg eval.
func TestTrainTaggerParser(t *testing.T) {
	train, mini := firstSentences(t, 300), evalFile("mini.conllu")
	out, again := filepath.Join(t.TempDir(), "m"), filepath.Join(t.TempDir(), "m")
	rep := runJSON(t, "train", "tagger", "--json", "--train", train, "--dev", mini, "--out", out, "--epochs", "2")
	if files, _ := rep["files"].([]any); len(files) != 2 {
		t.Errorf("files = %v, want tagger and lemmatizer", rep["files"])
	}
	if upos, _ := devScores(t, rep)["upos"].(float64); upos < 50 {
		t.Errorf("dev UPOS %v after 300 sentences, want at least 50", upos)
	}
	runJSON(t, "train", "tagger", "--json", "--train", train, "--out", again, "--epochs", "2")
	sameFiles(t, out, again, tagger.FileName, lemma.FileName)

	rep = runJSON(t, "train", "parser", "--json", "--train", train, "--dev", mini, "--out", out,
		"--models", out, "--epochs", "2", "--jackknife", "2", "--workers", "1")
	if uas, _ := devScores(t, rep)["uas"].(float64); uas < 30 {
		t.Errorf("dev UAS %v after 300 sentences, want at least 30", uas)
	}
	runJSON(t, "train", "parser", "--json", "--train", train, "--out", again, "--epochs", "2", "--jackknife", "2")
	sameFiles(t, out, again, parser.FileName)

	pruned := filepath.Join(t.TempDir(), "m")
	runJSON(t, "train", "parser", "--json", "--train", train, "--out", pruned, "--epochs", "2", "--jackknife", "0", "--min-weight", "0.5")
	full, small := fileSize(t, filepath.Join(again, parser.FileName)), fileSize(t, filepath.Join(pruned, parser.FileName))
	if small >= full {
		t.Errorf("--min-weight 0.5 gave %d bytes, want fewer than the %d of the unpruned model", small, full)
	}

	fsys := os.DirFS(out)
	if _, err := tagger.Load(fsys); err != nil {
		t.Error(err)
	}
	if _, err := lemma.Load(fsys); err != nil {
		t.Error(err)
	}
	if _, err := parser.Load(fsys); err != nil {
		t.Error(err)
	}
	got := runJSON(t, "eval", "parse", "--json", "--models", out, "--gold", mini)
	if got["uas"] != devScores(t, rep)["uas"] {
		t.Errorf("kg eval parse --models gives UAS %v, kg train printed %v", got["uas"], devScores(t, rep)["uas"])
	}
}

func TestTrainNER(t *testing.T) {
	out := t.TempDir()
	r := runKG(t, t.Context(), "", "train", "ner", "--train", evalFile("mini.iob2")+","+evalFile("mini.conllu"),
		"--dev", evalFile("mini.iob2"), "--out", out, "--runs", "1", "--epochs", "4")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"wrote " + filepath.Join(out, ner.ModelFile), "F1", "tokens per second"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "epoch 4") {
		t.Errorf("no progress on stderr: %q", r.stderr)
	}
	m, err := ner.Load(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	types := m.Types()
	slices.Sort(types)
	if got := strings.Join(types, ","); got != "LOC,ORG,PER" {
		t.Errorf("types %s, want LOC,ORG,PER", got)
	}
	got := runJSON(t, "eval", "ner", "--json", "--models", out, "--gold", evalFile("mini.iob2"))
	if f1, _ := got["f1"].(float64); f1 < 60 {
		t.Errorf("F1 %v on its own training data, want at least 60", f1)
	}
}

func TestTrainSentences(t *testing.T) {
	out := t.TempDir()
	rep := runJSON(t, "train", "sentences", "--json", "--train", firstSentences(t, 300), "--dev", evalFile("mini.conllu"),
		"--out", out, "--epochs", "2")
	if f1, _ := devScores(t, rep)["sentence_f1"].(float64); f1 < 50 {
		t.Errorf("dev sentence F1 %v, want at least 50", f1)
	}
	if _, err := tokenize.Load(os.DirFS(out)); err != nil {
		t.Error(err)
	}
}

func TestTrainErrors(t *testing.T) {
	mini := evalFile("mini.conllu")
	out := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no model", []string{"train"}, exitUsage, "name one model"},
		{"unknown model", []string{"train", "coref", "--train", mini}, exitUsage, `unknown model "coref"`},
		{"no train", []string{"train", "tagger", "--out", out}, exitUsage, "needs --train"},
		{"jackknife for tagger", []string{"train", "tagger", "--train", mini, "--jackknife", "3", "--out", out}, exitUsage, "--jackknife does not apply"},
		{"seed for sentences", []string{"train", "sentences", "--train", mini, "--seed", "3", "--out", out}, exitUsage, "--seed does not apply"},
		{"negative epochs", []string{"train", "tagger", "--train", mini, "--epochs", "-1", "--out", out}, exitUsage, "must not be negative"},
		{"no such file", []string{"train", "ner", "--train", "testdata/eval/nothing.iob2", "--out", out}, exitNotFound, "no file"},
		{"malformed", []string{"train", "tagger", "--train", evalFile("carb-gold.tsv"), "--out", out}, exitUsage, "want 10 columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKG(t, t.Context(), "", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("got exit %d, stderr %q; want exit %d and %q", r.code, r.stderr, tt.code, tt.stderr)
			}
		})
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("failed trainings left %d files in --out", len(entries))
	}
}

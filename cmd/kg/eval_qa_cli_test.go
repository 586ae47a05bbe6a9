package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/kgtest"
)

// runQAJSON runs kg eval qa --json with args and decodes its report.
func runQAJSON(t *testing.T, args ...string) qaReport {
	t.Helper()
	r := runKG(t, t.Context(), "", append([]string{"eval", "qa", "--json"}, args...)...)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var rep qaReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("output is not a report: %v\n%s", err, r.stdout)
	}
	return rep
}

// TestEvalQAMini runs kg eval qa on the questions of testdata/eval/mini-qa.tsv
// about the document of mini.conllu, written for this test.
func TestEvalQAMini(t *testing.T) {
	qa, conllu := evalFile("mini-qa.tsv"), evalFile("mini.conllu")
	rep := runQAJSON(t, "--gold", qa, "--conllu", conllu)
	if rep.N != 5 || rep.Pass+rep.Wrong+rep.None != rep.N || rep.Top1 > rep.Pass {
		t.Fatalf("totals %+v", rep)
	}
	want := []struct{ status, forms string }{
		{qaPass, "subject synonym"}, // tagged in the forms file
		{qaPass, "object"},          // a lookbehind and a lookahead; an empty tag is guessed
		{qaPass, "object"},          // guessed
		{qaNone, "object"},          // nothing stated
		{qaWrong, "object"},         // the answer is not a gallery
	}
	for i, q := range rep.Questions {
		if q.Status != want[i].status || strings.Join(q.Forms, " ") != want[i].forms || q.Interpretation == nil {
			t.Errorf("%s: status %s, forms %q, interpretation %v; want %s, %q", q.Question, q.Status, q.Forms, q.Interpretation, want[i].status, want[i].forms)
		}
	}
	if len(rep.ByDoc) != 1 || rep.ByDoc[0].N != 5 || len(rep.ByForm) != 3 || rep.ByForm[0].Name != "object" {
		t.Errorf("tallies by doc %+v, by form %+v", rep.ByDoc, rep.ByForm)
	}
	text := runKG(t, t.Context(), "", "eval", "qa", "-v", "--gold", qa, "--conllu", conllu)
	lines := strings.Split(strings.TrimSpace(text.stdout), "\n")
	if text.code != exitOK || !strings.HasPrefix(lines[0], "PASS*  mini-museum") || !strings.HasPrefix(lines[len(lines)-1], "dev QA: pass ") ||
		!strings.Contains(text.stdout, "\ndocument  ") || !strings.Contains(text.stdout, "\nform  ") {
		t.Errorf("text report: exit %d\n%s", text.code, text.stdout)
	}
}

// TestEvalQAIngestsAsKgIngest checks that kg eval qa builds the graph kg
// ingest builds from gum_text.py's files: the same counts of documents,
// sentences, entities, facts and quads, and its summary on stderr.
func TestEvalQAIngestsAsKgIngest(t *testing.T) {
	conllu := evalFile("mini.conllu")
	texts, err := gumTexts([]string{conllu}, []string{"mini-museum"})
	if err != nil {
		t.Fatal(err)
	}
	docs := t.TempDir()
	if err := os.WriteFile(filepath.Join(docs, "mini-museum.txt"), []byte(texts["mini-museum"]), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runKG(t, t.Context(), "", "--store", "bolt:"+filepath.Join(t.TempDir(), "kg.db"), "ingest", "--json", docs)
	var want ingestSummary
	if err := json.Unmarshal([]byte(r.stdout), &want); err != nil || r.code != exitOK {
		t.Fatalf("kg ingest: exit %d, %v\n%s", r.code, err, r.stdout)
	}
	rep := runQAJSON(t, "--gold", evalFile("mini-qa.tsv"), "--conllu", conllu)
	if rep.Ingest != want.WriteStats || want.Documents != 1 {
		t.Errorf("eval qa ingested %+v, kg ingest %+v", rep.Ingest, want.WriteStats)
	}
	e := runKG(t, t.Context(), "", "eval", "qa", "--json", "--gold", evalFile("mini-qa.tsv"), "--conllu", conllu)
	if !strings.HasPrefix(e.stderr, "dev QA: pass 3/5 (60.0%)") {
		t.Errorf("stderr %q, want the summary line", e.stderr)
	}
}

func TestEvalQAErrors(t *testing.T) {
	dir := t.TempDir()
	badRegex := filepath.Join(dir, "bad.tsv")
	noDoc := filepath.Join(dir, "nodoc.tsv")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(badRegex, "mini-museum\tWho visited Berlin?\t(a)\\1\tx\n")
	write(noDoc, "no-such-doc\tWho visited Berlin?\tlopez\tx\n")
	qa, conllu := evalFile("mini-qa.tsv"), evalFile("mini.conllu")
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"qa", "--gold", qa}, exitUsage, "--conllu"},
		{[]string{"qa", "--conllu", conllu}, exitUsage, "--gold"},
		{[]string{"qa", "--gold", qa, "--conllu", conllu, "--models", dir}, exitUsage, "--models"},
		{[]string{"tag", "--gold", conllu, "--conllu", conllu}, exitUsage, "--conllu does not apply"},
		{[]string{"qa", "--gold", filepath.Join(dir, "missing.tsv"), "--conllu", conllu}, exitNotFound, "missing.tsv"},
		{[]string{"qa", "--gold", qa, "--conllu", filepath.Join(dir, "missing.conllu")}, exitNotFound, "missing.conllu"},
		{[]string{"qa", "--gold", badRegex, "--conllu", conllu}, exitUsage, "bad.tsv:1"},
		{[]string{"qa", "--gold", noDoc, "--conllu", conllu}, exitNotFound, "no document no-such-doc"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runKG(t, t.Context(), "", append([]string{"eval"}, tt.args...)...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("got exit %d, stderr %q; want %d with %q", r.code, r.stderr, tt.code, tt.stderr)
			}
		})
	}
}

// TestEvalQAFloor runs kg eval qa on the shared dev question set and fails
// when it answers fewer questions (or more wrongly) than the floors, set a
// few questions under what was measured: pass 66, top-1 61, wrong 14 of 120.
func TestEvalQAFloor(t *testing.T) {
	const minPass, minTop1, maxWrong = 63, 58, 17
	gum := filepath.Join(kgtest.SharedDir(t), "corpora", "gum")
	rep := runQAJSON(t, "--gold", kgtest.SharedFile(t, "eval", "qa", "dev-qa.tsv"),
		"--conllu", filepath.Join(gum, "en_gum-ud-dev.conllu"), "--conllu", filepath.Join(gum, "en_gum-ud-train.conllu"))
	t.Logf("dev QA: pass %d/%d, top-1 %d, wrong %d, none %d", rep.Pass, rep.N, rep.Top1, rep.Wrong, rep.None)
	if rep.N != 120 || len(rep.ByDoc) != 20 {
		t.Fatalf("%d questions over %d documents, want 120 over 20", rep.N, len(rep.ByDoc))
	}
	if rep.Pass < minPass || rep.Top1 < minTop1 || rep.Wrong > maxWrong {
		t.Errorf("pass %d (floor %d), top-1 %d (floor %d), wrong %d (at most %d)", rep.Pass, minPass, rep.Top1, minTop1, rep.Wrong, maxWrong)
	}
}

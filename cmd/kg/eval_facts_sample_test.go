package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalFactsSample checks that kg eval facts draws the same sample for
// the same seed, that a judgments file written from it is read back with
// its verdicts kept, and that the counts follow the sample.
func TestEvalFactsSample(t *testing.T) {
	doc := filepath.Join("testdata", "corpus", "harbor.txt")
	first := runKG(t, t.Context(), "", "eval", "facts", "--sample", "3", "--seed", "7", doc)
	if first.code != exitOK {
		t.Fatalf("exit %d, stderr %q", first.code, first.stderr)
	}
	again := runKG(t, t.Context(), "", "eval", "facts", "--sample", "3", "--seed", "7", doc)
	if again.stdout != first.stdout {
		t.Fatalf("same seed, different samples:\n%s\n%s", first.stdout, again.stdout)
	}
	var rows []string
	for _, l := range strings.Split(strings.TrimSpace(first.stdout), "\n") {
		if !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "verdict\t") {
			rows = append(rows, l)
		}
	}
	if len(rows) == 0 || len(rows) > 3 {
		t.Fatalf("got %d sampled facts, want 1 to 3:\n%s", len(rows), first.stdout)
	}
	judged := "verdict\tdoc\n# a comment\n" + "correct" + rows[0] + "\n"
	path := filepath.Join(t.TempDir(), "judged.tsv")
	if err := os.WriteFile(path, []byte(judged), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runKG(t, t.Context(), "", "eval", "facts", "--sample", "3", "--seed", "7", "--judgments", path, doc)
	if r.code != exitOK {
		t.Fatalf("with judgments: exit %d, stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "correct"+rows[0]) || !strings.Contains(r.stdout, "# all: 1 correct, 0 partly, 0 wrong of 1 judged") {
		t.Errorf("verdict not kept:\n%s", r.stdout)
	}
	bad := filepath.Join(t.TempDir(), "bad.tsv")
	if err := os.WriteFile(bad, []byte("maybe"+rows[0]+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runKG(t, t.Context(), "", "eval", "facts", "--judgments", bad, doc); r.code != exitUsage {
		t.Errorf("bad verdict: exit %d, want %d (stderr %q)", r.code, exitUsage, r.stderr)
	}
}

// TestEvalFactsExtractions checks that kg eval facts samples the JSON lines
// of kg extract as it samples the documents themselves, so that the facts
// of an older build can be judged with the same keys.
func TestEvalFactsExtractions(t *testing.T) {
	doc := filepath.Join("testdata", "corpus", "harbor.txt")
	x := runKG(t, t.Context(), "", "extract", "--format", "json", doc)
	if x.code != exitOK {
		t.Fatalf("extract: exit %d, stderr %q", x.code, x.stderr)
	}
	path := filepath.Join(t.TempDir(), "x.jsonl")
	if err := os.WriteFile(path, []byte(x.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	want := runKG(t, t.Context(), "", "eval", "facts", "--sample", "0", doc)
	got := runKG(t, t.Context(), "", "eval", "facts", "--sample", "0", "--extractions", path)
	if got.code != exitOK || got.stdout != want.stdout {
		t.Errorf("from extractions (exit %d):\n%s\nfrom the document:\n%s", got.code, got.stdout, want.stdout)
	}
	if r := runKG(t, t.Context(), "", "eval", "facts", "--raw", doc); r.code != exitUsage {
		t.Errorf("--raw: exit %d, want %d", r.code, exitUsage)
	}
}

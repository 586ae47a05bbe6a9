package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestMain lets tests run kg as a real process: the test binary runs main
// when KG_TEST_MAIN is set.
func TestMain(m *testing.M) {
	if os.Getenv("KG_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// kgProcess returns a command that runs kg in a process of its own.
func kgProcess(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), "KG_TEST_MAIN=1")
	return cmd
}

// copyTree copies the files under src into dst.
func copyTree(tb testing.TB, src, dst string) {
	tb.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		writeFile(tb, filepath.Join(dst, rel), string(b))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func writeFile(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// corpusWithBadFiles returns a folder with the good articles of
// testdata/corpus and one binary, one empty and one invalid UTF-8 file.
func corpusWithBadFiles(tb testing.TB) string {
	dir := filepath.Join(tb.TempDir(), "corpus")
	copyTree(tb, filepath.Join("testdata", "corpus"), dir)
	writeFile(tb, filepath.Join(dir, "bad", "image.txt"), "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	writeFile(tb, filepath.Join(dir, "bad", "empty.md"), "")
	writeFile(tb, filepath.Join(dir, "bad", "latin1.txt"), "\xe9\xe8\xe0\xf9\xe7 \xe2\xea\xee\xf4\xfb")
	return dir
}

// sortedLines returns s's lines sorted, for comparing quads.
func sortedLines(s string) []string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(lines)
	return lines
}

func TestIngestFolder(t *testing.T) {
	dir := corpusWithBadFiles(t)
	store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
	r := runKG(t, t.Context(), "", "--store", store, "ingest", "--workers", "3", dir)
	golden(t, "ingest_folder", r, dir)
	if r.code != exitFailure {
		t.Errorf("exit code with failed inputs: got %d, want %d", r.code, exitFailure)
	}
	for _, name := range []string{"image.txt: binary file", "empty.md: empty file", "latin1.txt: rejected"} {
		if !strings.Contains(r.stderr, name) {
			t.Errorf("stderr lacks %q:\n%s", name, r.stderr)
		}
	}

	// The same folder again changes nothing, and says so in JSON.
	r = runKG(t, t.Context(), "", "--store", store, "ingest", "--json", dir)
	var sum ingestSummary
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("ingest --json: %v\n%s", err, r.stdout)
	}
	if sum.Documents != 0 || sum.Skipped != 5 || sum.Failed != 3 || len(sum.Failures) != 3 || sum.Quads != 0 {
		t.Errorf("second ingest: got %+v, want 0 written, 5 skipped, 3 failed", sum)
	}

	r = runKG(t, t.Context(), "", "--store", store, "entities", "--type", "Person", "--limit", "3")
	golden(t, "entities_person", r)
	r = runKG(t, t.Context(), "", "--store", store, "query", "--short",
		`g.V("<kg:entity/liisa_tamm>").Out("<kg:rel/meet>").Out("<rdfs:label>").All()`)
	golden(t, "query_meet", r)
}

// TestIngestDeterministic checks that the store holds the same quads
// whatever the number of workers.
func TestIngestDeterministic(t *testing.T) {
	dir := corpusWithBadFiles(t)
	var exports []string
	for _, workers := range []string{"1", "4"} {
		store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
		runKG(t, t.Context(), "", "--store", store, "ingest", "--workers", workers, dir)
		r := runKG(t, t.Context(), "", "--store", store, "export", "--format", "nquads")
		if r.code != exitOK || r.stdout == "" {
			t.Fatalf("export: %+v", r)
		}
		exports = append(exports, r.stdout)
	}
	if exports[0] != exports[1] {
		t.Error("1 and 4 workers wrote different graphs")
	}
}

// TestExportImportRoundTrip exports every format, and N-Quads back into a
// fresh store: the second export equals the first after sorting.
func TestExportImportRoundTrip(t *testing.T) {
	tmp := t.TempDir()
	store := "bolt:" + filepath.Join(tmp, "kg.db")
	if r := runKG(t, t.Context(), "", "--store", store, "ingest", filepath.Join("testdata", "corpus")); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	for _, ext := range []string{"nq", "nt", "ttl", "jsonld", "graphml", "csv"} {
		out := filepath.Join(tmp, "graph."+ext)
		if r := runKG(t, t.Context(), "", "--store", store, "export", "-o", out); r.code != exitOK || r.stdout != "" {
			t.Errorf("export %s: %+v", ext, r)
		}
		if info, err := os.Stat(out); err != nil || info.Size() == 0 {
			t.Errorf("export %s: file %v, %v", ext, info, err)
		}
	}
	nq := filepath.Join(tmp, "graph.nq")
	first, _ := os.ReadFile(nq)
	copyStore := "bolt:" + filepath.Join(tmp, "copy.db")
	r := runKG(t, t.Context(), "", "--store", copyStore, "import", "--json", nq)
	if r.code != exitOK || !strings.Contains(r.stdout, `"statements": `+fmt.Sprint(len(sortedLines(string(first))))) {
		t.Fatalf("import: %+v", r)
	}
	second := runKG(t, t.Context(), "", "--store", copyStore, "export")
	if strings.Join(sortedLines(string(first)), "\n") != strings.Join(sortedLines(second.stdout), "\n") {
		t.Error("export, import, export: the two exports differ")
	}
	jr := runKG(t, t.Context(), "", "--store", "bolt:"+filepath.Join(tmp, "ld.db"), "import", filepath.Join(tmp, "graph.jsonld"))
	if jr.code != exitOK {
		t.Errorf("import JSON-LD: %+v", jr)
	}
}

func TestRemoveDocument(t *testing.T) {
	store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
	text := "Then Anna Berg met Karl Stein in Lisbon."
	r := runKG(t, t.Context(), text, "--store", store, "extract", "--json", "-")
	var x struct{ Document struct{ ID string } }
	if err := json.Unmarshal([]byte(r.stdout), &x); err != nil || x.Document.ID == "" {
		t.Fatalf("extract: %v %+v", err, r)
	}
	runKG(t, t.Context(), text, "--store", store, "ingest", "-")
	r = runKG(t, t.Context(), "", "--store", store, "rm", x.Document.ID)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "removed 1 documents") {
		t.Errorf("rm: %+v", r)
	}
	if r = runKG(t, t.Context(), "", "--store", store, "entities"); r.code != exitNotFound {
		t.Errorf("entities after rm: got %+v, want none (exit 3)", r)
	}
	if r = runKG(t, t.Context(), "", "--store", store, "rm", x.Document.ID); r.code != exitNotFound {
		t.Errorf("rm twice: got %+v, want exit 3", r)
	}
}

func TestExtractFormats(t *testing.T) {
	for _, format := range []string{"json", "tsv", "nquads"} {
		t.Run(format, func(t *testing.T) {
			r := runKG(t, t.Context(), "", "extract", "--format", format, "--workers", "2", filepath.Join("testdata", "corpus"))
			golden(t, "extract_"+format, r)
		})
	}
	r := runKG(t, t.Context(), "Stdin is read too. Then Anna Berg met Karl Stein.", "extract", "--format", "tsv", "-")
	if r.code != exitOK || !strings.Contains(r.stdout, "Anna Berg\tmeet\tKarl Stein") {
		t.Errorf("extract from stdin: %+v", r)
	}
}

// TestStoreHeld checks that a bolt store held by another process gives a
// clear error within seconds.
func TestStoreHeld(t *testing.T) {
	store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
	if r := runKG(t, t.Context(), "Then Anna Berg met Karl Stein.", "--store", store, "ingest", "-"); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	holder := kgProcess(t.Context(), "--store", store, "query", "--timeout", "30s", "while(true){}")
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = holder.Process.Kill(); _ = holder.Wait() }()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		start := time.Now()
		r := runKG(t, t.Context(), "", "--store", store, "entities")
		if r.code == exitOK {
			time.Sleep(50 * time.Millisecond) // the holder has not opened it yet
			continue
		}
		if took := time.Since(start); r.code != exitFailure || !strings.Contains(r.stderr, "in use by another process") || took > 3*time.Second {
			t.Errorf("held store: got %+v after %s, want exit 1 with a clear message within 3s", r, took)
		}
		return
	}
	t.Error("the store never showed as held")
}

// pipeRows is more rows of TestInterrupt's input than a pipe buffers.
const pipeRows = 1000

// TestInterrupt stops an ingest with SIGINT while it reads JSON lines from a
// pipe: it exits 1 with its summary, and the documents it wrote are whole:
// ingesting all rows afterwards gives the same graph as one clean ingest.
func TestInterrupt(t *testing.T) {
	tmp := t.TempDir()
	store := "bolt:" + filepath.Join(tmp, "kg.db")
	row := func(i int) string {
		return fmt.Sprintf(`{"id":"r%d","text":"Then Anna Berg%d met Karl Stein%d in Lisbon. Later Berg%d visited Norland."}`+"\n", i, i, i, i)
	}
	cmd := kgProcess(t.Context(), "--store", store, "ingest", "--json", "--format", "jsonl", "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var sent atomic.Int64
	go func() {
		for ; ; sent.Add(1) {
			if _, err := io.WriteString(stdin, row(int(sent.Load()))); err != nil {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	// Wait until kg reads its input (more rows than a pipe buffers), so the
	// signal lands during the ingest, not while the models load.
	for deadline := time.Now().Add(30 * time.Second); sent.Load() < pipeRows && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	stdin.Close()
	if code := cmd.ProcessState.ExitCode(); code != exitFailure || !strings.Contains(errb.String(), "kg: interrupted") {
		t.Fatalf("interrupted ingest: exit %d (%v), stderr %q, want 1 and kg: interrupted", code, err, errb.String())
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out.String()), &sum); err != nil || sum.Documents == 0 {
		t.Fatalf("summary after interrupt: %v %q", err, out.String())
	}
	var all strings.Builder
	for i := range sum.Documents + 50 {
		all.WriteString(row(i))
	}
	if r := runKG(t, t.Context(), all.String(), "--store", store, "ingest", "-"); r.code != exitOK {
		t.Fatalf("resume: %+v", r)
	}
	clean := "bolt:" + filepath.Join(tmp, "clean.db")
	runKG(t, t.Context(), all.String(), "--store", clean, "ingest", "-")
	a := runKG(t, t.Context(), "", "--store", store, "export").stdout
	b := runKG(t, t.Context(), "", "--store", clean, "export").stdout
	if strings.Join(sortedLines(a), "\n") != strings.Join(sortedLines(b), "\n") {
		t.Error("interrupted then resumed ingest differs from a clean one: a document was written in part")
	}
}

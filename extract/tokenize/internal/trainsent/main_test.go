package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/extract/tokenize"
	"github.com/kgnews/kg/internal/kgtest"
)

func TestRun(t *testing.T) {
	gum := kgtest.SharedFile(t, "corpora", "gum", "en_gum-ud-dev.conllu")
	out := filepath.Join(t.TempDir(), tokenize.ModelFile)
	var stdout bytes.Buffer
	if err := run([]string{"-epochs", "1", "-o", out, "-dev", gum, gum}, &stdout); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), `"sentence_f1"`) {
		t.Errorf("no scores printed:\n%s", stdout.String())
	}
	if _, err := tokenize.Load(os.DirFS(filepath.Dir(out))); err != nil {
		t.Errorf("written model does not load: %v", err)
	}
	if err := run([]string{filepath.Join(t.TempDir(), "missing.conllu")}, &stdout); err == nil {
		t.Error("run with a missing train file succeeded, want an error")
	}
}

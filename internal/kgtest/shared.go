package kgtest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedDir returns the folder of shared read-only data: $KG_SHARED when set,
// else ../shared beside the repository root. It fails the test when the
// folder is missing, since the tests that call it measure against that data.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("KG_SHARED")
	if dir == "" {
		dir = filepath.Join(RepoRoot(tb), "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Fatalf("shared data not found (set KG_SHARED): %v", err)
	}
	return dir
}

// SharedFile returns the path of a file under SharedDir, failing the test
// when it does not exist.
func SharedFile(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{SharedDir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("shared file: %v", err)
	}
	return p
}

// RepoRoot returns the folder that holds go.mod, walking up from the test's
// working directory.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// result is what one run of kg gave.
type result struct {
	code           int
	stdout, stderr string
}

// runKG runs kg with args and stdin, in a store under the test's temp dir
// unless args name one.
func runKG(tb testing.TB, ctx context.Context, stdin string, args ...string) result {
	tb.Helper()
	var out, errb bytes.Buffer
	code := run(ctx, append([]string{"kg"}, args...), strings.NewReader(stdin), &out, &errb)
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

// normalizers make output comparable across runs and machines.
var normalizers = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`in \d+\.\d+s `), "in X.XXs "},
	{regexp.MustCompile(`"seconds": [0-9.e-]+`), `"seconds": 0`},
}

// golden compares a run with testdata/golden/NAME.golden, or rewrites it
// with -update.
func golden(t *testing.T, name string, r result, dirs ...string) {
	t.Helper()
	got := r.stdout + "--- stderr\n" + r.stderr + "--- exit code\n" + string(rune('0'+r.code)) + "\n"
	for _, d := range dirs {
		got = strings.ReplaceAll(got, d+string(filepath.Separator), "$DIR/")
		got = strings.ReplaceAll(got, d, "$DIR")
	}
	for _, n := range normalizers {
		got = n.re.ReplaceAllString(got, n.with)
	}
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // on stderr
	}{
		{"no command", nil, "no command given"},
		{"unknown store", []string{"--store", "foo:bar", "entities"}, `unknown store "foo:bar"`},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"ingest", "--bogus", "x"}, "flag provided but not defined: -bogus"},
		{"ingest without input", []string{"ingest"}, "no input given"},
		{"bad input format", []string{"ingest", "--format", "pdf", "x"}, `unknown input format "pdf"`},
		{"bad workers", []string{"ingest", "--workers", "0", "x"}, "--workers must be at least 1"},
		{"bad extract format", []string{"extract", "--format", "xml", "-"}, `unknown output format "xml"`},
		{"query without text", []string{"query"}, "give exactly one query"},
		{"bad query lang", []string{"--store", "memory:", "query", "--lang", "sparql", "x"}, `unknown query language "sparql"`},
		{"bad query", []string{"--store", "memory:", "query", "g.V(("}, "gizmo query"},
		{"entities argument", []string{"entities", "moscow"}, `unexpected argument "moscow"`},
		{"bad entity type", []string{"--store", "memory:", "entities", "--type", "Animal"}, "Animal"},
		{"bad export format", []string{"export", "--format", "xml"}, `unknown export format "xml"`},
		{"import two files", []string{"import", "a", "b"}, "give one file"},
		{"rm nothing", []string{"rm"}, "name the documents"},
		{"bad base", []string{"--store", "memory:", "--base", "not an iri", "entities"}, "base"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKG(t, t.Context(), "", tt.args...)
			if r.code != exitUsage {
				t.Errorf("exit code: got %d, want %d (stderr %q)", r.code, exitUsage, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) || !strings.HasPrefix(r.stderr, "kg: ") {
				t.Errorf("stderr: got %q, want a kg: line with %q", r.stderr, tt.want)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	store := "bolt:" + filepath.Join(t.TempDir(), "kg.db")
	if r := runKG(t, t.Context(), "Anna Berg met Karl Stein in Lisbon.", "--store", store, "ingest", "-"); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"rm unknown document", []string{"rm", "0123456789abcdef"}, `no document "0123456789abcdef"`},
		{"entities none match", []string{"entities", "--prefix", "zzz"}, "no entity matches"},
		{"import missing file", []string{"import", "no-such-file.nq"}, "no file no-such-file.nq"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKG(t, t.Context(), "", append([]string{"--store", store}, tt.args...)...)
			if r.code != exitNotFound || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("got code %d stderr %q, want %d and %q", r.code, r.stderr, exitNotFound, tt.want)
			}
		})
	}
}

func TestStoreUnavailable(t *testing.T) {
	r := runKG(t, t.Context(), "", "--store", "postgres://kg:secret@127.0.0.1:1/kg?sslmode=disable", "entities")
	if r.code != exitFailure || !strings.Contains(r.stderr, "kg:xxxxx@127.0.0.1:1") || strings.Contains(r.stderr, "secret") {
		t.Errorf("got %+v, want exit 1 and the URL without its password", r)
	}
}

func TestQueryTimeout(t *testing.T) {
	r := runKG(t, t.Context(), "", "--store", "memory:", "query", "while(true){}", "--timeout", "300ms")
	if r.code != exitFailure || !strings.Contains(r.stderr, "ran longer than 300ms") || r.stdout != "" {
		t.Errorf("got %+v, want exit 1 and a timeout message", r)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"ingest", "--help"}, {"extract", "--help"}, {"query", "--help"}} {
		name := strings.Join(append([]string{"help"}, args[:len(args)-1]...), "_")
		t.Run(name, func(t *testing.T) {
			golden(t, name, runKG(t, t.Context(), "", args...))
		})
	}
}

func TestInterspersedFlags(t *testing.T) {
	app := newApp(&env{})
	tests := []struct{ in, want []string }{
		{[]string{"kg", "query", "g.V()", "--limit", "5", "--short"}, []string{"kg", "query", "--limit", "5", "--short", "g.V()"}},
		{[]string{"kg", "--store", "memory:", "rm", "a", "--json", "b"}, []string{"kg", "--store", "memory:", "rm", "--json", "a", "b"}},
		{[]string{"kg", "export", "-o", "x.ttl"}, []string{"kg", "export", "-o", "x.ttl"}},
		{[]string{"kg", "ingest", "-", "--format=text"}, []string{"kg", "ingest", "--format=text", "-"}},
		{[]string{"kg", "rm", "--", "-odd"}, []string{"kg", "rm", "--", "-odd"}},
		{[]string{"kg", "unknown", "x", "--y"}, []string{"kg", "unknown", "x", "--y"}},
		{[]string{"kg", "ingest", "x", "--store", "memory:", "--json"}, []string{"kg", "--store", "memory:", "ingest", "--json", "x"}},
		{[]string{"kg", "--base=https://b.example/", "query", "q", "--store=memory:"}, []string{"kg", "--base=https://b.example/", "--store=memory:", "query", "q"}},
	}
	for _, tt := range tests {
		got := interspersed(app, tt.in)
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("interspersed(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

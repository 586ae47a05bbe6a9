package reader

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg"
)

// writeFiles creates files under dir from a name -> content map.
func writeFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// collect walks paths and returns one line per item: input, then either the
// document's title or the error, and the note.
func collect(tb testing.TB, paths []string, opts Options) ([]string, []Item) {
	tb.Helper()
	var lines []string
	var items []Item
	err := Walk(context.Background(), paths, opts, func(it Item) error {
		items = append(items, it)
		line := it.Input + " | "
		if it.Err != nil {
			line += "ERR " + kg.ErrorMessage(it.Err)
		} else {
			line += "title=" + it.Doc.Title
		}
		if it.Note != "" {
			line += " | " + it.Note
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return lines, items
}

func TestWalkFolder(t *testing.T) {
	dir := t.TempDir()
	latin1 := "Caf\xe9 prices rose again this week in the old town, and the owners of several caf\xe9s said they had no choice."
	writeFiles(t, dir, map[string]string{
		"a.txt":           "First headline\n\nSome body text here.",
		"b/c.md":          "# Markdown title\n\nBody with a [link](http://x.example) here.",
		"b/d.html":        "<html><head><title>Page title</title></head><body><p>Paragraph text of the page, long enough.</p></body></html>",
		"e.jsonl":         `{"id":"r1","title":"Row one","text":"Text one."}` + "\n" + `{"id":2,"text":` + "\n" + `{"title":"Row three","source":"feed","text":"Text three."}` + "\n",
		"f.bin":           "PK\x03\x04\x00\x00binary",
		"g.txt":           "",
		"h.txt":           latin1,
		"i.txt":           "\xff\xfe\xfa\xfb\xfc mostly \xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7",
		"noext":           "<!doctype html><p>Sniffed as a web page.</p>",
		".hidden.txt":     "never read",
		".git/config.txt": "never read",
		"big.txt":         strings.Repeat("long text ", 20),
	})
	lines, items := collect(t, []string{dir, filepath.Join(dir, "missing.txt")}, Options{MaxBytes: 150})
	rel := func(s string) string { return strings.ReplaceAll(s, dir+string(filepath.Separator), "") }
	want := []string{
		"a.txt | title=First headline",
		"b/c.md | title=Markdown title",
		"b/d.html | title=Page title",
		"big.txt | ERR big.txt: over the size limit: 200 bytes > 150 (see --max-bytes)",
		"e.jsonl:1 | title=Row one",
		"e.jsonl:2 | ERR e.jsonl:2: invalid JSON: unexpected end of JSON input",
		"e.jsonl:3 | title=Row three",
		"f.bin | ERR f.bin: binary file, not text",
		"g.txt | ERR g.txt: empty file",
		"h.txt | title=Caf\uFFFD prices rose again this week in the old town, and the owners of several caf\uFFFDs said they had no choice. | repaired: replaced 2 invalid UTF-8 bytes with U+FFFD",
		"i.txt | ERR i.txt: rejected: 13 of 21 bytes are not valid UTF-8",
		"noext | title=Sniffed as a web page.",
		"missing.txt | ERR missing.txt: cannot read: no such file or directory",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d items:\n%s\nwant %d", len(lines), strings.Join(lines, "\n"), len(want))
	}
	for i := range want {
		if got := rel(lines[i]); got != want[i] {
			t.Errorf("item %d:\n got %s\nwant %s", i, got, want[i])
		}
	}
	for _, it := range items {
		if it.Err == nil && (it.Doc.ID != kg.DocumentID(it.Doc.Text) || it.Doc.Source == "") {
			t.Errorf("%s: ID %q or source %q wrong", it.Input, it.Doc.ID, it.Doc.Source)
		}
		if it.Err != nil && kg.ErrorCode(it.Err) != kg.EINVALID {
			t.Errorf("%s: error code %q, want %q", it.Input, kg.ErrorCode(it.Err), kg.EINVALID)
		}
	}
	if src := items[6].Doc.Source; src != "feed" {
		t.Errorf("JSONL source: got %q, want the row's source", src)
	}
	if src := items[4].Doc.Source; src != "r1" {
		t.Errorf("JSONL source without source field: got %q, want the row's id", src)
	}
}

func TestWalkStdinAndFormat(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		in     string
		title  string
		text   string
	}{
		{"sniff markdown", Auto, "## Title here\n\nSome *emphasis* and `code`.", "Title here", "Title here\n\nSome emphasis and code."},
		{"forced text", Text, "## Title here\n\nSome *emphasis*.", "## Title here", "## Title here\n\nSome *emphasis*."},
		{"sniff jsonl", Auto, `{"title":"T","date":"2017-04-12T10:00:00Z","text":"Row text."}`, "T", "Row text."},
		{"forced html", HTML, "<p>Hello <b>there</b> friend.</p>", "Hello there friend.", "Hello there friend."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, items := collect(t, []string{"-"}, Options{Format: tt.format, Stdin: strings.NewReader(tt.in)})
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("got %+v", items)
			}
			d := items[0].Doc
			if d.Title != tt.title || d.Text != tt.text {
				t.Errorf("got title %q text %q, want %q %q", d.Title, d.Text, tt.title, tt.text)
			}
			if !strings.HasPrefix(items[0].Input, "-") {
				t.Errorf("input: got %q, want - or -:line", items[0].Input)
			}
		})
	}
}

func TestWalkCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Walk(ctx, []string{t.TempDir()}, Options{}, func(Item) error { return nil })
	if err == nil {
		t.Error("cancelled walk: got no error")
	}
}

func TestJSONLLongRow(t *testing.T) {
	in := `{"text":"short one"}` + "\n" + `{"text":"` + strings.Repeat("x", 100_000) + `"}` + "\n" + `{"text":"short two"}`
	lines, _ := collect(t, []string{"-"}, Options{Format: JSONL, MaxBytes: 1000, Stdin: strings.NewReader(in)})
	want := "-:1 | title=short one\n-:2 | ERR -:2: row over the size limit of 1000 bytes (see --max-bytes)\n-:3 | title=short two"
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSniff(t *testing.T) {
	tests := map[string]Format{
		`{"text":"x"}` + "\n":       JSONL,
		"{not json":                 Text,
		"<!DOCTYPE html><html>":     HTML,
		"  <div>text</div>":         HTML,
		"# Heading\ntext":           Markdown,
		"See [this](http://x).":     Markdown,
		"Plain words. More words.":  Text,
		"Use 3 < 4 and 5 > 2 here.": Text,
	}
	for in, want := range tests {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": Auto, "auto": Auto, "txt": Text, "MD": Markdown, ".htm": HTML, "jsonl": JSONL} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("ParseFormat(pdf): got %v, want code %s", err, kg.EINVALID)
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := map[string]string{
		"2017-04-12": "2017-04-12", "2017-04-12T09:30:00Z": "2017-04-12", "2017-04-12T09:30:00.123+03:00": "2017-04-12",
		"April 12, 2017": "2017-04-12", "12 April 2017": "2017-04-12", "Wed, 12 Apr 2017 10:00:00 GMT": "2017-04-12",
		"2017-04-12 09:30": "2017-04-12", "  ": "", "spring 2017": "spring 2017",
	}
	for in, want := range tests {
		if got := NormalizeDate(in); got != want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"T","date":"2017-04-12","source":"s","text":"Hello."}` + "\n" + `{"id":1,"text":"x"}`))
	f.Add([]byte("{\"text\":\"\xff\xfe\"}\n\n{bad\n"))
	f.Add([]byte(`{"text":null}` + "\r\n" + `{"id":[1],"text":"y"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		err := Walk(context.Background(), []string{"-"}, Options{Format: JSONL, MaxBytes: 4096, Stdin: bytes.NewReader(b)}, func(it Item) error {
			n++
			if it.Err != nil {
				if !strings.HasPrefix(it.Err.Error(), "kg error") || !strings.Contains(kg.ErrorMessage(it.Err), "-:") {
					t.Fatalf("error does not name the row: %v", it.Err)
				}
				return nil
			}
			d := it.Doc
			if strings.TrimSpace(d.Text) == "" || d.ID != kg.DocumentID(d.Text) {
				t.Fatalf("bad document %+v", d)
			}
			for _, s := range []string{d.Text, d.Title, d.Date, d.Source} {
				if !utf8Valid(s) {
					t.Fatalf("invalid UTF-8 in %+v", d)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n > bytes.Count(b, []byte("\n"))+1 {
			t.Fatalf("%d items from %d lines", n, bytes.Count(b, []byte("\n"))+1)
		}
	})
}

package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// pageWant is what a test page must give: title, date, phrases the text
// must hold and phrases it must not.
type pageWant struct {
	title, date string
	keep, drop  []string
}

func readWant(tb testing.TB, path string) pageWant {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var w pageWant
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		switch {
		case strings.HasPrefix(line, "title:"):
			w.title = strings.TrimSpace(strings.TrimPrefix(line, "title:"))
		case strings.HasPrefix(line, "date:"):
			w.date = strings.TrimSpace(strings.TrimPrefix(line, "date:"))
		case strings.HasPrefix(line, "+ "):
			w.keep = append(w.keep, line[2:])
		case strings.HasPrefix(line, "- "):
			w.drop = append(w.drop, line[2:])
		}
	}
	return w
}

// TestParseHTMLPages checks article extraction on the pages under
// testdata/html: every phrase of the article kept, every piece of
// boilerplate dropped, title and date from the meta tags.
func TestParseHTMLPages(t *testing.T) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	if len(pages) < 5 {
		t.Fatalf("found %d test pages, want at least 5", len(pages))
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			want := readWant(t, strings.TrimSuffix(page, ".html")+".want")
			doc := ParseHTML(string(src))
			if doc.Title != want.title {
				t.Errorf("title: got %q, want %q", doc.Title, want.title)
			}
			if doc.Date != want.date {
				t.Errorf("date: got %q, want %q", doc.Date, want.date)
			}
			for _, p := range want.keep {
				if !strings.Contains(doc.Text, p) {
					t.Errorf("text lacks %q", p)
				}
			}
			for _, p := range want.drop {
				if strings.Contains(doc.Text, p) {
					t.Errorf("text keeps boilerplate %q", p)
				}
			}
			if t.Failed() {
				t.Logf("text:\n%s", doc.Text)
			}
		})
	}
}

func TestDecodeHTMLCharset(t *testing.T) {
	page := []byte("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><p>Caf\xe9 au lait \x96 tr\xe8s bon.</p></body></html>")
	text, note, err := decodeHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	doc := ParseHTML(text)
	if doc.Title != "Café" || doc.Text != "Café au lait – très bon." {
		t.Errorf("got %q / %q", doc.Title, doc.Text)
	}
	if !strings.Contains(note, "windows-1252") {
		t.Errorf("note %q does not name the charset", note)
	}
}

func FuzzReadHTML(f *testing.F) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<p>a<a>b<p>c</a></p><time datetime='x'>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, _, err := Parse(b, HTML)
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) || !utf8.ValidString(doc.Date) {
			t.Fatalf("invalid UTF-8 in %+v", doc)
		}
		if strings.TrimSpace(doc.Text) == "" || doc.ID == "" {
			t.Fatalf("document without text or ID: %+v", doc)
		}
	})
}

func BenchmarkParseHTML(b *testing.B) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	var srcs [][]byte
	size := 0
	for _, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		size += len(src)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, src := range srcs {
			if _, _, err := Parse(src, HTML); err != nil {
				b.Fatal(err)
			}
		}
	}
}

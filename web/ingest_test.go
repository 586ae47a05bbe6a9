package web_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/web"
)

func TestParseDocuments(t *testing.T) {
	tests := []struct {
		name, body, media string
		want              []string // titles, or the error's substring when err
		err               bool
	}{
		{"one object", `{"title":"A","text":"x y"}`, "application/json", []string{"A"}, false},
		{"array", `[{"title":"A","text":"x"},{"title":"B","text":"y"}]`, "application/json", []string{"A", "B"}, false},
		{"json lines", "{\"title\":\"A\",\"text\":\"x\"}\n{\"title\":\"B\",\"text\":\"y\"}\n", "application/x-ndjson", []string{"A", "B"}, false},
		{"plain text", "Rex Tillerson met Vladimir Putin.", "text/plain", []string{""}, false},
		{"empty text", `{"title":"A","text":"  "}`, "", []string{"document 1 has no text"}, true},
		{"bad json", `{"title":`, "", []string{"document 1"}, true},
		{"bad second line", "{\"text\":\"x\"}\n{oops}", "", []string{"document 2"}, true},
		{"nothing", ``, "", []string{"no documents"}, true},
		{"too many", strings.Repeat(`{"text":"x"}`, 4), "", []string{"more than 3"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := web.ParseDocuments(strings.NewReader(tt.body), tt.media, 3)
			if tt.err {
				if err == nil || kg.ErrorCode(err) != kg.EINVALID || !strings.Contains(err.Error(), tt.want[0]) {
					t.Fatalf("err = %v, want an invalid error with %q", err, tt.want[0])
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != len(tt.want) {
				t.Fatalf("got %d documents, want %d", len(docs), len(tt.want))
			}
			for i, d := range docs {
				if d.Title != tt.want[i] || d.ID != kg.DocumentID(d.Text) {
					t.Errorf("doc %d = %+v, want title %q and the text's ID", i, d, tt.want[i])
				}
			}
		})
	}
}

func FuzzParseDocuments(f *testing.F) {
	f.Add(`{"title":"A","text":"x"}`, false)
	f.Add(`[{"text":"<img src=x onerror=alert(1)>"}]`, false)
	f.Add("{\"text\":\"a\"}\n{\"text\":\"b\"}", false)
	f.Add("plain \xff text", true)
	f.Fuzz(func(t *testing.T, body string, plain bool) {
		media := "application/json"
		if plain {
			media = "text/plain"
		}
		docs, err := web.ParseDocuments(strings.NewReader(body), media, 10)
		if err != nil {
			if kg.ErrorCode(err) != kg.EINVALID {
				t.Fatalf("error %v has code %q, want invalid", err, kg.ErrorCode(err))
			}
			return
		}
		if len(docs) == 0 || len(docs) > 10 {
			t.Fatalf("%d documents", len(docs))
		}
		for _, d := range docs {
			if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) || d.ID != kg.DocumentID(d.Text) {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}

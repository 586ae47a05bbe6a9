package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/web"
)

// fake serves every interface of web from a few fixed values, and records
// what it was asked.
type fake struct {
	neighborCalls atomic.Int32
	ingested      []kg.Document
	slow          bool // Ask waits for its context to end
}

var (
	rex   = kg.Entity{ID: "http://kg.test/entity/rex_tillerson", Label: "Rex Tillerson", Type: kg.Person}
	putin = kg.Entity{ID: "http://kg.test/entity/vladimir_putin", Label: "Vladimir Putin", Type: kg.Person}
)

func (f *fake) Ask(ctx context.Context, q string) (*kg.Result, error) {
	if f.slow {
		<-ctx.Done()
		return nil, fmt.Errorf("ask: %w", ctx.Err())
	}
	if q == "boom" {
		return nil, errors.New("disk on fire at /secret/path")
	}
	if !strings.Contains(q, "Tillerson") {
		return nil, kg.Errorf(kg.EINVALID, "cannot parse %q", q)
	}
	return &kg.Result{Question: q, Interpretation: kg.Interpretation{Kind: "object", Subject: &rex, Predicate: "meet"},
		Answers: []kg.Answer{{Entity: putin, Predicate: "meet", Score: 0.9}}, Paths: []kg.Path{}}, nil
}

func (f *fake) ListEntities(_ context.Context, prefix string, typ kg.EntityType, limit int) ([]kg.Entity, error) {
	var out []kg.Entity
	for _, e := range []kg.Entity{rex, putin} {
		if strings.HasPrefix(strings.ToLower(e.Label), strings.ToLower(prefix)) && (typ == "" || e.Type == typ) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (f *fake) Neighbors(_ context.Context, id string, limit, offset int) (*web.Neighborhood, error) {
	f.neighborCalls.Add(1)
	if id != rex.ID {
		return nil, kg.Errorf(kg.ENOTFOUND, "no entity named %q", id)
	}
	all := []web.Edge{{Subject: rex, Predicate: "meet", Object: putin}, {Subject: putin, Predicate: "invite", Object: rex}}
	page := all[min(offset, len(all)):min(offset+limit, len(all))]
	return &web.Neighborhood{Entity: rex, Facts: page, Total: len(all), Offset: offset, More: offset+len(page) < len(all)}, nil
}

func (f *fake) Resolve(_ context.Context, name string) (kg.Entity, error) {
	for _, e := range []kg.Entity{rex, putin} {
		if e.ID == name || strings.HasSuffix(e.Label, name) {
			return e, nil
		}
	}
	return kg.Entity{}, kg.Errorf(kg.ENOTFOUND, "no entity named %q", name)
}

func (f *fake) Path(_ context.Context, from, to string, maxHops, limit int) ([]kg.Path, error) {
	return []kg.Path{{{From: rex, Predicate: "meet", To: putin}}}, nil
}

func (f *fake) Export(_ context.Context, w io.Writer, format string) error {
	if format == "csv" {
		return kg.Errorf(kg.EUNAVAILABLE, "store gone")
	}
	_, err := io.WriteString(w, "<a> <b> <c> .\n")
	return err
}

func (f *fake) Gizmo(_ context.Context, text string, limit int, _ time.Duration) ([]any, error) {
	if strings.Contains(text, "syntax") {
		return nil, kg.Errorf(kg.EINVALID, "gizmo query: SyntaxError")
	}
	out := []any{map[string]any{"id": "<" + putin.ID + ">"}, map[string]any{"id": "<" + rex.ID + ">"}}
	return out[:min(limit, len(out))], nil
}

func (f *fake) Ingest(_ context.Context, docs []kg.Document) (web.IngestStats, error) {
	f.ingested = append(f.ingested, docs...)
	return web.IngestStats{Documents: len(docs)}, nil
}

func newServer(t *testing.T, cfg web.Config) (*httptest.Server, *fake) {
	t.Helper()
	f := &fake{}
	s := web.New(web.Services{Asker: f, Entities: f, Neighbors: f, Paths: f, Exporter: f, Gizmo: f, Ingester: f}, cfg)
	s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, f
}

// call makes one request and returns the status and the body.
func call(t *testing.T, method, url, body string, header map[string]string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

func TestAPI(t *testing.T) {
	ts, _ := newServer(t, web.Config{})
	tests := []struct {
		name, method, path, body string
		status                   int
		want                     string // a substring of the body
	}{
		{"health", "GET", "/healthz", "", 200, `"status":"ok"`},
		{"ask", "GET", "/api/ask?q=Who+did+Tillerson+meet%3F", "", 200, `"label":"Vladimir Putin"`},
		{"ask unparseable", "GET", "/api/ask?q=hello", "", 400, `"code":"invalid"`},
		{"ask missing q", "GET", "/api/ask", "", 400, `missing parameter \"q\"`},
		{"ask internal error hides details", "GET", "/api/ask?q=boom", "", 500, `"internal error (see the server's log)"`},
		{"ask question too long", "GET", "/api/ask?q=" + strings.Repeat("x", 1001), "", 400, "longer than"},
		{"entities by prefix", "GET", "/api/entities?prefix=vla", "", 200, `[{"id":"http://kg.test/entity/vladimir_putin"`},
		{"entities none", "GET", "/api/entities?prefix=zzz", "", 200, `[]`},
		{"entities bad limit", "GET", "/api/entities?prefix=v&limit=0", "", 400, "limit"},
		{"entity page", "GET", "/api/entity?id=" + rex.ID + "&limit=1", "", 200, `"total":2,"offset":0,"more":true`},
		{"entity last page", "GET", "/api/entity?id=" + rex.ID + "&limit=1&offset=1", "", 200, `"more":false`},
		{"entity unknown", "GET", "/api/entity?id=nobody", "", 404, `"code":"not_found"`},
		{"path", "GET", "/api/path?from=Tillerson&to=Putin", "", 200, `"predicate":"meet"`},
		{"path ends are entities", "GET", "/api/path?from=Tillerson&to=Putin", "", 200, `"to":{"id":"http://kg.test/entity/vladimir_putin","label":"Vladimir Putin","type":"Person"},"paths"`},
		{"path from no one", "GET", "/api/path?from=Nobody&to=Putin", "", 404, "Nobody"},
		{"path too many hops", "GET", "/api/path?from=a&to=b&max_hops=9", "", 400, "max_hops"},
		{"export", "GET", "/api/export?format=nquads", "", 200, "<a> <b> <c> .\n"},
		{"export unknown format", "GET", "/api/export?format=xml", "", 400, "unknown export format"},
		{"export failing store", "GET", "/api/export?format=csv", "", 503, "store gone"},
		{"gizmo v1", "POST", "/api/v1/query/gizmo", `g.V().All()`, 200, `{"result":[{"id":"\u003chttp://kg.test/entity/vladimir_putin\u003e"}`},
		{"gizmo v1 error", "POST", "/api/v1/query/gizmo", `syntax`, 400, `{"error":"gizmo query: SyntaxError"}`},
		{"gizmo v1 empty", "POST", "/api/v1/query/gizmo", ``, 400, `{"error":"the query is empty"}`},
		{"gizmo v2 post", "POST", "/api/v2/query?lang=gizmo&limit=1", `g.V().All()`, 200, `"result":[{"id":`},
		{"gizmo v2 get", "GET", "/api/v2/query?lang=gizmo&qu=g.V().All()", "", 200, `"result":[`},
		{"gizmo v2 other language", "GET", "/api/v2/query?lang=sexp&qu=x", "", 400, `unsupported query language`},
		{"ingest off", "POST", "/api/ingest", `{"text":"a"}`, 403, "--allow-ingest"},
		{"unknown api", "GET", "/api/nothing", "", 404, "no API call"},
		{"wrong method on the api", "POST", "/api/ask?q=x", "", 404, "no API call POST /api/ask"},
		{"wrong method on the page", "POST", "/index.html", "", 405, "not allowed"},
		{"page", "GET", "/", "", 200, `<script src="app.js" defer></script>`},
		{"vendored cytoscape", "GET", "/vendor/cytoscape.min.js", "", 200, "cytoscape"},
		{"vendored licence", "GET", "/vendor/cytoscape.LICENSE", "", 200, "Permission is hereby granted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := call(t, tt.method, ts.URL+tt.path, tt.body, nil)
			if status != tt.status {
				t.Errorf("status = %d, want %d; body %s", status, tt.status, body)
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("body = %s, want it to contain %s", body, tt.want)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	ts, _ := newServer(t, web.Config{MaxBody: 64, MaxResults: 1, QueryTimeout: 50 * time.Millisecond})
	t.Run("body over the limit", func(t *testing.T) {
		status, body, _ := call(t, "POST", ts.URL+"/api/v1/query/gizmo", strings.Repeat("g.V()", 100), nil)
		if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "too large") {
			t.Errorf("got %d %s, want 413", status, body)
		}
	})
	t.Run("results over the limit", func(t *testing.T) {
		_, body, _ := call(t, "POST", ts.URL+"/api/v1/query/gizmo", "g.V().All()", nil)
		var got struct{ Result []any }
		if err := json.Unmarshal([]byte(body), &got); err != nil || len(got.Result) != 1 {
			t.Errorf("got %s (%v), want one result", body, err)
		}
	})
	t.Run("time limit", func(t *testing.T) {
		f := &fake{slow: true}
		s := web.New(web.Services{Asker: f}, web.Config{QueryTimeout: 50 * time.Millisecond})
		s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
		rec := httptest.NewRecorder()
		start := time.Now()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/api/ask?q=Tillerson", nil))
		if rec.Code != http.StatusGatewayTimeout || time.Since(start) > 2*time.Second {
			t.Errorf("got %d after %s, want 504 soon after 50ms", rec.Code, time.Since(start))
		}
	})
}

func TestAccess(t *testing.T) {
	bearer := map[string]string{"Authorization": "Bearer s3cret"}
	doc := `{"title":"T","text":"Rex Tillerson met Vladimir Putin."}`
	tests := []struct {
		name   string
		cfg    web.Config
		method string
		path   string
		header map[string]string
		status int
	}{
		{"reads open on loopback", web.Config{Token: "s3cret"}, "GET", "/api/entities?prefix=r", nil, 200},
		{"reads need the token off loopback", web.Config{Token: "s3cret", TokenForReads: true}, "GET", "/api/entities?prefix=r", nil, 401},
		{"wrong token", web.Config{Token: "s3cret", TokenForReads: true}, "GET", "/api/entities?prefix=r", map[string]string{"Authorization": "Bearer nope"}, 401},
		{"bearer token", web.Config{Token: "s3cret", TokenForReads: true}, "GET", "/api/entities?prefix=r", bearer, 200},
		{"header token", web.Config{Token: "s3cret", TokenForReads: true}, "GET", "/api/entities?prefix=r", map[string]string{"X-KG-Token": "s3cret"}, 200},
		{"page needs no token", web.Config{Token: "s3cret", TokenForReads: true}, "GET", "/", nil, 200},
		{"health needs no token", web.Config{Token: "s3cret", TokenForReads: true}, "GET", "/healthz", nil, 200},
		{"ingest off", web.Config{Token: "s3cret"}, "POST", "/api/ingest", bearer, 403},
		{"ingest without token", web.Config{Token: "s3cret", AllowIngest: true}, "POST", "/api/ingest", nil, 401},
		{"ingest with token", web.Config{Token: "s3cret", AllowIngest: true}, "POST", "/api/ingest", bearer, 200},
		{"ingest on loopback with no token set", web.Config{AllowIngest: true}, "POST", "/api/ingest", nil, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, f := newServer(t, tt.cfg)
			status, body, _ := call(t, tt.method, ts.URL+tt.path, doc, tt.header)
			if status != tt.status {
				t.Fatalf("status = %d, want %d; body %s", status, tt.status, body)
			}
			if tt.path == "/api/ingest" && (status == 200) != (len(f.ingested) == 1) {
				t.Errorf("ingested %d documents with status %d", len(f.ingested), status)
			}
		})
	}
}

func TestCORSAndHeaders(t *testing.T) {
	tests := []struct {
		name, origin, allowed string
		want                  string // Access-Control-Allow-Origin
	}{
		{"off by default", "https://evil.example", "", ""},
		{"configured origin", "https://news.example", "https://news.example", "https://news.example"},
		{"other origin", "https://evil.example", "https://news.example", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, _ := newServer(t, web.Config{CORSOrigin: tt.allowed})
			_, _, h := call(t, "GET", ts.URL+"/api/entities?prefix=r", "", map[string]string{"Origin": tt.origin})
			if got := h.Get("Access-Control-Allow-Origin"); got != tt.want {
				t.Errorf("Access-Control-Allow-Origin = %q, want %q", got, tt.want)
			}
			if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("Content-Security-Policy = %q, want scripts from self only", csp)
			}
			status, _, h := call(t, "OPTIONS", ts.URL+"/api/ask", "", map[string]string{"Origin": tt.origin, "Access-Control-Request-Method": "GET"})
			if preflight := status == http.StatusNoContent; preflight != (tt.want != "") {
				t.Errorf("preflight status %d with allowed origin %q", status, tt.want)
			}
		})
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 200},
		{kg.Errorf(kg.EINVALID, "x"), 400},
		{fmt.Errorf("ask: %w", kg.Errorf(kg.ENOTFOUND, "x")), 404},
		{kg.Errorf(kg.ECONFLICT, "x"), 409},
		{kg.Errorf(kg.ETIMEOUT, "x"), 504},
		{fmt.Errorf("read: %w", context.DeadlineExceeded), 504},
		{kg.Errorf(kg.EUNAVAILABLE, "x"), 503},
		{&http.MaxBytesError{Limit: 1}, 413},
		{errors.New("x"), 500},
	}
	for _, tt := range tests {
		if got := web.StatusOf(tt.err); got != tt.want {
			t.Errorf("StatusOf(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// TestEntityPages checks that each page of an entity's facts is one read of
// just that page (the reader keeps what paging needs), with More set until
// the last page.
func TestEntityPages(t *testing.T) {
	ts, f := newServer(t, web.Config{})
	tests := []struct {
		page string
		want []string // predicates of the page's facts
		more bool
	}{
		{"&limit=1", []string{"meet"}, true},
		{"&limit=1&offset=1", []string{"invite"}, false},
		{"&limit=2", []string{"meet", "invite"}, false},
		{"&limit=2&offset=5", nil, false},
	}
	for i, tt := range tests {
		status, body, _ := call(t, "GET", ts.URL+"/api/entity?id="+rex.ID+tt.page, "", nil)
		if status != 200 {
			t.Fatalf("page %s: %d %s", tt.page, status, body)
		}
		var nb web.Neighborhood
		if err := json.Unmarshal([]byte(body), &nb); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range nb.Facts {
			got = append(got, e.Predicate)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") || nb.More != tt.more || nb.Facts == nil {
			t.Errorf("page %s: facts %q more %v, want %q more %v", tt.page, got, nb.More, tt.want, tt.more)
		}
		if n := f.neighborCalls.Load(); n != int32(i+1) {
			t.Errorf("after page %s: %d reads, want %d", tt.page, n, i+1)
		}
	}
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
	"github.com/kgnews/kg/web"
)

// markup is what an article may carry that must never run in the explorer.
const markup = `<img src=x onerror=alert(1)>`

// markupDoc is an article whose text and title carry markup, built as an
// extraction so that the test does not depend on the pipeline.
func markupDoc() *kg.Extraction {
	text := "Rex Tillerson thanked Jane Roe for the memo " + markup + " she wrote."
	title := `Memo <b onmouseover=alert(2)>leaked</b>`
	doc := kg.Document{ID: kg.DocumentID(text), Title: title, Date: "2017-04-14", Source: "fixture/markup.html", Text: text}
	ev := kg.Evidence{Doc: doc.ID, Title: title, Date: doc.Date, Text: text, Start: 0, End: len(text)}
	return &kg.Extraction{
		Document:  doc,
		Sentences: []kg.Sentence{{Index: 0, Start: 0, End: len(text), Text: text}},
		Entities: []kg.Entity{
			{ID: "rex_tillerson", Label: "Rex Tillerson", Type: kg.Person, Aliases: []string{"Tillerson"}, Mentions: 1},
			{ID: "jane_roe", Label: "Jane Roe", Type: kg.Person, Mentions: 1},
		},
		Facts: []kg.Fact{{Subject: "rex_tillerson", Predicate: "thank", Object: "jane_roe", Confidence: 0.8, Evidence: ev}},
	}
}

// mustWebStore writes the seed fixture and the markup article into a bolt
// store under dir, closes it and returns its URL.
func mustWebStore(tb testing.TB, dir string) string {
	tb.Helper()
	u := "bolt:" + filepath.Join(dir, "kg.db")
	s, err := graph.Open(context.Background(), u, graph.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	kgtest.MustWrite(tb, s, append(kgtest.SeedFixture(), markupDoc())...)
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
	return u
}

// mustServe opens the store and serves it on loopback until the test ends.
func mustServe(tb testing.TB, storeURL string, cfg web.Config) (*httptest.Server, *graph.Store) {
	tb.Helper()
	s, err := graph.Open(context.Background(), storeURL, graph.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(newWebServer(s, cfg, slog.New(slog.NewTextHandler(io.Discard, nil))))
	tb.Cleanup(func() {
		ts.Close()
		if err := s.Close(); err != nil {
			tb.Errorf("close store: %v", err)
		}
	})
	return ts, s
}

// getJSON gets a URL and decodes its JSON body into v, returning the status.
func getJSON(tb testing.TB, method, u, body string, v any) int {
	tb.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			tb.Fatalf("%s %s: %v in %s", method, u, err, b)
		}
	}
	return resp.StatusCode
}

// TestServeAPI reads entities, their neighbors and pages through the API on
// a real store holding the seed fixture.
func TestServeAPI(t *testing.T) {
	ts, s := mustServe(t, mustWebStore(t, t.TempDir()), web.Config{})
	tillerson := graph.EntityIRI(s.Base(), "rex_tillerson")
	q := url.QueryEscape
	t.Run("autocomplete", func(t *testing.T) {
		var got []kg.Entity
		if st := getJSON(t, "GET", ts.URL+"/api/entities?prefix=tiller&limit=5", "", &got); st != 200 || len(got) == 0 || got[0].Label != "Rex Tillerson" {
			t.Fatalf("status %d, entities %+v, want Rex Tillerson first", st, got)
		}
	})
	t.Run("entity with neighbors and evidence", func(t *testing.T) {
		var nb web.Neighborhood
		if st := getJSON(t, "GET", ts.URL+"/api/entity?id="+q(tillerson), "", &nb); st != 200 {
			t.Fatalf("status %d", st)
		}
		var found bool
		for _, f := range nb.Facts {
			if f.Predicate == "meet" && f.Object.Label == "Vladimir Putin" && f.Subject.ID == tillerson && len(f.Evidence) > 0 {
				found = strings.Contains(f.Evidence[0].Text, "Putin")
			}
		}
		if !found || nb.Entity.Label != "Rex Tillerson" || nb.Total < 5 {
			t.Errorf("got %+v, want Tillerson meet Putin with evidence among at least 5 facts", nb)
		}
	})
	t.Run("entity paging", func(t *testing.T) {
		var p1, p2 web.Neighborhood
		getJSON(t, "GET", ts.URL+"/api/entity?limit=2&id="+q(tillerson), "", &p1)
		getJSON(t, "GET", ts.URL+"/api/entity?limit=2&offset=2&id="+q(tillerson), "", &p2)
		if len(p1.Facts) != 2 || !p1.More || p2.Offset != 2 || len(p2.Facts) == 0 || reflect.DeepEqual(p1.Facts[0], p2.Facts[0]) {
			t.Errorf("pages %+v and %+v, want two different pages of a longer list", p1, p2)
		}
	})
	t.Run("entity by name and unknown", func(t *testing.T) {
		var nb web.Neighborhood
		if st := getJSON(t, "GET", ts.URL+"/api/entity?id=Putin", "", &nb); st != 200 || nb.Entity.Label != "Vladimir Putin" {
			t.Errorf("status %d entity %+v, want Putin", st, nb.Entity)
		}
		var e map[string]string
		if st := getJSON(t, "GET", ts.URL+"/api/entity?id=Nobody+Atall", "", &e); st != 404 || e["code"] != kg.ENOTFOUND {
			t.Errorf("status %d body %v, want 404 not_found", st, e)
		}
	})
}

// TestServeAPIQueries asks, finds paths and exports through the API on a
// real store.
func TestServeAPIQueries(t *testing.T) {
	ts, s := mustServe(t, mustWebStore(t, t.TempDir()), web.Config{})
	tillerson := graph.EntityIRI(s.Base(), "rex_tillerson")
	q := url.QueryEscape
	t.Run("ask", func(t *testing.T) {
		var res kg.Result
		if st := getJSON(t, "GET", ts.URL+"/api/ask?q="+q("Who did Tillerson meet?"), "", &res); st != 200 {
			t.Fatalf("status %d", st)
		}
		if len(res.Answers) == 0 || res.Interpretation.Kind != "object" || !hasAnswer(res, "Vladimir Putin") {
			t.Errorf("got %+v, want Vladimir Putin", res)
		}
	})
	t.Run("ask unparseable", func(t *testing.T) {
		var e map[string]string
		if st := getJSON(t, "GET", ts.URL+"/api/ask?q="+q("purple monkey dishwasher"), "", &e); st != 400 || e["error"] == "" {
			t.Errorf("status %d body %v, want 400 with a message", st, e)
		}
	})
	t.Run("path", func(t *testing.T) {
		var got struct{ Paths []kg.Path }
		if st := getJSON(t, "GET", ts.URL+"/api/path?from=Tillerson&to=Assad&max_hops=4", "", &got); st != 200 || len(got.Paths) == 0 {
			t.Fatalf("status %d paths %+v, want a path", st, got.Paths)
		}
		p := got.Paths[0]
		if len(p) < 2 || len(p[0].Evidence) == 0 {
			t.Errorf("path %+v, want several hops with evidence", p)
		}
	})
	t.Run("export", func(t *testing.T) {
		resp, err := http.Get(ts.URL + "/api/export?format=nquads")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || !strings.Contains(string(b), "<"+tillerson+">") || resp.Header.Get("Content-Type") != "application/n-quads; charset=utf-8" {
			t.Errorf("status %d, %d bytes, type %q", resp.StatusCode, len(b), resp.Header.Get("Content-Type"))
		}
	})
}

func hasAnswer(res kg.Result, label string) bool {
	for _, a := range res.Answers {
		if a.Entity.Label == label {
			return true
		}
	}
	return false
}

// TestCayleyClient checks that a Cayley client's call, a Gizmo query POSTed
// to /api/v1/query/gizmo, gets the result list `kg query --json` prints.
func TestCayleyClient(t *testing.T) {
	storeURL := mustWebStore(t, t.TempDir())
	queries := []string{
		`g.V("<kg:entity/rex_tillerson>").Out("<kg:rel/meet>").All()`,
		`g.V("<kg:entity/vladimir_putin>").In("<kg:rel/meet>").Out("<rdfs:label>").All()`,
		`g.V().Has("<rdf:type>", "<schema:Person>").Limit(3).All()`,
	}
	want := make([][]any, len(queries))
	for i, qt := range queries {
		r := runKG(t, t.Context(), "", "--store", storeURL, "query", "--json", qt)
		if r.code != 0 {
			t.Fatalf("kg query: %d %s", r.code, r.stderr)
		}
		if err := json.Unmarshal([]byte(r.stdout), &want[i]); err != nil || len(want[i]) == 0 {
			t.Fatalf("kg query printed %s (%v), want results", r.stdout, err)
		}
	}
	ts, _ := mustServe(t, storeURL, web.Config{})
	for i, qt := range queries {
		var v1, v2 struct{ Result []any }
		if st := getJSON(t, "POST", ts.URL+"/api/v1/query/gizmo", qt, &v1); st != 200 || !reflect.DeepEqual(v1.Result, want[i]) {
			t.Errorf("v1 %s: status %d result %v, want %v", qt, st, v1.Result, want[i])
		}
		if st := getJSON(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", qt, &v2); st != 200 || !reflect.DeepEqual(v2.Result, want[i]) {
			t.Errorf("v2 %s: status %d result %v, want %v", qt, st, v2.Result, want[i])
		}
	}
	var e map[string]any
	if st := getJSON(t, "POST", ts.URL+"/api/v1/query/gizmo", `g.V(.All(`, &e); st != 400 || e["error"] == nil || len(e) != 1 {
		t.Errorf("bad query: status %d body %v, want 400 {\"error\": ...}", st, e)
	}
}

func TestServeIngest(t *testing.T) {
	ts, _ := mustServe(t, "bolt:"+filepath.Join(t.TempDir(), "kg.db"), web.Config{AllowIngest: true, Token: "t0ken"})
	body := `{"title":"Talks","date":"2017-05-01","text":"Maria Lopez met Peter Novak in Geneva. Maria Lopez praised Peter Novak."}`
	req, _ := http.NewRequest("POST", ts.URL+"/api/ingest", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 401 {
		t.Fatalf("without token: %v %v, want 401", resp, err)
	}
	req, _ = http.NewRequest("POST", ts.URL+"/api/ingest", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer t0ken")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var st web.IngestStats
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil || resp.StatusCode != 200 || st.Documents != 1 || st.Quads == 0 {
		t.Fatalf("status %d stats %+v (%v)", resp.StatusCode, st, err)
	}
	resp.Body.Close()
	var got []kg.Entity
	if getJSON(t, "GET", ts.URL+"/api/entities?prefix=peter", "", &got); len(got) == 0 {
		t.Errorf("no entity named Peter after ingest")
	}
}

// runServe runs kg with the serve command registered, whether or not app.go
// lists it yet.
func runServe(ctx context.Context, args []string, stderr io.Writer) int {
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: stderr}
	app := newApp(e)
	if app.Command("serve") == nil {
		cmd := serveCommand(e)
		cmd.OnUsageError = onUsageError
		app.Commands = append(app.Commands, cmd)
	}
	err := app.RunContext(ctx, interspersed(app, append([]string{"kg"}, args...)))
	if err != nil {
		fmt.Fprintf(stderr, "kg: %s\n", message(err))
	}
	return exitCode(err)
}

func TestServeCommand(t *testing.T) {
	storeURL := mustWebStore(t, t.TempDir())
	t.Run("needs a token off loopback", func(t *testing.T) {
		var errb strings.Builder
		code := runServe(t.Context(), []string{"--store", storeURL, "serve", "--addr", "0.0.0.0:0"}, &errb)
		if code != exitUsage || !strings.Contains(errb.String(), "--token") {
			t.Errorf("exit %d, stderr %q; want 2 asking for a token", code, errb.String())
		}
	})
	t.Run("serves until cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		pr, pw := io.Pipe()
		done := make(chan int, 1)
		go func() {
			done <- runServe(ctx, []string{"--store", storeURL, "serve", "--addr", "127.0.0.1:0"}, pw)
			pw.Close()
		}()
		sc := bufio.NewScanner(pr)
		var base string
		for base == "" && sc.Scan() {
			if _, after, ok := strings.Cut(sc.Text(), "explorer at "); ok {
				base = strings.TrimSuffix(after, "/")
			}
		}
		go func() { _, _ = io.Copy(io.Discard, pr) }()
		if base == "" {
			t.Fatalf("no address on stderr (exit %d)", <-done)
		}
		var h map[string]string
		if st := getJSON(t, "GET", base+"/healthz", "", &h); st != 200 || h["status"] != "ok" {
			t.Errorf("healthz: %d %v", st, h)
		}
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("exit %d after cancel, want 0", code)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("kg serve did not stop")
		}
	})
}

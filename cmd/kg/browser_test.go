package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/kgnews/kg/web"
)

// chromiumPath finds a chromium to drive. Outside CI a machine without one
// skips the browser tests; in CI (CI set) that is a failure.
func chromiumPath(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatal("chromium is not installed: apt-get install -y chromium")
	}
	tb.Skip("chromium is not installed (apt-get install -y chromium); CI fails here instead")
	return ""
}

// screenshotDir is where browser tests save screenshots: $KG_ARTIFACTS, or
// kg-screenshots under the temporary directory, a folder CI keeps.
func screenshotDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("KG_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "kg-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// browser is one headless chromium tab for a test.
type browser struct {
	tb     testing.TB
	ctx    context.Context
	dialog *atomic.Int32 // JavaScript dialogs that opened
}

// newBrowser starts headless chromium with a fresh profile and stops it when
// the test ends.
func newBrowser(tb testing.TB) *browser {
	tb.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(tb)), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(tb.TempDir()), chromedp.WindowSize(1400, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browser{tb: tb, ctx: ctx, dialog: new(atomic.Int32)}
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no time limit on this context
		tb.Fatalf("start chromium: %v", err)
	}
	// An alert, should any markup from an article ever run, only counts.
	src := `window.__xss = 0; window.alert = function () { window.__xss++; };`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		tb.Fatal(err)
	}
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			b.dialog.Add(1)
			go func() {
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		}
	}); err != nil {
		tb.Fatal(err)
	}
	return b
}

// with returns the browser reporting to a subtest.
func (b *browser) with(tb testing.TB) *browser {
	c := *b
	c.tb = tb
	return &c
}

// do runs actions with a time limit, failing the test with what it was
// doing.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.screenshot("failed")
		b.tb.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression.
func eval[T any](b *browser, expr string) T {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.tb.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate.
func (b *browser) waitFor(what, expr string) {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		b.screenshot("failed")
		b.tb.Fatalf("wait for %s: %v", what, err)
	}
}

// screenshot saves the page as PNG and logs the path.
func (b *browser) screenshot(name string) string {
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.tb.Logf("screenshot %s: %v", name, err)
		return ""
	}
	path := filepath.Join(screenshotDir(b.tb), strings.ReplaceAll(b.tb.Name(), "/", "_")+"-"+name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.tb.Errorf("save screenshot: %v", err)
	}
	b.tb.Logf("screenshot: %s", path)
	return path
}

// clickEdge clicks, with the mouse, the middle of the drawn edge that the
// JavaScript predicate on its data picks.
func (b *browser) clickEdge(what, pick string) {
	b.tb.Helper()
	expr := `(() => { const e = kgExplorer.cy().edges().filter((x) => { const d = x.data(); return ` + pick + `; })[0];
		if (!e) return null;
		const r = document.getElementById('cy').getBoundingClientRect(); const m = e.renderedMidpoint();
		return [r.left + m.x, r.top + m.y]; })()`
	xy := eval[[]float64](b, expr)
	if len(xy) != 2 {
		b.tb.Fatalf("no edge on the canvas for %s", what)
	}
	b.do("click "+what, chromedp.MouseClickXY(xy[0], xy[1]))
}

// TestBrowserHubPaging checks that an entity with more facts than a page
// shows a "+N more" node and pages through the rest with "Show more", on a
// server that wants its token for reads (given once in the URL fragment).
func TestBrowserHubPaging(t *testing.T) {
	b := newBrowser(t)
	ts, _ := mustServe(t, mustWebStore(t, t.TempDir()), web.Config{Token: "t0k", TokenForReads: true})
	b.do("load with pages of 2", chromedp.Navigate(ts.URL+"/?page=2#token=t0k"), chromedp.WaitVisible("#search"))
	if frag := eval[string](b, `location.hash`); frag != "" {
		t.Errorf("token left in the address bar: %q", frag)
	}
	b.do("expand Tillerson", chromedp.SendKeys("#search", "Tillerson"), chromedp.WaitVisible("#suggest li"), chromedp.Click("#suggest li"))
	b.waitFor("a more node", `kgExplorer.cy().nodes('.more').length === 1`)
	facts := `kgExplorer.cy().edges().not('.more').length`
	if n := eval[int](b, facts); n != 2 {
		t.Errorf("%d facts on the canvas after the first page, want 2: %s", n, eval[string](b, `JSON.stringify(kgExplorer.cy().edges().map((e) => e.id()))`))
	}
	more := eval[string](b, `kgExplorer.cy().nodes('.more').data('label')`)
	for i := 0; i < 10 && eval[bool](b, `!document.getElementById('details-more').hidden`); i++ {
		before := eval[int](b, facts)
		b.do("show more", chromedp.Click("#details-more"))
		b.waitFor("the next page", fmt.Sprintf(`%s > %d`, facts, before))
	}
	total := eval[int](b, `parseInt(document.getElementById('details-meta').textContent.match(/(\d+) facts/)[1], 10)`)
	if n := eval[int](b, facts); n < total || total <= 2 || more != fmt.Sprintf("+%d more", total-2) {
		t.Errorf("%d facts drawn of %d after paging; more node said %q", n, total, more)
	}
	if n := eval[int](b, `kgExplorer.cy().nodes('.more').length`); n != 0 {
		t.Errorf("more node still there after the last page")
	}
}

// TestBrowserExplorer drives the explorer in headless chromium: search with
// autocomplete, expand, read an edge's evidence, ask, find a path, run Gizmo,
// and check that an article's markup is shown as text and never runs.
func TestBrowserExplorer(t *testing.T) {
	b := newBrowser(t)
	ts, _ := mustServe(t, mustWebStore(t, t.TempDir()), web.Config{})
	var readies []float64
	for i := range 5 { // the median of five loads, the first cold
		b.do("load the page", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#search"))
		b.waitFor("the page to be ready", `document.body.dataset.ready === 'true'`)
		readies = append(readies, eval[float64](b, `kgExplorer.ready`))
		t.Logf("load %d: %s, explorer ready at %.0f ms", i+1, pageTiming(b), readies[i])
	}
	slices.Sort(readies)
	if readies[2] > 1000 {
		t.Errorf("explorer ready after %.0f ms (median of %v), want within 1000 ms of navigation start", readies[2], readies)
	}
	for _, step := range []struct {
		name string
		run  func(*testing.T, *browser)
	}{
		{"search expand evidence", browseSearch},
		{"ask", browseAsk},
		{"ask reading", browseAskReading},
		{"path", browsePath},
		{"gizmo", browseGizmo},
		{"filters", browseFilters},
		{"markup renders as text", browseMarkup},
	} {
		t.Run(step.name, func(t *testing.T) { step.run(t, b.with(t)) })
	}
}

// browseSearch finds Tillerson through autocomplete, expands him, clicks the edge
// to Putin and reads its evidence with both names marked.
func browseSearch(t *testing.T, b *browser) {
	b.do("type a name", chromedp.SendKeys("#search", "Tillerson"), chromedp.WaitVisible("#suggest li"))
	if got := eval[string](b, `document.querySelector('#suggest li').textContent`); !strings.Contains(got, "Rex Tillerson") {
		t.Fatalf("first suggestion %q, want Rex Tillerson", got)
	}
	b.do("pick the suggestion", chromedp.Click("#suggest li"))
	b.waitFor("Putin on the canvas", `kgExplorer.cy().nodes().some((n) => n.data('label') === 'Vladimir Putin')`)
	b.clickEdge("Tillerson meet Putin", `d.predicate === 'meet' && d.source.endsWith('rex_tillerson') && d.target.endsWith('vladimir_putin')`)
	b.do("evidence panel", chromedp.WaitVisible("#evidence"))
	got := eval[string](b, `document.getElementById('evidence').textContent`)
	if !strings.Contains(got, "held talks with Vladimir Putin in Moscow") || !strings.Contains(got, "confidence") {
		t.Errorf("evidence %q, want the sentence with its confidence", got)
	}
	marks := eval[[]string](b, `[...document.querySelectorAll('#evidence-list mark')].map((m) => m.className + ':' + m.textContent)`)
	if !containsPart(marks, "subj:", "Rex Tillerson") || !containsPart(marks, "obj:", "Vladimir Putin") {
		t.Errorf("highlights %v, want both entities marked", marks)
	}
	b.screenshot("evidence")
}

// browseAsk asks a question and reads the answers.
func browseAsk(t *testing.T, b *browser) {
	b.do("ask", chromedp.SendKeys("#question", "Who did Tillerson meet?"), chromedp.Click("#ask-form button"))
	b.waitFor("answers", `!document.getElementById('answers').hidden && document.getElementById('answers-list').children.length > 0`)
	if got := eval[string](b, `document.getElementById('answers-list').textContent`); !strings.Contains(got, "Sergei Lavrov") || !strings.Contains(got, "Vladimir Putin") {
		t.Errorf("answers %q, want Putin and Lavrov", got)
	}
}

// browseAskReading asks a question answered from a sentence (a role, no
// graph entity): the answer is listed as text and adds no node.
func browseAskReading(t *testing.T, b *browser) {
	b.do("ask", chromedp.Evaluate[chromedp.Void](`document.getElementById('question').value = ''`),
		chromedp.SendKeys("#question", "Who is Dmitri Trenin?"), chromedp.Click("#ask-form button"))
	b.waitFor("answers", `document.getElementById('answers-title').textContent === 'Who is Dmitri Trenin?' && document.getElementById('answers-list').children.length > 0`)
	if got := eval[string](b, `document.getElementById('answers-list').textContent`); !strings.Contains(got, "director of the Carnegie Moscow Center (Role)") {
		t.Errorf("answers %q, want her role", got)
	}
	if n := eval[int](b, `kgExplorer.cy().nodes().filter((n) => !n.id()).length`); n != 0 {
		t.Errorf("%d canvas nodes without an id", n)
	}
}

// browsePath finds a path from Tillerson to Assad and checks it is highlighted.
func browsePath(t *testing.T, b *browser) {
	b.do("find a path", chromedp.SendKeys("#path-from", "Tillerson"), chromedp.SendKeys("#path-to", "Assad"), chromedp.Click("#path-go"))
	b.waitFor("a highlighted path", `kgExplorer.cy().edges('.path').length >= 2 && document.getElementById('answers-title').textContent.startsWith('Paths')`)
	if got := eval[string](b, `document.getElementById('answers-list').textContent`); !strings.Contains(got, "Bashar al-Assad") {
		t.Errorf("paths %q, want one ending at Bashar al-Assad", got)
	}
	b.screenshot("path")
}

// browseGizmo runs the console's Gizmo query and finds its results in the
// table and on the canvas.
func browseGizmo(t *testing.T, b *browser) {
	b.do("run gizmo", chromedp.Click("#gizmo-run"))
	b.waitFor("a result table", `document.querySelectorAll('#gizmo-out tbody tr').length > 0`)
	rows := eval[[]string](b, `[...document.querySelectorAll('#gizmo-out tbody tr')].map((r) => r.textContent)`)
	if !slices.Contains(rows, "<https://kg.example/entity/vladimir_putin>") || eval[int](b, `kgExplorer.cy().nodes('.gizmo').length`) == 0 {
		t.Errorf("gizmo rows %v, want Putin's IRI in the table and on the canvas", rows)
	}
}

// browseFilters hides a relation, then a date range, then resets.
func browseFilters(t *testing.T, b *browser) {
	hidden := `kgExplorer.cy().edges('[predicate = "meet"]').every((e) => e.hasClass('filtered'))`
	b.do("hide meet", chromedp.Click(`#filter-rel input[value="meet"]`))
	if !eval[bool](b, hidden) || eval[int](b, `kgExplorer.cy().edges('[predicate = "strike"].filtered').length`) != 0 {
		t.Errorf("unchecking meet should hide meet edges only")
	}
	b.do("pick a date range", chromedp.Evaluate[chromedp.Void](`(() => { const f = document.getElementById('filter-from');
		f.value = '2017-04-13'; f.dispatchEvent(new Event('change')); })()`))
	if n := eval[int](b, `kgExplorer.cy().edges('[predicate = "secretary_of"]').filter((e) => e.style('display') !== 'none').length`); n != 0 {
		t.Errorf("%d secretary_of edges (dated 2017-04-12) visible from 2017-04-13 on: %s", n,
			eval[string](b, `JSON.stringify(kgExplorer.cy().edges('[predicate = "secretary_of"]').map((e) => [e.classes(), e.data('evidence')]))`))
	}
	b.do("reset", chromedp.Click("#filter-reset"))
	if eval[bool](b, hidden) || eval[int](b, `kgExplorer.cy().edges('.filtered').length`) != 0 {
		t.Errorf("reset left edges hidden")
	}
}

// browseMarkup reads the evidence of the article that carries markup: it
// must show as characters, and nothing in it may run.
func browseMarkup(t *testing.T, b *browser) {
	b.do("search", chromedp.Evaluate[chromedp.Void](`document.getElementById('search').value = ''`), chromedp.SendKeys("#search", "Jane"), chromedp.WaitVisible("#suggest li"), chromedp.Click("#suggest li"))
	b.waitFor("Jane Roe expanded", `document.getElementById('details-title').textContent === 'Jane Roe'`)
	b.clickEdge("Tillerson thank Jane Roe", `d.predicate === 'thank'`)
	b.waitFor("its evidence", `document.getElementById('evidence-list').textContent.includes('memo')`)
	got := eval[string](b, `document.getElementById('evidence-list').textContent`)
	if !strings.Contains(got, markup) || !strings.Contains(got, "Memo <b onmouseover=alert(2)>leaked</b>") {
		t.Errorf("evidence %q, want the markup as characters", got)
	}
	if n := eval[int](b, `document.querySelectorAll('img, #evidence b').length`); n != 0 {
		t.Errorf("%d elements made from article markup", n)
	}
	b.screenshot("markup")
	if ran := eval[int](b, `window.__xss`); ran != 0 || b.dialog.Load() != 0 {
		t.Errorf("article script ran: alert %d times, %d dialogs", ran, b.dialog.Load())
	}
}

// containsPart reports whether some string in list starts with prefix and
// contains part.
func containsPart(list []string, prefix, part string) bool {
	for _, x := range list {
		if strings.HasPrefix(x, prefix) && strings.Contains(x, part) {
			return true
		}
	}
	return false
}

// pageTiming formats navigation timing for logs.
func pageTiming(b *browser) string {
	t := eval[map[string]float64](b, `(() => { const n = performance.getEntriesByType('navigation')[0];
		return {interactive: n.domInteractive, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; })()`)
	return fmt.Sprintf("domInteractive %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms", t["interactive"], t["dcl"], t["load"])
}

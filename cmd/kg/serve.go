package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries"
	"github.com/kgnews/kg/web"
)

// Compile-time checks that the store and the query service give the web
// server what it consumes, directly or through the small adapters below.
var (
	_ web.Asker          = (*queries.Service)(nil)
	_ web.PathFinder     = (*queries.Service)(nil)
	_ web.Exporter       = (*graph.Store)(nil)
	_ web.EntityLister   = webQueries{}
	_ web.NeighborReader = webQueries{}
	_ web.GizmoRunner    = webQueries{}
	_ web.Ingester       = (*webIngester)(nil)
)

// DefaultAddr is where kg serve listens unless told otherwise.
const DefaultAddr = "127.0.0.1:7474"

func serveCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "serve the graph explorer and the HTTP API",
		ArgsUsage: " ",
		Description: `Serves the web explorer (search, questions, a graph canvas, evidence,
paths, a Gizmo console, exports) and its JSON API, including Cayley's own
POST /api/v1/query/gizmo and /api/v2/query?lang=gizmo. It binds to loopback by
default; any other address needs --token (or KG_TOKEN), which every API call
must then carry as "Authorization: Bearer TOKEN" (open the page as
http://HOST:PORT/#token=TOKEN). POST /api/ingest is off unless --allow-ingest,
and needs the token whenever one is set.

Examples:
   kg serve
   kg serve --addr 127.0.0.1:8080 --allow-ingest
   KG_TOKEN=secret kg serve --addr 0.0.0.0:7474 --cors https://news.example.org`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: DefaultAddr, Usage: "`HOST:PORT` to listen on"},
			&cli.StringFlag{Name: "token", EnvVars: []string{"KG_TOKEN"}, Usage: "bearer `TOKEN` that API calls need (required off loopback)"},
			&cli.BoolFlag{Name: "allow-ingest", Usage: "turn on POST /api/ingest"},
			&cli.StringFlag{Name: "cors", Usage: "allow cross-origin calls from this `ORIGIN` (none by default)"},
			&cli.DurationFlag{Name: "timeout", Value: web.DefaultQueryTimeout, Usage: "time limit of one API call"},
			&cli.Int64Flag{Name: "max-body", Value: web.DefaultMaxBody, Usage: "bytes a request body may have"},
			&cli.IntFlag{Name: "max-results", Value: web.DefaultMaxResults, Usage: "results one call may return"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "log every request"},
		},
		Action: func(c *cli.Context) error { return serve(c, e) },
	}
}

func serve(c *cli.Context, e *env) error {
	if c.NArg() > 0 {
		return usageError(c, "unexpected argument %q", c.Args().First())
	}
	loopback, err := isLoopback(c.String("addr"))
	if err != nil {
		return usageError(c, "%v", err)
	}
	token := c.String("token")
	if !loopback && token == "" {
		return usageError(c, "--addr %s is reachable from other machines: set --token or KG_TOKEN", c.String("addr"))
	}
	if c.Duration("timeout") <= 0 || c.Int64("max-body") < 1 || c.Int("max-results") < 1 {
		return usageError(c, "--timeout, --max-body and --max-results must be positive")
	}
	s, err := openStore(c, !c.Bool("allow-ingest"))
	if err != nil {
		return err
	}
	defer s.Close()
	level := slog.LevelInfo
	if c.Bool("verbose") {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	return serveStore(c.Context, e, s, c.String("addr"), web.Config{
		Token: token, TokenForReads: !loopback, AllowIngest: c.Bool("allow-ingest"), CORSOrigin: c.String("cors"),
		QueryTimeout: c.Duration("timeout"), MaxBody: c.Int64("max-body"), MaxResults: c.Int("max-results"),
	}, log)
}

// serveStore serves the explorer over an open store on addr until ctx
// ends, printing its address on stderr. kg demo --serve can call it too.
func serveStore(ctx context.Context, e *env, s *graph.Store, addr string, cfg web.Config, log *slog.Logger) error {
	h := newWebServer(s, cfg, log)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return kg.Errorf(kg.EUNAVAILABLE, "listen on %s: %v", addr, err)
	}
	fmt.Fprintf(e.stderr, "kg: explorer at http://%s/\n", ln.Addr())
	log.Info("serving", "addr", ln.Addr().String(), "store", redact(s.URL()), "ingest", cfg.AllowIngest)
	go warmNames(ctx, s, log)
	return serveHTTP(ctx, ln, h, log)
}

// warmNames builds the name index that search, questions and paths share,
// so that the first of them does not wait for it. The API answers while it
// builds: names written as stored resolve from the store's own index, and
// entity cards and answers read entities from the store; only autocomplete
// and names that need folding or spelling suggestions wait for the index,
// within their request's time limit.
func warmNames(ctx context.Context, s *graph.Store, log *slog.Logger) {
	start := time.Now()
	if _, err := queries.New(s).Complete(ctx, "a", 1); err != nil {
		log.Warn("name index", "error", err)
		return
	}
	log.Info("name index ready", "duration", time.Since(start).Round(time.Millisecond))
}

// isLoopback reports whether addr's host only accepts connections from this
// machine.
func isLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("bad --addr %q: %v", addr, err)
	}
	if strings.EqualFold(host, "localhost") {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// newWebServer wires the store and its query service into a web server.
func newWebServer(s *graph.Store, cfg web.Config, log *slog.Logger) *web.Server {
	q := askService(s)
	w := web.New(web.Services{
		Asker: q, Entities: webQueries{q}, Neighbors: webQueries{q}, Paths: q,
		Exporter: s, Gizmo: webQueries{q}, Ingester: &webIngester{s: s},
	}, cfg)
	w.Logger = log
	return w
}

// serveHTTP serves h on ln until ctx ends, then shuts down, giving calls in
// flight a few seconds to finish.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}

// webQueries adapts the query service to the web server's interfaces whose
// shapes are the server's own.
type webQueries struct{ q *queries.Service }

// ListEntities serves autocomplete from the service's name index; a type
// filter looks further down the list so that a page of that type fills.
func (w webQueries) ListEntities(ctx context.Context, prefix string, typ kg.EntityType, limit int) ([]kg.Entity, error) {
	if strings.TrimSpace(prefix) == "" {
		return w.q.Entities(ctx, queries.EntityFilter{Type: typ, Limit: limit})
	}
	if typ == "" {
		return w.q.Complete(ctx, prefix, limit)
	}
	list, err := w.q.Complete(ctx, prefix, 20*limit)
	if err != nil {
		return nil, err
	}
	out := list[:0]
	for _, e := range list {
		if strings.EqualFold(string(e.Type), string(typ)) && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

// Neighbors turns the service's neighbor groups into edges that say which
// way each fact points.
func (w webQueries) Neighbors(ctx context.Context, id string, limit, offset int) (*web.Neighborhood, error) {
	nb, err := w.q.Neighbors(ctx, id, min(limit, queries.MaxNeighborLimit), offset)
	if err != nil {
		return nil, err
	}
	out := &web.Neighborhood{Entity: nb.Entity, Total: nb.Total, Offset: nb.Offset,
		More: nb.Offset+len(nb.Neighbors) < nb.Total, Facts: make([]web.Edge, 0, len(nb.Neighbors))}
	for _, a := range nb.Neighbors {
		ed := web.Edge{Subject: nb.Entity, Predicate: a.Predicate, PredicateID: a.PredicateID, Object: a.Entity,
			Confidence: a.Score, Negated: a.Negated, Modality: a.Modality, AttributedTo: a.AttributedTo, Evidence: a.Evidence}
		if a.Inverse {
			ed.Subject, ed.Object = a.Entity, nb.Entity
		}
		ed.ID = strings.Join([]string{ed.Subject.ID, a.PredicateID, ed.Object.ID, strconv.FormatBool(a.Negated), a.Modality, attributor(a.AttributedTo)}, " ")
		out.Facts = append(out.Facts, ed)
	}
	return out, nil
}

func attributor(e *kg.Entity) string {
	if e == nil {
		return ""
	}
	return e.ID
}

// Gizmo runs a Gizmo query as `kg query` does.
func (w webQueries) Gizmo(ctx context.Context, text string, limit int, timeout time.Duration) ([]any, error) {
	return w.q.Query(ctx, "gizmo", text, queries.QueryOptions{Limit: limit, Timeout: timeout})
}

// webIngester extracts posted documents and writes them, one call at a
// time (the store has one writer).
type webIngester struct {
	s    *graph.Store
	mu   sync.Mutex
	pipe *extract.Pipeline
}

// Ingest extracts the documents and writes them in one batch.
func (w *webIngester) Ingest(ctx context.Context, docs []kg.Document) (web.IngestStats, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.pipe == nil {
		p, err := extract.New(extract.Options{})
		if err != nil {
			return web.IngestStats{}, fmt.Errorf("load pipeline: %w", err)
		}
		w.pipe = p
	}
	wr := newLinkedWriter(w.s)
	for _, d := range docs {
		x, err := w.pipe.Extract(ctx, d)
		if err != nil {
			return web.IngestStats{}, fmt.Errorf("extract %s: %w", d.ID, err)
		}
		if err := wr.Write(ctx, x); err != nil {
			return web.IngestStats{}, fmt.Errorf("write %s: %w", d.ID, err)
		}
	}
	if err := wr.Flush(ctx); err != nil {
		return web.IngestStats{}, fmt.Errorf("flush: %w", err)
	}
	st := wr.Stats()
	return web.IngestStats{Documents: st.Documents, Skipped: st.Skipped, Replaced: st.Replaced,
		Entities: st.Entities, Facts: st.Facts, Quads: st.Quads}, nil
}

package web

import (
	"context"
	"crypto/subtle"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Log keys.
const (
	logMethod   = "method"
	logPath     = "path"
	logStatus   = "status"
	logDuration = "duration"
	logError    = "error"
)

// Server is kg's HTTP API and explorer page. Build it with New; it is an
// http.Handler.
type Server struct {
	Logger *slog.Logger // where requests and failures are logged; slog.Default() from New

	svc Services
	cfg Config
	mux *http.ServeMux
}

// New returns a server over the services with the configuration's limits.
func New(svc Services, cfg Config) *Server {
	s := &Server{Logger: slog.Default(), svc: svc, cfg: cfg.withDefaults(), mux: http.NewServeMux()}
	s.routes()
	return s
}

func (s *Server) routes() {
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.Handle("GET /api/ask", s.api(s.ask))
	s.mux.Handle("GET /api/entities", s.api(s.entities))
	s.mux.Handle("GET /api/entity", s.api(s.entity))
	s.mux.Handle("GET /api/path", s.api(s.path))
	s.mux.Handle("GET /api/export", s.read(http.HandlerFunc(s.export)))
	s.mux.Handle("POST /api/ingest", s.read(http.HandlerFunc(s.ingest)))
	s.mux.Handle("POST /api/v1/query/gizmo", s.read(http.HandlerFunc(s.cayleyV1)))
	s.mux.Handle("GET /api/v2/query", s.read(http.HandlerFunc(s.cayleyV2)))
	s.mux.Handle("POST /api/v2/query", s.read(http.HandlerFunc(s.cayleyV2)))
	var files http.Handler = http.NotFoundHandler()
	if sub, err := fs.Sub(uiFiles, "ui"); err == nil { // the embedded tree always has ui/
		files = http.FileServerFS(sub)
	}
	s.mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/api/"):
			writeError(w, r, s.Logger, errNoRoute(r))
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, r, s.Logger, errMethod(r))
		default:
			files.ServeHTTP(w, r)
		}
	}))
}

// ServeHTTP serves one request: security headers, CORS, logging, then the
// routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "+
		"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	if s.cors(w, r) {
		return
	}
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	s.mux.ServeHTTP(sw, r)
	level := slog.LevelDebug
	if sw.status >= 500 {
		level = slog.LevelWarn
	}
	s.Logger.Log(r.Context(), level, "request", logMethod, r.Method, logPath, r.URL.Path,
		logStatus, sw.status, logDuration, time.Since(start))
}

// cors sets CORS headers for the configured origin and answers preflight
// requests; it reports whether the request is answered.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if s.cfg.CORSOrigin == "" || origin == "" || (s.cfg.CORSOrigin != "*" && origin != s.cfg.CORSOrigin) {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-KG-Token")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// statusWriter remembers the status a handler wrote, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Flush lets streamed exports reach the client as they are written.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// read guards a handler with the token when reads need it, and bounds the
// request body.
func (s *Server) read(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.TokenForReads && !s.authorized(r) {
			writeError(w, r, s.Logger, errUnauthorized)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		h.ServeHTTP(w, r)
	})
}

// authorized reports whether the request carries the token, as
// "Authorization: Bearer TOKEN" or "X-KG-Token: TOKEN". With no token
// configured nothing is authorized.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return false
	}
	got := r.Header.Get("X-KG-Token")
	if a := r.Header.Get("Authorization"); got == "" && len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
		got = a[7:]
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// api wraps a JSON handler: token, body limit, time limit, errors mapped to
// statuses, the value written as JSON.
func (s *Server) api(fn func(ctx context.Context, r *http.Request) (any, error)) http.Handler {
	return s.read(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
		defer cancel()
		v, err := fn(ctx, r)
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		if err != nil {
			writeError(w, r, s.Logger, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}))
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

package web

import (
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/kgnews/kg"
)

// cayleyReply is the JSON of Cayley's own query endpoints: {"result": [...]};
// failures answer {"error": "..."}.
type cayleyReply struct {
	Result []any `json:"result"`
}

// cayleyV1 is Cayley's POST /api/v1/query/gizmo: the body is the query.
func (s *Server) cayleyV1(w http.ResponseWriter, r *http.Request) {
	text, err := readQuery(r)
	if err != nil {
		s.cayleyError(w, r, err)
		return
	}
	s.runGizmo(w, r, text, s.cfg.MaxResults)
}

// cayleyV2 is Cayley's /api/v2/query?lang=gizmo: the query is the POST body
// or the qu parameter of a GET; limit bounds the results.
func (s *Server) cayleyV2(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if lang := q.Get("lang"); lang != "" && lang != "gizmo" {
		s.cayleyError(w, r, kg.Errorf(kg.EINVALID, "unsupported query language %q: this server speaks gizmo", lang))
		return
	}
	limit, err := intParam(r, "limit", s.cfg.MaxResults, 1, s.cfg.MaxResults)
	if err != nil {
		s.cayleyError(w, r, err)
		return
	}
	text := q.Get("qu")
	if r.Method == http.MethodPost {
		if text, err = readQuery(r); err != nil {
			s.cayleyError(w, r, err)
			return
		}
	}
	s.runGizmo(w, r, text, limit)
}

func (s *Server) runGizmo(w http.ResponseWriter, r *http.Request, text string, limit int) {
	if s.svc.Gizmo == nil {
		s.cayleyError(w, r, errOff("gizmo"))
		return
	}
	if strings.TrimSpace(text) == "" {
		s.cayleyError(w, r, kg.Errorf(kg.EINVALID, "the query is empty"))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	res, err := s.svc.Gizmo.Gizmo(ctx, text, limit, s.cfg.QueryTimeout)
	if err != nil {
		s.cayleyError(w, r, err)
		return
	}
	if res == nil {
		res = []any{}
	}
	writeJSON(w, http.StatusOK, cayleyReply{Result: res[:min(len(res), limit)]})
}

// readQuery reads a query from the request body.
func readQuery(r *http.Request) (string, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// cayleyError answers in Cayley's error shape, with the status StatusOf
// gives.
func (s *Server) cayleyError(w http.ResponseWriter, r *http.Request, err error) {
	status := StatusOf(err)
	if status >= 500 {
		s.Logger.Error("query failed", logPath, r.URL.Path, logStatus, status, logError, err)
	}
	writeJSON(w, status, map[string]string{"error": publicError(err).Error})
}

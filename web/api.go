package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// maxParam bounds the length of a text parameter (a question, a name).
const maxParam = 1000

// param returns a query parameter, trimmed, or an EINVALID error when it is
// required and missing, too long or not UTF-8.
func param(r *http.Request, name string, required bool) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	switch {
	case v == "" && required:
		return "", kg.Errorf(kg.EINVALID, "missing parameter %q", name)
	case len(v) > maxParam:
		return "", kg.Errorf(kg.EINVALID, "parameter %q is longer than %d bytes", name, maxParam)
	case !utf8.ValidString(v):
		return "", kg.Errorf(kg.EINVALID, "parameter %q is not UTF-8", name)
	}
	return v, nil
}

// intParam returns an integer parameter in [lo, hi], def when it is absent.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, kg.Errorf(kg.EINVALID, "parameter %q must be a whole number from %d to %d", name, lo, hi)
	}
	return n, nil
}

func errOff(what string) error {
	return kg.Errorf(kg.ENOTFOUND, "%s is not served by this server", what)
}

func (s *Server) ask(ctx context.Context, r *http.Request) (any, error) {
	if s.svc.Asker == nil {
		return nil, errOff("ask")
	}
	q, err := param(r, "q", true)
	if err != nil {
		return nil, err
	}
	res, err := s.svc.Asker.Ask(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(res.Answers) > s.cfg.MaxResults {
		res.Answers = res.Answers[:s.cfg.MaxResults]
	}
	if len(res.Paths) > s.cfg.MaxResults {
		res.Paths = res.Paths[:s.cfg.MaxResults]
	}
	return res, nil
}

func (s *Server) entities(ctx context.Context, r *http.Request) (any, error) {
	if s.svc.Entities == nil {
		return nil, errOff("entities")
	}
	prefix, err := param(r, "prefix", false)
	if err != nil {
		return nil, err
	}
	typ, err := param(r, "type", false)
	if err != nil {
		return nil, err
	}
	limit, err := intParam(r, "limit", 20, 1, s.cfg.MaxResults)
	if err != nil {
		return nil, err
	}
	list, err := s.svc.Entities.ListEntities(ctx, prefix, kg.EntityType(typ), limit)
	if err != nil {
		return nil, err
	}
	if list == nil {
		list = []kg.Entity{}
	}
	return list[:min(len(list), limit)], nil
}

func (s *Server) entity(ctx context.Context, r *http.Request) (any, error) {
	if s.svc.Neighbors == nil {
		return nil, errOff("entity")
	}
	id, err := param(r, "id", true)
	if err != nil {
		return nil, err
	}
	limit, err := intParam(r, "limit", DefaultPageSize, 1, s.cfg.MaxResults)
	if err != nil {
		return nil, err
	}
	offset, err := intParam(r, "offset", 0, 0, 1<<30)
	if err != nil {
		return nil, err
	}
	nb, err := s.svc.Neighbors.Neighbors(ctx, id, limit, offset)
	if err != nil {
		return nil, err
	}
	if len(nb.Facts) > limit {
		nb.Facts, nb.More = nb.Facts[:limit], true
	}
	if nb.Facts == nil {
		nb.Facts = []Edge{}
	}
	return nb, nil
}

// pathReply is the JSON of /api/path, the shape of `kg path --json`.
type pathReply struct {
	From  kg.Entity `json:"from"`
	To    kg.Entity `json:"to"`
	Paths []kg.Path `json:"paths"`
}

func (s *Server) path(ctx context.Context, r *http.Request) (any, error) {
	if s.svc.Paths == nil {
		return nil, errOff("path")
	}
	from, err := param(r, "from", true)
	if err != nil {
		return nil, err
	}
	to, err := param(r, "to", true)
	if err != nil {
		return nil, err
	}
	hops, err := intParam(r, "max_hops", DefaultMaxHops, 1, 8)
	if err != nil {
		return nil, err
	}
	limit, err := intParam(r, "limit", DefaultPaths, 1, 100)
	if err != nil {
		return nil, err
	}
	var ends [2]kg.Entity
	for i, name := range []string{from, to} {
		e, err := s.svc.Paths.Resolve(ctx, name)
		if err != nil {
			return nil, err
		}
		ends[i] = kg.Entity{ID: e.ID, Label: e.Label, Type: e.Type, Aliases: e.Aliases}
	}
	paths, err := s.svc.Paths.Path(ctx, ends[0].ID, ends[1].ID, hops, limit)
	if err != nil {
		return nil, err
	}
	if paths == nil {
		paths = []kg.Path{}
	}
	return pathReply{From: ends[0], To: ends[1], Paths: paths}, nil
}

package web

import (
	"context"
	"net/http"

	"github.com/kgnews/kg"
)

// exportTypes are the export formats with their media types and file
// extensions.
var exportTypes = map[string][2]string{
	"nquads":   {"application/n-quads", "nq"},
	"ntriples": {"application/n-triples", "nt"},
	"turtle":   {"text/turtle", "ttl"},
	"jsonld":   {"application/ld+json", "jsonld"},
	"graphml":  {"application/graphml+xml", "graphml"},
	"csv":      {"text/csv", "csv"},
}

// export streams the graph. Errors before the first byte are JSON; later
// ones can only cut the stream short, and are logged.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	if s.svc.Exporter == nil {
		writeError(w, r, s.Logger, errOff("export"))
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "nquads"
	}
	t, ok := exportTypes[format]
	if !ok {
		writeError(w, r, s.Logger, kg.Errorf(kg.EINVALID, "unknown export format %q: use nquads, ntriples, turtle, jsonld, graphml or csv", format))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.ExportTimeout)
	defer cancel()
	lw := &lazyWriter{w: w, start: func() {
		w.Header().Set("Content-Type", t[0]+"; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="kg.`+t[1]+`"`)
		w.WriteHeader(http.StatusOK)
	}}
	err := s.svc.Exporter.Export(ctx, lw, format)
	switch {
	case err != nil && !lw.started:
		writeError(w, r, s.Logger, err)
	case err != nil:
		s.Logger.Error("export cut short", logPath, r.URL.Path, logError, err)
	case !lw.started:
		lw.start()
	}
}

// lazyWriter writes the response header at the first byte, so that an
// export that fails at once can still answer with an error status.
type lazyWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (l *lazyWriter) Write(p []byte) (int, error) {
	if !l.started {
		l.started = true
		l.start()
	}
	return l.w.Write(p)
}

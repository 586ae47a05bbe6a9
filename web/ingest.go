package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// MaxIngestDocs bounds the documents of one ingest call.
const MaxIngestDocs = 1000

// ingest is POST /api/ingest: documents as JSON (one object or an array),
// JSON lines, or plain text (one document; title, date and source from the
// query). It needs the token whenever one is set, and is off unless
// Config.AllowIngest.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	switch {
	case !s.cfg.AllowIngest || s.svc.Ingester == nil:
		writeError(w, r, s.Logger, errIngestDisabled)
		return
	case s.cfg.Token != "" && !s.authorized(r):
		writeError(w, r, s.Logger, errUnauthorized)
		return
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	docs, err := ParseDocuments(r.Body, mt, MaxIngestDocs)
	if err != nil {
		writeError(w, r, s.Logger, err)
		return
	}
	if mt == "text/plain" && len(docs) == 1 {
		q := r.URL.Query()
		docs[0].Title, docs[0].Date, docs[0].Source = q.Get("title"), q.Get("date"), q.Get("source")
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.IngestTimeout)
	defer cancel()
	st, err := s.svc.Ingester.Ingest(ctx, docs)
	if err != nil {
		writeError(w, r, s.Logger, err)
		return
	}
	s.Logger.Info("ingested", "documents", st.Documents, "facts", st.Facts, "quads", st.Quads)
	writeJSON(w, http.StatusOK, st)
}

// ParseDocuments reads documents from an ingest body: plain text
// (mediaType text/plain) is one document; anything else is JSON, one object
// {"id","title","date","source","text"}, an array of them, or one per line.
// Every document gets its ID from its text (kg.DocumentID). Bad input gives
// an EINVALID error naming the document; more than maxDocs is an error.
func ParseDocuments(r io.Reader, mediaType string, maxDocs int) ([]kg.Document, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if mediaType == "text/plain" {
		return checkDocs([]kg.Document{{Text: string(body)}}, maxDocs)
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var docs []kg.Document
		if err := json.Unmarshal(trimmed, &docs); err != nil {
			return nil, kg.Errorf(kg.EINVALID, "documents: %s", jsonProblem(err))
		}
		return checkDocs(docs, maxDocs)
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	var docs []kg.Document
	for {
		var d kg.Document
		err := dec.Decode(&d)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, kg.Errorf(kg.EINVALID, "document %d: %s", len(docs)+1, jsonProblem(err))
		}
		if docs = append(docs, d); len(docs) > maxDocs {
			return nil, kg.Errorf(kg.EINVALID, "more than %d documents in one call", maxDocs)
		}
	}
	return checkDocs(docs, maxDocs)
}

// checkDocs checks texts and sets IDs.
func checkDocs(docs []kg.Document, maxDocs int) ([]kg.Document, error) {
	switch {
	case len(docs) == 0:
		return nil, kg.Errorf(kg.EINVALID, "no documents in the body")
	case len(docs) > maxDocs:
		return nil, kg.Errorf(kg.EINVALID, "more than %d documents in one call", maxDocs)
	}
	for i := range docs {
		d := &docs[i]
		if strings.TrimSpace(d.Text) == "" {
			return nil, kg.Errorf(kg.EINVALID, "document %d has no text", i+1)
		}
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.Source) || !utf8.ValidString(d.Date) {
			return nil, kg.Errorf(kg.EINVALID, "document %d is not valid UTF-8", i+1)
		}
		d.ID = kg.DocumentID(d.Text)
	}
	return docs, nil
}

// jsonProblem words a JSON decoding error for users, keeping a body that
// went over the size limit recognizable.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("bad JSON at byte %d: %v", syn.Offset, err)
	}
	return err.Error()
}

package web

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/kgnews/kg"
)

// Errors of the server itself.
var (
	errUnauthorized   = kg.Errorf(codeUnauthorized, "this call needs the server's token (Authorization: Bearer TOKEN)")
	errIngestDisabled = kg.Errorf(codeForbidden, "ingest is off: start kg serve with --allow-ingest")
)

// Codes the server adds to kg's, for access failures.
const (
	codeUnauthorized = "unauthorized"
	codeForbidden    = "forbidden"
	codeTooLarge     = "too_large"
	codeMethod       = "method_not_allowed"
)

func errMethod(r *http.Request) error {
	return kg.Errorf(codeMethod, "%s is not allowed on %s", r.Method, r.URL.Path)
}

func errNoRoute(r *http.Request) error {
	return kg.Errorf(kg.ENOTFOUND, "no API call %s %s", r.Method, r.URL.Path)
}

// StatusOf maps an error to its HTTP status: the one place that does. Kg
// error codes choose it (EINVALID 400, ENOTFOUND 404, ECONFLICT 409,
// ETIMEOUT 504, EUNAVAILABLE 503); a body over the limit is 413 and a time
// limit that ran out is 504; anything else is 500.
func StatusOf(err error) int {
	var tooLarge *http.MaxBytesError
	switch {
	case err == nil:
		return http.StatusOK
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	}
	switch kg.ErrorCode(err) {
	case kg.EINVALID:
		return http.StatusBadRequest
	case kg.ENOTFOUND:
		return http.StatusNotFound
	case kg.ECONFLICT:
		return http.StatusConflict
	case kg.ETIMEOUT:
		return http.StatusGatewayTimeout
	case kg.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case codeUnauthorized:
		return http.StatusUnauthorized
	case codeForbidden:
		return http.StatusForbidden
	case codeMethod:
		return http.StatusMethodNotAllowed
	case codeTooLarge:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON of a failed call; Error alone is Cayley's shape.
type errorBody struct {
	Error string `json:"error"`          // what went wrong, for users
	Code  string `json:"code,omitempty"` // kg's error code
}

// publicError returns what a client may see of err: the message of kg
// errors, and no internals for others.
func publicError(err error) errorBody {
	status := StatusOf(err)
	switch {
	case status == http.StatusRequestEntityTooLarge:
		return errorBody{Error: "the request body is too large", Code: codeTooLarge}
	case status == http.StatusGatewayTimeout:
		return errorBody{Error: "the query ran out of time: " + kg.ErrorMessage(err), Code: kg.ETIMEOUT}
	case status == http.StatusInternalServerError:
		return errorBody{Error: "internal error (see the server's log)", Code: kg.EINTERNAL}
	}
	return errorBody{Error: kg.ErrorMessage(err), Code: kg.ErrorCode(err)}
}

// writeError writes err as JSON with its status, and logs failures that are
// the server's.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	status := StatusOf(err)
	if status >= 500 && !errors.Is(err, context.Canceled) {
		log.Error("request failed", logMethod, r.Method, logPath, r.URL.Path, logStatus, status, logError, err)
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kg"`)
	}
	writeJSON(w, status, publicError(err))
}

// writeJSON writes v as JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	_ = enc.Encode(v) // the client went away; nothing more to tell it
}

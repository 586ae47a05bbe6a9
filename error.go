package kg

import (
	"errors"
	"fmt"
)

// Error codes for failures a user should see. cmd/kg maps them to exit codes
// and web maps them to HTTP statuses, each in one place.
const (
	EINVALID     = "invalid"     // bad input or usage
	ENOTFOUND    = "not_found"   // nothing matched
	ECONFLICT    = "conflict"    // the store is held by someone else
	ETIMEOUT     = "timeout"     // a time limit ran out
	EUNAVAILABLE = "unavailable" // a store or service cannot be reached
	EINTERNAL    = "internal"    // a bug or an unexpected failure
)

// Error is a failure with a code and a message meant for users.
type Error struct {
	Code    string // one of the E constants
	Message string // what went wrong, in words a user understands
}

// Error returns the message with its code.
func (e *Error) Error() string {
	return fmt.Sprintf("kg error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of the first *Error in err's
// chain, or the error text itself for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

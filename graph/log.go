package graph

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/cayleygraph/cayley/clog"
)

// Cayley logs through a global logger of its own (clog) that writes to
// stderr; kg's errors already carry what it would say. By default its output
// is dropped; SetCayleyLogger sends it to a slog.Logger instead.
func init() { clog.SetLogger(cayleyLog{}) }

// SetCayleyLogger routes Cayley's own log lines to l (nil drops them):
// infos at debug level, warnings and errors at theirs.
func SetCayleyLogger(l *slog.Logger) { clog.SetLogger(cayleyLog{l}) }

type cayleyLog struct{ l *slog.Logger }

func (c cayleyLog) log(level slog.Level, format string, args ...any) {
	if c.l != nil {
		c.l.Log(context.Background(), level, fmt.Sprintf(format, args...), "component", "cayley")
	}
}

// Infof logs Cayley's information at debug level.
func (c cayleyLog) Infof(format string, args ...any) { c.log(slog.LevelDebug, format, args...) }

// Warningf logs Cayley's warnings.
func (c cayleyLog) Warningf(format string, args ...any) { c.log(slog.LevelWarn, format, args...) }

// Errorf logs Cayley's errors.
func (c cayleyLog) Errorf(format string, args ...any) { c.log(slog.LevelError, format, args...) }

// Fatalf logs at error level; kg never lets Cayley end the process.
func (c cayleyLog) Fatalf(format string, args ...any) { c.log(slog.LevelError, format, args...) }

// V reports whether verbose Cayley logging is on, which it never is.
func (c cayleyLog) V(int) bool { return false }

// SetV ignores Cayley's verbosity setting.
func (c cayleyLog) SetV(int) {}

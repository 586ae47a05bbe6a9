package reader

import (
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the date formats NormalizeDate understands, most specific
// first.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02",
	"2006/01/02", "20060102", time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "Mon, 2 Jan 2006", "January 2 2006",
}

// isoPrefix finds a YYYY-MM-DD date at the start of a longer timestamp.
var isoPrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[T ]`)

// NormalizeDate returns s as YYYY-MM-DD when it is a date or timestamp in a
// common format, and s with its whitespace collapsed otherwise.
func NormalizeDate(s string) string {
	s = oneLine(s)
	if s == "" {
		return ""
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if m := isoPrefix.FindStringSubmatch(s); m != nil {
		if t, err := time.Parse("2006-01-02", m[1]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return strings.TrimSpace(s)
}

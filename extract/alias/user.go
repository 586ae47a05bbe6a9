package alias

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// LoadUserAliases reads a user alias file: one alias<TAB>canonical pair a
// line, blank lines and lines starting with "#" ignored. Keys are normalized
// (lowercase, single spaces) as Canonical looks them up. A line without a tab
// or with an empty side, or text that is not UTF-8, is an error that names
// the line.
func LoadUserAliases(r io.Reader) (map[string]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	out := map[string]string{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("load aliases: line %d: not UTF-8", n)
		}
		a, c, ok := strings.Cut(line, "\t")
		a, c = normalizeSpace(a), normalizeSpace(c)
		if !ok || a == "" || c == "" {
			return nil, fmt.Errorf("load aliases: line %d: want alias<TAB>canonical", n)
		}
		out[key(a)] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load aliases: %w", err)
	}
	return out, nil
}

// normalizeSpace trims s and collapses runs of white space to one space.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// key is the lookup form of a name: lowercase with single spaces.
func key(s string) string { return strings.ToLower(normalizeSpace(s)) }

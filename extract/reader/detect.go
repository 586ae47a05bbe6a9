package reader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// Format is the syntax of an input.
type Format string

// The formats Walk reads. Auto detects the format of each input.
const (
	Auto     Format = ""
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
	JSONL    Format = "jsonl"
)

// Formats lists the names ParseFormat accepts, for help texts.
const Formats = "text|markdown|html|jsonl"

// ParseFormat returns the Format named by s: a format name, a usual file
// extension (txt, md, htm) or "" and "auto" for detection. Any other name is
// an error with code kg.EINVALID.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "", "auto":
		return Auto, nil
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	case "jsonl", "ndjson":
		return JSONL, nil
	}
	return Auto, kg.Errorf(kg.EINVALID, "unknown input format %q (want %s)", s, Formats)
}

// byExtension returns the format a file name's extension names, or Auto.
func byExtension(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return Text
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".jsonl", ".ndjson":
		return JSONL
	}
	return Auto
}

// Sniff guesses the format of content that has no telling extension: JSON
// lines when the first line is a JSON object, HTML when it starts like a page
// or holds paragraph tags, Markdown when headings, fences or links show, and
// text otherwise.
func Sniff(b []byte) Format {
	head := bytes.TrimLeft(b[:min(len(b), 4096)], " \t\r\n\ufeff")
	if bytes.HasPrefix(head, []byte("{")) {
		line, _, _ := bytes.Cut(head, []byte("\n"))
		if json.Valid(bytes.TrimSpace(line)) {
			return JSONL
		}
	}
	lower := bytes.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div"} {
		if bytes.Contains(lower, []byte(tag)) {
			return HTML
		}
	}
	for _, line := range strings.Split(string(head), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "```") ||
			(strings.Contains(line, "](") && strings.Contains(line, "[")) {
			return Markdown
		}
	}
	return Text
}

// sniffLen is how much of a file the binary check looks at.
const sniffLen = 8192

// maxInvalidShare is the share of invalid UTF-8 bytes above which a file is
// rejected rather than repaired: 5%.
const maxInvalidShare = 0.05

// decode checks that b is text and returns it as valid UTF-8 without a byte
// order mark, with a note when it had to be repaired. It fails on binary
// content (NUL bytes or many control characters) and on content that is
// mostly not UTF-8.
func decode(b []byte) (string, string, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if isBinary(b) {
		return "", "", fmt.Errorf("binary file, not text")
	}
	if utf8.Valid(b) {
		return string(b), "", nil
	}
	bad := invalidBytes(b)
	if float64(bad) > maxInvalidShare*float64(len(b)) {
		return "", "", fmt.Errorf("rejected: %d of %d bytes are not valid UTF-8", bad, len(b))
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), fmt.Sprintf("repaired: replaced %d invalid UTF-8 bytes with U+FFFD", bad), nil
}

// isBinary reports whether the start of b holds a NUL byte or more than 10%
// control characters other than tab, newline, carriage return and form feed.
func isBinary(b []byte) bool {
	head := b[:min(len(b), sniffLen)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// invalidBytes counts the bytes of b that are not part of valid UTF-8.
func invalidBytes(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		b = b[size:]
	}
	return n
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

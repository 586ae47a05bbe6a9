package reader

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// row is one line of a JSONL corpus.
type row struct {
	ID     json.RawMessage `json:"id"` // a string or a number
	Title  string          `json:"title"`
	Date   string          `json:"date"`
	Source string          `json:"source"`
	Text   *string         `json:"text"`
}

// readJSONL reads JSON lines from r, one document per non-blank line, each
// line at most maxRow bytes. A bad row is reported as a failed Item named
// "name:line" and the others go on.
func readJSONL(ctx context.Context, r *bufio.Reader, name string, maxRow int64, fn func(Item) error) error {
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(r, maxRow)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			input := name + ":" + strconv.Itoa(n)
			item := Item{Input: input}
			switch doc, note, perr := parseJSONLine(line, tooLong, maxRow); {
			case perr != nil:
				item.Err, item.Note = inputError(input, perr), note
			default:
				item.Doc, item.Note = doc, note
			}
			if ferr := fn(item); ferr != nil {
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fn(failed(name, cannotRead(err)))
		}
	}
}

// readLine reads one line without its newline. A line longer than limit is
// read to its end and dropped, with tooLong set.
func readLine(r *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r")), tooLong, err
	}
}

// parseJSONLine reads one row into a document.
func parseJSONLine(line []byte, tooLong bool, maxRow int64) (kg.Document, string, error) {
	if tooLong {
		return kg.Document{}, "", fmt.Errorf("row over the size limit of %d bytes (see --max-bytes)", maxRow)
	}
	note := ""
	if !utf8.Valid(line) {
		// JSON decoding would replace the bad bytes silently; say so.
		note = fmt.Sprintf("repaired: replaced %d invalid UTF-8 bytes with U+FFFD", invalidBytes(line))
	}
	doc, err := parseRow(line)
	return doc, note, err
}

// parseRow decodes one JSONL row {"id","title","date","source","text"}. The
// document's source is the row's source, else its id; its title is the
// row's title, else the first line of its text.
func parseRow(line []byte) (kg.Document, error) {
	var r row
	if err := json.Unmarshal(line, &r); err != nil {
		return kg.Document{}, fmt.Errorf("invalid JSON: %w", jsonReason(err))
	}
	if r.Text == nil {
		return kg.Document{}, errors.New(`no "text" field`)
	}
	text := strings.TrimSpace(StripBoilerplate(normalizeNewlines(*r.Text)))
	if text == "" {
		return kg.Document{}, errors.New(`empty "text"`)
	}
	id, err := rowID(r.ID)
	if err != nil {
		return kg.Document{}, err
	}
	doc := kg.Document{ID: kg.DocumentID(text), Title: oneLine(r.Title), Date: NormalizeDate(r.Date), Source: oneLine(r.Source), Text: text}
	if doc.Source == "" {
		doc.Source = id
	}
	if doc.Title == "" {
		doc.Title = ParseText(text).Title
	}
	return doc, nil
}

// rowID returns a row's id, which may be a JSON string or number.
func rowID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return oneLine(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", errors.New(`"id" must be a string or a number`)
}

// jsonReason strips the Go type names from a JSON decoding error.
func jsonReason(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("field %q has the wrong type (%s)", te.Field, te.Value)
	}
	return err
}

// oneLine collapses the whitespace of a metadata value.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

package reader

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgnews/kg"
)

// DefaultMaxBytes is the default size limit of one input: 20 MB.
const DefaultMaxBytes = 20 << 20

// Stdin is the path that names standard input.
const Stdin = "-"

// Options configures Walk. The zero value detects formats and applies
// DefaultMaxBytes.
type Options struct {
	Format   Format    // the format of every input; Auto detects each one
	MaxBytes int64     // size limit of a file, or of one row of a JSONL file; 0 means DefaultMaxBytes
	Stdin    io.Reader // what the path "-" reads; nil means os.Stdin
}

// Item is one document read from an input, or the failure to read one.
type Item struct {
	Doc   kg.Document // the document, with ID, Source, Title, Date and Text; empty when Err is set
	Input string      // the input it came from: a path, "-" for standard input, "path:line" for a JSONL row
	Note  string      // a remark that did not stop the reading, such as a UTF-8 repair
	Err   error       // why the input gave no document; its message names the input
}

// Walk reads every path in order and calls fn once per document or failed
// input. A folder is walked recursively in lexical order, skipping hidden
// files and folders; "-" reads standard input. Failed inputs do not stop the
// walk: fn receives them with Err set. Walk returns only ctx's error or the
// first error fn returns.
func Walk(ctx context.Context, paths []string, opts Options, fn func(Item) error) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if p == Stdin {
			err = readStream(ctx, opts.Stdin, Stdin, "", opts, fn)
		} else {
			err = walkPath(ctx, p, opts, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// walkPath reads one file or every file under one folder.
func walkPath(ctx context.Context, root string, opts Options, fn func(Item) error) error {
	info, err := os.Stat(root)
	if err != nil {
		return fn(failed(root, cannotRead(err)))
	}
	if !info.IsDir() {
		return readFile(ctx, root, opts, fn)
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fn(failed(path, cannotRead(err)))
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return ctx.Err()
		}
		return readFile(ctx, path, opts, fn)
	})
}

// readFile reads one file as one document, or as many when it holds JSON lines.
func readFile(ctx context.Context, path string, opts Options, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(failed(path, cannotRead(err)))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fn(failed(path, cannotRead(err)))
	}
	if !info.Mode().IsRegular() {
		return fn(failed(path, errors.New("not a regular file")))
	}
	format := opts.Format
	if format == Auto {
		format = byExtension(path)
	}
	if format != JSONL && info.Size() > opts.MaxBytes {
		return fn(failed(path, fmt.Errorf("over the size limit: %d bytes > %d (see --max-bytes)", info.Size(), opts.MaxBytes)))
	}
	return readStream(ctx, f, path, filepath.Clean(path), Options{Format: format, MaxBytes: opts.MaxBytes}, fn)
}

// readStream reads one input named name. Source is what documents from it
// record as their source ("" for standard input, whose name says nothing).
func readStream(ctx context.Context, r io.Reader, name, source string, opts Options, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	format := opts.Format
	if format == Auto {
		head, err := br.Peek(sniffLen)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			return fn(failed(name, cannotRead(err)))
		}
		format = Sniff(head)
	}
	if format == JSONL {
		return readJSONL(ctx, br, name, opts.MaxBytes, fn)
	}
	b, err := io.ReadAll(io.LimitReader(br, opts.MaxBytes+1))
	if err != nil {
		return fn(failed(name, cannotRead(err)))
	}
	if int64(len(b)) > opts.MaxBytes {
		return fn(failed(name, fmt.Errorf("over the size limit of %d bytes (see --max-bytes)", opts.MaxBytes)))
	}
	if len(b) == 0 {
		return fn(failed(name, errors.New("empty file")))
	}
	doc, note, err := Parse(b, format)
	if err != nil {
		return fn(Item{Input: name, Note: note, Err: inputError(name, err)})
	}
	doc.Source = source
	return fn(Item{Doc: doc, Input: name, Note: note})
}

// Parse reads one document of the given format (Auto sniffs it) from b and
// returns it with its ID set, and a note when its text had to be repaired.
// JSONL content gives its first row. It fails when b is not text or holds
// no text.
func Parse(b []byte, format Format) (kg.Document, string, error) {
	if format == Auto {
		format = Sniff(b)
	}
	var (
		text, note string
		err        error
	)
	if format == HTML {
		text, note, err = decodeHTML(b)
	} else {
		text, note, err = decode(b)
	}
	if err != nil {
		return kg.Document{}, note, err
	}
	var doc kg.Document
	switch format {
	case Markdown:
		doc = ParseMarkdown(text)
	case HTML:
		doc = ParseHTML(text)
	case JSONL:
		doc, err = parseRow([]byte(text))
	default:
		doc = ParseText(text)
	}
	if err != nil {
		return kg.Document{}, note, err
	}
	if strings.TrimSpace(doc.Text) == "" {
		return kg.Document{}, note, errors.New("no text in it")
	}
	doc.ID = kg.DocumentID(doc.Text)
	return doc, note, nil
}

// ParseText reads plain text: the text itself, with newlines normalized and
// page furniture removed (StripBoilerplate), and its first line as the title
// when that line is short.
func ParseText(text string) kg.Document {
	text = strings.TrimSpace(StripBoilerplate(normalizeNewlines(text)))
	first, _, _ := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	doc := kg.Document{Text: text}
	if len(first) <= maxTitleBytes {
		doc.Title = first
	}
	return doc
}

// maxTitleBytes is the longest first line taken as a title.
const maxTitleBytes = 200

// failed returns the Item for an input that gave no document.
func failed(name string, err error) Item {
	return Item{Input: name, Err: inputError(name, err)}
}

// inputError names the input in err's message and gives it code kg.EINVALID.
func inputError(name string, err error) error {
	return &kg.Error{Code: kg.EINVALID, Message: name + ": " + err.Error()}
}

// cannotRead shortens an error from the file system to what a user needs.
func cannotRead(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot read: %w", err)
}

// Package modelfile loads the trained model files of the NLP stages from an
// fs.FS (data.Models in the binary), the one way every stage's Load does it.
package modelfile

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
)

// Load reads the file name from fsys whole and decodes it with read. Errors
// name what is loaded ("load tagger: ...").
func Load[T any](fsys fs.FS, name, what string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return zero, fmt.Errorf("load %s: %w", what, err)
	}
	v, err := read(bytes.NewReader(b))
	if err != nil {
		return zero, fmt.Errorf("load %s: %w", what, err)
	}
	return v, nil
}

package modelfile

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{"m.bin": {Data: []byte("weights")}}
	read := func(r io.Reader) (string, error) {
		b, err := io.ReadAll(r)
		return string(b), err
	}
	if got, err := Load(fsys, "m.bin", "model", read); err != nil || got != "weights" {
		t.Errorf("got %q, %v; want weights", got, err)
	}
	if _, err := Load(fsys, "missing.bin", "model", read); err == nil || !strings.HasPrefix(err.Error(), "load model:") {
		t.Errorf("missing file: got %v", err)
	}
	bad := func(io.Reader) (string, error) { return "", errors.New("corrupt") }
	if _, err := Load(fsys, "m.bin", "tagger", bad); err == nil || err.Error() != "load tagger: corrupt" {
		t.Errorf("bad file: got %v", err)
	}
}

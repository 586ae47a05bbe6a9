package parser

import (
	"sync"
	"testing"

	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/tagger"
)

var (
	taggerOnce sync.Once
	taggerM    *tagger.Model
	taggerErr  error
)

// evalTagger returns the committed tagger, whose predicted tags the accuracy
// floors are measured with.
func evalTagger(tb testing.TB) *tagger.Model {
	tb.Helper()
	taggerOnce.Do(func() { taggerM, taggerErr = tagger.Load(data.Models) })
	if taggerErr != nil {
		tb.Fatal(taggerErr)
	}
	return taggerM
}

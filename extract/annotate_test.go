package extract

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/kgnews/kg"
)

// TestAnnotateAllMatchesAnnotate checks that annotating a document stage by
// stage gives every sentence exactly what annotating it alone gives, and
// that empty sentences and a cancelled context are handled.
func TestAnnotateAllMatchesAnnotate(t *testing.T) {
	ms := mustPipeline(t).Models()
	text := readSeed(t)
	all := ms.Tokenizer.Sentences(text)
	all = append(all, kg.Sentence{}) // no tokens
	if err := ms.AnnotateAll(context.Background(), all); err != nil {
		t.Fatal(err)
	}
	one := ms.Tokenizer.Sentences(text)
	for i := range one {
		ms.Annotate(&one[i])
		if !reflect.DeepEqual(one[i].Tokens, all[i].Tokens) {
			t.Fatalf("sentence %d differs:\n%+v\n%+v", i, one[i].Tokens, all[i].Tokens)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ms.AnnotateAll(ctx, ms.Tokenizer.Sentences(text)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v", err)
	}
}

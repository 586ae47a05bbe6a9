package extract

import (
	"context"
	"fmt"
	"io/fs"
	"sync"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract/gazetteer"
	"github.com/kgnews/kg/extract/lemma"
	"github.com/kgnews/kg/extract/ner"
	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
	"github.com/kgnews/kg/extract/tokenize"
)

// Models holds the trained models and tables the pipeline runs. A Models is
// read-only once loaded and safe for concurrent use.
type Models struct {
	Tokenizer  *tokenize.Tokenizer  // sentences and words with offsets
	Tagger     *tagger.Model        // UPOS, XPOS and features
	Lemmatizer *lemma.Lemmatizer    // dictionary forms
	Parser     *parser.Model        // UD dependency trees
	NER        *ner.Model           // BIO entity tags
	Gazetteer  *gazetteer.Gazetteer // countries, organizations, titles
}

// LoadModels reads every model from models (the files `kg train` writes)
// and the gazetteer tables from gaz.
func LoadModels(models, gaz fs.FS) (*Models, error) {
	sm, err := tokenize.Load(models)
	if err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	m := &Models{Tokenizer: tokenize.New(sm)}
	if m.Tagger, err = tagger.Load(models); err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	if m.Lemmatizer, err = lemma.Load(models); err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	if m.Parser, err = parser.Load(models); err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	if m.NER, err = ner.Load(models); err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	if m.Gazetteer, err = gazetteer.Load(gaz); err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	return m, nil
}

// DefaultModels returns the models embedded in the binary, loaded once per
// process on first use.
var DefaultModels = sync.OnceValues(func() (*Models, error) {
	return LoadModels(data.Models, data.Gazetteer)
})

// Annotate fills in the tags, lemmas, dependency tree and entity tags of a
// sentence whose tokens have their Text.
func (m *Models) Annotate(s *kg.Sentence) {
	// The copy shares s's tokens, which are all annotation writes to.
	_ = m.AnnotateAll(context.Background(), []kg.Sentence{*s})
}

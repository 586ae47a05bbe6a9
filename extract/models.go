package extract

import (
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
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	words := make([]string, n)
	for i, t := range s.Tokens {
		words[i] = t.Text
	}
	tags := m.Tagger.Tag(words)
	upos, xpos := make([]string, n), make([]string, n)
	for i, t := range tags {
		upos[i], xpos[i] = t.UPOS, t.XPOS
	}
	heads, rels := m.Parser.Parse(words, upos, xpos)
	bio := m.NER.Tag(words, upos)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.UPOS, t.XPOS, t.Feats = upos[i], xpos[i], tags[i].Feats
		t.Lemma = m.Lemmatizer.Lemma(words[i], upos[i], xpos[i])
		t.Head, t.Rel, t.NER = heads[i], rels[i], bio[i]
	}
}

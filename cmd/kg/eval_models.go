package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/extract/lemma"
	"github.com/kgnews/kg/extract/ner"
	"github.com/kgnews/kg/extract/parser"
	"github.com/kgnews/kg/extract/tagger"
	"github.com/kgnews/kg/extract/tokenize"
)

// modelsFlag names a folder of models to use instead of the ones built into
// kg, so that a model fresh from kg train can be scored before it is
// committed.
var modelsFlag = &cli.StringFlag{Name: "models", Usage: "read the trained models from `DIR` instead of the ones built into kg"}

// modelSet reads trained models from one folder: data.Models, or the folder
// given with --models.
type modelSet struct {
	fsys    fs.FS  // where the model files are
	name    string // the folder, for messages
	builtin bool   // whether fsys is data.Models
}

// modelsOf returns the model set that the --models flag selects.
func modelsOf(c *cli.Context) (modelSet, error) {
	dir := c.String("models")
	if dir == "" {
		return modelSet{fsys: data.Models, name: "built-in models", builtin: true}, nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return modelSet{}, kg.Errorf(kg.ENOTFOUND, "no model folder %s", dir)
	}
	return modelSet{fsys: os.DirFS(dir), name: dir}, nil
}

// load wraps the error of a model that did not load with the folder it was
// looked for in; a missing file is kg.ENOTFOUND.
func (ms modelSet) load(what string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return kg.Errorf(kg.ENOTFOUND, "no %s model in %s", what, ms.name)
	}
	return fmt.Errorf("%s: %w", ms.name, err)
}

func (ms modelSet) tagger() (*tagger.Model, error) {
	m, err := tagger.Load(ms.fsys)
	if err != nil {
		return nil, ms.load("tagger", err)
	}
	return m, nil
}

func (ms modelSet) lemmatizer() (*lemma.Lemmatizer, error) {
	m, err := lemma.Load(ms.fsys)
	if err != nil {
		return nil, ms.load("lemmatizer", err)
	}
	return m, nil
}

func (ms modelSet) parser() (*parser.Model, error) {
	m, err := parser.Load(ms.fsys)
	if err != nil {
		return nil, ms.load("parser", err)
	}
	return m, nil
}

func (ms modelSet) ner() (*ner.Model, error) {
	m, err := ner.Load(ms.fsys)
	if err != nil {
		return nil, ms.load("ner", err)
	}
	return m, nil
}

func (ms modelSet) tokenizer() (*tokenize.Tokenizer, error) {
	m, err := tokenize.Load(ms.fsys)
	if err != nil {
		return nil, ms.load("sentence", err)
	}
	return tokenize.New(m), nil
}

// annotator tags, lemmatizes, parses and tags the names of sentences whose
// tokens are already set, with the pipeline's own code (extract.Models).
type annotator struct {
	m *extract.Models
}

// newAnnotator returns an annotator over the tagger, lemmatizer, parser and
// NER model of ms: the pipeline's models, loaded once per process, when ms
// is the built-in set.
func newAnnotator(ms modelSet) (*annotator, error) {
	if ms.builtin {
		m, err := extract.DefaultModels()
		if err != nil {
			return nil, fmt.Errorf("built-in models: %w", err)
		}
		return &annotator{m: m}, nil
	}
	m := &extract.Models{}
	var err error
	if m.Tagger, err = ms.tagger(); err != nil {
		return nil, err
	}
	if m.Lemmatizer, err = ms.lemmatizer(); err != nil {
		return nil, err
	}
	if m.Parser, err = ms.parser(); err != nil {
		return nil, err
	}
	if m.NER, err = ms.ner(); err != nil {
		return nil, err
	}
	return &annotator{m: m}, nil
}

// annotate fills the Lemma, UPOS, XPOS, Feats, Head, Rel and NER of every
// token of s as the pipeline does; the tokens' text and offsets stay as they
// are. It has the signature of carb.Annotator.
func (a *annotator) annotate(ctx context.Context, s *kg.Sentence) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.m.Annotate(s)
	return nil
}

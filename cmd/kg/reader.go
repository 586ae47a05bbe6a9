package main

import (
	"context"
	"fmt"
	"sync"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries"
)

// questionReader reads questions and evidence sentences with the pipeline,
// loading its models on the first question, so that commands and servers
// that never ask one do not pay for them.
type questionReader struct {
	once sync.Once
	pipe *extract.Pipeline
	err  error
}

var _ queries.QuestionReader = (*questionReader)(nil)

func (r *questionReader) load() (*extract.Pipeline, error) {
	r.once.Do(func() {
		r.pipe, r.err = extract.New(extract.Options{})
		if r.err != nil {
			r.err = fmt.Errorf("load pipeline: %w", r.err)
		}
	})
	return r.pipe, r.err
}

// ReadQuestion reads a question into a frame.
func (r *questionReader) ReadQuestion(ctx context.Context, text string) (kg.Frame, error) {
	p, err := r.load()
	if err != nil {
		return kg.Frame{}, err
	}
	return p.ReadQuestion(ctx, text)
}

// ParseSentence tags and parses one sentence.
func (r *questionReader) ParseSentence(ctx context.Context, text string) (kg.Sentence, error) {
	p, err := r.load()
	if err != nil {
		return kg.Sentence{}, err
	}
	return p.ParseSentence(ctx, text)
}

// askService returns the query service over s that reads questions with the
// pipeline.
func askService(s *graph.Store) *queries.Service {
	return queries.New(s).WithReader(&questionReader{})
}

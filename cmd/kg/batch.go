package main

import (
	"context"
	"runtime"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/extract/reader"
)

// batch reads inputs and extracts them on several goroutines, and hands the
// results back in input order on the caller's goroutine, so that what is
// written does not depend on the number of workers.
type batch struct {
	paths   []string
	read    reader.Options
	workers int
	pipe    *extract.Pipeline
}

// inputFailure is one input that gave no document.
type inputFailure struct {
	Input string `json:"input"` // the file, "-" or "file:line"
	Error string `json:"error"` // what was wrong with it
}

// outcome is one input as the batch finished it: a document extracted, or
// a failure.
type outcome struct {
	item reader.Item
	x    *kg.Extraction // nil when the input failed
	err  error          // why it failed: item.Err or the extraction's error
}

// readFlags are the flags of commands that read documents.
func readFlags(formatName string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: formatName, Value: "auto", Usage: "input format: auto, " + reader.Formats},
		&cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), DefaultText: "all cores", Usage: "extraction goroutines"},
		&cli.Int64Flag{Name: "max-bytes", Value: reader.DefaultMaxBytes, Usage: "size limit of one input file or JSONL row, in bytes"},
	}
}

// newBatch reads the flags of readFlags and the arguments into a batch.
func newBatch(c *cli.Context, e *env, formatName string) (*batch, error) {
	if c.NArg() == 0 {
		return nil, usageError(c, "no input given: name files, folders or - for standard input")
	}
	format, err := reader.ParseFormat(c.String(formatName))
	if err != nil {
		return nil, usageError(c, "%s", kg.ErrorMessage(err))
	}
	if c.Int("workers") < 1 {
		return nil, usageError(c, "--workers must be at least 1")
	}
	if c.Int64("max-bytes") < 1 {
		return nil, usageError(c, "--max-bytes must be at least 1")
	}
	pipe, err := extract.New(extract.Options{})
	if err != nil {
		return nil, err
	}
	return &batch{
		paths:   c.Args().Slice(),
		read:    reader.Options{Format: format, MaxBytes: c.Int64("max-bytes"), Stdin: e.stdin},
		workers: c.Int("workers"),
		pipe:    pipe,
	}, nil
}

// job is one input on its way through the workers, numbered in input order.
type job struct {
	seq int
	out outcome
}

// run reads and extracts every input and calls handle with each outcome in
// input order. It stops at the first error handle returns, or when ctx ends,
// and returns that error.
func (b *batch) run(ctx context.Context, handle func(outcome) error) error {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job)
	results := make(chan job, b.workers)
	inFlight := make(chan struct{}, 4*b.workers) // bounds the documents held at once
	walked := make(chan error, 1)
	go func() { walked <- b.walk(ctx, jobs, inFlight) }()
	var wg sync.WaitGroup
	for range b.workers {
		wg.Go(func() {
			for j := range jobs {
				if j.out.err == nil {
					j.out.x, j.out.err = b.pipe.Extract(ctx, j.out.item.Doc)
				}
				select {
				case results <- j:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()
	var failed error
	pending := map[int]outcome{}
	next := 0
	for j := range results {
		pending[j.seq] = j.out
		for o, ok := pending[next]; ok && failed == nil && ctx.Err() == nil; o, ok = pending[next] {
			delete(pending, next)
			next++
			<-inFlight
			if err := handle(o); err != nil {
				failed = err
				cancel()
			}
		}
	}
	werr := <-walked
	switch {
	case failed != nil:
		return failed
	case parent.Err() != nil:
		return parent.Err()
	}
	return werr
}

// walk reads the inputs and sends them to the workers in order.
func (b *batch) walk(ctx context.Context, jobs chan<- job, inFlight chan struct{}) error {
	defer close(jobs)
	seq := 0
	return reader.Walk(ctx, b.paths, b.read, func(it reader.Item) error {
		select {
		case inFlight <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case jobs <- job{seq: seq, out: outcome{item: it, err: it.Err}}:
			seq++
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

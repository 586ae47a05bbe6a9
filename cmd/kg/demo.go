package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/data"
	"github.com/kgnews/kg/extract"
	"github.com/kgnews/kg/extract/reader"
	"github.com/kgnews/kg/graph"
)

// demoQuestions are asked of the sample articles.
var demoQuestions = []string{
	"Who did Halvorsen meet?",
	"What did China veto?",
	"Who met De Vries?",
	"Who is Marta Kowalczyk?",
	"What do we know about Desrosiers?",
	"How is Halvorsen connected to Canada?",
}

func demoCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "demo",
		Usage:     "build a graph from the bundled sample articles and answer a few questions",
		ArgsUsage: " ",
		Description: `Extracts the sample articles bundled in kg (written for it; the events are
invented) into a temporary in-memory store, whatever --store says, and prints
the answers kg gives to a few questions, each with its evidence. Try kg ask
on your own store next.

Examples:
   kg demo
   kg demo --json`,
		Flags:  []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error { return runDemo(c, e) },
	}
}

// demoResult is what `kg demo --json` prints.
type demoResult struct {
	Ingest  graph.WriteStats `json:"ingest"`  // what the sample articles gave
	Results []*kg.Result     `json:"results"` // one per question that found something
	Missed  []demoMiss       `json:"missed"`  // questions that found nothing, with why
}

// demoMiss is a demo question without an answer.
type demoMiss struct {
	Question string `json:"question"`
	Reason   string `json:"reason"`
}

func runDemo(c *cli.Context, e *env) error {
	if c.NArg() > 0 {
		return usageError(c, "demo takes no arguments")
	}
	s, err := graph.Open(c.Context, "memory:", graph.Options{Base: c.String("base")})
	if err != nil {
		return fmt.Errorf("open demo store: %w", err)
	}
	defer s.Close()
	stats, err := ingestSamples(c.Context, s)
	if err != nil {
		return err
	}
	q := askService(s)
	out := demoResult{Ingest: stats, Results: []*kg.Result{}, Missed: []demoMiss{}}
	p := &printer{w: e.stdout}
	if !c.Bool("json") {
		p.line("kg demo: %d sample articles gave %d entities and %d facts (%d quads).",
			stats.Documents, stats.Entities, stats.Facts, stats.Quads)
	}
	for _, question := range demoQuestions {
		res, err := q.Ask(c.Context, question)
		if err == nil {
			err = nothingFound(res)
		}
		switch {
		case err != nil && kg.ErrorCode(err) == kg.EINTERNAL:
			return err
		case err != nil:
			out.Missed = append(out.Missed, demoMiss{Question: question, Reason: kg.ErrorMessage(err)})
		default:
			out.Results = append(out.Results, res)
		}
		if c.Bool("json") {
			continue
		}
		p.line("")
		p.line("Q: %s", question)
		if err != nil {
			p.line("%s", kg.ErrorMessage(err))
			continue
		}
		if p.err == nil {
			p.err = printResult(p.w, res)
		}
	}
	if c.Bool("json") {
		return printJSON(e.stdout, out)
	}
	return p.err
}

// ingestSamples extracts the bundled sample articles with the ingest
// pipeline (batch and Writer, as kg ingest does) into the store. Each
// sample gets its own source, its JSONL line, so that no sample replaces
// another.
func ingestSamples(ctx context.Context, s *graph.Store) (graph.WriteStats, error) {
	f, err := data.Samples.Open("articles.jsonl")
	if err != nil {
		return graph.WriteStats{}, fmt.Errorf("open sample articles: %w", err)
	}
	defer f.Close()
	pipe, err := extract.New(extract.Options{})
	if err != nil {
		return graph.WriteStats{}, fmt.Errorf("load pipeline: %w", err)
	}
	b := &batch{
		paths:   []string{reader.Stdin},
		read:    reader.Options{Format: reader.JSONL, MaxBytes: reader.DefaultMaxBytes, Stdin: f},
		workers: runtime.NumCPU(),
		pipe:    pipe,
	}
	w := newLinkedWriter(s)
	err = b.run(ctx, func(o outcome) error {
		if o.err != nil {
			return fmt.Errorf("sample article %s: %w", o.item.Input, o.err)
		}
		o.x.Document.Source = "kg demo samples/articles.jsonl" + o.item.Input[len(reader.Stdin):]
		return w.Write(ctx, o.x)
	})
	if err == nil {
		err = w.Flush(ctx)
	}
	if err != nil {
		return graph.WriteStats{}, fmt.Errorf("ingest sample articles: %w", err)
	}
	return w.Stats(), nil
}

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// flushTimeout bounds the last write after an interrupt.
const flushTimeout = 30 * time.Second

func ingestCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "read articles, extract entities and facts, and write them to the store",
		ArgsUsage: "PATH... | -",
		Description: `Reads files, folders (recursively, in name order, skipping hidden entries) and
standard input (-): .txt, .md, .html/.htm and .jsonl (one {"id","title","date",
"source","text"} object per line), detecting the format by extension or content.
The same content twice changes nothing; a changed file replaces what its old
version said. An input that cannot be read (binary, empty, too large, invalid
UTF-8, unreadable) is reported by name and skipped; the exit code is then 1.

Examples:
   kg ingest articles/
   kg ingest --store memory: --json story.html notes.md
   curl -s https://example.org/feed.jsonl | kg ingest --format jsonl -`,
		Flags:  append(readFlags("format"), jsonFlag),
		Action: func(c *cli.Context) error { return ingest(c, e) },
	}
}

// ingestSummary is what `kg ingest --json` prints.
type ingestSummary struct {
	graph.WriteStats
	Failed   int            `json:"failed"`   // inputs that gave no document
	Seconds  float64        `json:"seconds"`  // wall time
	Failures []inputFailure `json:"failures"` // each failed input with its reason
}

func ingest(c *cli.Context, e *env) error {
	b, err := newBatch(c, e, "format")
	if err != nil {
		return err
	}
	s, err := openStore(c, false)
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	w := newLinkedWriter(s)
	sum := ingestSummary{Failures: []inputFailure{}}
	prog := newProgress(e, "ingest")
	read := 0
	runErr := b.run(c.Context, func(o outcome) error {
		if o.err != nil {
			sum.Failures = append(sum.Failures, reportFailure(e, prog, o))
			return nil
		}
		reportNote(e, prog, o)
		if err := w.Write(c.Context, o.x); err != nil {
			return fmt.Errorf("write %s: %w", o.item.Input, err)
		}
		read++
		prog.update(read, len(sum.Failures))
		return nil
	})
	// Whole documents are buffered; land them even after an interrupt.
	fctx, cancel := context.WithTimeout(context.WithoutCancel(c.Context), flushTimeout)
	defer cancel()
	if err := w.Flush(fctx); err != nil && runErr == nil {
		runErr = fmt.Errorf("write: %w", err)
	}
	prog.done()
	sum.WriteStats, sum.Failed, sum.Seconds = w.Stats(), len(sum.Failures), time.Since(start).Seconds()
	if err := printIngestSummary(e, c.Bool("json"), sum); err != nil {
		return err
	}
	if runErr != nil {
		return runErr
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d input(s) failed", sum.Failed)
	}
	return nil
}

// printIngestSummary prints the summary line, or the summary as JSON.
func printIngestSummary(e *env, asJSON bool, sum ingestSummary) error {
	if asJSON {
		return printJSON(e.stdout, sum)
	}
	_, err := fmt.Fprintf(e.stdout, "ingested %d documents: %d sentences, %d entities, %d facts, %d quads in %.2fs (%d skipped, %d replaced, %d failed)\n",
		sum.Documents, sum.Sentences, sum.Entities, sum.Facts, sum.Quads, sum.Seconds, sum.Skipped, sum.Replaced, sum.Failed)
	return err
}

// reportFailure prints a failed input on stderr and returns it.
func reportFailure(e *env, p *progress, o outcome) inputFailure {
	msg := kg.ErrorMessage(o.err)
	if kg.ErrorCode(o.err) != kg.EINVALID { // reader errors name their input already
		msg = o.item.Input + ": " + msg
	}
	p.clear()
	fmt.Fprintf(e.stderr, "kg: %s\n", msg)
	return inputFailure{Input: o.item.Input, Error: msg}
}

// reportNote prints a remark about an input that was read all the same.
func reportNote(e *env, p *progress, o outcome) {
	if o.item.Note != "" {
		p.clear()
		fmt.Fprintf(e.stderr, "kg: %s: %s\n", o.item.Input, o.item.Note)
	}
}

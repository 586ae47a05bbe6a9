package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/extract/carb"
	"github.com/kgnews/kg/graph"
)

// extractFormats are the output formats of kg extract.
var extractFormats = []string{"json", "nquads", "tsv", "carb"}

func extractCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "run the extraction pipeline and print what it finds, without a store",
		ArgsUsage: "PATH... | -",
		Description: `Reads documents like kg ingest and prints, for each in input order:
   json     one JSON object per line: the document, its sentences, entities,
            mentions and facts with their evidence (--tokens adds each
            sentence's tokens with tags, lemmas, tree and entity tags)
   nquads   the quads kg ingest would write (under --base)
   tsv      one line per fact: doc, sentence, subject, predicate, object,
            confidence, negated, modality, evidence sentence
   carb     Open IE tuples for CaRB: the input is one pre-tokenized sentence
            a line (tokens separated by spaces), the output one line per
            extraction: sentence, confidence, relation, arg1, arg2 [, more],
            tab-separated, in the input's own tokens

Examples:
   kg extract story.txt
   kg extract --format tsv articles/ | sort -t$'\t' -k6 -gr | head
   echo "Anna Berg met Karl Stein in Lisbon." | kg extract --format nquads -`,
		Flags: append(readFlags("input-format"),
			&cli.StringFlag{Name: "format", Value: "json", Usage: "output format: " + strings.Join(extractFormats, ", ")},
			&cli.BoolFlag{Name: "json", Usage: "same as --format json"},
			&cli.BoolFlag{Name: "tokens", Usage: "with json: include each sentence's annotated tokens"}),
		Action: func(c *cli.Context) error { return extractDocs(c, e) },
	}
}

func extractDocs(c *cli.Context, e *env) error {
	format := c.String("format")
	if c.Bool("json") {
		format = "json"
	}
	var write func(*kg.Extraction) error
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	switch format {
	case "json":
		enc := newJSONEncoder(out)
		tokens := c.Bool("tokens")
		write = func(x *kg.Extraction) error {
			if !tokens {
				x = withoutTokens(x)
			}
			return enc.Encode(x)
		}
	case "nquads":
		write = func(x *kg.Extraction) error { return writeNQuads(c, out, x) }
	case "carb":
		return extractCaRBLines(c, e, out)
	case "tsv":
		fmt.Fprintln(out, "doc\tsentence\tsubject\tpredicate\tobject\tconfidence\tnegated\tmodality\tevidence")
		write = func(x *kg.Extraction) error { return writeTSV(out, x) }
	default:
		return usageError(c, "unknown output format %q: use one of %s", format, strings.Join(extractFormats, ", "))
	}
	b, err := newBatch(c, e, "input-format")
	if err != nil {
		return err
	}
	failed := 0
	err = b.run(c.Context, func(o outcome) error {
		if o.err != nil {
			out.Flush()
			reportFailure(e, nil, o)
			failed++
			return nil
		}
		reportNote(e, nil, o)
		return write(o.x)
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d input(s) failed", failed)
	}
	return nil
}

// writeNQuads writes the quads of one extraction as kg ingest would store
// them, through a memory store of its own.
func writeNQuads(c *cli.Context, w io.Writer, x *kg.Extraction) error {
	s, err := graph.Open(c.Context, "memory:", graph.Options{Base: c.String("base")})
	if err != nil {
		return err
	}
	defer s.Close()
	gw := s.NewWriter()
	if err := gw.Write(c.Context, x); err != nil {
		return err
	}
	if err := gw.Flush(c.Context); err != nil {
		return err
	}
	return s.Export(c.Context, w, "nquads")
}

// writeTSV writes one line per fact of an extraction.
func writeTSV(w io.Writer, x *kg.Extraction) error {
	labels := map[string]string{}
	for _, en := range x.Entities {
		labels[en.ID] = en.Label
	}
	for _, f := range x.Facts {
		_, err := fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s\t%t\t%s\t%s\n", x.Document.ID, f.Evidence.Sentence,
			tsvField(labels[f.Subject]), tsvField(f.Predicate), tsvField(labels[f.Object]),
			strconv.FormatFloat(f.Confidence, 'f', 2, 64), f.Negated, f.Modality, tsvField(f.Evidence.Text))
		if err != nil {
			return err
		}
	}
	return nil
}

// tsvField keeps a value on one line and out of other columns.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// extractCaRBLines runs kg extract --format carb: the relation extractor over
// pre-tokenized sentences, one a line, from each file named or stdin.
func extractCaRBLines(c *cli.Context, e *env, out io.Writer) error {
	if c.NArg() == 0 {
		return usageError(c, "name the sentence files to read, or - for standard input")
	}
	ms, err := modelsOf(c)
	if err != nil {
		return err
	}
	a, err := newAnnotator(ms)
	if err != nil {
		return err
	}
	for _, path := range c.Args().Slice() {
		in := e.stdin
		if path != "-" {
			f, err := openInput(path)
			if err != nil {
				return err
			}
			defer f.Close()
			in = f
		}
		if _, err := carb.Extract(c.Context, in, out, a.annotate); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}

// withoutTokens returns a copy of x whose sentences carry no tokens.
func withoutTokens(x *kg.Extraction) *kg.Extraction {
	y := *x
	y.Sentences = make([]kg.Sentence, len(x.Sentences))
	for i, s := range x.Sentences {
		s.Tokens = nil
		y.Sentences[i] = s
	}
	return &y
}

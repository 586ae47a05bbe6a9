package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// importByExtension maps input file extensions to import formats.
var importByExtension = map[string]string{
	".nq": "nquads", ".nquads": "nquads", ".nt": "ntriples", ".ntriples": "ntriples",
	".jsonld": "jsonld", ".json": "jsonld",
}

func importCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "load N-Quads, N-Triples or JSON-LD into the store",
		ArgsUsage: "FILE | -",
		Description: `Adds the statements of a file to the store, duplicates ignored. Without
--format the format follows the extension (.nq, .nt, .jsonld, .json), else
N-Quads. A syntax error stops the import with exit code 2, naming the statement.

Examples:
   kg import graph.nq
   kg export | kg --store bolt:copy.db import -`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Usage: "input format: " + strings.Join(graph.ImportFormats, ", ")},
			jsonFlag,
		},
		Action: func(c *cli.Context) error { return importGraph(c, e) },
	}
}

func importGraph(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usageError(c, "give one file to import, or - for standard input")
	}
	path := c.Args().First()
	format := formatFor(c.String("format"), path, importByExtension)
	if !slices.Contains(graph.ImportFormats, format) {
		return usageError(c, "unknown import format %q: use one of %s", format, strings.Join(graph.ImportFormats, ", "))
	}
	var r io.Reader = e.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			if os.IsNotExist(err) {
				return kg.Errorf(kg.ENOTFOUND, "no file %s", path)
			}
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		r = f
	}
	s, err := openStore(c, false)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Import(c.Context, r, format)
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	if c.Bool("json") {
		return printJSON(e.stdout, map[string]any{"input": path, "format": format, "statements": n})
	}
	_, err = fmt.Fprintf(e.stdout, "imported %d statements from %s\n", n, path)
	return err
}

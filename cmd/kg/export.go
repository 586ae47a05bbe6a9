package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
)

// exportByExtension maps output file extensions to export formats.
var exportByExtension = map[string]string{
	".nq": "nquads", ".nquads": "nquads", ".nt": "ntriples", ".ntriples": "ntriples", ".ttl": "turtle",
	".jsonld": "jsonld", ".json": "jsonld", ".graphml": "graphml", ".csv": "csv",
}

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the whole graph as RDF, GraphML or CSV",
		ArgsUsage: " ",
		Description: `Streams the graph out of the store, so it works on graphs larger than memory.
Without --format the format follows the extension of -o (.nq, .nt, .ttl,
.jsonld, .graphml, .csv), else N-Quads. A file is written whole or not at all.

Examples:
   kg export -o graph.ttl
   kg export --format graphml -o graph.graphml   # open in Gephi
   kg export --format ntriples | rapper -i ntriples -c - https://kg.example/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Usage: "output format: " + strings.Join(graph.ExportFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
		},
		Action: func(c *cli.Context) error { return exportGraph(c, e) },
	}
}

func exportGraph(c *cli.Context, e *env) error {
	if c.NArg() > 0 {
		return usageError(c, "unexpected argument %q: use -o FILE", c.Args().First())
	}
	out := c.String("output")
	format := formatFor(c.String("format"), out, exportByExtension)
	if !slices.Contains(graph.ExportFormats, format) {
		return usageError(c, "unknown export format %q: use one of %s", format, strings.Join(graph.ExportFormats, ", "))
	}
	s, err := openStore(c, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if out == "" || out == "-" {
		return s.Export(c.Context, e.stdout, format)
	}
	return writeFileAtomic(out, func(w io.Writer) error { return s.Export(c.Context, w, format) })
}

// writeFileAtomic writes a file through a temporary file beside it, renamed
// into place only when write succeeds.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// formatFor returns the format the --format flag names, or else the one the
// file's extension implies (byExt), or else N-Quads.
func formatFor(flag, path string, byExt map[string]string) string {
	if flag != "" {
		return flag
	}
	if f, ok := byExt[strings.ToLower(filepath.Ext(path))]; ok {
		return f
	}
	return "nquads"
}

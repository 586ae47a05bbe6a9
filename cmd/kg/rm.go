package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

func rmCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "rm",
		Usage:     "remove documents and every fact that only they support",
		ArgsUsage: "DOC...",
		Description: `Removes each document, given by its ID (the 16 hex digits kg extract and
kg query show) or its IRI, with its sentences, its facts and the entity
quads no other document supports. Exits with code 3 when a document is not
in the store; the others are removed all the same.

Examples:
   kg rm 3f2a9c0b7d1e4f56
   kg query --short 'g.V().Has("<rdf:type>", "<kg:Document>").All()'`,
		Flags:  []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error { return removeDocs(c, e) },
	}
}

func removeDocs(c *cli.Context, e *env) error {
	if c.NArg() == 0 {
		return usageError(c, "name the documents to remove")
	}
	s, err := openStore(c, false)
	if err != nil {
		return err
	}
	defer s.Close()
	var total graph.WriteStats
	var errs []error
	for _, doc := range c.Args().Slice() {
		st, err := s.RemoveDocument(c.Context, doc)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		total.Add(st)
	}
	if c.Bool("json") {
		if err := printJSON(e.stdout, total); err != nil {
			return err
		}
	} else if total.Documents > 0 {
		fmt.Fprintf(e.stdout, "removed %d documents: %d sentences, %d facts, %d quads\n",
			total.Documents, total.Sentences, total.Facts, total.Quads)
	}
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "kg: %s\n", message(err))
	}
	return &kg.Error{Code: kg.ErrorCode(errs[0]), Message: fmt.Sprintf("%d documents not removed", len(errs))}
}

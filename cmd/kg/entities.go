package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries"
)

func entitiesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "entities",
		Usage:     "list the entities in the store, most mentioned first",
		ArgsUsage: " ",
		Description: `Lists entities with their label, type, mention count, IRI and aliases.
Exits with code 3 when none matches.

Examples:
   kg entities --limit 20
   kg entities --type Person --prefix vlad
   kg entities --json --prefix moscow`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "prefix", Usage: "only entities whose label or an alias starts with this (any case)"},
			&cli.StringFlag{Name: "type", Usage: "only entities of this type: Person, Organization, Place, Event, Concept"},
			&cli.IntFlag{Name: "limit", Value: 50, Usage: "at most this many (0 for all)"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error { return listEntities(c, e) },
	}
}

func listEntities(c *cli.Context, e *env) error {
	if c.NArg() > 0 {
		return usageError(c, "unexpected argument %q: use --prefix to filter", c.Args().First())
	}
	if c.Int("limit") < 0 {
		return usageError(c, "--limit must not be negative")
	}
	s, err := openStore(c, true)
	if err != nil {
		return err
	}
	defer s.Close()
	list, err := queries.New(s).Entities(c.Context, queries.EntityFilter{
		Prefix: c.String("prefix"), Type: kg.EntityType(c.String("type")), Limit: c.Int("limit"),
	})
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return kg.Errorf(kg.ENOTFOUND, "no entity matches")
	}
	if c.Bool("json") {
		return printJSON(e.stdout, list)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LABEL\tTYPE\tMENTIONS\tID\tALIASES")
	for _, en := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", en.Label, en.Type, en.Mentions,
			graph.Shorten(s.Base(), en.ID), strings.Join(en.Aliases, "; "))
	}
	return tw.Flush()
}

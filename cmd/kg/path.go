package main

import (
	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/queries"
)

func pathCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "path",
		Usage:     "find the shortest connections between two entities through facts",
		ArgsUsage: "FROM TO",
		Description: `Searches from both ends at once through the facts between entities (never
through documents or sentences) and prints the shortest paths, each hop with
the sentence that says so. FROM and TO are names or aliases (any case) or
entity IRIs. Exits with code 3 when there is no path within --max-hops.

Examples:
   kg path Tillerson Assad
   kg path --max-hops 3 --limit 5 --json "the US" Russia`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "max-hops", Value: queries.DefaultMaxHops, Usage: "longest path to look for"},
			&cli.IntFlag{Name: "limit", Value: queries.DefaultMaxPaths, Usage: "at most this many paths"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error { return findPath(c, e) },
	}
}

// pathResult is what `kg path --json` prints.
type pathResult struct {
	From  kg.Entity `json:"from"`
	To    kg.Entity `json:"to"`
	Paths []kg.Path `json:"paths"`
}

func findPath(c *cli.Context, e *env) error {
	if c.NArg() != 2 {
		return usageError(c, "give two entities, FROM and TO (quote names with spaces)")
	}
	if h := c.Int("max-hops"); h < 1 || h > queries.MaxHops {
		return usageError(c, "--max-hops must be between 1 and %d", queries.MaxHops)
	}
	if l := c.Int("limit"); l < 1 || l > queries.MaxPaths {
		return usageError(c, "--limit must be between 1 and %d", queries.MaxPaths)
	}
	s, err := openStore(c, true)
	if err != nil {
		return err
	}
	defer s.Close()
	q := queries.New(s)
	from, err := q.Resolve(c.Context, c.Args().Get(0))
	if err != nil {
		return err
	}
	to, err := q.Resolve(c.Context, c.Args().Get(1))
	if err != nil {
		return err
	}
	paths, err := q.Path(c.Context, from.ID, to.ID, c.Int("max-hops"), c.Int("limit"))
	if err != nil {
		return err
	}
	res := pathResult{From: brief(from), To: brief(to), Paths: paths}
	if c.Bool("json") {
		err = printJSON(e.stdout, res)
	} else {
		p := &printer{w: e.stdout}
		p.line("paths from %s to %s", from.Label, to.Label)
		if len(paths) == 0 {
			p.line("No path within %d hops.", c.Int("max-hops"))
		}
		for i, path := range paths {
			p.path(i, path)
		}
		err = p.err
	}
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return kg.Errorf(kg.ENOTFOUND, "no path from %s to %s within %d hops", from.Label, to.Label, c.Int("max-hops"))
	}
	return nil
}

// brief returns an entity as kg prints it everywhere: id, label, type and
// aliases.
func brief(e kg.Entity) kg.Entity {
	return kg.Entity{ID: e.ID, Label: e.Label, Type: e.Type, Aliases: e.Aliases}
}

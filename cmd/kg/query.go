package main

import (
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/queries"
)

func queryCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a Gizmo (or GraphQL, MQL) query over the store and print JSON results",
		ArgsUsage: "'QUERY' | -",
		Description: `Runs a Cayley query. Short IRIs of kg's prefixes (<kg:...> under --base,
<schema:...>, <rdfs:...>, <skos:...>, <prov:...>, <dcterms:...>) are expanded
before the query runs; --short writes results with them. Prints one JSON value
per line, or one JSON array with --json. A query that runs past --timeout
fails with exit code 1.

Examples:
   kg query 'g.V("<kg:entity/rex_tillerson>").Out("<kg:rel/meet>").All()'
   kg query --short 'g.V().Has("<rdf:type>", "<schema:Person>").Out("<rdfs:label>").All()'
   kg query --lang graphql '{ nodes(id: "<kg:entity/moscow>") { id } }'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Value: queries.DefaultLang, Usage: "query language: " + strings.Join(queries.Languages, ", ")},
			&cli.IntFlag{Name: "limit", Value: queries.DefaultLimit, Usage: "at most this many results"},
			&cli.DurationFlag{Name: "timeout", Value: queries.DefaultTimeout, Usage: "stop the query after this long"},
			&cli.BoolFlag{Name: "short", Usage: "write IRIs of known prefixes short, as <kg:entity/x>"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error { return runQuery(c, e) },
	}
}

func runQuery(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usageError(c, "give exactly one query (quote it), or - to read it from standard input")
	}
	text := c.Args().First()
	if text == "-" {
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return err
		}
		text = string(b)
	}
	if strings.TrimSpace(text) == "" {
		return usageError(c, "the query is empty")
	}
	if c.Int("limit") < 1 || c.Duration("timeout") <= 0 {
		return usageError(c, "--limit and --timeout must be positive")
	}
	s, err := openStore(c, true)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := queries.New(s).Query(c.Context, c.String("lang"), text, queries.QueryOptions{
		Limit: c.Int("limit"), Timeout: c.Duration("timeout"), Short: c.Bool("short"),
	})
	if err != nil {
		return err
	}
	if c.Bool("json") {
		return printJSON(e.stdout, res)
	}
	enc := newJSONEncoder(e.stdout)
	for _, r := range res {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// Command kg builds a knowledge graph from news articles and questions it.
//
// It wires kg's packages behind a urfave/cli/v2 command line: one file per
// command (ingest, extract, ask, path, entities, query, export, import, rm,
// serve, demo, eval, train), each a constructor listed in app.go's commands, so that
// a new command is one file and one line. main only sets up signals and
// calls run, which tests drive with buffers; run maps errors to exit codes in
// one switch (0 ok, 1 failure, 2 usage error, 3 not found).
//
// See README.md at the repository root, or run kg --help.
package main

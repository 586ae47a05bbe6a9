package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// commands builds kg's subcommands, one file each. Adding a command is one
// file and one line here.
var commands = []func(*env) *cli.Command{
	ingestCommand,
	extractCommand,
	queryCommand,
	entitiesCommand,
	exportCommand,
	importCommand,
	rmCommand,
	askCommand,
	pathCommand,
	demoCommand,
	evalCommand,
	trainCommand,
	serveCommand,
}

// env is what a command may touch of the process: its streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	terminal       bool // stderr is a terminal, so progress may be drawn on it
}

// Exit codes.
const (
	exitOK       = 0
	exitFailure  = 1
	exitUsage    = 2
	exitNotFound = 3
)

// run runs kg with the given arguments and streams and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, terminal: isTerminal(stderr)}
	app := newApp(e)
	err := app.RunContext(ctx, interspersed(app, args))
	if err != nil {
		fmt.Fprintf(stderr, "kg: %s\n", message(err))
	}
	return exitCode(err)
}

// exitCode maps an error to kg's exit code: the one place that does.
func exitCode(err error) int {
	switch kg.ErrorCode(err) {
	case "":
		return exitOK
	case kg.EINVALID:
		return exitUsage
	case kg.ENOTFOUND:
		return exitNotFound
	default:
		return exitFailure
	}
}

// message returns err for users: the context it was wrapped in, with kg
// errors written as their message rather than their code.
func message(err error) string {
	if errors.Is(err, context.Canceled) {
		return "interrupted"
	}
	var e *kg.Error
	if errors.As(err, &e) {
		return strings.Replace(err.Error(), e.Error(), e.Message, 1)
	}
	return err.Error()
}

// usageError returns an error with code kg.EINVALID that points at the
// command's help.
func usageError(c *cli.Context, format string, args ...any) error {
	return kg.Errorf(kg.EINVALID, "%s (see %s --help)", fmt.Sprintf(format, args...), c.Command.HelpName)
}

// newApp builds the command line application.
func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:  "kg",
		Usage: "build a knowledge graph from news articles and question it",
		Description: "kg reads articles (text, Markdown, HTML, JSON lines), extracts the entities they\n" +
			"name and the facts between them with the sentence that says so, and keeps them\n" +
			"in a Cayley graph store (a bolt file by default) to query and export.\n\n" +
			"Exit codes: 0 ok, 1 failure, 2 usage error, 3 not found.",
		Reader:          e.stdin,
		Writer:          e.stdout,
		ErrWriter:       e.stderr,
		HideVersion:     true,
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {}, // run maps errors to exit codes itself
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "store", Value: graph.DefaultStore, EnvVars: []string{"KG_STORE"},
				Usage: "graph store `URL`: bolt:PATH, leveldb:PATH, memory: or postgres://user:pass@host:port/db?sslmode=disable"},
			&cli.StringFlag{Name: "base", Value: graph.DefaultBase, EnvVars: []string{"KG_BASE"},
				Usage: "namespace `IRI` of the graph's entities, facts and documents"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.Args().First() == "help" {
				return cli.ShowAppHelp(c)
			}
			if c.Args().Present() {
				return usageError(c, "unknown command %q", c.Args().First())
			}
			_ = cli.ShowAppHelp(c)
			return usageError(c, "no command given")
		},
	}
	for _, build := range commands {
		cmd := build(e)
		cmd.OnUsageError = onUsageError
		app.Commands = append(app.Commands, cmd)
	}
	return app
}

// onUsageError turns urfave/cli's flag errors into usage errors.
func onUsageError(c *cli.Context, err error, _ bool) error {
	return usageError(c, "%v", err)
}

// jsonFlag is the --json flag of every command that prints data.
var jsonFlag = &cli.BoolFlag{Name: "json", Usage: "print JSON instead of text"}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// openStore opens the store named by the global flags; readMostly for
// commands that only read (graph.Options.ReadMostly: no slow open on big
// bolt files).
func openStore(c *cli.Context, readMostly bool) (*graph.Store, error) {
	s, err := graph.Open(c.Context, c.String("store"), graph.Options{Base: c.String("base"), ReadMostly: readMostly})
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", redact(c.String("store")), err)
	}
	return s, nil
}

// redact hides the password of a store URL such as postgres://kg:secret@host/db.
func redact(storeURL string) string {
	u, err := url.Parse(storeURL)
	if err != nil || u.User == nil {
		return storeURL
	}
	return u.Redacted()
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := newJSONEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// newJSONEncoder returns an encoder that leaves <, > and & as they are.
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

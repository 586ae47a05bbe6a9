package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed moves a command's flags in front of its arguments, and global
// flags given after the command in front of the command, so that
// `kg query 'g.V().All()' --limit 5 --store memory:` works as well as the
// order urfave/cli/v2 parses. Everything after "--" stays an argument.
func interspersed(app *cli.App, args []string) []string {
	i := 1
	for i < len(args) && isFlag(args[i]) {
		if takesValue(app.Flags, args[i]) {
			i++
		}
		i++
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	var global, flags, rest []string
	tail := args[i+1:]
	for j := 0; j < len(tail); j++ {
		a := tail[j]
		switch {
		case a == "--":
			rest = append(rest, tail[j:]...)
			j = len(tail)
		case isFlag(a):
			to, set := &flags, cmd.Flags
			if !defines(cmd.Flags, a) && defines(app.Flags, a) {
				to, set = &global, app.Flags
			}
			*to = append(*to, a)
			if takesValue(set, a) && j+1 < len(tail) {
				j++
				*to = append(*to, tail[j])
			}
		default:
			rest = append(rest, a)
		}
	}
	out := append([]string{}, args[:i]...)
	out = append(out, global...)
	out = append(out, args[i])
	out = append(out, flags...)
	if len(rest) > 0 && rest[0] != "--" && hasDashArg(rest) {
		out = append(out, "--") // keep arguments such as "-x" from reading as flags
	}
	return append(out, rest...)
}

// isFlag reports whether an argument is a flag ("-" alone is standard input).
func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

// hasDashArg reports whether an argument after the first starts with a dash.
func hasDashArg(args []string) bool {
	for _, a := range args {
		if isFlag(a) {
			return true
		}
	}
	return false
}

// flagName returns the name in a flag argument: "o" of "-o", "store" of
// "--store=x".
func flagName(a string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return name
}

// defines reports whether flags holds the flag named in argument a.
func defines(flags []cli.Flag, a string) bool {
	return findFlag(flags, a) != nil
}

// findFlag returns the flag named in argument a, or nil.
func findFlag(flags []cli.Flag, a string) cli.Flag {
	name := flagName(a)
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}

// takesValue reports whether the flag argument a names a flag that takes a
// separate value (not a bool flag, not written as --name=value).
func takesValue(flags []cli.Flag, a string) bool {
	if strings.Contains(a, "=") {
		return false
	}
	f := findFlag(flags, a)
	_, isBool := f.(*cli.BoolFlag)
	return f != nil && !isBool
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// newFlags returns a flag set for a verb whose usage line is
// "tradepact NAME ARGS". Usage goes to standard error, or to standard
// output when the user asked for it with -h.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: tradepact %s %s\n", name, args)
		if c, ok := commands[name]; ok {
			fmt.Fprintf(fs.Output(), "\n%s.\n\nflags:\n", upperFirst(c.summary))
		}
		fs.PrintDefaults()
	}
	return fs
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments, and returns the positional ones. When the user
// asks for help (-h, -help, --help) the usage goes to standard output and
// the error is flag.ErrHelp, which callers answer with exit status 0.
func parseInterspersed(e *env, fs *flag.FlagSet, args []string) ([]string, error) {
	if wantsHelp(args) {
		fs.SetOutput(e.stdout)
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// wantsHelp reports whether args ask for help before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// parseFlags parses args, flags before or after the positional arguments,
// and checks the number of positional arguments, which it leaves in
// fs.Args(). It returns -1 to go on, or the exit status to stop with:
// exitOK after printing the help the user asked for, exitUsage after
// printing the problem.
func parseFlags(e *env, fs *flag.FlagSet, args []string, nargs int) int {
	pos, err := parseInterspersed(e, fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if len(pos) != nargs {
		e.errorf("%s", e.tr("want args", fs.Name(), nargs, len(pos)))
		fs.Usage()
		return exitUsage
	}
	fs.Parse(append([]string{"--"}, pos...)) // leave the positional arguments in fs.Args
	return -1
}

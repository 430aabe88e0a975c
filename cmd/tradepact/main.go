// Command tradepact validates trade terms, renders them into contracts, and
// lets the seller and the buyer propose, amend, confirm and verify them.
//
// Usage:
//
//	tradepact <command> [flags] [args]
//
// Run "tradepact help" for the list of commands.
package main

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/term"

	"github.com/tradepact/tradepact/internal/safetext"
	"github.com/tradepact/tradepact/render"
)

// Exit codes shared by every command.
const (
	exitOK      = 0
	exitFailure = 1 // invalid input, a failed check, an I/O error
	exitUsage   = 2 // bad flags or arguments
)

// env is what a command may touch: its standard streams. Commands never use
// os.Stdout and friends directly, so tests can run them in-process.
//
// run makes stdout and stderr safe for a terminal (see [safetext]): every
// control character, bidirectional control and invisible character that
// a command writes is shown visibly (\x1b, <U+202E>), so a key name or a
// recorded text cannot move the cursor, erase a line or reorder what it
// shows. Commands that must write bytes as they are (a PDF) use rawStdout.
type env struct {
	stdin     io.Reader
	stdout    io.Writer
	stderr    io.Writer
	rawStdout io.Writer // standard output as given, for binary output
	// terminal reports whether w is a terminal; nil means isTerminal.
	terminal func(w io.Writer) bool
	// lang is the language of the contract at hand, once a command knows
	// it: verification errors are explained in it.
	lang      string
	langFixed bool // lang was given with --lang: setLang leaves it
}

// setLang sets the language of the contract at hand, unless the user chose
// one with --lang.
func (e *env) setLang(l string) {
	if !e.langFixed {
		e.lang = l
	}
}

// isTerminal reports whether w is a file that is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// stdoutIsTerminal reports whether standard output is a terminal.
func (e *env) stdoutIsTerminal() bool {
	if e.terminal != nil {
		return e.terminal(e.rawStdout)
	}
	return isTerminal(e.rawStdout)
}

// errorf prints "tradepact: error: ..." to stderr, on one line.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "tradepact: error: %s\n", oneLine(fmt.Sprintf(format, args...)))
}

// hintf prints "tradepact: hint: ..." to stderr, on one line.
func (e *env) hintf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "tradepact: hint: %s\n", oneLine(fmt.Sprintf(format, args...)))
}

// warnf prints "tradepact: warning: ..." to stderr, on one line.
func (e *env) warnf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "tradepact: warning: %s\n", oneLine(fmt.Sprintf(format, args...)))
}

// oneLine makes a message safe to print as one line: a private key is
// never printed, and every control, bidirectional or invisible character
// (a line break too) is shown visibly, so that text from a file cannot
// fake another line of output.
func oneLine(s string) string { return safetext.Line(redactKeys(s)) }

// privateKeyText matches a private key as its file holds it.
var privateKeyText = regexp.MustCompile(`(tradepact-private-key\s+v\d+\s+[a-z0-9]+:)\s*[A-Za-z0-9+/=_-]+`)

// redactKeys replaces the key material of any private key in s: however a
// key file reaches a message (a key given where terms or a contract file
// belong, a key pasted into terms), its secret is not printed.
func redactKeys(s string) string {
	return privateKeyText.ReplaceAllString(s, "${1}[private key not shown]")
}

// command is one verb of the CLI. Each lives in its own file and adds itself
// to commands in an init function.
type command struct {
	name    string
	summary string // one line for "tradepact help"
	run     func(e *env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("tradepact: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

func main() { os.Exit(Main()) }

// Main runs the CLI with the process's arguments and streams and returns the
// exit code. It is what testscript calls.
func Main() int {
	return run(os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, lang: langFromEnv(os.Getenv)})
}

// langFromEnv returns the user's language from the locale environment
// (LC_ALL, LC_MESSAGES, LANG, the first set): zh_TW, zh_HK and zh_MO are
// zh-Hant, other Chinese zh-Hans, anything else en. Messages speak it
// until a file's locale or --lang says otherwise.
func langFromEnv(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		v = strings.ToLower(strings.ReplaceAll(v, "-", "_"))
		switch {
		case !strings.HasPrefix(v, "zh"):
			return "en"
		case strings.Contains(v, "hant") || strings.HasPrefix(v, "zh_tw") || strings.HasPrefix(v, "zh_hk") || strings.HasPrefix(v, "zh_mo"):
			return "zh-Hant"
		}
		return "zh-Hans"
	}
	return "en"
}

func run(args []string, e *env) int {
	if e.rawStdout == nil {
		e.rawStdout = e.stdout
		out, errs := safetext.NewWriter(e.stdout), safetext.NewWriter(e.stderr)
		e.stdout, e.stderr = out, errs
		defer errs.Flush()
		defer out.Flush()
	}
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	switch args[0] {
	case "version", "-version", "--version":
		// The version is render.Version, a constant: the one every PDF
		// this build writes records as its creator.
		fmt.Fprintf(e.stdout, "tradepact %s\n", render.Version)
		return exitOK
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[0] == "help" {
			// tradepact help CMD is tradepact CMD -h.
			if c, ok := commands[args[1]]; ok {
				return c.run(e, []string{"-h"})
			}
			e.errorf("%s", e.tr("unknown command", args[1]))
			e.hintf("%s", e.tr("hint help"))
			return exitUsage
		}
		usage(e.stdout)
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		e.errorf("%s", e.tr("unknown command", args[0]))
		e.hintf("%s", e.tr("hint help"))
		return exitUsage
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: tradepact <command> [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run \"tradepact help <command>\" or \"tradepact <command> -h\" for a command's flags,")
	fmt.Fprintln(w, "and \"tradepact --version\" for the version.")
}

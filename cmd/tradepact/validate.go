package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/internal/safetext"
)

func init() {
	register(&command{
		name:    "validate",
		summary: "check terms files and list every error and warning",
		run:     runValidate,
	})
}

// finding is one finding of "validate": the library's JSON form, which
// "validate --json" prints as an array (doc/format.md, "Findings as JSON").
type finding = agreement.Finding

func validLocale(s string) bool {
	return slices.Contains(agreement.Locales, agreement.Locale(s))
}

func runValidate(e *env, args []string) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	lang := fs.String("lang", "", "language of the messages: en, zh-Hans or zh-Hant (default: each file's own locale)")
	asJSON := fs.Bool("json", false, "print the findings as a JSON array, for scripts")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: tradepact validate [--lang en|zh-Hans|zh-Hant] [--json] FILE... (- for standard input)")
		fmt.Fprintln(fs.Output(), "\nChecks terms files and prints one line per finding:\n  FILE:LINE:COL: PATH: error|warning: message\nExit status 0 when no file has errors, 1 when any has or cannot be read.\n\nflags:")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(e, fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if validLocale(*lang) {
		e.lang, e.langFixed = *lang, true // usage errors too speak --lang
	}
	if len(files) == 0 {
		e.errorf("%s", e.tr("no terms file"))
		e.hintf("%s", e.tr("hint validate"))
		return exitUsage
	}
	if *lang != "" && !validLocale(*lang) {
		e.errorf("validate: %s", e.tr("unknown language", *lang))
		e.hintf("%s", e.tr("hint lang"))
		return exitUsage
	}
	if *lang != "" {
		e.lang, e.langFixed = *lang, true
	}

	code := exitOK
	all := []finding{}
	for _, file := range files {
		findings, locale, err := loadFindings(e, file)
		if err != nil {
			code = exitFailure
			if *asJSON {
				all = append(all, finding{File: file, Severity: agreement.SeverityError, Rule: "read", Locale: agreement.LocaleEN, Message: err.Error()})
			} else if !keyFileHint(e, err) {
				e.errorf("%v", err)
			}
			continue
		}
		l := agreement.Locale(*lang)
		if *lang == "" {
			l = locale
		}
		for _, f := range findings {
			if f.Severity == agreement.SeverityError {
				code = exitFailure
			}
			all = append(all, f.Finding(l))
		}
	}
	if *asJSON {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(all); err != nil {
			e.errorf("validate: %v", err)
			return exitFailure
		}
		// Controls and invisible characters as \u escapes: the same
		// strings, safe on a terminal.
		e.stdout.Write(safetext.JSON(b.Bytes()))
		return code
	}
	for _, f := range all {
		printFinding(e.stdout, f)
	}
	return code
}

// printFinding prints one finding on one line. The file name, the path
// (an unknown key is the user's text) and the message (which may quote a
// value) are made safe with oneLine: no control or invisible character in
// them reaches the terminal as itself, and none can start a line that
// looks like another file's result.
func printFinding(w io.Writer, f finding) {
	path := ""
	if f.Path != "" {
		path = f.Path + ": "
	}
	fmt.Fprintln(w, oneLine(fmt.Sprintf("%s:%d:%d: %s%s: %s", f.File, f.Line, f.Column, path, f.Severity, f.Message)))
}

// decodeErrors returns the positioned errors of a failed decode: all of
// them, or nil if err is not about the file's content.
func decodeErrors(err error) []*agreement.FieldError {
	var ve *agreement.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	var fe *agreement.FieldError
	if errors.As(err, &fe) {
		return []*agreement.FieldError{fe}
	}
	return nil
}

// loadFindings loads and validates one file ("-" is standard input). A
// file that does not decode yields its decoding errors as the findings,
// in the locale the file declares if one can be read, else English; err is
// for files that cannot be read at all.
func loadFindings(e *env, file string) (findings []*agreement.FieldError, l agreement.Locale, err error) {
	r := e.stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, "", err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, agreement.MaxSize+1))
	if err != nil {
		return nil, "", err
	}
	if err := checkTermsFile(file, data); err != nil {
		e.setLang(localeOf(data))
		return nil, "", err
	}
	_, findings, err = agreement.DecodeAndValidate(bytes.NewReader(data), file, agreement.DetectFormat(file, data))
	if err != nil {
		return nil, "", err
	}
	l, ok := agreement.DetectLocale(file, data)
	if !ok {
		l = agreement.LocaleEN
	}
	return findings, l, nil
}

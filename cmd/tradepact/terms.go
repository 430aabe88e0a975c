package main

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/internal/atomicfile"
)

func init() {
	register(&command{
		name:    "terms",
		summary: "write a contract revision's terms as YAML, to edit and amend",
		run:     runTerms,
	})
}

func runTerms(e *env, args []string) int {
	fs := newFlags(e, "terms", "[-o OUT.yaml] CONTRACT.json[@N]")
	out := fs.String("o", "-", "where to write the terms; \"-\" is standard output")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: tradepact terms [-o OUT.yaml] CONTRACT.json[@N]")
		fmt.Fprintln(fs.Output(), "\nVerifies the contract file and writes the terms of its latest revision\n(or revision N) as a terms file. Edit it and pass it to tradepact amend.\n\nflags:")
		fs.PrintDefaults()
	}
	if code := parseFlags(e, fs, args, 1); code >= 0 {
		return code
	}
	arg := fs.Arg(0)
	a, err := termsAt(arg)
	if err != nil {
		explain(e, arg, err)
		return exitFailure
	}
	d, err := confirm.TermsDigest(a)
	if err != nil {
		e.errorf("terms: %v", err)
		return exitFailure
	}
	var b bytes.Buffer
	contract, self := arg, "THIS.yaml"
	if i := strings.LastIndexByte(arg, '@'); i > 0 {
		contract = arg[:i]
	}
	if *out != "-" {
		self = *out
	}
	fmt.Fprintf(&b, "# Terms of %s (agreement %s).\n", arg, d.Short())
	fmt.Fprintf(&b, "# To propose changes, edit this file and run:\n#   tradepact amend --key YOUR.key -o %s %s %s\n", contract, contract, self)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(a); err != nil {
		e.errorf("terms: %v", err)
		return exitFailure
	}
	if err := enc.Close(); err != nil {
		e.errorf("terms: %v", err)
		return exitFailure
	}
	if *out == "-" {
		e.stdout.Write(b.Bytes())
		return exitOK
	}
	if err := refuseClobber(*out, true, false); err != nil {
		e.errorf("terms: %v", err)
		return exitFailure
	}
	if err := atomicfile.Write(*out, b.Bytes(), 0o644); err != nil {
		e.errorf("terms: %v", err)
		return exitFailure
	}
	return exitOK
}

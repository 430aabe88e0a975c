package main

import (
	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/internal/atomicfile"
)

func init() {
	register(&command{
		name:    "schema",
		summary: "print the JSON Schema of the terms file, for editors and web forms",
		run:     runSchema,
	})
}

func runSchema(e *env, args []string) int {
	fs := newFlags(e, "schema", "[-o FILE]")
	out := fs.String("o", "", "write the schema to FILE instead of standard output")
	if code := parseFlags(e, fs, args, 0); code >= 0 {
		return code
	}
	s := agreement.Schema()
	if *out == "" {
		if _, err := e.stdout.Write(s); err != nil {
			e.errorf("schema: %v", err)
			return exitFailure
		}
		return exitOK
	}
	if err := atomicfile.Write(*out, s, 0o644); err != nil {
		e.errorf("schema: %v", err)
		return exitFailure
	}
	return exitOK
}

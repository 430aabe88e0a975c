package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/internal/atomicfile"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

func init() {
	register(&command{
		name:    "render",
		summary: "render terms (or a contract file) as text, Markdown, HTML or PDF",
		run:     runRender,
	})
}

// formatByExt maps an output file's extension to a format.
var formatByExt = map[string]string{
	".txt": "text", ".text": "text", ".md": "md", ".markdown": "md",
	".html": "html", ".htm": "html", ".pdf": "pdf",
}

func runRender(e *env, args []string) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "", "output format: text, md, html or pdf (default: from the -o extension, else text)")
	lang := fs.String("lang", "", "render in this locale (en, zh-Hans, zh-Hant) instead of the file's own;\nthe locale is part of the terms, so this changes the agreement digest")
	width := fs.Int("width", 0, fmt.Sprintf("text width in columns, CJK counting two (default %d; %d reads well in chat apps)", render.DefaultWidth, render.NarrowWidth))
	out := fs.String("o", "-", "output file; \"-\" is standard output (files are written atomically)")
	tmplDir := fs.String("templates", "", "directory of templates laid over the built-in ones (same layout)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: tradepact render [--format text|md|html|pdf] [--lang LOCALE] [--width N] [--templates DIR] [-o OUT] FILE")
		fmt.Fprintln(fs.Output(), "\nRenders a terms file (YAML or JSON) as the contract, after checking it:\ninvalid terms are refused with their findings (exit 1). A contract file\n(*.contract.json) is verified and its latest revision rendered with its\nsigning record.\n\nflags:")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(e, fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		e.errorf("render: want one terms file, have %d", len(files))
		e.hintf("tradepact render terms.yaml -o contract.html")
		return exitUsage
	}
	file := files[0]
	if *format == "" {
		*format = "text"
		if *out != "-" {
			f, ok := formatByExt[strings.ToLower(filepath.Ext(*out))]
			if !ok {
				e.errorf("render: cannot tell the format from the name %s", *out)
				e.hintf("name it .pdf, .html, .md or .txt, or give --format")
				return exitUsage
			}
			*format = f
		}
	}
	if *format == "txt" {
		*format = "text"
	}
	switch *format {
	case "text", "md", "html", "pdf":
	default:
		e.errorf("render: unknown format %q", *format)
		e.hintf("use --format text, md, html or pdf")
		return exitUsage
	}
	if *width != 0 && *format != "text" {
		e.errorf("render: --width applies to text only, not %s", *format)
		return exitUsage
	}
	if *width < 0 {
		e.errorf("render: --width %d: want a positive number of columns", *width)
		return exitUsage
	}
	if *lang != "" && !validLocale(*lang) {
		e.errorf("render: unknown language %q", *lang)
		e.hintf("use --lang en, --lang zh-Hans or --lang zh-Hant")
		return exitUsage
	}
	set := templates.Default()
	if *tmplDir != "" {
		if set, err = templates.Load(os.DirFS(*tmplDir)); err != nil {
			e.errorf("render: %v", err)
			return exitFailure
		}
	}

	data, err := readInput(file)
	if err != nil {
		e.errorf("render: %v", err)
		return exitFailure
	}
	if *out != "-" {
		in, err1 := os.Stat(file)
		o, err2 := os.Stat(*out)
		if err1 == nil && err2 == nil && os.SameFile(in, o) {
			e.errorf("render: -o %s is the input file; the contract would replace the terms", *out)
			return exitUsage
		}
		if err := refuseClobber(*out, false, true); err != nil {
			e.errorf("render: %v", err)
			return exitFailure
		}
	}
	var doc *render.Document
	contract := isContractFile(data)
	if contract {
		if *lang != "" || *tmplDir != "" {
			e.errorf("render: %s is a contract file: it renders as confirmed, without --lang or --templates", file)
			return exitUsage
		}
		if doc, _, err = contractDocument(data); err != nil {
			e.errorf("render: %s: %v", file, err)
			e.hintf("run \"tradepact verify %s\" for details", file)
			return exitFailure
		}
	} else {
		if doc, err = termsDocument(e, file, data, agreement.Locale(*lang), set); err != nil {
			return exitFailure
		}
	}

	write := func(w io.Writer) error {
		switch *format {
		case "md":
			return render.Markdown(w, doc)
		case "html":
			return render.HTML(w, doc)
		case "pdf":
			if contract {
				return contractPDF(w, data)
			}
			return render.PDF(w, doc)
		}
		var opts []render.TextOption
		if *width > 0 {
			opts = append(opts, render.Width(*width))
		}
		return render.Text(w, doc, opts...)
	}
	if *out == "-" {
		// Render fully before writing, so a failure prints nothing.
		var b bytes.Buffer
		if err := write(&b); err != nil {
			e.errorf("render: %v", err)
			return exitFailure
		}
		if _, err := e.stdout.Write(b.Bytes()); err != nil {
			e.errorf("render: %v", err)
			return exitFailure
		}
		return exitOK
	}
	if err := atomicfile.WriteFile(*out, 0o644, func(f *os.File) error { return write(f) }); err != nil {
		e.errorf("render: %v", err)
		return exitFailure
	}
	return exitOK
}

// termsDocument decodes and checks a terms file and makes its document. It
// prints the findings itself, like validate, when the terms are invalid.
func termsDocument(e *env, file string, data []byte, lang agreement.Locale, set *templates.Set) (*render.Document, error) {
	a, err := agreement.Decode(file, data)
	if err != nil {
		if fes := decodeErrors(err); fes != nil {
			declared, _ := agreement.DetectLocale(file, data)
			for _, fe := range fes {
				printFinding(e.stdout, finding{File: file, Line: fe.Line, Column: fe.Column, Path: fe.Path,
					Severity: string(fe.Severity), Message: fe.Message(localeOr(lang, declared))})
			}
		} else {
			e.errorf("render: %v", err)
		}
		e.hintf("the terms must be valid to render; fix the file and run \"tradepact validate %s\"", file)
		return nil, err
	}
	l := localeOr(lang, a.Locale)
	if lang != "" {
		a.Locale = lang
	}
	doc, err := render.NewDocument(a, set)
	if err != nil {
		var ve *agreement.ValidationError
		if errors.As(err, &ve) {
			// Every finding, warnings included, as validate prints them.
			for _, f := range a.Validate() {
				printFinding(e.stdout, finding{File: file, Line: f.Line, Column: f.Column, Path: f.Path,
					Severity: string(f.Severity), Message: f.Message(l)})
			}
			e.errorf("render: %s: the terms are not valid; they are not rendered", file)
		} else {
			e.errorf("render: %v", err)
		}
		return nil, err
	}
	printWarnings(e, file, a, l)
	return doc, nil
}

// localeOr returns l, or def when l is empty or unknown.
func localeOr(l, def agreement.Locale) agreement.Locale {
	if validLocale(string(l)) {
		return l
	}
	if validLocale(string(def)) {
		return def
	}
	return agreement.LocaleEN
}

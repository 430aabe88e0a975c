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
	"github.com/tradepact/tradepact/confirm"
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
	force := fs.Bool("force", false, "replace -o even if it is a PDF that carries a contract file (a signed contract)")
	unverified := fs.Bool("unverified-text", false, "render a contract file whose text this build cannot render again from its terms\n(another template set): its recorded text, under a warning that it may not match the terms")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: tradepact render [--format text|md|html|pdf] [--lang LOCALE] [--width N] [--templates DIR] [-o OUT] [--force] [--unverified-text] FILE")
		fmt.Fprintln(fs.Output(), "\nRenders a terms file (YAML or JSON) as the contract, after checking it:\ninvalid terms are refused with their findings (exit 1). A contract file\n(*.contract.json) is verified and its latest revision rendered with its\nsigning record. A contract file whose text cannot be rendered again from its\nterms here (made with another template set) is refused unless\n--unverified-text is given; then the output starts with a warning.\n\nflags:")
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
	if len(files) != 1 {
		e.errorf("%s", e.tr("want one file", len(files)))
		e.hintf("%s", e.tr("hint render"))
		return exitUsage
	}
	file := files[0]
	if *format == "" {
		*format = "text"
		if *out != "-" {
			f, ok := formatByExt[strings.ToLower(filepath.Ext(*out))]
			if !ok {
				e.errorf("%s", e.tr("no format", *out))
				e.hintf("%s", e.tr("hint format"))
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
		e.errorf("%s", e.tr("unknown format", *format))
		e.hintf("%s", e.tr("hint unknown format"))
		return exitUsage
	}
	if *format == "pdf" && *out == "-" && e.stdoutIsTerminal() {
		e.errorf("%s", e.tr("pdf to terminal"))
		e.hintf("%s", e.tr("hint pdf to terminal"))
		return exitUsage
	}
	if *width != 0 && *format != "text" {
		e.errorf("%s", e.tr("width text only", *format))
		return exitUsage
	}
	if *width < 0 {
		e.errorf("%s", e.tr("width positive", *width))
		return exitUsage
	}
	if *lang != "" && !validLocale(*lang) {
		e.errorf("render: %s", e.tr("unknown language", *lang))
		e.hintf("%s", e.tr("hint lang"))
		return exitUsage
	}
	set := templates.Default()
	if *tmplDir != "" {
		if set, err = templates.Load(os.DirFS(*tmplDir)); err != nil {
			e.errorf("render: %s", sentence(err))
			return exitFailure
		}
	}

	data, err := os.ReadFile(file)
	if err != nil {
		e.errorf("render: %s", sentence(err))
		return exitFailure
	}
	if err := checkKeyFile(file, data); err != nil {
		keyFileHint(e, err)
		return exitFailure
	}
	if *lang != "" {
		e.lang, e.langFixed = *lang, true
	} else if l, ok := agreement.DetectLocale(file, data); ok {
		e.setLang(string(l))
	}
	if *out != "-" {
		in, err1 := os.Stat(file)
		o, err2 := os.Stat(*out)
		if err1 == nil && err2 == nil && os.SameFile(in, o) {
			e.errorf("%s", e.tr("o is input", *out))
			return exitUsage
		}
		if err := refuseClobber(*out, false, true); err != nil {
			e.errorf("render: %s", sentence(err))
			return exitFailure
		}
		if !*force {
			if err := refuseSignedPDF(*out, data); err != nil {
				e.errorf("render: %s", sentence(err))
				e.hintf("%s", e.tr("hint force"))
				return exitFailure
			}
		}
	}
	var doc *render.Document
	banner := "" // the warning above a text not rendered again from its terms
	contract := isContractFile(data)
	if contract {
		if *lang != "" || *tmplDir != "" {
			e.errorf("render: %s is a contract file: it renders as confirmed, without --lang or --templates", file)
			return exitUsage
		}
		var res *confirm.Result
		e.setLang(localeOf(data))
		if doc, res, err = contractDocument(data); err != nil {
			e.errorf("render: %s: %s", file, sentence(errors.New(confirm.ErrorMessage(err, e.lang))))
			e.hintf("%s", e.tr("hint verify details", file))
			return exitFailure
		}
		if rev := res.Latest(); !rev.Rerendered {
			// The text is the signer's own: nothing here checked that it
			// says what the terms say ("US$ 10.00" over terms for 363.94).
			e.setLang(string(rev.Terms.Locale))
			warn := unverifiedWarning(e, rev)
			if !*unverified {
				e.errorf("%s: %s", file, warn)
				e.hintf("%s", e.tr("hint unverified", file))
				return exitFailure
			}
			e.warnf("%s: %s", file, warn)
			banner = e.tr("banner unverified", warn)
			doc = withBanner(doc, banner)
		}
	} else {
		if doc, err = termsDocument(e, file, data, agreement.Locale(*lang), set); err != nil {
			return exitFailure
		}
	}

	write := func(w io.Writer) error {
		switch *format {
		case "md":
			if banner != "" {
				// Markdown is Source as recorded; the warning goes first.
				if _, err := fmt.Fprintf(w, "> **%s**\n\n---\n\n", banner); err != nil {
					return err
				}
			}
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
			renderError(e, file, err)
			return exitFailure
		}
		w := e.stdout // made safe for a terminal, as the renderers already are
		if *format == "pdf" {
			w = e.rawStdout // binary, and never a terminal (see above)
		}
		if _, err := w.Write(b.Bytes()); err != nil {
			e.errorf("render: %s", sentence(err))
			return exitFailure
		}
		return exitOK
	}
	if err := atomicfile.WriteFile(*out, 0o644, func(f *os.File) error { return write(f) }); err != nil {
		renderError(e, file, err)
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
				printFinding(e.stdout, fe.Finding(localeOr(lang, declared)))
			}
		} else {
			e.errorf("render: %s", sentence(err))
		}
		e.hintf("%s", e.tr("hint must be valid", file))
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
				printFinding(e.stdout, f.Finding(l))
			}
			e.errorf("render: %s: the terms are not valid; they are not rendered", file)
		} else {
			e.errorf("render: %s", sentence(err))
		}
		return nil, err
	}
	printWarnings(e, file, a, l)
	return doc, nil
}

// refuseSignedPDF returns an error if path is a PDF carrying a contract
// file that rendering data would lose: an unsigned draft, another contract,
// or an older copy must not replace a signed contract's PDF. A newer
// rendering of the same contract (its history continues the one in the
// PDF) may replace it.
func refuseSignedPDF(path string, data []byte) error {
	old, err := os.ReadFile(path)
	if err != nil || !isPDF(old) {
		return nil
	}
	oldData, err := confirm.ExtractContract(old)
	if err != nil {
		return nil // a PDF without a contract file: a draft, replaced freely
	}
	if isContractFile(data) {
		oc, err1 := confirm.Parse(oldData)
		nc, err2 := confirm.Parse(data)
		if err1 == nil && err2 == nil && oc.ID() == nc.ID() && nc.Extends(oc) {
			return nil
		}
		return fmt.Errorf("%s carries a contract file that this one does not continue (another contract, or an older copy); not replacing it", path)
	}
	return fmt.Errorf("%s is a PDF that carries a contract file; rendering terms would replace it with an unsigned draft", path)
}

// unverifiedWarning says, in e's language, that the latest revision's text
// was not rendered again from its terms, and what the terms' total is, so
// that a text stating another price is caught by eye.
func unverifiedWarning(e *env, rev *confirm.Revision) string {
	w := e.tr("unverified text", rev.Number, rev.Template.String())
	if t, err := rev.Terms.Totals(); err == nil {
		w += e.tr("terms total", t.Total.Format(rev.Terms.Locale))
	}
	return w
}

// withBanner returns doc with a warning paragraph and a rule before its
// text, for --unverified-text.
func withBanner(doc *render.Document, text string) *render.Document {
	d := *doc
	d.Blocks = append([]render.Block{
		{Kind: render.BlockParagraph, Inlines: []render.Inline{{Text: text, Bold: true}}},
		{Kind: render.BlockRule},
	}, doc.Blocks...)
	return &d
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

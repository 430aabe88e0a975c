package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/internal/atomicfile"
	"github.com/tradepact/tradepact/internal/safetext"
)

func init() {
	register(&command{
		name:    "terms",
		summary: "write a contract revision's terms as YAML, to edit and amend",
		run:     runTerms,
	})
}

func runTerms(e *env, args []string) int {
	fs := newFlags(e, "terms", "[-o OUT.yaml] [--force] CONTRACT.json[@N]")
	out := fs.String("o", "-", "where to write the terms; \"-\" is standard output")
	force := fs.Bool("force", false, "replace -o even if it holds terms edited since terms wrote them")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: tradepact terms [-o OUT.yaml] [--force] CONTRACT.json[@N]")
		fmt.Fprintln(fs.Output(), "\nVerifies the contract file and writes the terms of its latest revision\n(or revision N) as a terms file, with the comments of \"tradepact init\" in\nthe contract's language. Edit it and pass it to tradepact amend.\n\n-o replaces an existing file only if it holds the terms a previous\n\"tradepact terms\" wrote there, unedited (or with --force): edited terms\nare not lost.\n\nflags:")
		fs.PrintDefaults()
	}
	if code := parseFlags(e, fs, args, 1); code >= 0 {
		return code
	}
	arg := fs.Arg(0)
	contract := arg
	if i := strings.LastIndexByte(arg, '@'); i > 0 {
		contract = arg[:i]
	}
	if data, err := readLimited(contract, 512); err == nil {
		e.setLang(localeOf(data))
	}
	a, err := termsAt(e, arg)
	if err != nil {
		var (
			kf *keyFileError
			fe *findingsError
		)
		if errors.As(err, &kf) {
			keyFileHint(e, kf)
		} else if errors.As(err, &fe) {
			printTermsError(e, fe)
		} else {
			explain(e, arg, err)
		}
		return exitFailure
	}
	e.setLang(string(a.Locale))
	d, err := confirm.TermsDigest(a)
	if err != nil {
		e.errorf("terms: %s", sentence(err))
		return exitFailure
	}
	self := "THIS.yaml"
	if *out != "-" {
		self = *out
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n", e.tr("terms header", safetext.Line(arg), d.String()))
	fmt.Fprintf(&b, "# %s\n#   tradepact amend --key YOUR.key -o %s %s %s\n", e.tr("terms how"),
		safetext.Line(contract), safetext.Line(contract), safetext.Line(self))
	body, err := termsYAML(a)
	if err != nil {
		e.errorf("terms: %s", sentence(err))
		return exitFailure
	}
	b.Write(body)
	if *out == "-" {
		e.stdout.Write(b.Bytes())
		return exitOK
	}
	if err := refuseClobber(*out, true, false); err != nil {
		e.errorf("terms: %v", err)
		return exitFailure
	}
	if !*force {
		if err := refuseEditedTerms(*out, b.Bytes()); err != nil {
			e.errorf("terms: %s", e.tr("edited terms", *out))
			e.hintf("%s", e.tr("hint edited terms", *out))
			return exitFailure
		}
	}
	if err := atomicfile.Write(*out, b.Bytes(), 0o644); err != nil {
		e.errorf("terms: %v", err)
		return exitFailure
	}
	return exitOK
}

// headerDigest finds the agreement digest that terms writes in its header.
var headerDigest = regexp.MustCompile(`\A(?:#[^\n]*\n){0,3}?#[^\n]*(sha256:[0-9a-f]{64})`)

// errEdited is refuseEditedTerms's error.
var errEdited = errors.New("holds edited terms")

// refuseEditedTerms returns an error if path exists and holds anything but
// the terms a previous "tradepact terms" wrote there, unedited (or exactly
// what would be written now): someone's edits must not be lost to -o.
func refuseEditedTerms(path string, next []byte) error {
	old, err := readLimited(path, agreement.MaxSize+1)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil || bytes.Equal(old, next) {
		return err
	}
	m := headerDigest.FindSubmatch(old)
	if m == nil {
		return errEdited
	}
	a, err := agreement.Decode(path, old)
	if err != nil {
		return errEdited
	}
	d, err := confirm.TermsDigest(a)
	if err != nil || d.String() != string(m[1]) {
		return errEdited
	}
	// The same terms are not enough: a comment added, a line moved or a
	// value respelled is an edit too. What terms writes below its three
	// header lines is a function of the terms alone, so the file is
	// unedited only if its body is exactly that.
	body, err := termsYAML(a)
	if err != nil {
		return errEdited
	}
	rest := old
	for range 3 {
		_, after, ok := bytes.Cut(rest, []byte("\n"))
		if !ok {
			return errEdited
		}
		rest = after
	}
	if !bytes.Equal(rest, body) {
		return errEdited
	}
	return nil
}

// termsYAML encodes a as a terms file carrying the comments that "init"
// writes for its kind and locale, where the same keys are present. Strings
// holding control, bidirectional or invisible characters are written
// double-quoted with those characters as \u escapes: the same terms, and
// nothing on a screen that hides what they hold.
func termsYAML(a *agreement.Agreement) ([]byte, error) {
	var n yaml.Node
	if err := n.Encode(a); err != nil {
		return nil, err
	}
	var tmpl bytes.Buffer
	if err := writeInit(&tmpl, a.Kind, a.Locale, a.Date); err == nil {
		var doc yaml.Node
		if yaml.Unmarshal(tmpl.Bytes(), &doc) == nil && doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
			copyComments(doc.Content[0], &n)
			// The init file's opening lines explain the format.
			n.HeadComment = doc.Content[0].HeadComment
			if n.HeadComment == "" {
				n.HeadComment = doc.HeadComment
			}
		}
	}
	quoteUnsafe(&n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return escapeYAML(b.Bytes()), nil
}

// copyComments copies the comments of from (a node of the init template)
// onto the node of to at the same key path. List items take the comments
// of the template's item at the same index.
func copyComments(from, to *yaml.Node) {
	if from.Kind != to.Kind {
		return
	}
	if to.LineComment == "" {
		to.LineComment = from.LineComment
	}
	if to.HeadComment == "" {
		to.HeadComment = from.HeadComment
	}
	if to.FootComment == "" {
		to.FootComment = from.FootComment
	}
	switch from.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(from.Content); i += 2 {
			for j := 0; j+1 < len(to.Content); j += 2 {
				if from.Content[i].Value == to.Content[j].Value {
					copyComments(from.Content[i], to.Content[j])
					copyComments(from.Content[i+1], to.Content[j+1])
					break
				}
			}
		}
	case yaml.SequenceNode:
		for i := range min(len(from.Content), len(to.Content)) {
			copyComments(from.Content[i], to.Content[i])
		}
	}
}

// quoteUnsafe makes every scalar holding an unsafe character double-quoted,
// the one YAML style with escapes.
func quoteUnsafe(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && safetext.HasUnsafe(n.Value) {
		n.Style = yaml.DoubleQuotedStyle
	}
	for _, c := range n.Content {
		quoteUnsafe(c)
	}
}

// escapeYAML writes every unsafe character left in YAML text as a \u or
// \U escape. quoteUnsafe put them all inside double-quoted scalars, where
// the escapes mean the same characters.
func escapeYAML(b []byte) []byte {
	if !safetext.HasUnsafe(string(b)) {
		return b
	}
	var out bytes.Buffer
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == '\n' || r == '\t' || !safetext.Unsafe(r):
			out.Write(b[i : i+n])
		case r > 0xffff:
			fmt.Fprintf(&out, `\U%08X`, r)
		default:
			fmt.Fprintf(&out, `\u%04X`, r)
		}
		i += n
	}
	return out.Bytes()
}

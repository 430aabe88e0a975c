package main

import (
	"bytes"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/templates"
)

// runCLI runs the CLI in-process and returns the exit code and both streams.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &env{stdin: strings.NewReader(""), stdout: &o, stderr: &e})
	return code, o.String(), e.String()
}

// rawHostile are characters that must never reach a screen as themselves.
var rawHostile = []string{"\x1b", "\x07", "\r", "\u202e", "\u2066", "\u200b"}

func assertNoRaw(t *testing.T, what, out string) {
	t.Helper()
	for _, h := range rawHostile {
		if strings.Contains(out, h) {
			t.Errorf("%s holds %q as itself:\n%s", what, h, out)
		}
	}
}

// forgedContract is the seller's attack from issue 10 item 7: a contract
// file signed under a template set of the seller's own making whose text
// states a price the terms do not (US$ 10.00 for terms totalling far more)
// and carries terminal escapes, an OSC hyperlink and U+202E.
func forgedContract(t *testing.T) string {
	t.Helper()
	a, err := agreement.Load("../../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := templates.Load(fstest.MapFS{
		"set.json": {Data: []byte(`{"name": "shop", "version": "1"}`)},
		"en/contract.md.tmpl": {Data: []byte("{{define \"contract\"}}# Sales Contract\n\nTotal price: US$ 10.00\x1b[2K\r\x1b[1A\n\n" +
			"Pay at \x1b]8;;http://evil.example\x07our site\x1b]8;;\x07 by \u202e62-11-6202\u202c.\n{{end}}")},
	})
	if err != nil {
		t.Fatal(err)
	}
	seller, err := confirm.NewKeyFromSeed(bytes.Repeat([]byte{1}, 32))
	if err != nil {
		t.Fatal(err)
	}
	c, err := confirm.Propose(a, seller, time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("", 8*3600)), confirm.WithTemplates(set))
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "deal.contract.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// render of a contract whose text this build cannot render again from its
// terms refuses by default (exit 1, nothing on standard output), says why
// and what the terms really total; with --unverified-text the text comes
// after a warning, with every control and bidi character shown visibly.
func TestAttackForgedRecordedText(t *testing.T) {
	t.Parallel() // in-process and in its own directory: it overlaps the scripts, which wait on execs
	path := forgedContract(t)
	a, err := agreement.Load("../../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tot, err := a.Totals()
	if err != nil {
		t.Fatal(err)
	}
	total := tot.Total.Format(agreement.LocaleEN)

	code, out, errs := runCLI("render", path)
	if code != exitFailure || out != "" {
		t.Fatalf("render: exit %d, stdout %q; want 1 and nothing", code, out)
	}
	if !strings.Contains(errs, "was not rendered again from its terms") || !strings.Contains(errs, "the terms total "+total) ||
		!strings.Contains(errs, "--unverified-text") {
		t.Errorf("render: stderr does not explain:\n%s", errs)
	}
	assertNoRaw(t, "stderr", errs)

	// verify, terms and diff print what the file holds: nothing raw.
	for _, args := range [][]string{{"verify", path}, {"verify", "--json", path}, {"terms", path}, {"diff", path, path}} {
		_, out, errs := runCLI(args...)
		assertNoRaw(t, strings.Join(args[:len(args)-1], " "), out+errs)
	}

	pdf := filepath.Join(filepath.Dir(path), "deal.pdf")
	if code, _, _ := runCLI("render", "-o", pdf, path); code != exitFailure {
		t.Errorf("render -o deal.pdf: exit %d, want 1", code)
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("render -o deal.pdf wrote a PDF of an unverified text")
	}

	for _, format := range []string{"text", "md", "html"} {
		code, out, errs := runCLI("render", "--unverified-text", "--format", format, path)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		assertNoRaw(t, format, out)
		assertNoRaw(t, format+" stderr", errs)
		if !strings.Contains(errs, "warning: ") || !strings.Contains(errs, total) {
			t.Errorf("%s: no warning on stderr:\n%s", format, errs)
		}
		warn, body := strings.Index(out, "NOT VERIFIED"), strings.Index(out, "10.00")
		if warn < 0 || body < 0 || warn > body {
			t.Errorf("%s: the warning does not come before the text:\n%s", format, out)
		}
		if format != "html" && (!strings.Contains(out, `<U+202E>62-11-6202<U+202C>`) || !strings.Contains(out, `10.00\x1b[2K\r\x1b[1A`)) {
			t.Errorf("%s: controls not shown visibly:\n%s", format, out)
		}
		if format == "html" && !strings.Contains(html.UnescapeString(out), `<U+202E>62-11-6202`) {
			t.Errorf("html: U+202E not shown visibly:\n%s", out)
		}
	}
}

// A key name made to look like a clean result ("fake.yaml: OK, no
// findings" after erasing the line) is printed with its controls visible,
// on the finding's own line.
func TestAttackFakeOKKeyName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "fake.yaml")
	os.WriteFile(path, []byte("tradepact: 1\n\"\\r\\e[2K\\e[1A\\e[2Kfake.yaml: OK, no findings\\e[8m\": 1\n"), 0o644)
	for _, args := range [][]string{{"validate", path}, {"render", path}, {"propose", "--key", "x.key", "-o", filepath.Join(dir, "c.json"), path}} {
		code, out, errs := runCLI(args...)
		if code == exitOK {
			t.Errorf("%s: exit 0", args[0])
		}
		assertNoRaw(t, args[0]+" stdout", out)
		assertNoRaw(t, args[0]+" stderr", errs)
		for _, line := range strings.Split(out+errs, "\n") {
			if strings.HasPrefix(line, "fake.yaml: OK") {
				t.Errorf("%s: a line looks like a clean result: %q", args[0], line)
			}
		}
	}
	_, out, _ := runCLI("validate", path)
	if !strings.Contains(out, `unknown key "\r\x1b[2K\x1b[1A\x1b[2Kfake.yaml: OK, no findings\x1b[8m"`) {
		t.Errorf("validate does not show the key visibly:\n%s", out)
	}
}

// A file name is user input too.
func TestAttackFileName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x\x1b[2K\u202e.yaml")
	if err := os.WriteFile(name, []byte("tradepact: 1\ncolour: red\n"), 0o644); err != nil {
		t.Skip("file system refuses the name:", err)
	}
	for _, cmd := range []string{"validate", "render", "terms", "verify"} {
		_, out, errs := runCLI(cmd, name)
		assertNoRaw(t, cmd, out+errs)
	}
	_, out, errs := runCLI("validate", name, filepath.Join(dir, "missing\x1b]0;title\x07.yaml"))
	assertNoRaw(t, "validate missing", out+errs)
	if !strings.Contains(out, `x\x1b[2K<U+202E>.yaml:2:1: colour: error`) {
		t.Errorf("file name not shown visibly:\n%s", out)
	}
}

// A PDF is binary: it is not written to a terminal.
func TestRenderPDFNotToTerminal(t *testing.T) {
	var o, errs bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &o, stderr: &errs, terminal: func(io.Writer) bool { return true }}
	if code := run([]string{"render", "--format", "pdf", "../../examples/terms/goods-en.yaml"}, e); code != exitUsage {
		t.Fatalf("exit %d, want %d", code, exitUsage)
	}
	if o.Len() != 0 || !strings.Contains(errs.String(), "standard output is a terminal") {
		t.Errorf("stdout %d bytes, stderr %q", o.Len(), errs.String())
	}
	// Text to a terminal is fine.
	o.Reset()
	if code := run([]string{"render", "../../examples/terms/goods-en.yaml"}, e); code != exitOK || o.Len() == 0 {
		t.Errorf("text: exit %d, %d bytes", code, o.Len())
	}
}

package render_test

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tradepact/tradepact/internal/safetext"
	"github.com/tradepact/tradepact/render"
)

// hostileDoc is a recorded contract text as a stranger could sign it under
// a template set this build does not have: a terminal escape that erases
// the line and hides what follows, an OSC hyperlink, and a right-to-left
// override that makes "00.01" display as "10.00".
func hostileDoc(t *testing.T) *render.Document {
	t.Helper()
	src := "# Sale\n\nTotal price: US$ \u202e00.01\u202c\x1b[2K\r\x1b]8;;http://x\x07link\x1b]8;;\x07\n\n" +
		"| a | b |\n|---|---|\n| \u2066x\u2069 | \u200bzero |\n"
	d, err := render.Parse([]byte(src), render.Meta{ID: "TP-\u202e1", Title: "Sale\x1b[8m", Date: "2026-11-20", Author: "\u3164"})
	if err != nil {
		t.Fatal(err)
	}
	d.Record = []render.Block{{Kind: render.BlockParagraph, Inlines: []render.Inline{{Text: "note \x1b[31m"}}}}
	return d
}

// hostile are the characters none of the outputs may hold as themselves.
var hostile = []string{"\x1b", "\x07", "\r", "\u202e", "\u202c", "\u2066", "\u2069", "\u200b", "\u3164"}

func checkShown(t *testing.T, what, out string) {
	t.Helper()
	for _, h := range hostile {
		if strings.Contains(out, h) {
			t.Errorf("%s holds %q as itself", what, h)
		}
	}
	if what == "narrow" {
		return // wrapped: what shows is checked at the full width
	}
	if what == "html" {
		out = html.UnescapeString(out)
	}
	for _, want := range []string{`<U+202E>00.01<U+202C>`, `\x1b[2K\r\x1b]8;;http://x\x07link`, `<U+200B>zero`} {
		if !strings.Contains(out, want) {
			t.Errorf("%s does not show %q:\n%s", what, want, out)
		}
	}
}

func TestHostileTextShownVisibly(t *testing.T) {
	d := hostileDoc(t)
	for name, f := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return render.Text(b, d) },
		"narrow":   func(b *bytes.Buffer) error { return render.Text(b, d, render.Narrow()) },
		"html":     func(b *bytes.Buffer) error { return render.HTML(b, d) },
		"markdown": func(b *bytes.Buffer) error { return render.Markdown(b, d) },
	} {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkShown(t, name, b.String())
	}
	// The document itself keeps what was confirmed.
	if !bytes.Contains(d.Source, []byte("\u202e00.01")) {
		t.Error("Source was changed")
	}
}

func TestHostileTextShownVisiblyPDF(t *testing.T) {
	needTool(t, "pdftotext")
	var b bytes.Buffer
	if err := render.PDF(&b, hostileDoc(t)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"<U+202E>00.01<U+202C>", `\x1b[2K\r\x1b]8;;http://x\x07link`} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text does not show %q:\n%s", want, text)
		}
	}
	checkNo := string(out)
	for _, h := range hostile {
		if strings.Contains(checkNo, h) {
			t.Errorf("PDF text holds %q", h)
		}
	}
}

// A clean document is rendered from itself: no copy, the same bytes as
// before this check existed (the goldens say so too).
func BenchmarkVisibleClean(b *testing.B) {
	d, err := render.Parse([]byte("# Sale\n\n"+strings.Repeat("合同条款，价格 ¥12.00。\n\n", 200)), render.Meta{ID: "TP-1"})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		render.Text(&bytes.Buffer{}, d)
	}
}

// FuzzVisibleOutputs: whatever a recorded text holds, text, HTML and
// Markdown output hold no control, bidirectional or invisible character
// as itself (line feeds and tabs aside).
func FuzzVisibleOutputs(f *testing.F) {
	f.Add([]byte("# T\n\nTotal: US$ \u202e00.01\u202c\x1b[2K\n\n| a | b |\n|---|---|\n| \u200b | \u3164 |\n"))
	f.Add([]byte("- item \x1b]8;;x\x07\n- \xff\xfe\n\n**bold \u2066x\u2069**\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 {
			return
		}
		d, err := render.Parse(src, render.Meta{ID: string(src[:min(len(src), 8)]), Date: "2026-11-20"})
		if err != nil {
			return
		}
		for name, r := range map[string]func(*bytes.Buffer) error{
			"text":     func(b *bytes.Buffer) error { return render.Text(b, d) },
			"html":     func(b *bytes.Buffer) error { return render.HTML(b, d) },
			"markdown": func(b *bytes.Buffer) error { return render.Markdown(b, d) },
		} {
			var b bytes.Buffer
			if err := r(&b); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, c := range b.String() {
				if c != '\n' && c != '\t' && (safetext.Unsafe(c) || c == utf8.RuneError && !strings.Contains(string(src), "\ufffd")) {
					t.Fatalf("%s holds U+%04X as itself", name, c)
				}
			}
		}
	})
}

package render_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/internal/linebreak"
	"github.com/tradepact/tradepact/render"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/contracts")

// exampleNames lists examples/terms/*.yaml without the extension.
func exampleNames(t testing.TB) []string {
	t.Helper()
	m, err := filepath.Glob("../examples/terms/*.yaml")
	if err != nil || len(m) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	var out []string
	for _, p := range m {
		out = append(out, strings.TrimSuffix(filepath.Base(p), ".yaml"))
	}
	return out
}

func exampleDoc(t testing.TB, name string) *render.Document {
	t.Helper()
	a, err := agreement.Load("../examples/terms/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := render.NewDocument(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// formats are the renderers with golden files, by file suffix.
var formats = []struct {
	suffix string
	render func(*bytes.Buffer, *render.Document) error
}{
	{".md", func(b *bytes.Buffer, d *render.Document) error { return render.Markdown(b, d) }},
	{".txt", func(b *bytes.Buffer, d *render.Document) error { return render.Text(b, d) }},
	{".narrow.txt", func(b *bytes.Buffer, d *render.Document) error { return render.Text(b, d, render.Narrow()) }},
	{".html", func(b *bytes.Buffer, d *render.Document) error { return render.HTML(b, d) }},
}

// TestGolden renders every example (every kind in every locale) in every
// format and compares with testdata/contracts (regenerate with -update).
func TestGolden(t *testing.T) {
	for _, name := range exampleNames(t) {
		doc := exampleDoc(t, name)
		for _, f := range formats {
			t.Run(name+f.suffix, func(t *testing.T) {
				var b bytes.Buffer
				if err := f.render(&b, doc); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "contracts", name+f.suffix)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update)", err)
				}
				if !bytes.Equal(b.Bytes(), want) {
					t.Errorf("%s differs from the output; run go test -run TestGolden -update and review the diff", golden)
				}
			})
		}
	}
}

// TestDocumentDigest checks that the document digest is the digest of the
// Markdown, one per contract whatever the format or width, and differs
// between contracts.
func TestDocumentDigest(t *testing.T) {
	seen := map[agreement.Digest]string{}
	for _, name := range exampleNames(t) {
		doc := exampleDoc(t, name)
		d := doc.Digest()
		var md bytes.Buffer
		if err := render.Markdown(&md, doc); err != nil {
			t.Fatal(err)
		}
		if agreement.DigestOf(md.Bytes()) != d {
			t.Errorf("%s: digest is not that of the Markdown", name)
		}
		for _, w := range []int{20, 36, 80, 120} {
			var b bytes.Buffer
			if err := render.Text(&b, doc, render.Width(w)); err != nil {
				t.Fatal(err)
			}
			if doc.Digest() != d {
				t.Errorf("%s: digest changed after rendering at width %d", name, w)
			}
		}
		if again := exampleDoc(t, name).Digest(); again != d {
			t.Errorf("%s: digest differs between two documents of the same terms", name)
		}
		if other, dup := seen[d]; dup {
			t.Errorf("%s and %s have the same digest", name, other)
		}
		seen[d] = name
		if doc.Meta.ShortDigest == "" || !strings.Contains(string(doc.Source), doc.Meta.ShortDigest) {
			t.Errorf("%s: the agreement digest %q is not in the text", name, doc.Meta.ShortDigest)
		}
	}
}

func TestNewDocumentMeta(t *testing.T) {
	doc := exampleDoc(t, "gift_card-zh-Hant")
	m := doc.Meta
	if m.Title != "禮物卡轉讓契約" || m.ID != "TP-2026-000104" || m.Date != "2026-11-22" || m.Author != "王小明" || doc.Lang != "zh-Hant" {
		t.Errorf("meta %+v lang %q", m, doc.Lang)
	}
	if !strings.HasPrefix(m.QR, "sha256:") || !strings.HasPrefix(m.Template, "tradepact 1 sha256:") {
		t.Errorf("QR %q template %q", m.QR, m.Template)
	}
	var keep int
	for _, b := range doc.Blocks {
		if b.Kind == render.BlockKeep {
			keep++
			if len(b.Children) != 2 || b.Children[0].Kind != render.BlockHeading || b.Children[1].Kind != render.BlockTable {
				t.Errorf("signature block %+v", b.Children)
			}
		}
	}
	if keep != 1 || doc.Blocks[len(doc.Blocks)-1].Kind != render.BlockKeep {
		t.Errorf("want the signature block kept and last, got %d keep blocks", keep)
	}
}

// TestNewDocumentRefusesInvalidTerms checks that invalid terms never become
// a contract, and that the findings reach the caller.
func TestNewDocumentRefusesInvalidTerms(t *testing.T) {
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a.Buyer.Account = a.Seller.Account
	a.Items[0].Quantity = 0
	doc, err := render.NewDocument(a, nil)
	var ve *agreement.ValidationError
	if doc != nil || !errors.As(err, &ve) || !strings.HasPrefix(err.Error(), "render: ") {
		t.Fatalf("got %v, %v", doc, err)
	}
	if len(ve.Fields) < 2 {
		t.Errorf("findings %v", ve.Fields)
	}
}

// TestRecord checks that every renderer prints the signing record after
// the signature block, and that it stays outside the document digest.
func TestRecord(t *testing.T) {
	doc := exampleDoc(t, "goods-en")
	d := doc.Digest()
	signed := *doc
	signed.Record = []render.Block{
		{Kind: render.BlockHeading, Level: 2, Inlines: []render.Inline{{Text: "Signing record"}}},
		{Kind: render.BlockParagraph, Inlines: []render.Inline{{Text: "Confirmed by Emily Carter <key 7f3a> at 2026-11-21T10:00:00+08:00"}}},
	}
	if signed.Digest() != d {
		t.Fatal("record changed the document digest")
	}
	for _, f := range formats {
		var b bytes.Buffer
		if err := f.render(&b, &signed); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		sig := strings.LastIndex(out, "Signatures")
		rec := strings.Index(out, "Signing record")
		conf := strings.Index(out, "Confirmed by Emily Carter")
		if sig < 0 || rec < sig || conf < rec {
			t.Errorf("%s: record missing or before the signature block (%d %d %d)", f.suffix, sig, rec, conf)
		}
		if f.suffix == ".html" && !strings.Contains(out, "&lt;key 7f3a&gt;") {
			t.Errorf("html: record not escaped")
		}
	}
}

// TestHTMLEscaping checks that text cannot inject markup into the page.
func TestHTMLEscaping(t *testing.T) {
	doc, err := render.Parse([]byte("# T\n\nA \\<script\\>alert(1)\\</script\\> & \"q\" 'x' &lt;b&gt;\n"), render.Meta{Title: `</title><script>`})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.HTML(&b, doc); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<script") || strings.Contains(out, "<b>") {
		t.Fatalf("markup injected:\n%s", out)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&amp;", "&lt;b&gt;", "&lt;/title&gt;&lt;script&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q not in output", want)
		}
	}
	for _, want := range []string{"<!DOCTYPE html>", "@page { size: A4", "Noto Sans CJK TC", "<meta charset=\"utf-8\">"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q not in page", want)
		}
	}
}

func TestParse(t *testing.T) {
	md := "# 標題\n\n第一行\n第二行 and\nLatin **粗體** *it* `code` [link](http://x) \\*not\\* &amp;\n\n" +
		"1. one\n2. two\n\n| A | B |\n|:--|--:|\n| x \\| y | 2 |\n\n---\n\n" + render.KeepStart + "\n\n## Sign\n\ntext\\\nnext\n\n" + render.KeepEnd + "\n"
	doc, err := render.Parse([]byte(md), render.Meta{ID: "X"})
	if err != nil {
		t.Fatal(err)
	}
	if string(doc.Source) != md || doc.Meta.ID != "X" {
		t.Fatal("source or meta not kept")
	}
	kinds := []render.BlockKind{render.BlockHeading, render.BlockParagraph, render.BlockList, render.BlockTable, render.BlockRule, render.BlockKeep}
	if len(doc.Blocks) != len(kinds) {
		t.Fatalf("blocks %+v", doc.Blocks)
	}
	for i, k := range kinds {
		if doc.Blocks[i].Kind != k {
			t.Errorf("block %d: kind %d, want %d", i, doc.Blocks[i].Kind, k)
		}
	}
	p := doc.Blocks[1].Inlines
	want := []render.Inline{
		{Text: "第一行第二行 and Latin "}, {Text: "粗體", Bold: true}, {Text: " "}, {Text: "it", Italic: true}, {Text: " "},
		{Text: "code", Code: true}, {Text: " link *not* &"},
	}
	if len(p) != len(want) {
		t.Fatalf("inlines %+v", p)
	}
	for i := range want {
		if p[i] != want[i] {
			t.Errorf("inline %d = %+v, want %+v", i, p[i], want[i])
		}
	}
	l := doc.Blocks[2]
	if !l.Ordered || l.Start != 1 || len(l.Items) != 2 || l.Items[1][0].Inlines[0].Text != "two" {
		t.Errorf("list %+v", l)
	}
	tb := doc.Blocks[3].Table
	if tb.Align[0] != render.AlignLeft || tb.Align[1] != render.AlignRight || tb.Rows[0][0][0].Text != "x | y" {
		t.Errorf("table %+v", tb)
	}
	k := doc.Blocks[5].Children
	if len(k) != 2 || k[1].Inlines[1] != (render.Inline{Break: true}) {
		t.Errorf("keep %+v", k)
	}
	for _, bad := range []string{render.KeepStart + "\n\nx\n", render.KeepEnd + "\n", render.KeepStart + "\n\n" + render.KeepStart + "\n", "\xff"} {
		if _, err := render.Parse([]byte(bad), render.Meta{}); err == nil || !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("Parse(%q) = %v, want an error", bad, err)
		}
	}
}

// TestTextWidths checks every example at many widths: no line wider than
// the width unless it is one token that cannot be broken, no line starting
// with closing punctuation, and tables aligned or written as records.
func TestTextWidths(t *testing.T) {
	for _, name := range exampleNames(t) {
		doc := exampleDoc(t, name)
		for _, w := range []int{16, 24, 36, 50, 80, 100} {
			var b bytes.Buffer
			if err := render.Text(&b, doc, render.Width(w)); err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
				if cw := linebreak.Columns(line); cw > float64(w) && !oneToken(line) {
					t.Errorf("%s width %d line %d is %v wide: %q", name, w, i+1, cw, line)
				}
				body := listMarker.ReplaceAllString(line, "")
				if r := []rune(body); len(r) > 0 && linebreak.NoStart(r[0]) && !strings.HasPrefix(body, "-") {
					t.Errorf("%s width %d line %d starts with %q: %q", name, w, i+1, r[0], line)
				}
			}
		}
	}
}

var listMarker = regexp.MustCompile(`^ *(- |[0-9]+\. )?`)

// oneToken reports whether the text of line, past its indent and list
// marker, cannot be broken (one token).
func oneToken(line string) bool {
	s := strings.TrimLeft(line, " ")
	s = strings.TrimPrefix(s, "- ")
	return linebreak.MinWidth(s, linebreak.Columns) == linebreak.Columns(s)
}

// FuzzParse checks that any Markdown either fails to parse with an error
// or gives a document that every renderer writes, with text lines no wider
// than the width unless they hold one unbreakable token.
func FuzzParse(f *testing.F) {
	m, _ := filepath.Glob("testdata/contracts/*-zh-Hant.md")
	for _, p := range m[:1] {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, 36)
		}
	}
	f.Add([]byte("# x\n\n| a |\n|---|\n| \\| |\n\n<!-- keep -->\n\n- 1. **a：**b\n"), 20)
	// Hostile text a contract file may record (see TestParseLimits).
	for _, s := range []string{strings.Repeat("[", 40) + "a" + strings.Repeat("]", 40), strings.Repeat(">", 40) + " a",
		strings.Repeat("*a ", 40) + strings.Repeat("a* ", 40), strings.Repeat(`\[`, 300), strings.Repeat("「", 100),
		"|" + strings.Repeat("a|", 60) + "\n|" + strings.Repeat("-|", 60) + "\n|a|\n"} {
		f.Add([]byte(s), 16)
	}
	f.Fuzz(func(t *testing.T, md []byte, w int) {
		if w < render.MinTextWidth || w > 200 {
			return
		}
		doc, err := render.Parse(md, render.Meta{})
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := render.Text(&b, doc, render.Width(w)); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(b.String(), "\n") {
			if linebreak.Columns(line) > float64(w) && !oneToken(line) && !strings.Contains(line, " | ") {
				t.Fatalf("line %q wider than %d", line, w)
			}
		}
		if err := render.HTML(io.Discard, doc); err != nil {
			t.Fatal(err)
		}
		if err := render.Markdown(io.Discard, doc); err != nil {
			t.Fatal(err)
		}
	})
}

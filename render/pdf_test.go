package render_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tradepact/tradepact/render"
)

var updatePDF = flag.Bool("update-pdf", false, "rewrite the PDF digests in testdata/pdf")

func renderPDF(t testing.TB, d *render.Document, opts ...render.PDFOption) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := render.PDF(&buf, d, opts...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTemp(t testing.TB, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func pageCount(t testing.TB, path string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo: no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pageTexts returns each page's text in content order (pdftotext -raw),
// white space removed, header and footer removed.
func pageTexts(t testing.TB, path string, d *render.Document) []string {
	t.Helper()
	n := pageCount(t, path)
	var pages []string
	for p := 1; p <= n; p++ {
		s := stripSpace(run(t, "pdftotext", "-raw", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), path, "-"))
		pages = append(pages, stripFurniture(t, s, d, p, n))
	}
	return pages
}

var furniture = map[string][4]string{
	"en":      {"ContractNo.%s", "Digest%s", "Page%dof%d", "DRAFT–notconfirmedbytheparties"},
	"zh-Hant": {"契約編號%s", "摘要%s", "第%d頁，共%d頁", "草稿（雙方尚未確認）"},
	"zh-Hans": {"合同编号%s", "摘要%s", "第%d页，共%d页", "草稿（双方尚未确认）"},
}

// stripFurniture removes the header and footer, which come first in each
// page's content, and fails when they are missing.
func stripFurniture(t testing.TB, s string, d *render.Document, page, pages int) string {
	t.Helper()
	f := furniture[d.Lang]
	wants := []string{
		fmt.Sprintf(f[0], stripSpace(d.Meta.ID)),
		fmt.Sprintf(f[1], stripSpace(d.Meta.ShortDigest)),
	}
	if d.Meta.Draft {
		// A draft says so on every page, as text (issue 13).
		wants = append(wants, f[3])
	}
	wants = append(wants, fmt.Sprintf(f[2], page, pages))
	for _, want := range wants {
		if !strings.HasPrefix(s, want) {
			t.Fatalf("page %d does not start with header/footer %q: %.80q", page, want, s)
		}
		s = s[len(want):]
	}
	return s
}

// checkText fails unless the PDF shows every character of the document
// text, in order, nothing dropped or added.
func checkText(t *testing.T, path string, d *render.Document) []string {
	t.Helper()
	pages := pageTexts(t, path, d)
	wantS := docText(d)
	// A table's header row is repeated at the top of the pages it runs
	// onto: drop the repeat, where the document text does not have it.
	var so strings.Builder
	for i, pg := range pages {
		for _, h := range tableHeaders(d) {
			if i > 0 && strings.HasPrefix(pg, h) && !strings.HasPrefix(wantS[min(so.Len(), len(wantS)):], h) {
				pg = pg[len(h):]
				break
			}
		}
		so.WriteString(pg)
	}
	gotS := so.String()
	if d.Meta.QR != "" {
		// The QR code's caption: a label and the digest, outside the text.
		caption := map[string]string{"en": "Digestoftheagreedterms", "zh-Hant": "條款摘要", "zh-Hans": "条款摘要"}[d.Lang] + d.Meta.QR
		if !strings.HasSuffix(gotS, caption) {
			t.Errorf("PDF does not end with the QR caption %q", caption)
		}
		gotS = strings.TrimSuffix(gotS, caption)
	}
	got, want := []rune(gotS), []rune(wantS)
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	if i < len(got) || i < len(want) {
		t.Errorf("PDF text differs from the document at character %d of %d:\n got …%s…\nwant …%s…",
			i, len(want), string(got[max(0, i-20):min(len(got), i+20)]), string(want[max(0, i-20):min(len(want), i+20)]))
	}
	return pages
}

func tableHeaders(d *render.Document) []string {
	var hs []string
	var walk func(bs []render.Block)
	walk = func(bs []render.Block) {
		for _, b := range bs {
			switch b.Kind {
			case render.BlockTable:
				var h strings.Builder
				for _, c := range b.Table.Header {
					for _, in := range c {
						h.WriteString(in.Text)
					}
				}
				if s := stripSpace(h.String()); s != "" {
					hs = append(hs, s)
				}
			case render.BlockKeep:
				walk(b.Children)
			case render.BlockList:
				for _, it := range b.Items {
					walk(it)
				}
			}
		}
	}
	walk(d.Blocks)
	walk(d.Record)
	return hs
}

func checkStructure(t *testing.T, path string) {
	t.Helper()
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	if len(lines) < 3 {
		t.Errorf("pdffonts lists no font:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines[2:] {
		if f := strings.Fields(l); len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		} else if f[len(f)-4] != "yes" || !subsetName.MatchString(f[0]) {
			// A subset font's name carries a tag: "ABCDEF+Name".
			t.Errorf("font is a subset without a subset tag: %s", l)
		}
	}
}

var subsetName = regexp.MustCompile(`^[A-Z]{6}\+[!-~]+$`)

func TestPDFTextAndStructure(t *testing.T) {
	t.Parallel()
	needTool(t, "pdftotext", "pdfinfo", "pdffonts", "qpdf")
	for _, lang := range []string{"en", "zh-Hant", "zh-Hans"} {
		t.Run(lang, func(t *testing.T) {
			d := contractDoc(lang, 12, 15)
			p := writeTemp(t, renderPDF(t, d))
			checkText(t, p, d)
			checkStructure(t, p)
			info := run(t, "pdfinfo", p)
			for _, want := range []string{"Title:           " + d.Meta.Title, "Author:          Harbor Audio LLC",
				"Creator:         tradepact " + render.Version, "Keywords:        tradepact, goods", "Nov 20"} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
		})
	}
}

// TestPDFLongContract: 40 items, 30 clauses of mixed text and long
// unbroken tokens paginate like a typesetter would.
func TestPDFLongContract(t *testing.T) {
	t.Parallel()
	needTool(t, "pdftotext", "pdfinfo", "pdffonts", "qpdf")
	for _, lang := range []string{"zh-Hant", "en"} {
		t.Run(lang, func(t *testing.T) {
			d := contractDoc(lang, 40, 30)
			long := "https://example.com/" + strings.Repeat("TP-2026-000123/", 30)
			d.Blocks = append(d.Blocks[:len(d.Blocks)-1:len(d.Blocks)-1], para(txt("Evidence 證據: "+long+" 下載後保存。")...), d.Blocks[len(d.Blocks)-1])
			d.Blocks[5].Table.Rows[7][1] = txt("序號 SN-" + strings.Repeat("0123456789", 12))
			p := writeTemp(t, renderPDF(t, d))
			checkStructure(t, p)
			pages := checkText(t, p, d)
			if len(pages) < 3 {
				t.Fatalf("%d pages, want at least 3", len(pages))
			}
			ph := langs[lang]
			header := stripSpace(strings.Join(ph.cols, ""))
			firstRow := stripSpace("1" + "Sony WH-1000XM5 無線耳機（黑色）")
			tablePages := 0
			for i, pg := range pages {
				// Table header repeated on every page the item rows run onto.
				if strings.Contains(pg, "NT$1,250") {
					tablePages++
					if !strings.HasPrefix(strings.SplitN(pg, "NT$1,250", 2)[0], header) && !strings.Contains(pg, header+firstRow) {
						t.Errorf("page %d continues the items table without its header row", i+1)
					}
				}
				// No heading alone at the bottom of a page.
				for _, h := range []string{ph.parties, ph.items, ph.clauses, ph.sign} {
					if strings.HasSuffix(pg, stripSpace(h)) {
						t.Errorf("page %d ends with the heading %q", i+1, h)
					}
				}
				// The signature block is never split.
				if strings.Contains(pg, stripSpace(ph.sign)) {
					after := pg[strings.Index(pg, stripSpace(ph.sign)):]
					if strings.Count(after, "____________2026-11-20") != 2 {
						t.Errorf("page %d: signature block split: %q", i+1, after)
					}
				}
			}
			if tablePages < 2 {
				t.Errorf("items table on %d pages, want it to run onto a second page", tablePages)
			}
		})
	}
}

// TestPDFReproducible: the same bytes from repeated renders, from many
// goroutines at once, and against the committed digests.
func TestPDFReproducible(t *testing.T) {
	t.Parallel()
	docs := map[string]*render.Document{}
	want := map[string][]byte{}
	for _, lang := range []string{"en", "zh-Hant", "zh-Hans"} {
		docs[lang] = contractDoc(lang, 1, 2)
		want[lang] = renderPDF(t, docs[lang])
		for i := 0; i < 2; i++ {
			if !bytes.Equal(renderPDF(t, docs[lang]), want[lang]) {
				t.Fatalf("%s: render %d differs from the first", lang, i+2)
			}
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	order := []string{"en", "zh-Hant", "zh-Hans"}
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// 8 × 3 = 24 documents, every language from every goroutine:
			// enough for the race detector to see any shared state and
			// for map-order nondeterminism to show; 200 took 40 s under
			// -race and found nothing more.
			for i := 0; i < 3; i++ {
				lang := order[(g+i)%3]
				var buf bytes.Buffer
				if err := render.PDF(&buf, docs[lang]); err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(buf.Bytes(), want[lang]) {
					errs <- fmt.Errorf("goroutine %d document %d (%s): bytes differ", g, i, lang)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Across processes and builds: the digests are committed, with the
	// version that made them. Output that changes must come with a new
	// render.Version, or VerifyPDF would call the PDFs the previous build
	// of that version made "changed" instead of "made by another version".
	for _, lang := range order {
		p := filepath.Join("testdata", "pdf", lang+".sha256")
		got := fmt.Sprintf("%s %x\n", render.Version, sha256.Sum256(want[lang]))
		b, err := os.ReadFile(p)
		if *updatePDF {
			if old, _, _ := strings.Cut(string(b), " "); err == nil && old == render.Version && string(b) != got {
				t.Fatalf("%s: the PDF bytes changed but render.Version is still %s: bump it, then run -update-pdf", lang, old)
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v (run go test -run TestPDFReproducible -update-pdf)", err)
		}
		if string(b) != got {
			t.Errorf("%s: PDF %s differs from %s %s: output changed (if on purpose, bump render.Version, look at the PDFs and run with -update-pdf)",
				lang, strings.TrimSpace(got), p, strings.TrimSpace(string(b)))
		}
	}
}

// TestPDFHostile: hostile text gives a clear error or a correct PDF, never
// a panic or a hang.
func TestPDFHostile(t *testing.T) {
	t.Parallel()
	rows := make([][][]render.Inline, 5000)
	for i := range rows {
		rows[i] = [][]render.Inline{txt(strconv.Itoa(i + 1)), txt("商品 item " + strconv.Itoa(i)), txt("NT$1,000")}
	}
	var wide [][]render.Inline
	for i := 0; i < 40; i++ {
		wide = append(wide, txt("欄位 column "+strconv.Itoa(i)))
	}
	nested := []render.Block{para(txt("最內層 innermost clause TP-2026-000123")...)}
	for i := 0; i < 60; i++ {
		nested = []render.Block{{Kind: render.BlockList, Ordered: true, Start: 1, Items: [][]render.Block{nested}}}
	}
	tests := []struct {
		name    string
		blocks  []render.Block
		opts    []render.PDFOption
		wantErr string // "" for a PDF
	}{
		{"only emoji", []render.Block{para(txt("😀🎉👍")...)}, nil, "U+1F600"},
		{"emoji replaced", []render.Block{para(txt("付款 😀 ok")...)}, []render.PDFOption{render.AllowReplacement()}, ""},
		{"U+10000", []render.Block{para(txt("\U00010000")...)}, nil, "outside the Basic Multilingual Plane"},
		{"CJK extension B", []render.Block{para(txt("姓名：𠀋先生")...)}, nil, "U+2000B"},
		{"10,000-character token", []render.Block{para(txt(strings.Repeat("A1-", 3334))...)}, nil, ""},
		{"10,000 ideographs", []render.Block{para(txt(strings.Repeat("合約", 5000))...)}, nil, ""},
		{"control characters shown as \\x1b", []render.Block{para(txt("pay\x00 now\x1b[31m")...)}, nil, ""},
		{"control characters replaced", []render.Block{para(txt("pay\x07now")...)}, []render.PDFOption{render.AllowReplacement()}, ""},
		{"invalid UTF-8 shown as \\xff", []render.Block{para(txt("bad \xff\xfe bytes")...)}, nil, ""},
		{"invalid UTF-8 replaced", []render.Block{para(txt("bad \xff\xfe bytes \xe6\x9c")...)}, []render.PDFOption{render.AllowReplacement()}, ""},
		{"RTL text", []render.Block{para(txt("שלום עולם مرحبا \u202Ereversed")...)}, nil, "no font has it"},
		{"lone combining mark", []render.Block{para(txt("\u0301")...)}, nil, "U+0301"},
		{"5,000-row item list", []render.Block{{Kind: render.BlockTable, Table: &render.Table{
			Header: [][]render.Inline{txt("#"), txt("品名"), txt("金額")}, Rows: rows}}}, nil, ""},
		{"empty document", nil, nil, ""},
		{"hostile metadata", []render.Block{para(txt("ok")...)}, []render.PDFOption{render.WithAttachment("a\xe0", []byte("x"))}, ""},
		{"40-column table", []render.Block{{Kind: render.BlockTable, Table: &render.Table{Header: wide, Rows: [][][]render.Inline{wide, wide}}}}, nil, ""},
		{"lists nested 60 deep", nested, nil, ""},
		{"empty table", []render.Block{{Kind: render.BlockTable, Table: &render.Table{}}}, nil, ""},
		{"huge keep block", []render.Block{{Kind: render.BlockKeep, Children: []render.Block{para(txt(strings.Repeat("簽署 ", 4000))...)}}}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &render.Document{Lang: "zh-Hant", Meta: render.Meta{ID: "TP-1", ShortDigest: "0000 0000 0000", Date: "2026-11-20"}, Blocks: tt.blocks}
			if tt.name == "hostile metadata" {
				d.Meta.Title, d.Meta.Author, d.Meta.Subject = "合約 😀\x00", "賣方\xe0", "\xf0\x9f"
				d.Meta.Keywords = []string{"\U0010FFFF", "\xe0"}
			}
			done := make(chan struct{})
			var buf bytes.Buffer
			var err error
			go func() {
				defer close(done)
				err = render.PDF(&buf, d, tt.opts...)
			}()
			select {
			case <-done:
			case <-time.After(90 * time.Second):
				t.Fatal("render.PDF hangs")
			}
			if tt.wantErr != "" {
				var me *render.MissingGlyphsError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &me) {
					t.Fatalf("err = %v, want a *MissingGlyphsError mentioning %q", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), "blocks[0] (paragraph)") {
					t.Errorf("error does not say where: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, e := exec.LookPath("qpdf"); e == nil {
				checkStructure(t, writeTemp(t, buf.Bytes()))
			}
		})
	}
}

func TestPDFOptions(t *testing.T) {
	needTool(t, "pdfinfo", "pdfdetach", "pdftotext")
	d := contractDoc("en", 3, 5)
	signed := []byte("tradepact-contract: 1\n...signed...\n")
	b := renderPDF(t, d, render.PageSize(render.Letter), render.Margins(36, 36, 48, 36), render.FontSize(11),
		render.WithAttachment("TP-2026-000123.tradepact", signed))
	p := writeTemp(t, b)
	if info := run(t, "pdfinfo", p); !strings.Contains(info, "612 x 792 pts (letter)") {
		t.Errorf("page size:\n%s", info)
	}
	if out := run(t, "pdfdetach", "-list", p); !strings.Contains(out, "TP-2026-000123.tradepact") {
		t.Errorf("attachment not listed:\n%s", out)
	}
	out := filepath.Join(t.TempDir(), "att")
	run(t, "pdfdetach", "-save", "1", "-o", out, p)
	if got, _ := os.ReadFile(out); !bytes.Equal(got, signed) {
		t.Errorf("attachment = %q, want %q", got, signed)
	}
	checkText(t, p, d)
	needTool(t, "qpdf", "pdffonts")
	checkStructure(t, p)
	for _, bad := range [][]render.PDFOption{
		{render.FontSize(0)}, {render.FontSize(1000)}, {render.Margins(-1, 0, 0, 0)},
		{render.Margins(400, 0, 400, 0)}, {render.PageSize(render.Paper{Width: 10, Height: 10})},
	} {
		if err := render.PDF(&bytes.Buffer{}, d, bad...); err == nil {
			t.Errorf("bad option accepted")
		}
	}
	d.Meta.Date = "20 Nov 2026"
	if err := render.PDF(&bytes.Buffer{}, d); err == nil || !strings.Contains(err.Error(), "meta.date") {
		t.Errorf("bad date: err = %v", err)
	}
}

func TestPDFKeep(t *testing.T) {
	dir := os.Getenv("PDF_KEEP")
	if dir == "" {
		t.Skip("set PDF_KEEP=dir to write sample PDFs for a look")
	}
	for _, lang := range []string{"zh-Hant", "zh-Hans", "en"} {
		b := renderPDF(t, contractDoc(lang, 12, 15))
		if err := os.WriteFile(filepath.Join(dir, lang+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		b = renderPDF(t, contractDoc(lang, 40, 30))
		if err := os.WriteFile(filepath.Join(dir, lang+"-long.pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

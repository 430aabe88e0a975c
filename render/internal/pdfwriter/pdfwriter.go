// Package pdfwriter writes the PDF file itself: pages of text runs, rules
// and filled boxes drawn with one embedded subset font, the document
// information, and embedded files.
//
// It writes the file directly instead of through gofpdf (which stays only
// as the baseline of the benchmarks, in straightforward.go). The layout
// already made the one subset font a document needs, so gofpdf's UTF-8
// font path was pure cost: it parsed that font again, cut a second subset
// of it, JSON-encoded a 65,536-entry width table to name it, and wrote a
// 128 KB CIDToGIDMap; that was about three quarters of the PDF time. Here
// the font's glyph ids are its CIDs (CIDToGIDMap /Identity), the width
// array and ToUnicode map come straight from the layout, and every stream
// is compressed with one reused zlib writer.
//
// The output depends only on the input: fixed dates from the caller, no
// file identifier (optional in an unencrypted PDF), objects in a fixed
// order. The compressed
// streams are what Go's compress/flate writes at its default level, so
// they are stable for one Go release; the PDF digests in render/testdata
// pin them.
package pdfwriter

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/tradepact/tradepact/render/internal/ttf"
)

// Attachment is a file embedded in the PDF.
type Attachment struct {
	Name string
	Data []byte
}

// Config describes a document. Lengths are in points.
type Config struct {
	Width, Height float64
	Title         string
	Subject       string
	Author        string
	Keywords      string
	Creator       string
	Date          time.Time // creation and modification date
	// Font is the one font every page draws with. Text may use only the
	// runes it maps.
	Font *ttf.Subsetted
	// Widths[i] is the advance of Font.Runes[i] in thousandths of an em,
	// exactly as the layout measured it.
	Widths      []int
	Attachments []Attachment
	// SigFields are empty signature fields (see sigfields.go).
	SigFields []SigField
}

// FontName is the PostScript name of the embedded font after its subset
// tag.
const FontName = "TradepactSubset"

// Writer draws one document. It is not safe for concurrent use; separate
// Writers are independent.
type Writer struct {
	c     Config
	gid   map[rune]uint16
	pages [][]byte
	cur   []byte
	// graphics state last set on the current page, so that it is written
	// only when it changes
	lw         float64
	draw, fill int
	err        error
	signing    *SigningInfo
}

// New starts a document.
func New(c Config) *Writer {
	w := &Writer{c: c}
	if c.Font == nil || len(c.Font.Runes) != len(c.Font.GIDs) || len(c.Widths) != len(c.Font.Runes) {
		w.err = errors.New("pdf: font, glyph ids and widths do not match")
		return w
	}
	w.gid = make(map[rune]uint16, len(c.Font.Runes))
	for i, r := range c.Font.Runes {
		w.gid[r] = c.Font.GIDs[i]
	}
	return w
}

// AddPage starts a new page.
func (w *Writer) AddPage() {
	if w.cur != nil {
		w.pages = append(w.pages, w.cur)
	}
	w.cur = make([]byte, 0, 8<<10)
	// Each page starts in the default graphics state.
	w.lw, w.draw, w.fill = 1, 0, 0
}

// num appends v rounded to 1/1000 in its shortest form.
func num(b []byte, v float64) []byte {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return append(b, '0')
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

func (w *Writer) nums(vs ...float64) {
	for _, v := range vs {
		w.cur = num(w.cur, v)
		w.cur = append(w.cur, ' ')
	}
}

const hexDigits = "0123456789ABCDEF"

// Text draws s with its baseline starting at (x, y), y measured from the
// top of the page. tc is extra space after every character (justification);
// bold strokes the outline (fake bold); italic slants it (fake oblique,
// sheared about the baseline so the text stays where it was laid out).
func (w *Writer) Text(x, y, size float64, s string, bold, italic bool, tc float64) {
	if w.cur == nil {
		w.err = errors.New("pdf: text before the first page")
		return
	}
	// Text is black: glyphs are filled with the fill colour, which the
	// last box (a grey table header) may have changed.
	w.startFill(0)
	wrap := bold || italic || tc != 0
	if wrap {
		w.cur = append(w.cur, "q "...)
		if italic {
			const slant = 0.2
			w.cur = append(w.cur, "1 0 "...)
			w.nums(slant, 1, -slant*(w.c.Height-y), 0)
			w.cur = append(w.cur, "cm "...)
		}
		if tc != 0 {
			w.nums(tc)
			w.cur = append(w.cur, "Tc "...)
		}
		if bold {
			// Stroke in black whatever colour the last rule used.
			w.cur = append(w.cur, "0 G 2 Tr "...)
			w.nums(size * 0.035)
			w.cur = append(w.cur, "w "...)
		}
	}
	w.cur = append(w.cur, "BT /F1 "...)
	w.nums(size)
	w.cur = append(w.cur, "Tf "...)
	w.nums(x, w.c.Height-y)
	w.cur = append(w.cur, "Td <"...)
	for _, r := range s {
		g, ok := w.gid[r]
		if !ok && w.err == nil {
			w.err = fmt.Errorf("pdf: no glyph for %U", r)
		}
		w.cur = append(w.cur, hexDigits[g>>12], hexDigits[g>>8&15], hexDigits[g>>4&15], hexDigits[g&15])
	}
	w.cur = append(w.cur, "> Tj ET"...)
	if wrap {
		w.cur = append(w.cur, " Q"...)
	}
	w.cur = append(w.cur, '\n')
}

func grey(b []byte, v int) []byte { return num(b, float64(v)/255) }

// Line draws a line of the given width.
func (w *Writer) Line(x1, y1, x2, y2, width float64, g int) {
	if width != w.lw {
		w.nums(width)
		w.cur = append(w.cur, "w "...)
		w.lw = width
	}
	if g != w.draw {
		w.cur = grey(w.cur, g)
		w.cur = append(w.cur, " G "...)
		w.draw = g
	}
	h := w.c.Height
	w.nums(x1, h-y1)
	w.cur = append(w.cur, "m "...)
	w.nums(x2, h-y2)
	w.cur = append(w.cur, "l S\n"...)
}

// Fill draws a filled rectangle in the given grey (0 black, 255 white).
func (w *Writer) Fill(x, y, width, height float64, g int) {
	w.startFill(g)
	w.nums(x, w.c.Height-y, width, -height)
	w.cur = append(w.cur, "re f\n"...)
}

func (w *Writer) startFill(g int) {
	if g != w.fill {
		w.cur = grey(w.cur, g)
		w.cur = append(w.cur, " g "...)
		w.fill = g
	}
}

// Modules draws a grid of square modules (a QR code) as one filled path:
// dark[y][x] is a dark module, its top-left corner at (x0+x·m, y0+y·m).
// Runs of dark modules on a row become one rectangle.
func (w *Writer) Modules(x0, y0, m float64, dark [][]bool, g int) {
	w.startFill(g)
	w.cur = append(w.cur, "q 1 0 0 1 "...)
	w.nums(x0, w.c.Height-y0)
	w.cur = append(w.cur, "cm "...)
	w.nums(m, 0, 0, -m)
	w.cur = append(w.cur, "0 0 cm\n"...)
	// In module units now: y grows downwards, one unit a module.
	for y, row := range dark {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			x1 := x
			for x < len(row) && row[x] {
				x++
			}
			w.cur = strconv.AppendInt(w.cur, int64(x1), 10)
			w.cur = append(w.cur, ' ')
			w.cur = strconv.AppendInt(w.cur, int64(y), 10)
			w.cur = append(w.cur, ' ')
			w.cur = strconv.AppendInt(w.cur, int64(x-x1), 10)
			w.cur = append(w.cur, " 1 re\n"...)
		}
	}
	w.cur = append(w.cur, "f Q\n"...)
}

// zlibs reuses compressors: a new one allocates ~1 MB. They hold no
// state between uses (Reset), so sharing them changes no output.
//
// Level 2 rather than the default 6: compression is most of the time
// left in writing a PDF, nearly all of it in the font, whose CJK outlines
// compress poorly at any level. On the largest example (proxy_purchase
// zh-Hant) level 2 takes ~35% less time than 6 for 5% more bytes (76.7
// against 73.2 KB); level 1 saves another ~0.5 ms but adds 4 KB more.
var zlibs = sync.Pool{New: func() any {
	z, _ := zlib.NewWriterLevel(nil, 2)
	return z
}}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	z := zlibs.Get().(*zlib.Writer)
	z.Reset(&buf)
	z.Write(b)
	z.Close()
	zlibs.Put(z)
	return buf.Bytes()
}

// file assembles numbered objects and the cross-reference table.
type file struct {
	buf  bytes.Buffer
	offs []int // offs[i] is the offset of object i+1
}

func (f *file) reserve() int {
	f.offs = append(f.offs, -1)
	return len(f.offs)
}

func (f *file) begin(n int) {
	f.offs[n-1] = f.buf.Len()
	fmt.Fprintf(&f.buf, "%d 0 obj\n", n)
}

func (f *file) obj(n int, dict string) {
	f.begin(n)
	f.buf.WriteString(dict)
	f.buf.WriteString("\nendobj\n")
}

// stream writes a compressed stream object; extra goes into its dictionary.
func (f *file) stream(n int, data []byte, extra string) {
	z := deflate(data)
	f.begin(n)
	fmt.Fprintf(&f.buf, "<< /Length %d /Filter /FlateDecode%s >>\nstream\n", len(z), extra)
	f.buf.Write(z)
	f.buf.WriteString("\nendstream\nendobj\n")
}

// text is a PDF text string: UTF-16BE with a byte-order mark, as a
// literal string (the form PDF editors and gofpdf write).
func text(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 4+2*len(u))
	b = append(b, '(')
	put := func(c byte) {
		switch c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	put(0xFE)
	put(0xFF)
	for _, c := range u {
		put(byte(c >> 8))
		put(byte(c))
	}
	return string(append(b, ')'))
}

// Output writes the PDF.
func (w *Writer) Output(out io.Writer) error {
	if w.err != nil {
		return w.err
	}
	if w.cur != nil {
		w.pages = append(w.pages, w.cur)
		w.cur = nil
	}
	if len(w.pages) == 0 {
		return errors.New("pdf: no pages")
	}
	c := w.c
	font := c.Font
	f := &file{}
	f.buf.Grow(len(font.Data)/2 + 32<<10)
	f.buf.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")

	catalog, pagesObj, info := f.reserve(), f.reserve(), f.reserve()
	type0, cid, desc, file2, toUni := f.reserve(), f.reserve(), f.reserve(), f.reserve(), f.reserve()

	// Pages: the page size and the font are inherited from the tree.
	kids := make([]byte, 0, 12*len(w.pages))
	pageObjs := make([]int, len(w.pages))
	for i := range w.pages {
		pageObjs[i] = f.reserve()
		kids = fmt.Appendf(kids, "%d 0 R ", pageObjs[i])
	}
	var mb []byte
	mb = append(mb, "[0 0 "...)
	mb = num(mb, c.Width)
	mb = append(mb, ' ')
	mb = num(mb, c.Height)
	mb = append(mb, ']')

	// The subset tag names this subset: the same glyphs, the same tag.
	sum := sha256.Sum256(font.Data)
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	name := string(tag[:]) + "+" + FontName

	// The catalog, with the embedded files' name tree.
	var names string
	if len(c.Attachments) > 0 {
		type entry struct {
			key string
			ref int
		}
		var es []entry
		for _, a := range c.Attachments {
			spec, ef := f.reserve(), f.reserve()
			md := md5.Sum(a.Data)
			f.stream(ef, a.Data, fmt.Sprintf(" /Type /EmbeddedFile /Params << /Size %d /CheckSum <%s> /ModDate (%s) >>",
				len(a.Data), hex.EncodeToString(md[:]), pdfDate(c.Date)))
			f.obj(spec, fmt.Sprintf("<< /Type /Filespec /F %s /UF %s /EF << /F %d 0 R /UF %d 0 R >> >>", text(a.Name), text(a.Name), ef, ef))
			es = append(es, entry{text(a.Name), spec})
		}
		slices.SortStableFunc(es, func(a, b entry) int { return compareStr(a.key, b.key) })
		names = " /Names << /EmbeddedFiles << /Names ["
		for _, e := range es {
			names += fmt.Sprintf(" %s %d 0 R", e.key, e.ref)
		}
		names += " ] >> >> /PageMode /UseAttachments"
	}
	// Signature fields: widgets on their pages, listed in the AcroForm.
	annots := make([]string, len(w.pages))
	var fieldsRef string
	var fields []FieldInfo
	if len(c.SigFields) > 0 {
		fieldsRef = "["
		for _, sf := range c.SigFields {
			if sf.Page < 0 || sf.Page >= len(w.pages) {
				return fmt.Errorf("pdf: signature field %q on page %d of %d", sf.Name, sf.Page+1, len(w.pages))
			}
			n := f.reserve()
			var r []byte
			r = append(r, '[')
			r = num(r, sf.X)
			r = append(r, ' ')
			r = num(r, c.Height-sf.Y-sf.H)
			r = append(r, ' ')
			r = num(r, sf.X+sf.W)
			r = append(r, ' ')
			r = num(r, c.Height-sf.Y)
			r = append(r, ']')
			d := fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T %s /F 132 /Rect %s /P %d 0 R", text(sf.Name), r, pageObjs[sf.Page])
			f.obj(n, d+" >>")
			fields = append(fields, FieldInfo{Obj: n, Dict: d, W: sf.W, H: sf.H})
			annots[sf.Page] += fmt.Sprintf(" %d 0 R", n)
			fieldsRef += fmt.Sprintf("%d 0 R ", n)
		}
		fieldsRef = fieldsRef[:len(fieldsRef)-1] + "]"
	}
	catalogDict := fmt.Sprintf("<< /Type /Catalog /Version /1.7 /Pages %d 0 R%s", pagesObj, names)
	if fieldsRef != "" {
		f.obj(catalog, catalogDict+" /AcroForm << /Fields "+fieldsRef+" >> >>")
	} else {
		f.obj(catalog, catalogDict+" >>")
	}
	f.obj(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox %s /Resources << /Font << /F1 %d 0 R >> /ProcSet [/PDF /Text] >> >>",
		bytes.TrimSpace(kids), len(w.pages), mb, type0))
	d := pdfDate(c.Date)
	f.obj(info, fmt.Sprintf("<< /Title %s /Subject %s /Author %s /Keywords %s /Creator %s /Producer %s /CreationDate (%s) /ModDate (%s) >>",
		text(c.Title), text(c.Subject), text(c.Author), text(c.Keywords), text(c.Creator), text(c.Creator), d, d))

	// The font: Type0 over one CIDFontType2 whose CIDs are its glyph ids.
	f.obj(type0, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", name, cid, toUni))
	f.obj(cid, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>",
		name, desc, w.widthArray()))
	em := func(v int) int { return int(math.Round(float64(v) * 1000 / float64(font.UnitsPerEm))) }
	bb := font.BBox
	f.obj(desc, fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %d 0 R >>",
		name, em(bb[0]), em(bb[1]), em(bb[2]), em(bb[3]), em(font.Ascent), em(font.Descent), em(font.CapHeight), file2))
	f.stream(file2, font.Data, fmt.Sprintf(" /Length1 %d", len(font.Data)))
	f.stream(toUni, w.toUnicode(), "")

	for i, p := range w.pages {
		content := f.reserve()
		if annots[i] != "" {
			f.obj(pageObjs[i], fmt.Sprintf("<</Type /Page\n/Parent %d 0 R\n/Contents %d 0 R\n/Annots [%s]>>", pagesObj, content, annots[i][1:]))
		} else {
			f.obj(pageObjs[i], fmt.Sprintf("<</Type /Page\n/Parent %d 0 R\n/Contents %d 0 R>>", pagesObj, content))
		}
		f.stream(content, p, "")
	}

	// Cross-reference table and trailer, laid out one entry a line as
	// gofpdf did (tools that append incremental updates read it).
	xref := f.buf.Len()
	fmt.Fprintf(&f.buf, "xref\n0 %d\n0000000000 65535 f \n", len(f.offs)+1)
	for _, o := range f.offs {
		fmt.Fprintf(&f.buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&f.buf, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offs)+1, catalog, info, xref)
	w.signing = &SigningInfo{Size: len(f.offs) + 1, Xref: xref, Root: catalog, Info: info, Catalog: catalogDict, FieldsRef: fieldsRef, Font: type0, Fields: fields}
	_, err := out.Write(f.buf.Bytes())
	return err
}

func compareStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func pdfDate(t time.Time) string {
	return t.UTC().Format("D:20060102150405Z")
}

// widthArray lists the advance of every glyph: runs of consecutive glyph
// ids as "first [w1 w2 …]".
func (w *Writer) widthArray() []byte {
	type gw struct {
		gid uint16
		w   int
	}
	gs := make([]gw, len(w.c.Font.GIDs))
	for i, g := range w.c.Font.GIDs {
		gs[i] = gw{g, w.c.Widths[i]}
	}
	slices.SortFunc(gs, func(a, b gw) int { return int(a.gid) - int(b.gid) })
	var b []byte
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].gid == gs[j-1].gid+1 {
			j++
		}
		b = strconv.AppendInt(b, int64(gs[i].gid), 10)
		b = append(b, " ["...)
		for k := i; k < j; k++ {
			if k > i {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(gs[k].w), 10)
		}
		b = append(b, "] "...)
		i = j
	}
	return bytes.TrimSpace(b)
}

// toUnicode is the CMap that maps glyph ids back to text, for copying and
// searching (pdftotext reads it).
func (w *Writer) toUnicode() []byte {
	var b []byte
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	rs := w.c.Font.Runes
	for i := 0; i < len(rs); i += 100 {
		j := min(i+100, len(rs))
		b = fmt.Appendf(b, "%d beginbfchar\n", j-i)
		for k := i; k < j; k++ {
			b = fmt.Appendf(b, "<%04X> <%04X>\n", w.c.Font.GIDs[k], rs[k])
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CIDFont defineresource pop\nend\nend\n"...)
}

package render

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tradepact/tradepact/internal/linebreak"
	"github.com/tradepact/tradepact/render/internal/fonts"
)

// pieces that generated contract text is made of.
var pieces = []string{
	"the", "buyer", "shall", "pay", "within", "7", "days", "of", "receipt", "Pokémon",
	"TP-2026-000123", "NT$1,200", "¥1,001.50", "2026-11-22", "L/C", "li@example.com", "US$371.89",
	"買方", "應於", "收貨後", "七日內", "付款", "定金", "人民币壹仟零壹元伍角整", "新臺幣", "支付寶", "验收合格",
	"，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "（", "「", "『", "(", ")", ".", ",",
	" ", " ", " ", "supercalifragilisticexpialidocious", "第一條", "https://example.com/terms/TP-2026-000123",
}

func genText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(60) + 1; n > 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func testLayout(t *testing.T) *layout {
	faces, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := &pdfConfig{paper: A4, margins: [4]float64{50, 50, 50, 50}, size: 10}
	return newLayout(&Document{Lang: "zh-Hant"}, c, fonts.NewSet(faces...))
}

// isLatin reports whether r belongs to a token that must not be split:
// neither white space nor a wide (CJK) character.
func isLatin(r rune) bool { return !unicode.IsSpace(r) && !linebreak.Wide(r) }

// TestLayoutProperties lays out generated mixed text at many widths and
// checks what a typesetter checks: no line wider than the measure, nothing
// dropped, no kinsoku violation, no Latin token split except a token wider
// than the whole line.
func TestLayoutProperties(t *testing.T) {
	l := testLayout(t)
	r := rand.New(rand.NewPCG(1, 2))
	const size = 10.0
	for i := 0; i < 400; i++ {
		text := l.clean(genText(r), "test")
		if len(l.missing) > 0 {
			t.Fatalf("missing glyphs: %v", l.missing)
		}
		width := 40 + r.Float64()*400
		st := textStyle{size: size, justify: i%2 == 0, align: Align(i % 4)}
		x0 := 100.0
		lines := l.lines(text, []span{{start: 0, end: len(text)}}, x0, width, st)
		var joined strings.Builder
		for k, ln := range lines {
			var drawn strings.Builder
			for _, o := range ln.ops {
				drawn.WriteString(o.s)
				if o.x < x0-1e-6 {
					t.Errorf("%q at width %.1f: line %d starts left of the measure", text, width, k)
				}
				if o.tc > 0 && strings.ContainsFunc(o.s, func(r rune) bool { return !linebreak.Wide(r) }) {
					// Justification stretches CJK gaps only: Latin words keep their spacing.
					t.Errorf("%q at width %.1f: line %d letter-spaces %q", text, width, k, o.s)
				}
			}
			if drawn.String() != ln.text {
				t.Errorf("line %d draws %q, laid out %q", k, drawn.String(), ln.text)
			}
			joined.WriteString(ln.text)
			if ln.width > width+1e-6 {
				t.Errorf("%q at width %.1f: line %d %q is %.2f wide", text, width, k, ln.text, ln.width)
			}
			if len(ln.ops) > 0 {
				last := ln.ops[len(ln.ops)-1]
				end := last.x + l.measure(last.s, size) + last.tc*float64(utf8.RuneCountInString(last.s)-1)
				if end > x0+width+1e-6 {
					t.Errorf("%q at width %.1f: line %d ends at %.2f, past %.2f", text, width, k, end, x0+width)
				}
			}
			if k == 0 || ln.text == "" {
				continue
			}
			prev := lines[k-1]
			first, _ := utf8.DecodeRuneInString(ln.text)
			lastR, _ := utf8.DecodeLastRuneInString(prev.text)
			if prev.forced {
				continue
			}
			if linebreak.NoStart(first) {
				t.Errorf("%q at width %.1f: line %d %q starts with %q", text, width, k, ln.text, first)
			}
			if linebreak.NoEnd(lastR) {
				t.Errorf("%q at width %.1f: line %d %q ends with %q", text, width, k-1, prev.text, lastR)
			}
			gap := text[prev.at+len(prev.text) : ln.at]
			if isLatin(lastR) && isLatin(first) && strings.TrimSpace(gap) == gap {
				// Only allowed where the source has a space.
				t.Errorf("%q at width %.1f: token split between %q and %q", text, width, prev.text, ln.text)
			}
		}
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, s)
		}
		if strip(joined.String()) != strip(text) {
			t.Errorf("%q at width %.1f: lines %q drop or add text", text, width, joined.String())
		}
	}
}

// A QR code without a signing record goes with the signature block before
// it: it never lands alone on a page of its own.
func TestQRKeptWithSignatureBlock(t *testing.T) {
	md := "# Contract\n\nSome text.\n\n<!-- keep -->\n\n## Signatures\n\n| | Seller | Buyer |\n|---|---|---|\n| Name | A | B |\n| Signature | | |\n\n<!-- /keep -->\n"
	l := laidOut(t, md, Meta{ID: "TP-1", QR: "sha256:" + strings.Repeat("ab", 32)})
	groupOf := func(text string) int {
		for _, it := range l.items {
			for _, o := range it.ops {
				if o.kind == 't' && strings.Contains(o.s, text) {
					return it.group
				}
			}
		}
		t.Fatalf("no item draws %q", text)
		return 0
	}
	sig, qr := groupOf("Signature"), groupOf(labels[0].qr)
	if sig == 0 || qr != sig {
		t.Errorf("signature block group %d, QR group %d: want the same, non-zero", sig, qr)
	}
}

// Short tables and lists are kept on one page: their items share a group.
func TestShortTablesAndListsKept(t *testing.T) {
	md := "# C\n\n| No. | Due | Amount |\n|---|---|---|\n| 1 | 2026-11-25 | 10 |\n| 2 | 2026-12-25 | 10 |\n| 3 | 2027-01-25 | 10 |\n\n- Subtotal: 1\n- Shipping: 2\n- Total: 3\n"
	l := laidOut(t, md, Meta{})
	groups := map[string]int{}
	for _, it := range l.items {
		for _, o := range it.ops {
			if o.kind == 't' {
				groups[o.s] = it.group
			}
		}
	}
	for _, set := range [][]string{{"2026-11-25", "2026-12-25", "2027-01-25"}, {"Subtotal: 1", "Shipping: 2", "Total: 3"}} {
		g := groups[set[0]]
		for _, s := range set {
			if groups[s] == 0 || groups[s] != g {
				t.Errorf("%q in group %d, %q in group %d: want one non-zero group", s, groups[s], set[0], g)
			}
		}
	}
}

// Empty cells are room to sign only in a kept block (the signature
// block); a short table elsewhere keeps ordinary row heights.
func TestRoomToSignOnlyInKeptBlocks(t *testing.T) {
	rowHeight := func(md string) float64 {
		l := laidOut(t, md, Meta{})
		for _, it := range l.items {
			for _, o := range it.ops {
				if o.kind == 't' && o.s == "Notes" {
					return it.h
				}
			}
		}
		t.Fatal("no Notes row")
		return 0
	}
	table := "| | Seller | Buyer |\n|---|---|---|\n| Name | A | B |\n| Notes | | |\n"
	plain, kept := rowHeight(table), rowHeight("<!-- keep -->\n\n"+table+"\n<!-- /keep -->\n")
	if !(plain < kept) {
		t.Errorf("row height %.1f outside a kept block, %.1f inside: want it taller only inside", plain, kept)
	}
}

// laidOut parses md with meta and lays it out on A4 at 10 pt.
func laidOut(t *testing.T, md string, meta Meta) *layout {
	t.Helper()
	doc, err := Parse([]byte(md), meta)
	if err != nil {
		t.Fatal(err)
	}
	doc.Lang = "en"
	faces, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	l := newLayout(doc, &pdfConfig{paper: A4, margins: [4]float64{50, 50, 50, 50}, size: 10}, fonts.NewSet(faces...))
	l.keepItems = true
	if _, err := l.run(); err != nil {
		t.Fatal(err)
	}
	return l
}

// An item note that carries its own number ("1. 星巴克隨行卡") gets no bullet
// before it: one marker, not "• 1.". Other bullet items keep theirs, and
// text that merely starts with a number ("2026年", "1.5 kg") is no marker.
func TestOwnMarkerNoBullet(t *testing.T) {
	md := "# C\n\n- **1. 星巴克隨行卡**：全新未使用\n- **（二）禮物卡**：未綁定\n- 小計：NT$920\n- 1.5 kg net\n- 2026年11月20日\n"
	l := laidOut(t, md, Meta{})
	bullets := 0
	for _, it := range l.items {
		for _, o := range it.ops {
			if o.kind == 't' && o.s == "•" {
				bullets++
			}
		}
	}
	if bullets != 3 {
		t.Errorf("%d bullets drawn, want 3 (none before the items that number themselves)", bullets)
	}
}

// pagesOf parses md with meta and record, lays it out on A4 at 10 pt with
// 50 pt margins and returns the pages, header and footer included.
func pagesOf(t *testing.T, md string, meta Meta, record []Block) [][]op {
	t.Helper()
	doc, err := Parse([]byte(md), meta)
	if err != nil {
		t.Fatal(err)
	}
	doc.Lang, doc.Record = "en", record
	faces, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	l := newLayout(doc, &pdfConfig{paper: A4, margins: [4]float64{50, 50, 50, 50}, size: 10}, fonts.NewSet(faces...))
	pages, err := l.run()
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func pageWith(pages [][]op, s string) int {
	for i, p := range pages {
		for _, o := range p {
			if o.kind == 't' && strings.Contains(o.s, s) {
				return i
			}
		}
	}
	return -1
}

// fillerDoc is n one-line clauses, a three-line clause, then a signature
// block: as n grows the block reaches the foot of page 1.
func fillerDoc(n int, tail string) string {
	var b strings.Builder
	b.WriteString("# Contract\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Clause %d applies.\n\n", i+1)
	}
	b.WriteString("Last clause: " + strings.Repeat("the parties agree on these words ", 12) + "and nothing else.\n\n")
	b.WriteString(tail)
	return b.String()
}

const sigBlock = "<!-- keep -->\n\n## Signatures\n\n| | Seller | Buyer |\n|---|---|---|\n| Name | A | B |\n| Signature | | |\n| Date | | |\n\n<!-- /keep -->\n"

// The signature block never stands alone at the top of a page: when it
// does not fit where it is, the end of the text before it goes along.
func TestSignatureBlockNotAlone(t *testing.T) {
	moved := false
	for n := 20; n < 45; n++ {
		pages := pagesOf(t, fillerDoc(n, sigBlock), Meta{}, nil)
		p := pageWith(pages, "Signatures")
		if p < 0 {
			t.Fatal("no signature block")
		}
		if p == 0 {
			continue
		}
		moved = true
		if pageWith(pages[p:], "nothing else.") != 0 {
			t.Errorf("%d clauses: the signature block starts page %d alone", n, p+1)
		}
	}
	if !moved {
		t.Fatal("the signature block never moved to page 2: the test checks nothing")
	}
}

// The rule that sets the signing record apart is not drawn at the top of
// a page, where the header's rule already is.
func TestRecordRuleNotUnderHeader(t *testing.T) {
	record := []Block{{Kind: BlockHeading, Level: 2, Inlines: []Inline{{Text: "Signing record"}}}}
	for i := range 8 {
		record = append(record, Block{Kind: BlockParagraph, Inlines: []Inline{{Text: fmt.Sprintf("Record line %d: confirmed with key ed25519:7f3a9c.", i)}}})
	}
	atTop := false
	for n := 20; n < 50; n++ {
		pages := pagesOf(t, fillerDoc(n, ""), Meta{}, record)
		p := pageWith(pages, "Signing record")
		if p <= 0 || pageWith(pages[p:], "nothing else.") == 0 {
			continue
		}
		atTop = true
		var headY float64
		for _, o := range pages[p] {
			if o.kind == 't' && o.s == "Signing record" {
				headY = o.y
			}
		}
		for _, o := range pages[p] {
			if o.kind == 'l' && o.y > 50 && o.y < headY { // below the header's rule
				t.Errorf("%d clauses: a rule at y %.1f above the record's heading at the top of page %d", n, o.y, p+1)
			}
		}
	}
	if !atTop {
		t.Fatal("the record never started a page: the test checks nothing")
	}
}

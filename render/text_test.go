package render_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tradepact/tradepact/internal/linebreak"
	"github.com/tradepact/tradepact/render"
)

var words = []string{
	"The", "buyer", "pays", "within", "7", "days", "TP-2026-000123", "NT$1,200", "¥2,365.00", "L/C",
	"買方", "應於", "收貨後", "七日內", "付款", "定金", "人民币贰仟叁佰陆拾伍元整", "，", "。", "；", "：", "、", "（", "）", "「", "」",
	"supercalifragilisticexpialidocious", "https://example.com/a/very/long/path/TP-2026-000123", " ", " ", " ", "\t", "\n",
}

func randomParagraph(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(80) {
		b.WriteString(words[r.IntN(len(words))])
		if r.IntN(3) == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

// TestTextWrapProperties renders random mixed paragraphs, as a paragraph
// and as a list item, at random widths and checks: no line wider than the
// width (a token longer than the line is force-broken), no line starting
// with closing punctuation unless the paragraph does, and the text equal
// to the input once white space is collapsed.
func TestTextWrapProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for iter := range 600 {
		in := randomParagraph(r)
		w := render.MinTextWidth + r.IntN(70)
		inlines := []render.Inline{{Text: in}}
		doc := &render.Document{Blocks: []render.Block{
			{Kind: render.BlockParagraph, Inlines: inlines},
			{Kind: render.BlockList, Items: [][]render.Block{{{Kind: render.BlockParagraph, Inlines: inlines}}}},
		}}
		var b bytes.Buffer
		if err := render.Text(&b, doc, render.Width(w)); err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(b.String(), "\n\n", 2)
		if len(parts) != 2 {
			t.Fatalf("#%d: want a paragraph and a list:\n%s", iter, b.String())
		}
		for k, part := range parts {
			lines := strings.Split(strings.TrimSuffix(part, "\n"), "\n")
			var text strings.Builder
			for i, l := range lines {
				if cw := linebreak.Columns(l); cw > float64(w) {
					t.Fatalf("#%d width %d: line %q is %v wide", iter, w, l, cw)
				}
				body := l
				if k == 1 {
					if i == 0 {
						body = strings.TrimPrefix(l, "- ")
					} else {
						if !strings.HasPrefix(l, "  ") {
							t.Fatalf("#%d: list line %q not indented", iter, l)
						}
						body = l[2:]
					}
				}
				if c, _ := utf8.DecodeRuneInString(body); i > 0 && linebreak.NoStart(c) {
					t.Fatalf("#%d width %d: line %d starts with %q:\n%s", iter, w, i, c, part)
				}
				text.WriteString(body + " ")
			}
			if noSpace(text.String()) != noSpace(in) {
				t.Fatalf("#%d width %d: text changed:\n in %q\nout %q", iter, w, noSpace(in), noSpace(text.String()))
			}
		}
	}
}

// TestTableFitsOrRecords checks that a table is aligned by display width
// when it fits and becomes a list of records when it cannot.
func TestTableFitsOrRecords(t *testing.T) {
	cell := func(s string) []render.Inline { return []render.Inline{{Text: s}} }
	doc := &render.Document{Blocks: []render.Block{{Kind: render.BlockTable, Table: &render.Table{
		Align:  []render.Align{render.AlignRight, render.AlignLeft, render.AlignRight},
		Header: [][]render.Inline{cell("No."), cell("品名"), cell("Amount")},
		Rows: [][][]render.Inline{
			{cell("1"), cell("星巴克隨行卡"), cell("NT$920")},
			{cell("2"), cell("Sony WH-1000XM5 wireless headphones"), cell("US$329.99")},
		},
	}}}}
	var wide bytes.Buffer
	if err := render.Text(&wide, doc, render.Width(80)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(wide.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("wide table:\n%s", wide.String())
	}
	// Columns line up by display width: every "|" at the same column.
	pos := func(l string) []float64 {
		var out []float64
		for i, r := range l {
			if r == '|' || r == '+' {
				out = append(out, linebreak.Columns(l[:i]))
			}
		}
		return out
	}
	for _, l := range lines[1:] {
		if fmt.Sprint(pos(l)) != fmt.Sprint(pos(lines[0])) {
			t.Errorf("columns do not line up:\n%s", wide.String())
		}
	}
	if !strings.Contains(lines[2], "   NT$920") {
		t.Errorf("right alignment lost: %q", lines[2])
	}
	var narrow bytes.Buffer
	if err := render.Text(&narrow, doc, render.Width(20)); err != nil {
		t.Fatal(err)
	}
	want := "- No.: 1\n  品名：星巴克隨行卡\n  Amount: NT$920\n\n- No.: 2\n  品名：Sony\n  WH-1000XM5\n  wireless\n  headphones\n  Amount: US$329.99\n"
	if narrow.String() != want {
		t.Errorf("narrow table:\n%s\nwant\n%s", narrow.String(), want)
	}
}

// TestConcurrentRender renders one document in every format from many
// goroutines (run with -race): documents are read-only and shared.
func TestConcurrentRender(t *testing.T) {
	doc := exampleDoc(t, "proxy_purchase-zh-Hant")
	done := make(chan error)
	for i := range 8 {
		go func() {
			var err error
			for _, f := range formats {
				var b bytes.Buffer
				if err = f.render(&b, doc); err != nil {
					break
				}
			}
			var b bytes.Buffer
			if err == nil {
				err = render.Text(&b, doc, render.Width(20+i*10))
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

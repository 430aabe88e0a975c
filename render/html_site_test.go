package render_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
)

func TestHTMLFragment(t *testing.T) {
	doc := exampleDoc(t, "secondhand-zh-Hant")
	var b bytes.Buffer
	state := render.SigningState{Revision: 3, Parties: []render.PartyState{
		{Role: "seller", Name: "陳<b>小姐</b>", Confirmed: true, At: "2026-11-20 14:03"},
		{Role: "buyer", Name: "林先生", Confirmed: true},
	}}
	if err := render.HTMLFragment(&b, doc, render.WithSigningState(state)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<html", "<head", "<body", "<style", "<script", "<b>小姐"} {
		if strings.Contains(out, bad) {
			t.Errorf("fragment holds %q", bad)
		}
	}
	for _, want := range []string{
		`<article class="tradepact" lang="zh-Hant" data-document-digest="` + doc.Digest().String() + `">`,
		`<section class="tp-state" data-state="agreed">`,
		`<p>雙方均已確認第 3 版。</p>`,
		`<li class="tp-party tp-confirmed">賣方 陳&lt;b&gt;小姐&lt;/b&gt;：已於 2026-11-20 14:03 確認</li>`,
		`<li class="tp-party tp-confirmed">買方 林先生：已確認</li>`,
		`data-label="品名"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("fragment lacks %q", want)
		}
	}
	if strings.Contains(out, "tp-record") {
		t.Error("a record section without a record")
	}
	// Pending, in English, without a state section when none is given.
	state.Parties[1].Confirmed = false
	b.Reset()
	if err := render.HTMLFragment(&b, exampleDoc(t, "goods-en"), render.WithSigningState(state)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`data-state="pending"`, "Revision 3 is waiting for confirmation.", `<li class="tp-party tp-pending">Buyer 林先生: has not confirmed yet</li>`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("pending fragment lacks %q", want)
		}
	}
	b.Reset()
	if err := render.HTMLFragment(&b, doc); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "tp-state") {
		t.Error("a state section without WithSigningState")
	}
	if err := render.HTMLFragment(&b, nil); err == nil {
		t.Error("nil document: no error")
	}
	if css := render.HTMLStyle(); !strings.Contains(css, "@container") || strings.Contains(css, "\nbody") {
		t.Error("HTMLStyle is not scoped under .tradepact")
	}
}

func TestHTMLChanges(t *testing.T) {
	a, err := agreement.Load("../examples/terms/goods-zh-Hans.yaml")
	if err != nil {
		t.Fatal(err)
	}
	old, err := render.NewDocument(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.HTMLChanges(&b, old, old); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<p class="tp-none">文本没有修改。</p>`) || strings.Contains(b.String(), "tp-hunk") {
		t.Errorf("no changes:\n%s", b.String())
	}
	a.Clauses = append(a.Clauses, agreement.Clause{Title: "附加", Text: "卖方<script>alert(1)</script>赠送贴膜"})
	a.Payment.Due = a.Payment.Due.AddDays(1)
	cur, err := render.NewDocument(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := render.HTMLChanges(&b, old, cur); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<script>") || !strings.Contains(out, "&lt;script&gt;") {
		t.Error("clause text not escaped")
	}
	if n := strings.Count(out, `<div class="tp-hunk">`); n < 2 {
		t.Errorf("%d hunks:\n%s", n, out)
	}
	if !strings.Contains(out, "<ins>") || !strings.Contains(out, "<del>") {
		t.Errorf("no marked text:\n%s", out)
	}
	// Deterministic, and safe for concurrent use.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var c bytes.Buffer
			if err := render.HTMLChanges(&c, old, cur); err != nil || c.String() != out {
				t.Error("HTMLChanges differs between calls")
			}
		})
	}
	wg.Wait()
	if err := render.HTMLChanges(&b, nil, cur); err == nil {
		t.Error("nil document: no error")
	}
}

// Two documents of many lines that differ everywhere cost bounded work:
// the stretch is shown whole.
func TestHTMLChangesLarge(t *testing.T) {
	var x, y strings.Builder
	for i := range 3000 {
		x.WriteString("line a" + strings.Repeat("x", i%7) + "\n\n")
		y.WriteString("line b" + strings.Repeat("y", i%5) + "\n\n")
	}
	old, err := render.Parse([]byte(x.String()), render.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	cur, err := render.Parse([]byte(y.String()), render.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.HTMLChanges(&b, old, cur); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), `class="tp-old"`); n != 3000 {
		t.Errorf("%d removed lines", n)
	}
}

package render_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
)

// layout is what the page measures of itself in the browser.
type layout struct {
	Inner, Scroll int
	Past          []string // elements past the right (or left) edge
	Narrow        []string // table cells narrower than half the window at phone width
	Cells         int
}

const measureJS = `(() => {
  const w = window.innerWidth, past = [], narrow = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > w + 0.5 || r.left < -0.5)
      past.push(el.tagName.toLowerCase() + '.' + el.className + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + '] ' + (el.textContent || '').trim().slice(0, 30));
  }
  const cells = document.querySelectorAll('td');
  if (w < 600) for (const td of cells) {
    const r = td.getBoundingClientRect();
    if (r.width < w / 2) narrow.push(Math.round(r.width) + 'px: ' + (td.textContent || '').trim().slice(0, 30));
  }
  return {Inner: w, Scroll: document.documentElement.scrollWidth, Past: past.slice(0, 8), Narrow: narrow.slice(0, 8), Cells: cells.length};
})()`

// hostPage wraps a fragment in the least a site's page has.
func hostPage(lang, body string) []byte {
	return []byte(`<!DOCTYPE html>
<html lang="` + lang + `"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; padding: 12px; font-family: sans-serif; }` + render.HTMLStyle() + `</style>
</head><body><header>Marketplace</header>
` + body + `</body></html>`)
}

// TestHTMLOnPhone opens the standalone page (what tradepact render -o
// x.html writes), the fragment in a site's page and the changes view in
// headless Chromium at 390 px (a phone, with mobile emulation) and 1024 px:
// the page must not scroll sideways, no element may reach past the right
// edge, and at 390 px every table cell must take a record's full width
// (the items table reflows; item names do not wrap after four
// characters). Screenshots go to TRADEPACT_SCREENSHOTS when it is set.
func TestHTMLOnPhone(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	shots := os.Getenv("TRADEPACT_SCREENSHOTS")

	pages := map[string][]byte{}
	for _, name := range []string{"goods-en", "gift_card-zh-Hant", "proxy_purchase-zh-Hans", "secondhand-en"} {
		doc := exampleDoc(t, name)
		var b bytes.Buffer
		if err := render.HTML(&b, doc); err != nil {
			t.Fatal(err)
		}
		pages[name+".page"] = bytes.Clone(b.Bytes())
		b.Reset()
		state := render.SigningState{Revision: 2, Parties: []render.PartyState{
			{Role: "seller", Name: doc.Meta.Author, Confirmed: true, At: "2026-11-20 14:03 +08:00"},
			{Role: "buyer", Name: "Wang Xiaoming", Confirmed: false},
		}}
		if err := render.HTMLFragment(&b, withRecord(t, doc), render.WithSigningState(state)); err != nil {
			t.Fatal(err)
		}
		pages[name+".fragment"] = hostPage(doc.Lang, b.String())
	}
	old, cur := exampleDoc(t, "goods-en"), exampleDoc(t, "goods-en")
	cur = amended(t, cur)
	_ = cur
	var b bytes.Buffer
	if err := render.HTMLChanges(&b, old, cur); err != nil {
		t.Fatal(err)
	}
	pages["goods-en.changes"] = hostPage("en", b.String())
	recorded := withRecord(t, exampleDoc(t, "gift_card-zh-Hant"))
	b.Reset()
	if err := render.HTML(&b, recorded); err != nil {
		t.Fatal(err)
	}
	pages["gift_card-zh-Hant.recorded-page"] = bytes.Clone(b.Bytes())

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	for name, html := range pages {
		file := filepath.Join(dir, name+".html")
		if err := os.WriteFile(file, html, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, width := range []int64{390, 1024} {
			emulate := chromedp.EmulateViewport(width, 844)
			if width < 600 {
				emulate = chromedp.EmulateViewport(width, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))
			}
			if err := chromedp.Do(ctx, emulate, chromedp.Navigate("file://"+file)); err != nil {
				t.Fatalf("%s at %d px: %v", name, width, err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[layout](measureJS))
			if err != nil {
				t.Fatalf("%s at %d px: %v", name, width, err)
			}
			shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("%s at %d px: screenshot: %v", name, width, err)
			}
			if shots != "" {
				os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%d.png", name, width)), shot, 0o644)
			}
			if got.Inner != int(width) {
				t.Errorf("%s: window is %d px wide, want %d", name, got.Inner, width)
			}
			if got.Scroll > got.Inner {
				t.Errorf("%s at %d px: scrolls sideways (scrollWidth %d)", name, width, got.Scroll)
			}
			if len(got.Past) > 0 {
				t.Errorf("%s at %d px: elements past the edge:\n%s", name, width, strings.Join(got.Past, "\n"))
			}
			if len(got.Narrow) > 0 {
				t.Errorf("%s at %d px: table cells not reflowed:\n%s", name, width, strings.Join(got.Narrow, "\n"))
			}
			if got.Cells == 0 && !strings.HasSuffix(name, ".changes") {
				t.Errorf("%s: no table cells measured", name)
			}
		}
	}
}

// withRecord returns doc with a signing record like the one the confirm
// package adds: long keys and digests that must wrap on a phone.
func withRecord(t *testing.T, doc *render.Document) *render.Document {
	t.Helper()
	rec, err := render.Parse([]byte("## Signing record\n\n| | |\n|---|---|\n"+
		"| Contract digest | `sha256:9f2c4e1b7a0d3c5e8f6a2b4d1c3e5f7a9b0d2c4e6f8a1b3c5d7e9f0a2b4c6d8e` |\n"+
		"| Seller key | `ed25519:Qm9vdHN0cmFwS2V5Rm9yVGVzdGluZ1B1cnBvc2VzT25seUFBQUFBQUFBQUFB` |\n"+
		"| Confirmed | 2026-11-20T14:03:11+08:00 by seller, 2026-11-21T09:12:45+08:00 by buyer |\n"), render.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	d := *doc
	d.Record = rec.Blocks
	return &d
}

// amended returns the document of goods-en with the terms a buyer might
// amend: a later payment date, another quantity and price, and a clause.
func amended(t *testing.T, _ *render.Document) *render.Document {
	t.Helper()
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a.Payment.Due = a.Payment.Due.AddDays(2)
	a.Items[1].Quantity = 3
	a.Items[0].UnitPrice = agreement.MustAmount("319.99")
	a.Clauses = append(a.Clauses, agreement.Clause{Title: "Gift wrap", Text: "The seller gift-wraps the headphones at no charge."})
	doc, err := render.NewDocument(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

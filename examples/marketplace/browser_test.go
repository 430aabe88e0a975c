package main

import (
	"bytes"
	"context"
	"image/png"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tradepact/tradepact/confirm"
)

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed (CI=true)")
	}
	t.Skip("chromium is not installed (apt-get install chromium): skipping the browser test")
	return ""
}

// selectText selects the first occurrence of what in the textarea sel,
// so that the keys typed next replace it, as a user's double-click and
// typing does.
func selectText(sel, what string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		js := `(() => { const t = document.querySelector(` + quote(sel) + `); const i = t.value.indexOf(` + quote(what) + `);
			if (i < 0) return false; t.focus(); t.setSelectionRange(i, i + ` + quote(what) + `.length); return true; })()`
		ok, err := chromedp.Evaluate[bool](js)(ctx, t)
		if err == nil && !ok {
			err = &os.PathError{Op: "select", Path: what, Err: os.ErrNotExist}
		}
		return chromedp.Void{}, err
	}
}

// until waits until the JavaScript expression is true.
func until(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		for {
			// A navigation in between ends a poll; poll the new page.
			_, err := chromedp.Poll[bool](expr)(ctx, t)
			if err == nil || ctx.Err() != nil {
				return chromedp.Void{}, err
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// settled waits until the page that holds sel is loaded and shown: a
// document that has finished loading, that is not the one marked by
// leave (the page before a navigation), with sel in it, and one frame
// painted since.
func settled(sel string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if _, err := until(`!window.__tpLeft && document.readyState === "complete" && document.querySelector(`+quote(sel)+`) !== null`)(ctx, t); err != nil {
			return chromedp.Void{}, err
		}
		// A frame is waited for at best: a navigation in between ends
		// the wait, and the page is there either way.
		frame(ctx, t)
		return chromedp.Void{}, ctx.Err()
	}
}

// leave marks the current document, so that settled waits for the next.
func leave() chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[bool](`window.__tpLeft = true`)(ctx, t)
		return chromedp.Void{}, err
	}
}

// frame waits until the page has painted a frame (two animation
// frames), so that a new viewport or a new page is laid out.
func frame(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err := chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise)(ctx, t)
	return chromedp.Void{}, err
}

// click clicks sel once the page holding it has settled. A node that
// goes away between the query and the click (the page re-rendered or
// navigated) is looked up again; the click itself is sent once.
func click(sel string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		for {
			if _, err := until(`document.readyState === "complete" && document.querySelector(`+quote(sel)+`) !== null`)(ctx, t); err != nil {
				return chromedp.Void{}, err
			}
			frame(ctx, t)
			if _, err := chromedp.WaitVisible(chromedp.CSS(sel))(ctx, t); err != nil {
				return chromedp.Void{}, err
			}
			cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			_, err := chromedp.Click(chromedp.CSS(sel))(cctx, t)
			cancel()
			if err == nil || ctx.Err() != nil {
				return chromedp.Void{}, err
			}
			if !strings.Contains(err.Error(), "Could not find node") && !strings.Contains(err.Error(), "not visible") &&
				!strings.Contains(err.Error(), "context") && !strings.Contains(err.Error(), "No node") {
				return chromedp.Void{}, err
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// choose picks value in the select sel without the change event, as on
// a page without script: chromedp.SetValue fires change, which submits
// the account form at once and leaves the click on #switch racing the
// navigation.
func choose(sel, value string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		ok, err := chromedp.Evaluate[bool](`(() => { const s = document.querySelector(`+quote(sel)+`); s.value = `+quote(value)+`; return s.value === `+quote(value)+`; })()`)(ctx, t)
		if err == nil && !ok {
			err = &os.PathError{Op: "choose", Path: value, Err: os.ErrNotExist}
		}
		return chromedp.Void{}, err
	}
}

// keyed waits until the page shows the device key's fingerprint: the
// key store has been opened and closed again, so leaving the page now
// does not leave its IndexedDB request pending for the next page.
var keyed = until(`document.getElementById("fingerprint") !== null && document.getElementById("fingerprint").textContent.length === 24`)

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// TestBrowserMarketplace plays both parties in headless Chromium by
// clicking and typing: the seller fills in the form (a mistake is shown
// at its field), proposes, signing with a WebCrypto key; the buyer opens
// the deal on a 390 px phone (nothing sticks out; screenshot checked)
// and amends the delivery date, which carries the buyer's confirmation;
// the seller sees the change and confirms; the page says agreed; the PDF
// downloads and `tradepact verify` with both keys pinned exits 0.
func TestBrowserMarketplace(t *testing.T) {
	bin := chromium(t)
	srv, store := newTestSite(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()), chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("disable-renderer-backgrounding", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// Nothing below may hang the test: after four minutes the browser
	// is stopped, which ends every call.
	watchdog := time.AfterFunc(4*time.Minute, cancel)
	defer watchdog.Stop()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + (document.querySelector("main") || document.body).innerHTML.slice(0, 3000)`))
			t.Fatalf("%s: %v\nthe page:\n%s", what, err, state)
		}
	}
	// text reads an element's text, waiting for the element: a page in the
	// middle of a navigation (a form submitted, a redirect) has no node
	// to read yet, so a failed read is tried again until the deadline.
	text := func(sel string) string {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		js := `(() => { const e = document.querySelector(` + quote(sel) + `); return e ? e.innerText : null; })()`
		for {
			s, err := chromedp.Run(sctx, chromedp.Evaluate[*string](js))
			if err == nil && s != nil {
				return strings.TrimSpace(*s)
			}
			if sctx.Err() != nil {
				t.Fatalf("text of %s: %v (element not found)", sel, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	// The seller.
	do("log in as the seller", leave(), click("#as-seller"), settled("#new-deal"), chromedp.WaitVisible(chromedp.CSS("#new-deal")), keyed)
	do("open the form", leave(), click("#new-deal"), settled("#terms"), chromedp.WaitVisible(chromedp.CSS("#terms")), keyed)
	do("type a negative price",
		selectText("#terms", `"2,350"`), chromedp.SendKeys(chromedp.CSS("#terms"), `"-5"`),
		chromedp.WaitVisible(chromedp.CSS(`#findings li.error-item[data-path="items[0].unit_price"]`)))
	finding := text(`#findings li[data-path="items[0].unit_price"]`)
	terms, _ := webFS.ReadFile("web/terms.yaml")
	line := 1 + bytes.Count(terms[:bytes.Index(terms, []byte("unit_price"))], []byte("\n"))
	if !strings.Contains(finding, "line "+strconv.Itoa(line)+":") {
		t.Errorf("the finding does not name the line of the price: %q", finding)
	}
	do("correct it",
		selectText("#terms", `"-5"`), chromedp.SendKeys(chromedp.CSS("#terms"), `"2,350"`),
		chromedp.WaitNotPresent(chromedp.CSS(`#findings li.error-item`)))
	do("propose", click("#propose"), settled("#status"), chromedp.WaitVisible(chromedp.CSS("#status")))
	if s := text("#state"); s != "pending" {
		t.Fatalf("state after the proposal: %q", s)
	}
	id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("status").dataset.id`))
	if err != nil || !strings.HasPrefix(id, "TP-DEMO-") {
		t.Fatalf("deal id %q, %v", id, err)
	}
	do("the key's fingerprint", until(`document.getElementById("fingerprint") && document.getElementById("fingerprint").textContent.length === 24`))
	sellerFP := text("#fingerprint")

	// The buyer, on a phone.
	do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	do("switch to the buyer", settled("#account-select"), keyed, choose("#account-select", "demo:liuyang"),
		leave(), click("#switch"), settled("#confirm"), chromedp.WaitVisible(chromedp.CSS("#confirm")),
		until(`document.getElementById("account-select").value === "demo:liuyang"`))
	// The emulated viewport applies to the new page once it is laid out.
	do("the phone's viewport", until(`window.innerWidth === 390 && document.documentElement.clientWidth === 390`),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error { _, err := frame(ctx, t); return err }))
	type layout struct {
		Inner, Scroll int
		Past          []string
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[layout](`(() => {
		const w = window.innerWidth, past = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (r.right > w + 0.5 || r.left < -0.5) past.push(el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30));
		}
		return {Inner: w, Scroll: document.documentElement.scrollWidth, Past: past.slice(0, 8)};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Inner != 390 || got.Scroll > got.Inner || len(got.Past) > 0 {
		t.Errorf("the buyer's page at 390 px: width %d, scrolls to %d, past the edge: %q", got.Inner, got.Scroll, got.Past)
	}
	// A capture waits for a frame from the compositor, which a loaded
	// machine can be slow to give: each try has its own deadline, after
	// a painted frame, and a try that times out is made again.
	var shot []byte
	for try := 1; ; try++ {
		sctx, scancel := context.WithTimeout(ctx, 20*time.Second)
		shot, err = chromedp.Run(sctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
			if _, err := frame(ctx, t); err != nil {
				return nil, err
			}
			return chromedp.CaptureScreenshot()(ctx, t)
		})
		scancel()
		if err == nil {
			break
		}
		if try == 3 || ctx.Err() != nil {
			t.Fatalf("screenshot (try %d): %v", try, err)
		}
		t.Logf("screenshot, try %d: %v; trying again", try, err)
	}
	checkShot(t, shot, "buyer-390.png")
	do("the key's fingerprint", until(`document.getElementById("fingerprint") && document.getElementById("fingerprint").textContent.length === 24`))
	buyerFP := text("#fingerprint")
	if buyerFP == sellerFP || len(buyerFP) != 24 {
		t.Fatalf("fingerprints: seller %q, buyer %q", sellerFP, buyerFP)
	}
	do("amend the delivery date", click("#amend-box summary"), chromedp.WaitVisible(chromedp.CSS("#amend-terms")),
		selectText("#amend-terms", `"2026-11-23"`), chromedp.SendKeys(chromedp.CSS("#amend-terms"), `"2026-11-26"`),
		click("#amend"),
		until(`document.body.textContent.includes("revision 2")`))
	if s := text("#state"); s != "pending" {
		t.Fatalf("state after the amendment: %q", s)
	}

	// The seller sees the change and confirms.
	do("desktop", chromedp.EmulateViewport(1024, 800))
	do("switch to the seller", settled("#account-select"), keyed, choose("#account-select", "demo:zhangwei"),
		leave(), click("#switch"), settled("#confirm"), chromedp.WaitVisible(chromedp.CSS("#confirm")),
		until(`document.getElementById("account-select").value === "demo:zhangwei"`))
	changes := text(".tp-changes")
	if !strings.Contains(changes, "26") {
		t.Fatalf("the seller does not see the changed date: %q", changes)
	}
	do("confirm", keyed, click("#confirm"), until(`document.getElementById("state") && document.getElementById("state").textContent === "agreed"`))
	if shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#error:not([hidden])") !== null`)); err != nil || shown {
		t.Fatalf("after confirming, the page shows an error (%v): %q", err, text("#error"))
	}

	// The keys the browser made are the keys registered and shown.
	sk, _ := store.Key(context.Background(), "demo:zhangwei")
	bk, _ := store.Key(context.Background(), "demo:liuyang")
	if sk.Fingerprint() != sellerFP || bk.Fingerprint() != buyerFP {
		t.Fatalf("the pages showed %q and %q; registered %q and %q", sellerFP, buyerFP, sk.Fingerprint(), bk.Fingerprint())
	}

	// Download the PDF as the buyer and verify it with both keys pinned.
	c := client(t, srv, "demo:liuyang")
	resp, pdf := get(t, c, srv.URL+"/api/deals/"+id+"/pdf")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("pdf: %d", resp.StatusCode)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pdfPath := write("deal.pdf", []byte(pdf))
	sellerPub, buyerPub := write("seller.pub", sk.MarshalFile()), write("buyer.pub", bk.MarshalFile())
	cli := filepath.Join(dir, "tradepact")
	if runtime.GOOS == "windows" {
		cli += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", cli, "github.com/tradepact/tradepact/cmd/tradepact").CombinedOutput(); err != nil {
		t.Fatalf("building tradepact: %v\n%s", err, out)
	}
	out, err := exec.Command(cli, "verify", "--seller-pub", sellerPub, "--buyer-pub", buyerPub, pdfPath).CombinedOutput()
	if err != nil {
		t.Fatalf("tradepact verify: %v\n%s", err, out)
	}
	if res, err := confirm.VerifyPDF([]byte(pdf), confirm.TrustKey(confirm.Seller, sk), confirm.TrustKey(confirm.Buyer, bk)); err != nil || len(res.Revisions) != 2 || res.Revisions[1].Author != confirm.Buyer {
		t.Fatalf("the PDF's contract: %v", err)
	}
}

// checkShot checks that a screenshot is a phone-width PNG with something
// on it, and keeps it in TRADEPACT_SCREENSHOTS when that is set.
func checkShot(t *testing.T, shot []byte, name string) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	b := img.Bounds()
	if b.Dx() != 780 {
		t.Errorf("screenshot is %d px wide, want 780 (390 at scale 2)", b.Dx())
	}
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 12, g >> 12, bl >> 12}] = true
		}
	}
	if len(colours) < 4 {
		t.Errorf("the screenshot is nearly blank (%d colours)", len(colours))
	}
	if d := os.Getenv("TRADEPACT_SCREENSHOTS"); d != "" {
		os.WriteFile(filepath.Join(d, name), shot, 0o644)
	}
}

package render_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/render"
)

// chromium returns the path of a headless Chromium, skipping the test when
// there is none (failing when CI=true).
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

func runChromium(t *testing.T, bin string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	out, err := exec.CommandContext(ctx, bin, append(base, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
}

// TestHTMLInBrowser opens a contract page in headless Chromium: the
// screenshot must show a page with text on it, and the page printed to PDF
// (A4, as the print CSS asks) must hold the contract's text in order, the
// signature block included. Set TRADEPACT_SCREENSHOTS=DIR to keep the
// screenshots for a look.
func TestHTMLInBrowser(t *testing.T) {
	t.Parallel() // mostly waiting on Chromium: let other tests run meanwhile
	bin := chromium(t)
	dir := t.TempDir()
	for _, name := range []string{"gift_card-zh-Hant", "goods-en"} {
		doc := exampleDoc(t, name)
		var b bytes.Buffer
		if err := render.HTML(&b, doc); err != nil {
			t.Fatal(err)
		}
		page := filepath.Join(dir, name+".html")
		if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		shot := filepath.Join(dir, name+".png")
		if keep := os.Getenv("TRADEPACT_SCREENSHOTS"); keep != "" {
			shot = filepath.Join(keep, name+".png")
		}
		runChromium(t, bin, "--screenshot="+shot, "--window-size=1000,1400", "file://"+page)
		f, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if bd := img.Bounds(); bd.Dx() != 1000 || bd.Dy() != 1400 {
			t.Errorf("%s: screenshot is %v", name, bd)
		}
		dark := 0
		for y := 0; y < img.Bounds().Dy(); y += 2 {
			for x := 0; x < img.Bounds().Dx(); x += 2 {
				if r, g, bl, _ := img.At(x, y).RGBA(); r+g+bl < 3*0x8000 {
					dark++
				}
			}
		}
		if dark < 2000 {
			t.Errorf("%s: the screenshot is nearly blank (%d dark samples)", name, dark)
		}

		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		pdf := filepath.Join(dir, name+".pdf")
		runChromium(t, bin, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), "")
		for _, want := range []string{doc.Meta.Title, doc.Meta.ID, doc.Meta.ShortDigest, doc.Meta.Author} {
			i := strings.Index(text, strings.Join(strings.Fields(want), ""))
			if i < 0 {
				t.Errorf("%s: %q not in the printed page", name, want)
			}
		}
		sig := "Signatures"
		if strings.HasPrefix(name, "gift_card-zh-Hant") {
			sig = "簽署"
		}
		if !strings.Contains(text, sig) {
			t.Errorf("%s: signature block %q not printed", name, sig)
		}
	}
}

package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/render"
)

// A column of short labels is never broken every few characters to make
// room for a digest in the next column (the signing record at 80 columns):
// the table is written as records instead, every label whole.
func TestTextTableKeepsLabelsWhole(t *testing.T) {
	digest := "sha256:" + strings.Repeat("0123456789abcdef", 4)
	md := "| | |\n|---|---|\n| 契約編號 | TP-2026-000104 |\n| 紀錄鏈頭 | " + digest + " |\n| 賣方公鑰 | effd fc07 1189 a432 e67a（請與賣方核對） |\n"
	doc, err := render.Parse([]byte(md), render.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{80, 60, 36} {
		var b bytes.Buffer
		if err := render.Text(&b, doc, render.Width(w)); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, label := range []string{"契約編號", "紀錄鏈頭", "賣方公鑰"} {
			if !strings.Contains(out, label) {
				t.Errorf("width %d: label %s broken:\n%s", w, label, out)
			}
		}
		if w >= 80 && !strings.Contains(out, digest) {
			t.Errorf("width %d: the digest is broken:\n%s", w, out)
		}
	}
}

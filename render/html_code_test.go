package render_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/render"
)

// TestHTMLCodeInBodyFace: digests and ids marked as code are set in the
// body face with tabular figures, as the PDF sets them, not in a
// monospace face.
func TestHTMLCodeInBodyFace(t *testing.T) {
	d := &render.Document{Lang: "en", Blocks: []render.Block{para(render.Inline{Text: "Digest: "}, render.Inline{Text: "3f2a 91c0 7be4", Code: true})}}
	var b bytes.Buffer
	if err := render.HTML(&b, d); err != nil {
		t.Fatal(err)
	}
	rule := regexp.MustCompile(`(?m)^code \{[^}]*\}`).FindString(b.String())
	if rule == "" || !strings.Contains(b.String(), "<code>3f2a 91c0 7be4</code>") {
		t.Fatalf("no code rule or element in:\n%s", b.String())
	}
	if strings.Contains(strings.ToLower(rule), "mono") || !strings.Contains(rule, "tabular-nums") {
		t.Errorf("code is set as %q: want the body face with tabular figures", rule)
	}
}

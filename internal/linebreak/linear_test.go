package linebreak

import (
	"strings"
	"testing"
)

// TestBreakLinear counts what breaking hostile text measures: each byte a
// few times at most, whatever the length. Cutting a long token once
// measured and re-segmented the rest of the token for every line (10,000
// '[' took seconds).
func TestBreakLinear(t *testing.T) {
	const n = 20000
	inputs := map[string]string{
		"open brackets":     strings.Repeat("[", n),
		"parentheses":       strings.Repeat("(", n),
		"cjk open quotes":   strings.Repeat("「", n/3),
		"closing marks":     strings.Repeat("）", n/3),
		"dots":              strings.Repeat(".", n),
		"long word":         strings.Repeat("abcdefghij", n/10),
		"digit groups":      strings.Repeat("12 ", n/3),
		"hex groups":        strings.Repeat("fc07 ", n/5),
		"cjk":               strings.Repeat("買方應於收貨後七日內付款", n/36),
		"ideographic space": strings.Repeat("a\u3000", n/4),
		"word joiners":      "a" + strings.Repeat("\u2060", n/3) + "b",
		"brackets and text": strings.Repeat("[", n/2) + "a" + strings.Repeat("]", n/2),
	}
	for name, in := range inputs {
		for _, width := range []float64{16, 36, 80} {
			measured := 0
			m := func(s string) float64 { measured += len(s); return Columns(s) }
			lines := Break(in, width, m)
			if len(lines) == 0 {
				t.Fatalf("%s: no lines", name)
			}
			if measured > 4*len(in) {
				t.Errorf("%s at width %v: measured %d bytes for %d bytes of text", name, width, measured, len(in))
			}
			for i, l := range lines[:len(lines)-1] {
				if l.Width > width {
					t.Errorf("%s at width %v: line %d is %v wide", name, width, i, l.Width)
				}
				if l.Forced && Columns(l.Text) < width-2 && !strings.Contains(name, "joiners") {
					t.Errorf("%s at width %v: forced line %d %q is not full", name, width, i, l.Text)
				}
			}
		}
	}
}

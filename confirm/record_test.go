package confirm

import "testing"

// TestPrintable: what a party wrote into a contract file cannot break or
// reorder the lines of the signing record, even when the terms came from
// a tool that did not validate them.
func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"xianyu:li_dt":             "xianyu:li_dt",
		"王小明 (shopee:wang_xm)":     "王小明 (shopee:wang_xm)",
		"a\u2028Status: agreed":    `a<U+2028>Status: agreed`,
		"a\nStatus: agreed":        `a\nStatus: agreed`,
		"cameras\u202e2 noisiver":  `cameras<U+202E>2 noisiver`,
		"li\u200b_dt\u2066x\u2069": `li<U+200B>_dt<U+2066>x<U+2069>`,
		"tab\there":                `tab\there`,
		"esc\x1b[2K\u3164":         `esc\x1b[2K<U+3164>`,
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
}

package safetext

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLineAndText(t *testing.T) {
	for _, tc := range []struct{ in, line, text string }{
		{"plain 中文 ½ ￥12.00 👍", "plain 中文 ½ ￥12.00 👍", "plain 中文 ½ ￥12.00 👍"},
		{"a\nb\tc", `a\nb\tc`, "a\nb\tc"},
		{"\r\x1b[2K\x1b[1A\x1b[2Kfake.yaml: OK, no findings\x1b[8m",
			`\r\x1b[2K\x1b[1A\x1b[2Kfake.yaml: OK, no findings\x1b[8m`,
			`\r\x1b[2K\x1b[1A\x1b[2Kfake.yaml: OK, no findings\x1b[8m`},
		{"\x1b]8;;http://evil\x07x", `\x1b]8;;http://evil\x07x`, `\x1b]8;;http://evil\x07x`},
		{"US$ \u202e00.01\u202c", "US$ <U+202E>00.01<U+202C>", "US$ <U+202E>00.01<U+202C>"},
		{"\u009b31m", "<U+009B>31m", "<U+009B>31m"}, // C1 CSI
		{"a\u2028b\u2029c\x7f", `a<U+2028>b<U+2029>c\x7f`, `a<U+2028>b<U+2029>c\x7f`},
		{"bad \xff\xfe utf8", `bad \xff\xfe utf8`, `bad \xff\xfe utf8`},
		{"\u2066\u2069\u200e\u200f\u061c", "<U+2066><U+2069><U+200E><U+200F><U+061C>", "<U+2066><U+2069><U+200E><U+200F><U+061C>"},
		{"\U000E0041tag\uFE0F", "<U+E0041>tag<U+FE0F>", "<U+E0041>tag<U+FE0F>"},
		{"\uE000\uFFFF", "<U+E000><U+FFFF>", "<U+E000><U+FFFF>"},
	} {
		if got := Line(tc.in); got != tc.line {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.line)
		}
		if got := Text(tc.in); got != tc.text {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if HasUnsafe(tc.in) != (tc.in != tc.text) {
			t.Errorf("HasUnsafe(%q) = %v", tc.in, HasUnsafe(tc.in))
		}
	}
}

// The fillers an account can be padded with to pass for another must all
// count as invisible, and so be shown.
func TestInvisibleFillers(t *testing.T) {
	for _, r := range []rune{0x3164, 0x115F, 0x1160, 0xFFA0, 0x2800, 0x034F, 0x17B4, 0x17B5, 0x180E,
		0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x202E, 0x2066, 0xFE0F, 0xE0001, 0x180B} {
		if !Invisible(r) || !Unsafe(r) {
			t.Errorf("U+%04X: Invisible %v, Unsafe %v; want both", r, Invisible(r), Unsafe(r))
		}
		if got := Line(string(r)); !strings.HasPrefix(got, "<U+") {
			t.Errorf("Line(U+%04X) = %q", r, got)
		}
	}
	for _, r := range []rune{'a', ' ', 0x3000, 0x00A0, '中', '￥', 0x1F44D, 'é', 0x0301, 'ㄱ'} {
		if Invisible(r) || Unsafe(r) {
			t.Errorf("U+%04X: Invisible %v, Unsafe %v; want neither", r, Invisible(r), Unsafe(r))
		}
	}
}

// What a Writer writes, however the input is split into writes, is what
// Text makes of the whole.
func TestWriterSplits(t *testing.T) {
	in := "合同\u202e甲\x1b[2K乙\n👍\xff end"
	want := Text(in)
	for size := 1; size <= len(in); size++ {
		var b bytes.Buffer
		w := NewWriter(&b)
		for i := 0; i < len(in); i += size {
			n, err := w.Write([]byte(in[i:min(i+size, len(in))]))
			if err != nil || n != min(size, len(in)-i) {
				t.Fatalf("size %d: Write = %d, %v", size, n, err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("size %d: %q, want %q", size, b.String(), want)
		}
	}
	// A sequence cut short at the end shows as bytes after Flush.
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write([]byte("x\xe4\xb8"))
	w.Flush()
	if b.String() != `x\xe4\xb8` {
		t.Errorf("truncated: %q", b.String())
	}
}

func FuzzText(f *testing.F) {
	f.Add("\x1b[2Kok\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Line(s), Text(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of %q", s)
			}
			for _, r := range out {
				if Unsafe(r) && r != '\n' && r != '\t' {
					t.Fatalf("%q: unsafe U+%04X left in %q", s, r, out)
				}
			}
		}
		if strings.ContainsAny(Line(s), "\n\r\t") {
			t.Fatalf("Line(%q) spans lines", s)
		}
		if !HasUnsafe(s) && (Text(s) != s) {
			t.Fatalf("clean %q changed", s)
		}
	})
}

func TestJSON(t *testing.T) {
	in := []byte("{\"k\": \"a\u202eb\U000E0041\u0085\\u001b 中\"}\n")
	got := string(JSON(in))
	want := "{\"k\": \"a\\u202eb\\udb40\\udc41\\u0085\\u001b 中\"}\n"
	if got != want {
		t.Errorf("JSON = %q, want %q", got, want)
	}
	var a, b map[string]string
	if err := json.Unmarshal([]byte(got), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(in, &b); err != nil {
		t.Fatal(err)
	}
	if a["k"] != b["k"] {
		t.Errorf("value changed: %q, want %q", a["k"], b["k"])
	}
}

// The fast paths of Unsafe agree with the general rule.
func TestUnsafeFastPaths(t *testing.T) {
	general := func(r rune) bool { return !unicode.IsGraphic(r) || Invisible(r) || isNoncharacter(r) }
	for r := rune(0); r <= 0xffff; r++ {
		if Unsafe(r) != general(r) {
			t.Errorf("U+%04X: Unsafe %v, general rule %v", r, Unsafe(r), general(r))
		}
	}
}

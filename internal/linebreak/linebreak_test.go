package linebreak

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func texts(lines []Line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.Text)
	}
	return out
}

func TestBreak(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		{"fits", "hello world", 20, []string{"hello world"}},
		{"latin words", "the quick brown fox jumps", 10, []string{"the quick", "brown fox", "jumps"}},
		{"contract number kept whole", "Contract TP-2026-000123 is", 14, []string{"Contract", "TP-2026-000123", "is"}},
		{"L/C and amounts kept whole", "pay by L/C NT$1,200.50 now", 12, []string{"pay by L/C", "NT$1,200.50", "now"}},
		{"cjk between any two", "甲方應於收貨後七日內付款", 10, []string{"甲方應於收", "貨後七日內", "付款"}},
		{"kinsoku closing punctuation", "買方應付款。賣方出貨", 10, []string{"買方應付", "款。賣方出", "貨"}},
		{"kinsoku opening bracket", "一二三「四五」六", 8, []string{"一二三", "「四五」", "六"}},
		{"mixed", "編號TP-2026-000123的合約", 12, []string{"編號", "TP-2026-0001", "23的合約"}},
		{"forced only when longer", "ab https://example.com/very/long/path cd", 10, []string{"ab", "https://ex", "ample.com/", "very/long/", "path cd"}},
		{"dates and units stay whole", "於2026年11月22日前付920元", 10, []string{"於", "2026年11月", "22日前付", "920元"}},
		{"phone number groups stay whole", "聯絡方式：+886 912 345 678，週一至週五", 20, []string{"聯絡方式：", "+886 912 345 678，週", "一至週五"}},
		{"fingerprints stay whole", "公鑰 effd fc07 1189 a432 e67a（請與賣方核對）", 30, []string{"公鑰 effd fc07 1189 a432 e67a", "（請與賣方核對）"}},
		{"hex-like words next to others still break", "feed the cafe", 9, []string{"feed the", "cafe"}},
		{"a long run of groups breaks between groups", "Serials 4521 8873 1290 5567 8812 3345 9901 2234 7781 end", 30, []string{"Serials", "4521 8873 1290 5567 8812 3345", "9901 2234 7781 end"}},
		{"a card number after hex-like words stays whole", "a bad deaf face 4111 1111 1111 1111", 22, []string{"a bad deaf face", "4111 1111 1111 1111"}},
		{"words after a number still break", "within 7 days of 22 November", 12, []string{"within 7", "days of 22", "November"}},
		{"newline is hard", "one\ntwo three", 20, []string{"one", "two three"}},
		{"trailing spaces dropped", "alpha    beta", 7, []string{"alpha", "beta"}},
		{"capital amount stays whole", "合计金额（大写）：人民币贰仟叁佰陆拾伍元整，于交付时支付", 36, []string{"合计金额（大写）：人民币", "贰仟叁佰陆拾伍元整，于交付时支付"}},
		{"traditional capital amount", "總價大寫：新臺幣參萬貳仟玖佰元整", 20, []string{"總價大寫：新臺幣", "參萬貳仟玖佰元整"}},
		{"fullwidth comma then latin", "價格，NT$920元整", 8, []string{"價格，", "NT$920元", "整"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(Break(tt.in, tt.width, Columns))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Break(%q, %v)\n got %q\nwant %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}

func TestBreakFuncWidths(t *testing.T) {
	lines := BreakFunc("aaa bbb ccc ddd", func(i int) float64 {
		if i == 0 {
			return 3
		}
		return 7
	}, Columns)
	if got := strings.Join(texts(lines), "|"); got != "aaa|bbb ccc|ddd" {
		t.Errorf("got %q", got)
	}
}

func TestColumns(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want float64
	}{{"abc", 3}, {"合約", 4}, {"，", 2}, {"é", 1}, {"e\u0301", 1}, {"—", 1}} {
		if got := Columns(tt.s); got != tt.want {
			t.Errorf("Columns(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// pieces the random texts are made of: words, numbers, CJK, punctuation.
var pieces = []string{
	"the", "buyer", "shall", "pay", "within", "7", "days", "of", "receipt",
	"TP-2026-000123", "NT$1,200", "¥1,001.50", "2026-11-22", "L/C", "li@example.com",
	"買方", "應於", "收貨後", "七日內", "付款", "定金", "人民币壹仟零壹元伍角整", "新臺幣", "支付寶",
	"，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "（", "「", "『", "(", ")", ".", ",",
	" ", " ", " ", "  ", "\n",
	"supercalifragilisticexpialidocious", "第一條", "https://example.com/terms/TP-2026-000123",
	"e\u0301t\u00e9", "ｶﾀｶﾅ", "한국어",
}

func randomText(r *rand.Rand) string {
	n := 1 + r.IntN(60)
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestBreakProperties checks, over random mixed texts and widths, the
// promises of the package doc.
func TestBreakProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := range 2000 {
		text := randomText(r)
		w := float64(4 + r.IntN(40))
		checkProperties(t, iter, text, w)
	}
}

func checkProperties(t *testing.T, iter int, text string, w float64) {
	t.Helper()
	lines := Break(text, w, Columns)
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("#%d Break(%q, %v) = %q: "+format, append([]any{iter, text, w, texts(lines)}, args...)...)
	}
	// The lines tile the input.
	pos := 0
	for _, l := range lines {
		if l.Start != pos || l.End < l.Start {
			fail("line [%d,%d) does not follow %d", l.Start, l.End, pos)
		}
		if l.Text != strings.TrimSpace(text[l.Start:l.End]) {
			fail("Text %q is not the trimmed input %q", l.Text, text[l.Start:l.End])
		}
		pos = l.End
	}
	if pos != len(text) {
		fail("lines end at %d of %d", pos, len(text))
	}
	// The text equals the input once white space is collapsed.
	var joined strings.Builder
	for i, l := range lines {
		if i > 0 && (l.Start > 0 && unicode.IsSpace(lastRune(text[:l.Start])) || unicode.IsSpace(firstRune(text[l.Start:]))) {
			joined.WriteByte(' ')
		}
		joined.WriteString(l.Text)
	}
	if collapse(joined.String()) != collapse(text) {
		fail("joined %q != %q", collapse(joined.String()), collapse(text))
	}
	segs := segments(text)
	for i, l := range lines {
		// No line wider than the width unless it is one grapheme.
		if l.Width > w && utf8.RuneCountInString(l.Text) > 1 && !isOneGrapheme(l.Text) {
			fail("line %d %q is %v wide", i, l.Text, l.Width)
		}
		if l.Width != Columns(l.Text) {
			fail("line %d width %v, measured %v", i, l.Width, Columns(l.Text))
		}
		// Forced breaks only inside a token wider than the line.
		if l.Forced {
			var tok string
			for _, s := range segs {
				if s.start < l.End && l.End <= s.end {
					tok = strings.TrimRightFunc(text[s.start:s.end], unicode.IsSpace)
				}
			}
			if tok == "" || Columns(tok) <= w {
				fail("line %d %q force-broken but its token %q fits", i, l.Text, tok)
			}
		}
		if i == 0 || l.Text == "" {
			continue
		}
		prev := lines[i-1]
		first, _ := utf8.DecodeRuneInString(l.Text)
		if NoStart(first) && !prev.Hard && !prev.Forced {
			fail("line %d starts with %q", i, first)
		}
		if !prev.Hard && prev.Text != "" && NoEnd(lastRune(prev.Text)) && !prev.Forced {
			fail("line %d ends with %q", i-1, lastRune(prev.Text))
		}
		// Never split between two characters that are neither spaces nor wide.
		if !prev.Hard && !prev.Forced && prev.End == prev.Start+len(prev.Text) && prev.Text != "" {
			a := lastRune(prev.Text)
			if !Wide(a) && !Wide(first) {
				fail("split between %q and %q", a, first)
			}
		}
		// Greedy: the first token of this line did not fit on the previous one.
		if !prev.Hard && !prev.Forced && prev.Text != "" {
			for _, s := range segs {
				if s.start == l.Start {
					tok := strings.TrimRightFunc(text[s.start:s.end], unicode.IsSpace)
					if Columns(text[prev.Start:s.start]+tok) <= w {
						fail("line %d: %q would have fitted on line %d", i, tok, i-1)
					}
				}
			}
		}
	}
}

func isOneGrapheme(s string) bool {
	return Columns(s) <= 2 && utf8.RuneCountInString(s) <= 3
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func FuzzBreak(f *testing.F) {
	f.Add("甲方應於收貨後七日內付款。TP-2026-000123", 10)
	f.Add("the quick brown fox", 3)
	f.Add("\xff\xfe abc", 2)
	f.Add(strings.Repeat("[", 300), 16) // runs no line may end or start with
	f.Add(strings.Repeat("）", 100)+"甲", 7)
	f.Add(strings.Repeat("1 ", 100), 9)
	f.Add("人民币贰仟叁佰陆拾伍元整", 8)
	f.Fuzz(func(t *testing.T, text string, w int) {
		if w < 1 || w > 200 || !utf8.ValidString(text) {
			return
		}
		checkProperties(t, 0, text, float64(w))
	})
}

func BenchmarkBreak(b *testing.B) {
	text := strings.Repeat("買方應於收貨後七日內以 NT$1,200 付款至 TP-2026-000123 指定帳戶。The buyer pays within seven days. ", 20)
	b.ReportAllocs()
	for b.Loop() {
		Break(text, 36, Columns)
	}
}

func TestLeadingSpaceNoEmptyLine(t *testing.T) {
	lines := Break("  supercalifragilistic", 10, Columns)
	for _, l := range lines {
		if strings.TrimSpace(l.Text) == "" {
			t.Fatalf("empty line in %q", texts(lines))
		}
	}
}

func TestMinWidth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want float64
	}{{"pay TP-2026-000123 now", 14}, {"買方付款", 2}, {"款。", 4}, {"", 0}, {"a b", 1}} {
		if got := MinWidth(tt.s, Columns); got != tt.want {
			t.Errorf("MinWidth(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

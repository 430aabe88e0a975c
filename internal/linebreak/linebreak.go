// Package linebreak breaks mixed CJK and Latin text into lines that fit a
// width, for the text renderer (widths in terminal columns) and the PDF
// layout (widths in points).
//
// # Rules
//
// Break opportunities come from the Unicode line breaking algorithm (UAX #14,
// github.com/go-text/typesetting/segmenter), tailored for contracts:
//
//   - no break between two characters that are neither white space nor wide
//     (CJK): contract numbers, amounts, dates, e-mail addresses and words
//     such as TP-2026-000123, NT$1,200, 2026-11-22, L/C stay whole;
//   - a number stays with its CJK unit: 2026年11月22日, 7日, 920元;
//   - an amount in capital numerals stays whole: 贰仟叁佰陆拾伍元整;
//   - digit groups joined by one space stay whole: +886 912 345 678, and so
//     do groups of four hex digits with a digit in each (fc07 1189 a432), as
//     key fingerprints are written; such a run breaks after 24 characters;
//   - kinsoku: no line starts with closing punctuation (，。、；：？！）」』 …) and
//     none ends with opening punctuation (（「『 …), whatever UAX #14 says;
//   - a token wider than the line is broken between grapheme clusters, and
//     only then;
//   - a newline is a mandatory break; white space at either end of a line
//     is dropped and not measured.
//
// Lines are filled greedily. Widths are float64 and measured by a callback,
// so the same breaker serves monospaced columns ([Columns]) and proportional
// fonts. The callback must be additive (the width of a concatenation is the
// sum of the widths, as with glyph advances without kerning across break
// opportunities): each piece of text is measured once.
//
// No library offered these tailorings (UAX #14 alone breaks after hyphens
// and slashes, and line breakers for terminals do not know kinsoku), so the
// filling is written here over the segmenter's break opportunities.
package linebreak

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
	"github.com/mattn/go-runewidth"
	"golang.org/x/text/width"
)

// Measure returns the width of s in the caller's unit (columns, points).
// It is only called with text that has no line break in it.
type Measure func(s string) float64

// Line is one line of broken text.
type Line struct {
	// Text is the line without its leading and trailing white space.
	Text string
	// Width is Measure(Text).
	Width float64
	// Start and End are the byte offsets in the input of the line including
	// its trailing white space: the lines' [Start, End) ranges tile the input.
	Start, End int
	// Hard reports that the line ends with a newline in the input.
	Hard bool
	// Forced reports that the line ends inside a token wider than the line.
	Forced bool
}

// cond measures display columns with ambiguous-width characters narrow,
// independent of the environment (runewidth's default reads LANG).
var cond = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// Columns returns the display width of s in terminal columns: wide and
// fullwidth (CJK) characters take two columns, combining marks none.
func Columns(s string) float64 { return float64(cond.StringWidth(s)) }

// Break breaks text into lines no wider than width, measured by m.
func Break(text string, width float64, m Measure) []Line {
	return BreakFunc(text, func(int) float64 { return width }, m)
}

// BreakFunc is like [Break] with a width per line: widthOf(i) is the width
// of line i (0-based), for hanging indents and flowing around a figure.
func BreakFunc(text string, widthOf func(line int) float64, m Measure) []Line {
	if text == "" {
		return nil
	}
	segs := segments(text)
	var (
		lines []Line
		start = 0   // byte offset of the current line
		end   = 0   // byte offset after the last segment placed on it (with spaces)
		full  = 0.0 // m(text[start:end]): widths add up, so each segment is measured once
		has   = false
	)
	emit := func(lineEnd int, hard, forced bool) {
		body := strings.TrimSpace(text[start:lineEnd])
		lines = append(lines, Line{Text: body, Width: m(body), Start: start, End: lineEnd, Hard: hard, Forced: forced})
		start, end, full, has = lineEnd, lineEnd, 0, false
	}
	for _, s := range segs {
		body := strings.TrimRightFunc(text[s.start:s.end], unicode.IsSpace)
		bodyW := m(body)
		w := widthOf(len(lines))
		if has && full+bodyW > w+epsilon {
			emit(end, false, false)
			w = widthOf(len(lines))
		}
		forced := false
		if !has && bodyW > w+epsilon {
			// A token wider than the line: break it between graphemes,
			// found once for the whole token so that each cut costs
			// only the line it makes.
			tok := graphemes(text, s.start, s.start+len(body))
			for {
				from := max(start, s.start) // leading white space is not measured
				var cut int
				cut, tok = forceCut(text, from, tok, w, m)
				if cut < 0 {
					break
				}
				emit(cut, false, true)
				forced = true
				w = widthOf(len(lines))
			}
		}
		if forced {
			full = m(text[start:s.end])
		} else {
			full += bodyW + m(text[s.start+len(body):s.end])
		}
		end, has = s.end, has || body != ""
		if s.hard {
			emit(s.end, true, false)
		}
	}
	switch {
	case has:
		emit(len(text), false, false)
	case start < len(text) && len(lines) > 0:
		// Only white space after the last line: it belongs to that line.
		lines[len(lines)-1].End = len(text)
	case start < len(text):
		emit(len(text), false, false)
	}
	return lines
}

// graphemes returns the byte offsets in text of the ends of the grapheme
// clusters of text[from:to].
func graphemes(text string, from, to int) []int {
	var seg segmenter.Segmenter
	seg.InitWithString(text[from:to])
	it := seg.GraphemeIterator()
	var ends []int
	for it.Next() {
		g := it.Grapheme()
		ends = append(ends, from+g.OffsetInBytes+g.LengthInBytes)
	}
	return ends
}

// forceCut returns where to cut the token from from to its end, the last
// of ends (the ends of its graphemes after from), so that text[from:cut]
// is as wide as fits w (at least one grapheme), or -1 when it all fits;
// and the grapheme ends after the cut. It measures each grapheme once,
// adding up widths as [Measure] allows, and looks no further than the
// line it fills: a token of any length costs what its lines do.
func forceCut(text string, from int, ends []int, w float64, m Measure) (int, []int) {
	if len(ends) == 0 {
		return -1, ends
	}
	best, sum, prev := -1, 0.0, from
	for i, e := range ends {
		sum += m(text[prev:e])
		prev = e
		if i == len(ends)-1 {
			if sum <= w+epsilon {
				return -1, ends // the rest of the token fits
			}
			break
		}
		if i > 0 && sum > w+epsilon {
			break
		}
		best = i
	}
	if best < 0 {
		return -1, ends
	}
	// Kinsoku inside a forced break: do not start the next line with a
	// closing mark nor end this one with an opening mark, if there is room
	// to move the cut back; a line of nothing but such marks is cut where
	// it is full.
	for b := best; b >= 0; b-- {
		next, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(text[ends[b]:], unicode.IsSpace))
		last, _ := utf8.DecodeLastRuneInString(text[from:ends[b]])
		if !NoStart(next) && !NoEnd(last) {
			return ends[b], ends[b+1:]
		}
	}
	// No cut keeps kinsoku (a run of brackets): cut where the line is
	// full, not after one grapheme per line.
	return ends[best], ends[best+1:]
}

// epsilon absorbs rounding in sums of proportional glyph widths.
const epsilon = 1e-9

type segment struct {
	start, end int // byte offsets, end after trailing spaces
	hard       bool
}

// segments returns the text between tailored break opportunities.
func segments(text string) []segment {
	var seg segmenter.Segmenter
	if err := seg.InitWithString(text); err != nil {
		// Invalid UTF-8: one segment per line, never split inside.
		return fallbackSegments(text)
	}
	var out []segment
	// trimmed is the end of the text before the opportunity being looked
	// at without its trailing white space, found by one scan forward.
	scan, trimmed := 0, 0
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		s := segment{start: l.OffsetInBytes, end: l.OffsetInBytes + l.LengthInBytes, hard: l.IsMandatoryBreak}
		if s.end == len(text) {
			// The end of the text is reported as mandatory; it is not a newline.
			s.hard = s.hard && endsWithNewline(text)
		}
		if n := len(out); n > 0 && !out[n-1].hard {
			for scan < out[n-1].end {
				r, size := utf8.DecodeRuneInString(text[scan:])
				if scan += size; !unicode.IsSpace(r) {
					trimmed = scan
				}
			}
		}
		if n := len(out); n > 0 && !out[n-1].hard && !allowed(text, out[n-1].end, trimmed) {
			out[n-1].end, out[n-1].hard = s.end, s.hard
			continue
		}
		out = append(out, s)
	}
	return out
}

func endsWithNewline(s string) bool {
	return strings.HasSuffix(s, "\n") || strings.HasSuffix(s, "\r") || strings.HasSuffix(s, "\u2028") || strings.HasSuffix(s, "\u2029") || strings.HasSuffix(s, "\v") || strings.HasSuffix(s, "\f") || strings.HasSuffix(s, "\u0085")
}

func fallbackSegments(text string) []segment {
	var out []segment
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			out = append(out, segment{start, i + 1, true})
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, segment{start, len(text), false})
	}
	return out
}

// allowed reports whether the tailoring keeps the UAX #14 break opportunity
// at byte offset i of text; text[:end] is the text before it without its
// trailing white space.
func allowed(text string, i, end int) bool {
	before, after := text[:i], text[i:]
	next, _ := utf8.DecodeRuneInString(after)
	if NoStart(next) {
		return false
	}
	trimmed := text[:end]
	last, _ := utf8.DecodeLastRuneInString(trimmed)
	if trimmed != "" && NoEnd(last) {
		return false
	}
	if len(trimmed) < len(before) {
		// A break after white space, except one space between digit
		// groups (+886 912 345 678) or hex groups (fc07 1189 a432).
		if len(before)-len(trimmed) != 1 || before[len(before)-1] != ' ' {
			return true
		}
		if !(isDigit(last) && isDigit(next) || hexGroupEnd(trimmed) && hexGroupStart(after)) {
			return true
		}
		// Joined, but only up to maxGroupRun: a longer run (a list of
		// serial numbers) breaks between groups rather than being forced
		// apart inside one.
		return groupRun(trimmed)+1+groupLen(after) > maxGroupRun
	}
	prev, _ := utf8.DecodeLastRuneInString(before)
	if isDigit(prev) && strings.ContainsRune(numberUnits, next) || strings.ContainsRune("年月", prev) && isDigit(next) {
		return false // 2026年11月22日, 7日, 920元 stay whole
	}
	if strings.ContainsRune(capitalNumerals, prev) && strings.ContainsRune(capitalNumerals, next) {
		return false // 贰仟叁佰陆拾伍元整 stays whole
	}
	return Wide(prev) || Wide(next)
}

// Wide reports whether r is a wide or fullwidth (CJK) character, between
// which and its neighbours lines may break.
func Wide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// NoStart reports whether r may not start a line (kinsoku: closing brackets
// and quotes, and CJK punctuation that follows the text it closes).
func NoStart(r rune) bool {
	return strings.ContainsRune(noStart, r) || unicode.In(r, unicode.Pe, unicode.Pf)
}

// NoEnd reports whether r may not end a line (opening brackets and quotes).
func NoEnd(r rune) bool {
	return strings.ContainsRune(noEnd, r) || unicode.In(r, unicode.Ps, unicode.Pi)
}

// capitalNumerals are the characters of an amount written in capital
// numerals (大寫, as agreement.Money.Capital writes it, in simplified and
// traditional forms), between which no line breaks: a reader must not
// take 人民币贰仟叁佰陆拾 at the end of a line for the whole amount.
const capitalNumerals = "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億兆元角分整"

// numberUnits are CJK units that stay on the line of the number before them.
const numberUnits = "年月日時时號号元角分天週周個个條条項项期次歲岁"

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// maxGroupRun is the longest run of groups joined by single spaces that
// stays on one line: a fingerprint (24) or a phone number fits.
const maxGroupRun = 24

func isGroupByte(c byte) bool { return isHex(c) || c == '+' }

// groupRun returns the length of the run of joined groups, with the
// single spaces between them, that ends s: digit groups (with a leading
// +) or four-hex-digit groups with a digit in them; a word such as
// "face" before them is not counted. A run longer than maxGroupRun is
// followed back only a little further than that.
func groupRun(s string) int {
	end := len(s)
	start := end
	// Only whether the run is longer than maxGroupRun matters: looking no
	// further back keeps a long run of groups (1 2 3 …) linear.
	for end-start <= maxGroupRun {
		j := start
		for j > 0 && isGroupByte(s[j-1]) {
			j--
		}
		tok := s[j:start]
		if tok == "" || !(allDigits(strings.TrimPrefix(tok, "+")) || len(tok) == 4 && hexGroupEnd(s[:start])) {
			break
		}
		start = j
		if j < 2 || s[j-1] != ' ' || !isGroupByte(s[j-2]) {
			break
		}
		start = j - 1 // include the space, and look at the group before it
	}
	if start < end && s[start] == ' ' {
		start++
	}
	return end - start
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return true
}

// groupLen returns the length of the group that starts s, or a length
// over maxGroupRun for a longer one.
func groupLen(s string) int {
	i := 0
	for i < len(s) && i <= maxGroupRun && isGroupByte(s[i]) {
		i++
	}
	return i
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' }

// hexGroupEnd reports whether s ends with a hex group: four lower-case
// hex digits, at least one of them a decimal digit (so that words such as
// "face" are not groups), as key fingerprints and short digests are
// written (fc07 1189).
func hexGroupEnd(s string) bool {
	n := len(s)
	return n >= 4 && hexGroup(s[n-4:]) && (n == 4 || !isWordByte(s[n-5]))
}

// hexGroupStart reports whether s starts with a hex group.
func hexGroupStart(s string) bool {
	return len(s) >= 4 && hexGroup(s[:4]) && (len(s) == 4 || !isWordByte(s[4]))
}

func hexGroup(g string) bool {
	digit := false
	for i := 0; i < len(g); i++ {
		if !isHex(g[i]) {
			return false
		}
		digit = digit || isDigit(rune(g[i]))
	}
	return digit
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-' || c == ':'
}

const (
	noStart = "，。、；：？！）」』】〕〉》〗〙〛｝］｠｡､・ー…‥〜～゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ" +
		".,;:?!)]}%’”" + "\uFF0E\uFF01\uFF1F"
	noEnd = "（「『【〔〈《〖〘〚｛［｟‘“([{"
)

// MinWidth returns the width of the widest piece of text that [Break]
// never splits (short of forcing): the narrowest a column holding text can
// be without breaking inside a token.
func MinWidth(text string, m Measure) float64 {
	w := 0.0
	for _, s := range segments(text) {
		w = max(w, m(strings.TrimSpace(text[s.start:s.end])))
	}
	return w
}

// PDF layout: inline text into lines (line breaking, alignment, CJK
// justification).

package render

import (
	"strings"
	"unicode/utf8"

	"github.com/tradepact/tradepact/internal/linebreak"
)

// flatten joins inlines into one string with bold spans.
func flatten(ins []Inline) (string, []span) {
	var b strings.Builder
	var spans []span
	for _, in := range ins {
		start := b.Len()
		if in.Break {
			b.WriteByte('\n')
		} else {
			b.WriteString(in.Text)
		}
		if n := len(spans); n > 0 && spans[n-1].bold == in.Bold && spans[n-1].italic == in.Italic {
			spans[n-1].end = b.Len()
			continue
		}
		spans = append(spans, span{start, b.Len(), in.Bold, in.Italic})
	}
	return b.String(), spans
}

// cleanInlines cleans each inline (so that every bad character is
// reported once and spans follow replacements) and joins them.
func (l *layout) cleanInlines(ins []Inline, where string) (string, []span) {
	c := make([]Inline, len(ins))
	for i, in := range ins {
		c[i] = in
		c[i].Text = l.clean(in.Text, where)
	}
	return flatten(c)
}

type textStyle struct {
	size    float64
	align   Align
	justify bool
	bold    bool // everything bold (headings, table headers)
}

func (l *layout) lineHeight(size float64) float64 { return size * 1.5 }

// line is one laid-out line: its text and the operations that draw it,
// relative to the line's top.
type line struct {
	text   string
	ops    []op
	forced bool // ends inside a token wider than the measure
	width  float64
	at     int // byte offset of text in the laid-out string
}

// lines breaks text into lines of at most width points starting at x.
func (l *layout) lines(text string, spans []span, x, width float64, st textStyle) []line {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	lh := l.lineHeight(st.size)
	base := (lh + st.size*0.7) / 2
	var br []linebreak.Line
	if !strings.ContainsAny(text, "\n") {
		// Most table cells and short paragraphs fit on one line: skip
		// the line breaker's segmentation for them.
		if t := strings.TrimSpace(text); l.measure(t, st.size) <= width {
			i := strings.Index(text, t)
			br = []linebreak.Line{{Text: t, Width: l.measure(t, st.size), Start: i, End: len(text)}}
		}
	}
	if br == nil {
		br = linebreak.Break(text, width, l.measurer(st.size))
	}
	out := make([]line, 0, len(br))
	for i, ln := range br {
		if ln.Text == "" {
			out = append(out, line{})
			continue
		}
		seg := text[ln.Start:ln.End]
		ls := ln.Start + strings.Index(seg, ln.Text)
		le := ls + len(ln.Text)
		lw := l.measure(ln.Text, st.size)
		// Justified CJK lines stretch only at the gaps next to a wide
		// character: Latin words and numbers on the line keep their
		// letter spacing.
		tc := 0.0
		if st.justify && !ln.Hard && i < len(br)-1 {
			if g := cjkGaps(ln.Text); g > 0 {
				if t := (width - lw) / float64(g); t > 0 && t < st.size*0.25 {
					tc = t
				}
			}
		}
		lx := x
		switch align := st.align; {
		case tc != 0: // a justified line fills the measure
		case align == AlignRight:
			lx = x + width - lw
		case align == AlignCenter:
			lx = x + (width-lw)/2
		}
		var ops []op
		for _, sp := range spans {
			a, b := max(sp.start, ls), min(sp.end, le)
			if a >= b {
				continue
			}
			s := text[a:b]
			mk := func(s string, tc float64) op {
				return op{kind: 't', x: lx, y: base, s: s, size: st.size, bold: st.bold || sp.bold, italic: sp.italic, tc: tc}
			}
			if tc == 0 {
				ops = append(ops, mk(s, 0))
				lx += l.measure(s, st.size)
				continue
			}
			// Runs of wide characters carry the spacing after each of
			// their characters; a run of others is set solid, with the
			// spacing after it when a wide character follows.
			for _, r := range wideRuns(s) {
				if r.wide {
					ops = append(ops, mk(r.s, tc))
					lx += l.measure(r.s, st.size) + tc*float64(utf8.RuneCountInString(r.s))
					continue
				}
				ops = append(ops, mk(r.s, 0))
				lx += l.measure(r.s, st.size)
				if next, _ := utf8.DecodeRuneInString(text[a+r.end:]); a+r.end < le && linebreak.Wide(next) {
					lx += tc
				}
			}
		}
		out = append(out, line{text: ln.Text, ops: ops, forced: ln.Forced, width: lw + tc*float64(cjkGaps(ln.Text)), at: ls})
	}
	return out
}

// cjkGaps counts the gaps between adjacent characters of s of which at
// least one is wide: where a justified line may stretch.
func cjkGaps(s string) int {
	n, prevWide, first := 0, false, true
	for _, r := range s {
		w := linebreak.Wide(r)
		if !first && (w || prevWide) {
			n++
		}
		prevWide, first = w, false
	}
	return n
}

type run struct {
	s    string
	end  int // byte offset in the string split, just after the run
	wide bool
}

// wideRuns splits s into maximal runs of wide and of other characters.
func wideRuns(s string) []run {
	var out []run
	start := 0
	for i, r := range s {
		w := linebreak.Wide(r)
		if i > start && w != out[len(out)-1].wide {
			out[len(out)-1].s, out[len(out)-1].end = s[start:i], i
			start = i
		}
		if i == start {
			out = append(out, run{wide: w})
		}
	}
	if len(out) > 0 {
		out[len(out)-1].s, out[len(out)-1].end = s[start:], len(s)
	}
	return out
}

// Package safetext makes text that others wrote safe to show: on a
// terminal, in plain text, Markdown, HTML and PDF.
//
// Text from a terms file, a contract file or a file name may hold
// characters that a screen does not show as themselves: C0 and C1 control
// characters (an ESC starts a terminal escape sequence that can clear a
// line, move the cursor or hide text), the bidirectional formatting
// characters (U+202E makes text display in another order than it is
// stored and signed), and characters that draw nothing at all (zero-width
// spaces and joiners, the Hangul fillers, the Braille blank, variation
// selectors, tags). Such a character is [Unsafe]; [Line] and [Text] replace
// each one with a visible spelling of itself, which is the one notation
// every part of tradepact uses:
//
//   - an ASCII control character or DEL as \x1b (two hex digits; \n, \r
//     and \t as \n, \r and \t where they are escaped at all);
//   - a byte that is not valid UTF-8 as \xff;
//   - every other unsafe character as <U+202E> (four or more hex digits).
//
// Everything else, letters of every script, punctuation, symbols and
// emoji, spaces included, passes through unchanged.
package safetext

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Unsafe reports whether r must not reach a screen as itself: a control
// character, a format character (bidirectional controls, zero-width
// characters, tags), a line or paragraph separator, a private-use,
// surrogate or unassigned code point, a noncharacter, or a character
// that draws nothing ([Invisible]).
func Unsafe(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f:
		return false // ASCII: the common case
	case r >= 0x4e00 && r <= 0x9fff, r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xff5e:
		return false // CJK ideographs, CJK punctuation, full-width forms: Chinese text
	case r >= 0xa0 && r <= 0xff:
		return r == 0xad // Latin-1: all graphic but the soft hyphen
	}
	return !unicode.IsGraphic(r) || Invisible(r) || isNoncharacter(r)
}

// Invisible reports whether r is a character that draws nothing or
// nothing distinct while not being a control: the format characters
// (U+200B–U+200D, U+2060, U+FEFF, U+180E, the bidirectional controls,
// …), the other default-ignorable code points (U+034F, U+115F, U+1160,
// U+17B4, U+17B5, U+3164, U+FFA0, …), the variation selectors, and the
// Braille blank U+2800. An identifier holding one can look the same as
// another that does not.
func Invisible(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r == 0x2800: // BRAILLE PATTERN BLANK: a "letter" that is blank
		return true
	}
	return unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// isNoncharacter reports U+FDD0–U+FDEF and the last two code points of
// every plane.
func isNoncharacter(r rune) bool {
	return (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe
}

// HasUnsafe reports whether s holds an unsafe character or is not valid
// UTF-8: whether [Text] would change it.
func HasUnsafe(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || Unsafe(r) {
			return true
		}
		i += n
	}
	return false
}

// Line returns s for one line of output: every unsafe character, line
// breaks and tabs included, is replaced by its visible spelling, so the
// result can neither move the cursor nor start another line.
func Line(s string) string { return escape(s, false) }

// Text returns s for text that may span lines: line feeds and tabs stay,
// every other unsafe character (a carriage return too) is replaced by its
// visible spelling.
func Text(s string) string { return escape(s, true) }

// Visible returns the visible spelling of r: \x1b for an ASCII control
// character or DEL (\n, \r, \t for those three), <U+202E> for any other.
func Visible(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x20 || r == 0x7f {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf("<U+%04X>", r)
}

func escape(s string, multiline bool) string {
	// Find the first byte to change, so that clean text costs no copy.
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f || multiline && (c == '\n' || c == '\t') {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || Unsafe(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f || multiline && (c == '\n' || c == '\t') {
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, c)
		case Unsafe(r):
			b.WriteString(Visible(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Writer is an io.Writer that passes what is written to it on as [Text]
// does: line feeds and tabs stay, every other unsafe character is shown
// visibly. A character split between two writes is held back until the
// rest arrives (or shown as the bytes it is at Flush).
type Writer struct {
	w    io.Writer
	part []byte // the start of a UTF-8 sequence the last write ended in
}

// NewWriter returns a [Writer] that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes p, made safe, to the underlying writer. It returns len(p)
// when the underlying write succeeds.
func (sw *Writer) Write(p []byte) (int, error) {
	n := len(p)
	if len(sw.part) > 0 {
		p = append(sw.part, p...)
		sw.part = nil
	}
	// Hold back an incomplete UTF-8 sequence at the end.
	cut := len(p)
	for back := 1; back <= utf8.UTFMax-1 && back <= len(p); back++ {
		c := p[len(p)-back]
		if c < 0x80 {
			break
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(p[len(p)-back:]) {
				cut = len(p) - back
			}
			break
		}
	}
	if cut < len(p) {
		sw.part = append([]byte(nil), p[cut:]...)
		p = p[:cut]
	}
	if _, err := io.WriteString(sw.w, Text(string(p))); err != nil {
		return 0, err
	}
	return n, nil
}

// Flush writes a UTF-8 sequence held back by Write, as the bytes it is.
func (sw *Writer) Flush() error {
	if len(sw.part) == 0 {
		return nil
	}
	s := Text(string(sw.part))
	sw.part = nil
	_, err := io.WriteString(sw.w, s)
	return err
}

// JSON returns JSON text (as encoding/json writes it) with every unsafe
// character inside its strings written as a \u escape, surrogate pairs for
// those beyond U+FFFF: the same value, shown safely. Invalid UTF-8 becomes
// \ufffd, as encoding/json decodes it.
func JSON(b []byte) []byte {
	if !HasUnsafe(string(b)) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf && (c >= 0x20 && c < 0x7f || c == '\n' || c == '\t') {
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, `\ufffd`...)
		case Unsafe(r) && r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		case Unsafe(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

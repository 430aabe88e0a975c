package render

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// Limits on the Markdown that [Parse] accepts, checked before the text is
// parsed, so that text from a stranger (a contract file's recorded text, a
// template override) costs time and memory linear in its size. The terms
// a deal needs render far below them: 10,000 items and 200 clauses of
// 10,000 characters give under 3 MB of Markdown, nested 3 levels, with
// tables of 6 columns. doc/limits.md lists every limit of tradepact.
const (
	// MaxMarkdownSize is the largest Markdown text, in bytes.
	MaxMarkdownSize = 4 << 20
	// MaxMarkdownDepth is how deeply Markdown may nest: the block quote
	// and list markers that start a line, plus one level per two columns
	// of indentation before, between and after them; brackets ([) open at
	// once within a paragraph, unescaped; and emphasis and links within
	// each other (checked once parsed, before the tree is walked).
	MaxMarkdownDepth = 32
	// MaxTableCells is the most cells (columns times rows, counting every
	// line up to the blank line that ends the table) one table may have.
	MaxTableCells = 120_000
	// MaxTableHeader is the longest header row of a table, in bytes: the
	// text renderer repeats the header's labels in every record of a
	// table too wide for the line.
	MaxTableHeader = 512
)

// The limits a [LimitError] reports.
const (
	LimitSize   = "size"         // the text is over MaxMarkdownSize bytes
	LimitDepth  = "depth"        // nested deeper than MaxMarkdownDepth
	LimitCells  = "table_cells"  // a table of more than MaxTableCells cells
	LimitHeader = "table_header" // a table header over MaxTableHeader bytes
)

// LimitError reports Markdown beyond one of the limits of [Parse].
type LimitError struct {
	Limit string // LimitSize, LimitDepth, LimitCells or LimitHeader
	Max   int    // the limit
	Line  int    // the 1-based line where it is exceeded; 0 for LimitSize
}

// Error returns the message in English, prefixed by the package name.
func (e *LimitError) Error() string { return "render: " + e.Message("en") }

// Message returns the error as a sentence in lang ("en", "zh-Hans" or
// "zh-Hant"; other values give English), without the package prefix.
func (e *LimitError) Message(lang string) string {
	i := langIndex(lang)
	var msg [3]string
	switch e.Limit {
	case LimitSize:
		msg = [3]string{"the Markdown text is larger than %s bytes", "Markdown 文本超过 %s 字节", "Markdown 文字超過 %s 位元組"}
	case LimitDepth:
		msg = [3]string{"the Markdown text nests more than %s levels deep", "Markdown 文本嵌套超过 %s 层", "Markdown 文字巢狀超過 %s 層"}
	case LimitCells:
		msg = [3]string{"a table has more than %s cells", "表格超过 %s 个单元格", "表格超過 %s 個儲存格"}
	default:
		msg = [3]string{"a table header is longer than %s bytes", "表头超过 %s 字节", "表頭超過 %s 位元組"}
	}
	s := fmt.Sprintf(msg[i], strconv.Itoa(e.Max))
	if e.Line > 0 {
		s = fmt.Sprintf([3]string{"line %d: ", "第 %d 行：", "第 %d 行："}[i], e.Line) + s
	}
	return s
}

// checkLimits checks md against the limits in one pass over its lines.
func checkLimits(md []byte) error {
	if len(md) > MaxMarkdownSize {
		return &LimitError{Limit: LimitSize, Max: MaxMarkdownSize}
	}
	brackets := 0      // unescaped '[' open in the current paragraph
	cols, rows := 0, 0 // the table being read: its columns and lines so far
	var prev []byte
	for n, rest := 1, md; len(rest) > 0; n++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		depth, body := containers(line)
		if depth > MaxMarkdownDepth {
			return &LimitError{Limit: LimitDepth, Max: MaxMarkdownDepth, Line: n}
		}
		blank := len(bytes.TrimSpace(body)) == 0
		if blank {
			brackets, cols, prev = 0, 0, nil
			continue
		}
		for i := 0; i < len(body); i++ {
			switch body[i] {
			case '\\':
				i++
			case '[':
				if brackets++; brackets > MaxMarkdownDepth {
					return &LimitError{Limit: LimitDepth, Max: MaxMarkdownDepth, Line: n}
				}
			case ']':
				brackets = max(brackets-1, 0)
			}
		}
		switch {
		case cols > 0:
			// A table's rows run to the next blank line.
			if rows++; cols*rows > MaxTableCells {
				return &LimitError{Limit: LimitCells, Max: MaxTableCells, Line: n}
			}
		case prev != nil:
			if cols = delimiterRow(body); cols > 0 {
				if len(prev) > MaxTableHeader {
					return &LimitError{Limit: LimitHeader, Max: MaxTableHeader, Line: n - 1}
				}
				rows = 2
			}
		}
		prev = body
	}
	return nil
}

// containers returns the nesting a line opens or continues, counted as
// MaxMarkdownDepth describes, and the line after its container markers.
func containers(line []byte) (depth int, body []byte) {
	cols, i := 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			depth++
			i++
			if i < len(line) && line[i] == ' ' {
				i++ // the space after '>' belongs to the marker
			}
		case (c == '-' || c == '+' || c == '*') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 2
				continue
			}
			return depth + cols/2, line[i:]
		default:
			return depth + cols/2, line[i:]
		}
	}
	return depth + cols/2, line[i:]
}

// delimiterRow returns the number of columns of a GFM table delimiter row
// (| --- | :-: |), or 0 if line is not one.
func delimiterRow(line []byte) int {
	cols, pipe, dash := 0, false, false
	for _, c := range line {
		switch c {
		case '|':
			pipe, dash = true, false
		case '-', ':':
			if !dash {
				cols++
			}
			dash = true
		case ' ', '\t':
		default:
			return 0
		}
	}
	if !pipe {
		return 0
	}
	return cols
}

// checkInlineDepth refuses inline nodes (emphasis, links) nested deeper
// than MaxMarkdownDepth, which the line scan of checkLimits does not see
// (*a *a … a* a*). It walks the tree without recursion.
func checkInlineDepth(root ast.Node, src []byte) error {
	depth := 0 // inline containers above n
	for n := root; n != nil; {
		if c := n.FirstChild(); c != nil {
			if n.Type() == ast.TypeInline {
				if depth++; depth > MaxMarkdownDepth {
					return &LimitError{Limit: LimitDepth, Max: MaxMarkdownDepth, Line: lineOf(c, src)}
				}
			}
			n = c
			continue
		}
		for n != root && n.NextSibling() == nil {
			n = n.Parent()
			if n.Type() == ast.TypeInline {
				depth--
			}
		}
		if n == root {
			break
		}
		n = n.NextSibling()
	}
	return nil
}

// lineOf returns the 1-based line of the first text in n, or 0.
func lineOf(n ast.Node, src []byte) int {
	for ; n != nil; n = n.FirstChild() {
		if t, ok := n.(*ast.Text); ok {
			return 1 + bytes.Count(src[:t.Segment.Start], []byte("\n"))
		}
	}
	return 0
}

package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// unit is one line of a document as the changes view compares it: a
// heading, a paragraph, a list item or a table row, as plain text, with
// the heading of the section it is in.
type unit struct {
	text    string
	section string
}

// units flattens blocks into the lines the changes view compares.
func units(blocks []Block) []unit {
	var out []unit
	section := ""
	var walk func(bs []Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			switch b.Kind {
			case BlockHeading:
				section = plain(b.Inlines)
				out = append(out, unit{section, section})
			case BlockParagraph:
				out = append(out, unit{plain(b.Inlines), section})
			case BlockList:
				for i, it := range b.Items {
					var parts []string
					for _, ib := range it {
						parts = append(parts, blockText(ib))
					}
					prefix := "• "
					if b.Ordered {
						prefix = strconv.Itoa(b.Start+i) + ". "
					}
					out = append(out, unit{prefix + strings.Join(parts, " "), section})
				}
			case BlockTable:
				for _, row := range b.Table.Rows {
					var cells []string
					for _, c := range row {
						cells = append(cells, strings.TrimSpace(plain(c)))
					}
					out = append(out, unit{strings.Join(cells, " | "), section})
				}
			case BlockKeep:
				walk(b.Children)
			}
		}
	}
	walk(blocks)
	return out
}

// blockText is the plain text of a block inside a list item.
func blockText(b Block) string {
	switch b.Kind {
	case BlockParagraph, BlockHeading:
		return plain(b.Inlines)
	}
	var parts []string
	for _, u := range units([]Block{b}) {
		parts = append(parts, u.text)
	}
	return strings.Join(parts, " ")
}

// maxDiffCells bounds the work of one comparison (lines × lines, or runes
// × runes of two paired lines). Contracts are a few hundred lines; beyond
// the bound the whole differing stretch is shown as removed and added,
// which is still correct, only coarser.
const maxDiffCells = 1 << 20

// diffOp is one step of an edit script: a line kept, removed or added.
type diffOp struct {
	kind byte // '=', '-', '+'
	i, j int  // index in a, in b
}

// diff returns an edit script from a to b by longest common subsequence,
// after trimming the common head and tail (so that a small change to a
// long contract costs little).
func diff[T comparable](a, b []T) []diffOp {
	var ops []diffOp
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		ops = append(ops, diffOp{'=', head, head})
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ma, mb := a[head:len(a)-tail], b[head:len(b)-tail]
	n, m := len(ma), len(mb)
	if n*m > maxDiffCells {
		for i := range n {
			ops = append(ops, diffOp{'-', head + i, -1})
		}
		for j := range m {
			ops = append(ops, diffOp{'+', -1, head + j})
		}
	} else {
		// lcs[i][j] is the LCS length of ma[i:] and mb[j:].
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && ma[i] == mb[j]:
				ops = append(ops, diffOp{'=', head + i, head + j})
				i++
				j++
			case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
				ops = append(ops, diffOp{'+', -1, head + j})
				j++
			default:
				ops = append(ops, diffOp{'-', head + i, -1})
				i++
			}
		}
	}
	for k := range tail {
		ops = append(ops, diffOp{'=', len(a) - tail + k, len(b) - tail + k})
	}
	return ops
}

// changeWords are the changes view's words in en, zh-Hans and zh-Hant.
var changeWords = [3]struct{ heading, none string }{
	{"What changed in the text", "The text has not changed."},
	{"文本的修改", "文本没有修改。"},
	{"文字的修改", "文字沒有修改。"},
}

type changesView struct {
	Lang, Heading, None, Del string
	Hunks                    []hunkView
}

type hunkView struct {
	Context string
	Lines   []lineView
}

type lineView struct {
	Class string // tp-old or tp-new
	Runs  []runView
}

type runView struct {
	Text, Class string
	Mark        bool
}

// HTMLChanges writes what changed in the contract text from old to new,
// the documents of two revisions, as a fragment for a site's page (style
// it with [HTMLStyle]): one <article class="tradepact"> holding a
// <section class="tp-changes"> with one tp-hunk per changed place, each
// after the heading of its section, the old and new lines with the
// removed and added characters marked. Unchanged text is left out. The
// words are in new's language. Comparing costs at most a few million
// steps whatever the documents; beyond that a changed stretch is shown
// whole.
func HTMLChanges(w io.Writer, old, new *Document) error {
	if old == nil || new == nil {
		return errNilDoc
	}
	words := changeWords[langIndex(new.Lang)]
	v := changesView{Lang: new.Lang, Heading: words.heading, None: words.none, Del: "tp-old"}
	if v.Lang == "" {
		v.Lang = "und"
	}
	a, b := units(old.Blocks), units(new.Blocks)
	at, bt := make([]string, len(a)), make([]string, len(b))
	for i, u := range a {
		at[i] = u.text
	}
	for i, u := range b {
		bt[i] = u.text
	}
	ops := diff(at, bt)
	for k := 0; k < len(ops); {
		if ops[k].kind == '=' {
			k++
			continue
		}
		var dels, adds []int
		for ; k < len(ops) && ops[k].kind != '='; k++ {
			if ops[k].kind == '-' {
				dels = append(dels, ops[k].i)
			} else {
				adds = append(adds, ops[k].j)
			}
		}
		h := hunkView{}
		if len(adds) > 0 {
			h.Context = b[adds[0]].section
		} else {
			h.Context = a[dels[0]].section
		}
		// Lines removed and added in equal numbers are edits of each
		// other: mark the characters that changed.
		if len(dels) == len(adds) {
			for x := range dels {
				o, n := markRuns(at[dels[x]], bt[adds[x]])
				h.Lines = append(h.Lines, lineView{"tp-old", o}, lineView{"tp-new", n})
			}
		} else {
			for _, i := range dels {
				h.Lines = append(h.Lines, lineView{"tp-old", []runView{{Text: at[i], Class: "tp-old", Mark: true}}})
			}
			for _, j := range adds {
				h.Lines = append(h.Lines, lineView{"tp-new", []runView{{Text: bt[j], Class: "tp-new", Mark: true}}})
			}
		}
		v.Hunks = append(v.Hunks, h)
	}
	bw := bufio.NewWriter(w)
	if err := siteTemplate().ExecuteTemplate(bw, "changes", v); err != nil {
		return err
	}
	return bw.Flush()
}

// tokens splits a line into what the changes view marks: runs of Latin
// letters and digits (a word; a number with its point and separators,
// "1,299.50"; "2026-11-20" in three), and every
// other character alone (a Chinese character, a space, punctuation).
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		word := r < 0x3000 && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if (r == '.' || r == ',') && start >= 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			word = true // 1,299.50 is one number
		}
		switch {
		case word && start < 0:
			start = i
		case !word:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			out = append(out, string(r))
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// markRuns compares two lines by word (by character in Chinese) and
// returns their runs, the removed and added text marked.
func markRuns(old, new string) (o, n []runView) {
	a, b := tokens(old), tokens(new)
	add := func(runs []runView, text, class string, mark bool) []runView {
		if k := len(runs) - 1; k >= 0 && runs[k].Mark == mark {
			runs[k].Text += text
			return runs
		}
		return append(runs, runView{Text: text, Class: class, Mark: mark})
	}
	for _, op := range diff(a, b) {
		switch op.kind {
		case '=':
			o = add(o, a[op.i], "tp-old", false)
			n = add(n, b[op.j], "tp-new", false)
		case '-':
			o = add(o, a[op.i], "tp-old", true)
		case '+':
			n = add(n, b[op.j], "tp-new", true)
		}
	}
	return o, n
}

package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

func TestParseLimits(t *testing.T) {
	table := func(cols, rows int, header string) string {
		return "|" + header + strings.Repeat(" a |", cols-1) + "\n|" + strings.Repeat("---|", cols) + "\n" +
			strings.Repeat("|"+strings.Repeat(" 1 |", cols)+"\n", rows) + "\nafter\n"
	}
	nestedList := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}
	tests := []struct {
		name  string
		md    string
		limit string // "" when accepted
		line  int
	}{
		{"size", strings.Repeat("a", render.MaxMarkdownSize+1), render.LimitSize, 0},
		{"size at the limit", strings.Repeat("a ", render.MaxMarkdownSize/2), "", 0},
		{"nested links from the attack", strings.Repeat("[", 10000) + "a" + strings.Repeat("]", 10000), render.LimitDepth, 1},
		{"brackets at the limit", "x\n\n" + strings.Repeat("[", render.MaxMarkdownDepth) + "a" + strings.Repeat("]", render.MaxMarkdownDepth), "", 0},
		{"brackets over two lines", "x\n\n" + strings.Repeat("[", 20) + "\n" + strings.Repeat("[", 20), render.LimitDepth, 4},
		{"brackets in separate paragraphs", strings.Repeat(strings.Repeat("[", 20)+"\n\n", 100), "", 0},
		{"escaped brackets (a clause of 10,000 '[')", strings.Repeat(`\[`, 10000), "", 0},
		{"nested block quotes", "a\n" + strings.Repeat(">", 10000) + " a", render.LimitDepth, 2},
		{"block quotes at the limit", strings.Repeat("> ", render.MaxMarkdownDepth) + "a", "", 0},
		{"nested lists", nestedList(render.MaxMarkdownDepth + 1), render.LimitDepth, render.MaxMarkdownDepth + 1},
		{"nested lists at the limit", nestedList(render.MaxMarkdownDepth), "", 0},
		{"deep indentation", "a\n\n" + strings.Repeat(" ", 2*render.MaxMarkdownDepth+2) + "b", render.LimitDepth, 3},
		{"table cells", table(6, render.MaxTableCells/6, " h |"), render.LimitCells, render.MaxTableCells/6 + 1},
		{"10,000 items of 8 columns", table(8, 10000, " h |"), "", 0},
		{"wide table of one-cell rows", "|" + strings.Repeat("a|", 200) + "\n|" + strings.Repeat("-|", 200) + "\n" + strings.Repeat("|a|\n", 1000), render.LimitCells, 601},
		{"nested emphasis", "x\n\n" + strings.Repeat("*a ", 1000) + strings.Repeat("a* ", 1000), render.LimitDepth, 3},
		{"a run of emphasis", strings.Repeat("*", 10000) + "a" + strings.Repeat("*", 10000), render.LimitDepth, 1},
		{"emphasis at the limit", strings.Repeat("*a ", render.MaxMarkdownDepth) + strings.Repeat("a* ", render.MaxMarkdownDepth), "", 0},
		{"table header", table(2, 1, strings.Repeat("h", render.MaxTableHeader)+" |"), render.LimitHeader, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := cpuTime()
			doc, err := render.Parse([]byte(tt.md), render.Meta{})
			if tt.limit == "" {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if len(tt.md) < 1<<20 {
					if err := render.Text(io.Discard, doc, render.Narrow()); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			var le *render.LimitError
			if !errors.As(err, &le) {
				t.Fatalf("Parse = %v, want a *LimitError", err)
			}
			if le.Limit != tt.limit || le.Line != tt.line {
				t.Errorf("Parse = %+v, want limit %s at line %d", le, tt.limit, tt.line)
			}
			if d := cpuTime() - start; d > 2*time.Second {
				t.Errorf("refusing took %v", d)
			}
			for _, lang := range []string{"en", "zh-Hans", "zh-Hant"} {
				if m := le.Message(lang); m == "" || strings.Contains(m, "%") || lang != "en" && m == le.Message("en") {
					t.Errorf("Message(%s) = %q", lang, m)
				}
			}
		})
	}
}

// TestMarkdownTextLinear parses and renders as narrow text accepted
// hostile Markdown of 4 KB (16 times) and of 128 KB and compares the
// memory each byte costs (deterministic) and the CPU time (with a wide
// margin). Runs of 8 KB of '[' took 16 s before.
func TestMarkdownTextLinear(t *testing.T) {
	for _, c := range adversarialText {
		t.Run(c.name, func(t *testing.T) {
			perByte := func(md []byte, runs int) (ns, alloc float64) {
				var m0, m1 runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&m0)
				start := cpuTime()
				for range runs {
					doc, err := render.Parse(md, render.Meta{})
					if err != nil {
						t.Fatal(err)
					}
					if err := render.Text(io.Discard, doc, render.Narrow()); err != nil {
						t.Fatal(err)
					}
				}
				cpu := cpuTime() - start
				runtime.ReadMemStats(&m1)
				return float64(cpu) / float64(runs*len(md)), float64(m1.TotalAlloc-m0.TotalAlloc) / float64(runs*len(md))
			}
			small, large := []byte(c.gen(4<<10)), []byte(c.gen(128<<10))
			sn, sa := perByte(small, 16)
			ln, la := perByte(large, 1)
			t.Logf("4 KB: %.0f ns/byte, %.0f B/byte; 128 KB: %.0f ns/byte, %.0f B/byte", sn, sa, ln, la)
			if la > 2*sa+100 {
				t.Errorf("128 KB allocates %.0f B/byte, 4 KB %.0f B/byte: not linear", la, sa)
			}
			if ln > 4*sn {
				t.Errorf("128 KB costs %.0f ns/byte, 4 KB %.0f ns/byte: not linear", ln, sn)
			}
		})
	}
}

// TestNewDocumentOutputLimit: a user's template that writes without end
// is stopped at MaxMarkdownSize, not when memory runs out.
func TestNewDocumentOutputLimit(t *testing.T) {
	set, err := templates.Load(fstest.MapFS{
		"en/extra.tmpl": {Data: []byte(`{{define "custom"}}{{range 100000000}}a line of text that repeats{{end}}{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	start := cpuTime()
	_, err = render.NewDocument(a, set)
	var le *render.LimitError
	if !errors.As(err, &le) || le.Limit != render.LimitSize {
		t.Fatalf("NewDocument = %v, want a size *LimitError", err)
	}
	if d := cpuTime() - start; d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestTemplateOverrideLimits: an override's files are refused by size
// before they are read.
func TestTemplateOverrideLimits(t *testing.T) {
	big := bytes.Repeat([]byte("x"), templates.MaxFileSize+1)
	if _, err := templates.Load(fstest.MapFS{"en/extra.tmpl": {Data: big}}); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a file over MaxFileSize: %v", err)
	}
	files := fstest.MapFS{}
	for i := range templates.MaxSetSize/(templates.MaxFileSize/2) + 1 {
		files[fmt.Sprintf("en/extra%d.tmpl", i)] = &fstest.MapFile{Data: big[:templates.MaxFileSize/2]}
	}
	if _, err := templates.Load(files); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("files over MaxSetSize in all: %v", err)
	}
}

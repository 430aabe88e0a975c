//go:build linux

package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

// maxRSS is the most memory one input may take, whole process: issue 10
// asks that any input a server accepts be handled within it.
const maxRSS = 256 << 20

// heavy reports whether to run the worst accepted inputs at the limits
// (TRADEPACT_HEAVY=1, which .ci/run sets): tens of seconds. The default
// run uses the sizes real deals reach (2,000 items) and takes seconds.
func heavy() bool { return os.Getenv("TRADEPACT_HEAVY") == "1" }

// worstInputs are the largest, most hostile inputs of each kind that the
// limits accept, each run from its bytes to text and PDF.
var worstInputs = map[string]func(t *testing.T){
	// Terms as one-line JSON: 2,000 items, or when heavy as many as
	// MaxSize holds (up to the 10,000 the rules allow).
	"terms-json-items": func(t *testing.T) {
		a := loadTerms(t, "secondhand-zh-Hant")
		item := a.Items[0]
		item.Description, item.Defects = "", nil
		size := func(n int) int {
			a.Items = nil
			for i := range n {
				item.Name = fmt.Sprintf("二手商品 %d", i+1)
				a.Items = append(a.Items, item)
			}
			data, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			return len(data)
		}
		n := 2000
		if heavy() {
			one, per := size(1), size(2)-size(1)
			n = min(10000, (agreement.MaxSize-one)/per)
		}
		size(n)
		data, _ := json.Marshal(a)
		pipeline(t, "terms.json", data)
	},
	// Terms with clauses of 10,000 '[' up to MaxSize.
	"terms-clause-brackets": func(t *testing.T) {
		a := loadTerms(t, "gift_card-zh-Hant")
		for i := range agreement.MaxSize / 10100 {
			a.Clauses = append(a.Clauses, agreement.Clause{Title: fmt.Sprintf("條款 %d", i+1), Text: strings.Repeat("[", 10000)})
		}
		data, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		pipeline(t, "terms.json", data)
	},
	// A YAML terms file of MaxSize holding as many nodes as it can: it is
	// refused, but only once parsed.
	"terms-yaml-nodes": func(t *testing.T) {
		data := []byte("tradepact: 1\nclauses:\n" + strings.Repeat("- [a, b]\n", (agreement.MaxSize-30)/9))
		if _, err := agreement.Decode("terms.yaml", data); err == nil {
			t.Fatal("decoded")
		}
	},
	// Recorded Markdown (a contract file's text): escaped brackets, a
	// long table and nesting at the limit, up to MaxMarkdownSize when heavy.
	"markdown": func(t *testing.T) {
		size := 1 << 20
		if heavy() {
			size = render.MaxMarkdownSize
		}
		var b strings.Builder
		d := render.MaxMarkdownDepth
		for b.Len() < size*3/4 {
			b.WriteString(strings.Repeat(`\[`, 5000) + "\n\n" + strings.Repeat("> ", d) + "a\n\n" +
				strings.Repeat("*a ", d) + strings.Repeat("a* ", d) + "\n\n")
		}
		b.WriteString("| No. | Item | Qty | Price |\n|---|---|---|--:|\n")
		for b.Len() < size-64 {
			b.WriteString("| 1 | 星巴克隨行卡 Starbucks card | 1 | 920 |\n")
		}
		doc, err := render.Parse([]byte(b.String()), render.Meta{})
		if err != nil {
			t.Fatal(err)
		}
		renderAll(t, doc)
	},
}

func loadTerms(t *testing.T, name string) *agreement.Agreement {
	a, err := agreement.Load("../examples/terms/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// pipeline decodes, checks and renders terms as a server would.
func pipeline(t *testing.T, name string, data []byte) {
	if len(data) > agreement.MaxSize {
		t.Fatalf("%d bytes: over MaxSize", len(data))
	}
	a, err := agreement.Decode(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Check(); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Digest(); err != nil {
		t.Fatal(err)
	}
	doc, err := render.NewDocument(a, templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	renderAll(t, doc)
}

func renderAll(t *testing.T, doc *render.Document) {
	if err := render.Text(io.Discard, doc, render.Narrow()); err != nil {
		t.Fatal(err)
	}
	if err := render.PDF(io.Discard, doc); err != nil {
		t.Fatal(err)
	}
}

// TestWorstInputRSS runs each worst input in a child process (this test
// binary, run again) and checks the child's peak resident memory, from
// rusage, against maxRSS.
func TestWorstInputRSS(t *testing.T) {
	if kind := os.Getenv("TRADEPACT_RSS_CHILD"); kind != "" {
		worstInputs[kind](t)
		if !t.Failed() {
			fmt.Println("rss-child-ok")
		}
		return
	}
	if raceEnabled {
		t.Skip("peak memory is measured without -race, whose shadow memory multiplies it")
	}
	for kind := range worstInputs {
		t.Run(kind, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestWorstInputRSS$", "-test.count=1")
			cmd.Env = append(os.Environ(), "TRADEPACT_RSS_CHILD="+kind)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			if err != nil || !strings.Contains(out.String(), "rss-child-ok") {
				t.Fatalf("child: %v\n%s", err, out.String())
			}
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if !ok {
				t.Fatalf("no rusage: %T", cmd.ProcessState.SysUsage())
			}
			rss := ru.Maxrss << 10 // kilobytes on Linux
			t.Logf("%s: peak RSS %d MiB, %v user", kind, rss>>20, cmd.ProcessState.UserTime())
			if rss > maxRSS {
				t.Errorf("%s: peak RSS %d MiB, over %d MiB", kind, rss>>20, maxRSS>>20)
			}
		})
	}
}

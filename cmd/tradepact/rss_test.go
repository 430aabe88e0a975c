package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/templates"
)

// bigTablePDF writes the PDF of a contract, proposed under a template set
// of the seller's own, whose recorded text holds a Markdown table of rows
// rows of six cells, about 200 bytes a row: 19,500 rows are 4 MB, as much
// as render.MaxMarkdownSize and render.MaxTableCells let through.
func bigTablePDF(t *testing.T, dir string, rows int) string {
	t.Helper()
	a, err := agreement.Load("../../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	body := fmt.Sprintf("{{define \"evidence\"}}\n\n| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n"+
		"{{range $i := %d}}| r{{$i}} xxxxxxxxxxxxxxxxxxxx | xxxxxxxxxxxxxxxxxxxxxxxxxxxxx | yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy | zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz | 12345.67 | 宽字符测试宽字符测试宽字符 |\n{{end}}\n{{end}}", rows)
	shop, err := templates.Load(fstest.MapFS{
		"set.json":         {Data: []byte(`{"name": "shop", "version": "1"}`)},
		"en/evidence.tmpl": {Data: []byte(body)},
	})
	if err != nil {
		t.Fatal(err)
	}
	seed := bytes.Repeat([]byte{7}, 32)
	k, err := confirm.NewKeyFromSeed(seed)
	if err != nil {
		t.Fatal(err)
	}
	c, err := confirm.Propose(a, k, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), confirm.WithTemplates(shop))
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if _, err := confirm.WritePDF(&pdf, data); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "table.pdf")
	if err := os.WriteFile(file, pdf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestVerifyWorstPDFRSS runs "tradepact verify" on the PDF of a contract
// whose recorded text is a table at the Markdown limits, in a child
// process, and checks its peak RSS below 256 MiB (issue 10: verify of any
// input). Without the command's soft memory limit it peaked at 446 MiB.
// The default run uses a quarter of the table; TRADEPACT_HEAVY=1 the
// whole 4 MB.
func TestVerifyWorstPDFRSS(t *testing.T) {
	if file := os.Getenv("TRADEPACT_CLI_RSS_CHILD"); file != "" {
		os.Args = []string{"tradepact", "verify", file}
		fmt.Println("exit", Main())
		return
	}
	if raceEnabled {
		t.Skip("peak memory is measured without -race, whose shadow memory multiplies it")
	}
	if testing.Short() {
		t.Skip("-short: renders a large PDF")
	}
	rows := 5000
	if os.Getenv("TRADEPACT_HEAVY") == "1" {
		rows = 19500
	}
	file := bigTablePDF(t, t.TempDir(), rows)
	cmd := exec.Command(os.Args[0], "-test.run=^TestVerifyWorstPDFRSS$", "-test.count=1")
	cmd.Env = append(os.Environ(), "TRADEPACT_CLI_RSS_CHILD="+file)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil || !strings.Contains(out.String(), "exit 3") {
		t.Fatalf("child (want exit 3, the buyer has not confirmed): %v\n%s", err, out.String())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Fatalf("no rusage: %T", cmd.ProcessState.SysUsage())
	}
	rss := ru.Maxrss << 10
	t.Logf("%d rows: peak RSS %d MiB, %v user", rows, rss>>20, cmd.ProcessState.UserTime())
	if rss > 256<<20 {
		t.Errorf("peak RSS %d MiB, over 256 MiB", rss>>20)
	}
}

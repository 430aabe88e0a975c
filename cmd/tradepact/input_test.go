package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestHugeInputRefused gives every command that reads a file a 600 MB one
// (sparse: it takes no disk) and checks that it is refused by its size,
// quickly and without the memory reading it would take (issue 10: render
// of a 600 MB file took 1.2 GB).
func TestHugeInputRefused(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.contract.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(600 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, args := range [][]string{
		{"render", huge},
		{"render", "-o", filepath.Join(dir, "x.pdf"), huge},
		{"verify", huge},
		{"diff", huge, huge},
		{"validate", huge},
		{"terms", huge},
		{"confirm", "--dry-run", "--key", huge, huge},
	} {
		t.Run(args[0], func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			start := time.Now()
			code := run(args, &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
			runtime.ReadMemStats(&m1)
			if code == exitOK {
				t.Errorf("exit %d; stdout %s", code, stdout.String())
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if a := m1.TotalAlloc - m0.TotalAlloc; a > 80<<20 {
				t.Errorf("allocated %d MB", a>>20)
			}
			if !strings.Contains(stderr.String()+stdout.String(), "larger than") {
				t.Errorf("no size error:\n%s%s", stdout.String(), stderr.String())
			}
		})
	}
}

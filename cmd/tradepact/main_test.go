package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"tradepact": func() { os.Exit(Main()) },
	})
}

// TestScript runs the CLI scripts in testdata/script/*.txtar. Each script
// runs the real binary in a fresh directory; $EXAMPLES points at
// examples/terms so scripts can use the shipped example terms.
func TestScript(t *testing.T) {
	examples, err := filepath.Abs("../../examples/terms")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("EXAMPLES", examples)
			// A binary built with -race sleeps for a second when it exits
			// (GORACE atexit_sleep_ms, default 1000) so that goroutines
			// still running can report races; the scripts exec this
			// binary ~280 times, and those seconds were most of this
			// package's time under -race. A race is still reported as it
			// happens and still makes a clean exit 66, failing the script.
			e.Setenv("GORACE", strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
			return nil
		},
		RequireExplicitExec: true,
	})
}

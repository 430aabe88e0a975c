package main

import (
	"os"
	"path/filepath"
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
			return nil
		},
		RequireExplicitExec: true,
	})
}

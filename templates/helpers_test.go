package templates_test

import (
	"path/filepath"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// loadExample loads examples/terms/NAME.
func loadExample(t testing.TB, name string) *agreement.Agreement {
	t.Helper()
	a, err := agreement.Load(filepath.Join("..", "examples", "terms", name))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// examples lists the example terms files.
func examples(t testing.TB) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join("..", "examples", "terms", "*.yaml"))
	if err != nil || len(m) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	var out []string
	for _, p := range m {
		out = append(out, filepath.Base(p))
	}
	return out
}

package agreement_test

import (
	"flag"
	"testing"
)

// The -update flag rewrites golden files (currency table, digest vectors).
// Registered only if no other test file of the package did, so that the
// package's tests can share one flag.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files in testdata/ and doc/")
	}
}

func updating(t testing.TB) bool {
	t.Helper()
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	b, _ := g.Get().(bool)
	return b
}

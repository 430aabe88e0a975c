package templates

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// TestDefaultParses checks every locale of the built-in set, which is
// parsed on first use rather than at start-up, and that parsing lazily
// changes neither the identity nor the text.
func TestDefaultParses(t *testing.T) {
	src, err := readTree(embedded, "contract")
	if err != nil {
		t.Fatal(err)
	}
	id := Identity{Name: DefaultName, Version: DefaultVersion}
	eager, err := build(src, nil, id)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := buildSet(src, nil, id, true)
	if err != nil {
		t.Fatal(err)
	}
	if lazy.Identity() != eager.Identity() || Default().Identity() != eager.Identity() {
		t.Fatal("a lazily parsed set has another identity")
	}
	for _, l := range agreement.Locales {
		if _, err := Default().byLocal[l].get(); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
	for name, a := range exampleTerms(t) {
		var want, got bytes.Buffer
		if err := eager.Execute(&want, a); err != nil {
			t.Fatal(err)
		}
		if err := lazy.Execute(&got, a); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: the lazily parsed set renders another text", name)
		}
	}
}

// TestLazyParseConcurrent executes a fresh lazily parsed set from many
// goroutines at once, every locale at the same time as its first use: run
// under -race, it shows that the first parse is safe for concurrent use.
func TestLazyParseConcurrent(t *testing.T) {
	src, err := readTree(embedded, "contract")
	if err != nil {
		t.Fatal(err)
	}
	s, err := buildSet(src, nil, Identity{Name: DefaultName, Version: DefaultVersion}, true)
	if err != nil {
		t.Fatal(err)
	}
	terms := exampleTerms(t)
	want := map[string][]byte{}
	for name, a := range terms {
		var b bytes.Buffer
		if err := Default().Execute(&b, a); err != nil {
			t.Fatal(err)
		}
		want[name] = b.Bytes()
	}
	var wg sync.WaitGroup
	for name, a := range terms { // every example: each locale several times
		wg.Go(func() {
			var b bytes.Buffer
			if err := s.Execute(&b, a); err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(b.Bytes(), want[name]) {
				t.Errorf("%s: another text when executed concurrently", name)
			}
		})
	}
	wg.Wait()
}

// exampleTerms loads examples/terms/*.yaml by file name.
func exampleTerms(t *testing.T) map[string]*agreement.Agreement {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "examples", "terms", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	out := map[string]*agreement.Agreement{}
	for _, f := range files {
		a, err := agreement.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = a
	}
	return out
}

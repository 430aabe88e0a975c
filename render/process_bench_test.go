package render_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkProcess runs whole processes, start to finish, as a user or a
// backend shelling out does: `tradepact render -o x.pdf TERMS` against
// the naive gofpdf program (render/internal/naivepdf: the same decoding
// and templates, then the full fonts and MultiCell). Both binaries are
// built once, then exec'd in the same run, so that the ratio holds on a
// shared machine:
//
//	go test -run '^$' -bench Process -count 6 ./render
func BenchmarkProcess(b *testing.B) {
	if testing.Short() {
		b.Skip("builds two binaries")
	}
	dir := b.TempDir()
	build := func(name, pkg string) string {
		b.Helper()
		out := filepath.Join(dir, name)
		if msg, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
			b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
		}
		return out
	}
	tp := build("tradepact", "../cmd/tradepact")
	naive := build("naivepdf", "./internal/naivepdf")
	terms, err := filepath.Abs("../examples/terms/goods-zh-Hant.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cjk, err := filepath.Abs("internal/fonts/files/DroidSansFallbackFull.ttf")
	if err != nil {
		b.Fatal(err)
	}
	pdf := filepath.Join(dir, "x.pdf")
	for _, c := range []struct {
		name string
		args []string
	}{
		{"tradepact", []string{tp, "render", "-o", pdf, terms}},
		{"naive", []string{naive, "-cjk", cjk, "-o", pdf, terms}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				os.Remove(pdf)
				cmd := exec.Command(c.args[0], c.args[1:]...)
				cmd.Env = append(os.Environ(), "CI=")
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %v\n%s", c.args, err, out)
				}
			}
		})
	}
}

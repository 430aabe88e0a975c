package render_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkProcess runs whole processes, start to finish, as a user or a
// backend shelling out does: `tradepact render -o x.pdf TERMS` against
// the naive gofpdf program (render/internal/naivepdf: the same decoding
// and templates, then the full fonts and MultiCell). Both binaries are
// built once; each iteration runs one of each, interleaved, so that the
// two see the same load on a shared machine. It reports wall and CPU
// (user + system) milliseconds per process of each, and the ratios:
//
//	go test -run '^$' -bench Process -count 6 ./render
func BenchmarkProcess(b *testing.B) {
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
	exe := func(args ...string) (wall, cpu time.Duration) {
		os.Remove(pdf)
		cmd := exec.Command(args[0], args[1:]...)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %v\n%s", args, err, out)
		}
		return time.Since(start), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	var tpWall, tpCPU, nvWall, nvCPU time.Duration
	n := 0
	for b.Loop() {
		w, c := exe(tp, "render", "-o", pdf, terms)
		tpWall, tpCPU = tpWall+w, tpCPU+c
		w, c = exe(naive, "-cjk", cjk, "-o", pdf, terms)
		nvWall, nvCPU = nvWall+w, nvCPU+c
		n++
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(n) / 1e6 }
	b.ReportMetric(ms(tpWall), "tradepact-ms")
	b.ReportMetric(ms(nvWall), "naive-ms")
	b.ReportMetric(ms(tpCPU), "tradepact-cpu-ms")
	b.ReportMetric(ms(nvCPU), "naive-cpu-ms")
	b.ReportMetric(float64(nvWall)/float64(tpWall), "x-faster")
	b.ReportMetric(float64(nvCPU)/float64(tpCPU), "x-less-cpu")
	b.ReportMetric(0, "ns/op") // the pair's time is not a figure of interest
}

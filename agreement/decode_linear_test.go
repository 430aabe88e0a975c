package agreement_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tradepact/tradepact/agreement"
)

// TestDecodeJSONOneLinePositions checks the positions of values far along
// one long line (as browsers send JSON) and after it, counted in
// characters.
func TestDecodeJSONOneLinePositions(t *testing.T) {
	data := sizedTerms(t, 64<<10, false)
	// Make the last item's quantity wrong: its column is the number of
	// characters before it, plus one.
	i := strings.LastIndex(string(data), `"quantity":1`)
	bad := string(data[:i]) + `"quantity":"x"` + string(data[i+len(`"quantity":1`):])
	_, err := agreement.Decode("terms.json", []byte(bad))
	var fe *agreement.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("Decode = %v, want a *FieldError", err)
	}
	col := utf8.RuneCountInString(bad[:i+len(`"quantity":`)]) + 1
	if fe.Line != 1 || fe.Column != col || !strings.HasSuffix(fe.Path, ".quantity") {
		t.Errorf("error at %d:%d %s, want 1:%d items[…].quantity", fe.Line, fe.Column, fe.Path, col)
	}
	// A second line after the long one starts counting again.
	_, err = agreement.Decode("terms.json", append(append([]byte(nil), data...), "\n  x"...))
	if !errors.As(err, &fe) || fe.Line != 2 || fe.Column != 3 || fe.Rule != agreement.RuleTrailingData {
		t.Errorf("Decode = %v, want trailing data at 2:3", err)
	}
}

// TestDecodeJSONLinear decodes one-line JSON of 16 KB and of MaxSize and
// compares the cost per byte, in memory allocated (which does not depend
// on the machine's load) and in CPU time (with a wide margin): quadratic position tracking made the large one 60 times
// dearer per byte (2 minutes for 1 MB).
func TestDecodeJSONLinear(t *testing.T) {
	small, large := sizedTerms(t, 16<<10, false), sizedTerms(t, agreement.MaxSize, false)
	perByte := func(data []byte, runs int) (ns, alloc float64) {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		start := cpuTime()
		for range runs {
			if _, err := agreement.Decode("terms.json", data); err != nil {
				t.Fatal(err)
			}
		}
		cpu := cpuTime() - start
		runtime.ReadMemStats(&m1)
		return float64(cpu) / float64(runs*len(data)), float64(m1.TotalAlloc-m0.TotalAlloc) / float64(runs*len(data))
	}
	sn, sa := perByte(small, 64)
	ln, la := perByte(large, 2)
	t.Logf("%d bytes: %.0f ns/byte, %.0f B/byte allocated; %d bytes: %.0f ns/byte, %.0f B/byte", len(small), sn, sa, len(large), ln, la)
	if la > 2*sa {
		t.Errorf("one-line JSON of %d bytes allocates %.0f B/byte, %.1f times the %.0f B/byte of %d bytes: not linear", len(large), la, la/sa, sa, len(small))
	}
	if ln > 4*sn {
		t.Errorf("one-line JSON of %d bytes costs %.0f ns/byte, %.1f times the %.0f ns/byte of %d bytes: not linear", len(large), ln, ln/sn, sn, len(small))
	}
}

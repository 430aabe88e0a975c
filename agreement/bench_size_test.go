package agreement_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// sizedTerms returns the goods-en example with its items repeated (each
// with a description) as JSON of at most size bytes, on one line or
// pretty-printed.
func sizedTerms(tb testing.TB, size int, pretty bool) []byte {
	tb.Helper()
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	marshal := func() []byte {
		var j []byte
		if pretty {
			j, err = json.MarshalIndent(a, "", "  ")
		} else {
			j, err = json.Marshal(a)
		}
		if err != nil {
			tb.Fatal(err)
		}
		return j
	}
	item := a.Items[0]
	item.Description = strings.Repeat("New, factory sealed, 保固一年. ", 3)
	add := func(n int) {
		for range n {
			a.Items = append(a.Items, item)
			a.Items[len(a.Items)-1].Name = fmt.Sprintf("Item %d", len(a.Items))
		}
	}
	a.Items = a.Items[:0]
	add(1)
	per := len(marshal())
	add(size/per - 1)
	for {
		j := marshal()
		if len(j) > size {
			a.Items = a.Items[:len(a.Items)-1]
			return marshal()
		}
		if per = len(j) / len(a.Items); size-len(j) > 2*per {
			add((size-len(j))/per - 1)
			continue
		}
		add(1)
	}
}

// BenchmarkDecodeJSONSize decodes terms from 1 KB up to MaxSize in both
// JSON layouts; ns/byte is flat when decoding is linear in the input.
func BenchmarkDecodeJSONSize(b *testing.B) {
	for _, size := range []int{1 << 10, 16 << 10, 64 << 10, 256 << 10, agreement.MaxSize} {
		for _, c := range []struct {
			layout string
			data   []byte
		}{{"oneline", sizedTerms(b, size, false)}, {"pretty", sizedTerms(b, size, true)}} {
			b.Run(fmt.Sprintf("%s/%dKB", c.layout, len(c.data)>>10), func(b *testing.B) {
				b.SetBytes(int64(len(c.data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := agreement.Decode("terms.json", c.data); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.data)), "ns/byte")
			})
		}
	}
}

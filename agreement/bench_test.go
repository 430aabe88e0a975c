package agreement_test

import (
	"path/filepath"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// BenchmarkDecodeValidateDigestExamples measures what reading one terms file costs:
// strict decoding, every validation rule and the digest, for each shipped
// example (engineer A's BenchmarkDecodeValidateDigest times one vector).
func BenchmarkDecodeValidateDigestExamples(b *testing.B) {
	for _, file := range exampleFiles(b) {
		data := readFile(b, file)
		b.Run(filepath.Base(file), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				a, err := agreement.Decode(file, data)
				if err != nil {
					b.Fatal(err)
				}
				if fs := a.Validate(); len(fs) != 0 {
					b.Fatal(fs)
				}
				if _, err := a.Digest(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

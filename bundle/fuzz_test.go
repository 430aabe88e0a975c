package bundle_test

import (
	"bytes"
	"testing"

	"github.com/tradepact/tradepact/bundle"
)

// FuzzVerify reads arbitrary archives: Verify never panics, and an archive
// it accepts as OK has every referenced file present and unchanged.
func FuzzVerify(f *testing.F) {
	data := contract(f)
	f.Add(create(f, data))
	f.Add(archive(f, bundle.ContractName, data))
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	lim := bundle.Limits{Entries: 20, File: 1 << 20, Total: 4 << 20, Ratio: 100}
	f.Fuzz(func(t *testing.T, z []byte) {
		rep, err := bundle.Verify(bytes.NewReader(z), int64(len(z)), &lim)
		if err != nil || !rep.OK() {
			return
		}
		for _, c := range rep.Files {
			if c.Status != bundle.StatusOK || c.SHA256 != c.Ref.SHA256 || c.Size != int64(c.Ref.Size) {
				t.Fatalf("OK with %s %s", c.Path, c.Status)
			}
		}
	})
}

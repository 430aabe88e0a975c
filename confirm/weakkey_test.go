package confirm

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"testing"
)

func TestWeakKey(t *testing.T) {
	ff := "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	for _, h := range []string{
		"0000000000000000000000000000000000000000000000000000000000000000", // order 4
		"0100000000000000000000000000000000000000000000000000000000000000", // identity
		"0100000000000000000000000000000000000000000000000000000000000080", // identity, sign bit
		"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
		"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8
		"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
		"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8
		"ec" + ff + "7f", // y = p-1, order 2
		"ed" + ff + "7f", // y = p, non-canonical 0
		"ee" + ff + "7f", // y = p+1, non-canonical 1
		"ff" + ff + "ff",
	} {
		raw, err := hex.DecodeString(h)
		if err != nil || len(raw) != 32 {
			t.Fatal(h, err)
		}
		if !weakKey(raw) {
			t.Errorf("%s: not weak", h)
		}
	}
	for i := 0; i < 500; i++ {
		k, err := GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		raw, ok := k.Public().raw()
		if !ok || weakKey(raw) {
			t.Fatalf("generated key %s is weak", k.Public())
		}
	}
	seeded, _ := NewKeyFromSeed(bytes.Repeat([]byte{1}, 32))
	if _, ok := seeded.Public().raw(); !ok {
		t.Fatal("a seeded key is weak")
	}
}

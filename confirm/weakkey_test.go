package confirm

import (
	"bytes"
	"crypto/ecdh"
	crand "crypto/rand"
	"encoding/hex"
	"math/big"
	"math/rand/v2"
	"slices"
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
		k, err := GenerateKey(crand.Reader)
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

// weakKeyX25519 is weakKey by its definition: map the point to the
// Montgomery curve, u = (1 + y) / (1 - y), where X25519 with a
// cofactor-multiple scalar gives zero exactly for small order.
func weakKeyX25519(raw []byte) bool {
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))
	le := bytes.Clone(raw)
	le[31] &= 0x7f // the sign of x
	slices.Reverse(le)
	y := new(big.Int).SetBytes(le)
	if y.Cmp(p) >= 0 {
		return true
	}
	one := big.NewInt(1)
	den := new(big.Int).Sub(one, y)
	den.Mod(den, p)
	if den.Sign() == 0 { // y = 1: the identity
		return true
	}
	u := new(big.Int).Add(one, y)
	u.Mul(u, new(big.Int).ModInverse(den, p))
	u.Mod(u, p)
	ub := u.FillBytes(make([]byte, 32))
	slices.Reverse(ub)
	pub, err := ecdh.X25519().NewPublicKey(ub)
	if err != nil {
		return true
	}
	probe, _ := ecdh.X25519().NewPrivateKey(bytes.Repeat([]byte{0x5a}, 32))
	_, err = probe.ECDH(pub)
	return err != nil
}

// TestWeakKeyAgreesWithDefinition checks the table of small-order
// y-coordinates against the curve: the y of the points of order 8 solve
// d·y⁴ + 2·y² − 1 = 0 (doubling them gives y = 0), and weakKey agrees with
// the X25519 definition on every small-order point, both signs, the values
// around p and random encodings.
func TestWeakKeyAgreesWithDefinition(t *testing.T) {
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))
	d := new(big.Int).Mul(big.NewInt(-121665), new(big.Int).ModInverse(big.NewInt(121666), p))
	d.Mod(d, p)
	// y² = (−1 + √(1+d)) / d; the other root has no square root.
	r := new(big.Int).ModSqrt(new(big.Int).Mod(new(big.Int).Add(big.NewInt(1), d), p), p)
	y2 := new(big.Int).Mul(new(big.Int).Sub(r, big.NewInt(1)), new(big.Int).ModInverse(d, p))
	y8 := new(big.Int).ModSqrt(y2.Mod(y2, p), p)
	if y8 == nil {
		t.Fatal("no y for the points of order 8")
	}
	le := func(v *big.Int) []byte {
		b := new(big.Int).Mod(v, p).FillBytes(make([]byte, 32))
		slices.Reverse(b)
		return b
	}
	var cases [][]byte
	for _, y := range []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(-1), y8, new(big.Int).Neg(y8)} {
		cases = append(cases, le(y))
	}
	for _, y := range cases {
		if !slices.Contains(smallOrderY[:], [32]byte(y)) {
			t.Errorf("small-order y %x is not in the table", y)
		}
	}
	ff := bytes.Repeat([]byte{0xff}, 30)
	for c := 0xe0; c <= 0xff; c++ {
		cases = append(cases, append(append([]byte{byte(c)}, ff...), 0x7f))
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		b := make([]byte, 32)
		for i := range b {
			b[i] = byte(rnd.Uint32())
		}
		cases = append(cases, b)
	}
	for _, c := range cases {
		for _, sign := range []byte{0, 0x80} {
			k := bytes.Clone(c)
			k[31] = k[31]&0x7f | sign
			if got, want := weakKey(k), weakKeyX25519(k); got != want {
				t.Errorf("%x: weakKey %v, by definition %v", k, got, want)
			}
		}
	}
}

package agreement_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

func TestDigestForms(t *testing.T) {
	// SHA-256("abc"), FIPS 180-2 appendix B.1.
	d := agreement.DigestOf([]byte("abc"))
	const want = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if d.String() != want {
		t.Errorf("String = %s", d)
	}
	if d.Short() != "ba78 16bf 8f01" {
		t.Errorf("Short = %q", d.Short())
	}
	p, err := agreement.ParseDigest(want)
	if err != nil || p != d {
		t.Errorf("ParseDigest = %v, %v", p, err)
	}
	if d.IsZero() || !(agreement.Digest{}).IsZero() {
		t.Error("IsZero")
	}
	j, err := json.Marshal(map[string]agreement.Digest{"d": d})
	if err != nil || string(j) != `{"d":"`+want+`"}` {
		t.Errorf("JSON = %s, %v", j, err)
	}
	var back map[string]agreement.Digest
	if err := json.Unmarshal(j, &back); err != nil || back["d"] != d {
		t.Errorf("JSON back = %v, %v", back, err)
	}
	if agreement.DigestOf(nil) != sha256.Sum256(nil) {
		t.Error("DigestOf(nil)")
	}
}

func TestParseDigestErrors(t *testing.T) {
	good := agreement.DigestOf([]byte("abc")).String()
	for _, s := range []string{
		"",
		good[7:],                             // no prefix
		"SHA256:" + good[7:],                 // upper-case prefix
		"sha512:" + good[7:],                 // other algorithm
		"sha256:BA7816BF" + good[15:],        // upper-case hex
		good[:len(good)-1],                   // short
		good + "0",                           // long
		" " + good,                           // space
		good[:20] + "g" + good[21:],          // not hex
		"ba78 16bf 8f01",                     // the short form
		"sha256:" + string(make([]byte, 64)), // NULs
	} {
		if d, err := agreement.ParseDigest(s); !errors.Is(err, agreement.ErrDigestSyntax) {
			t.Errorf("ParseDigest(%q) = %v, %v", s, d, err)
		}
	}
	var d agreement.Digest
	if err := d.UnmarshalText([]byte("nope")); err == nil || !d.IsZero() {
		t.Errorf("UnmarshalText = %v, %v", d, err)
	}
}

func FuzzParseDigest(f *testing.F) {
	f.Add(agreement.DigestOf([]byte("abc")).String())
	f.Add("sha256:")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := agreement.ParseDigest(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("%q parsed to %s", s, d)
		}
	})
}

func ExampleDigest_Short() {
	d := agreement.DigestOf([]byte("abc"))
	fmt.Println(d)
	fmt.Println(d.Short())
	// Output:
	// sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
	// ba78 16bf 8f01
}

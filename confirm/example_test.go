package confirm_test

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/tradepact/tradepact/confirm"
)

// ExampleConfirmation_Sign prints a signed confirmation exactly: the message
// and its Ed25519 signature. The key comes from a fixed seed, so the output
// never changes; real keys come from [confirm.GenerateKey].
func ExampleConfirmation_Sign() {
	seed := sha256.Sum256([]byte("example buyer"))
	buyer, err := confirm.NewKeyFromSeed(seed[:])
	if err != nil {
		panic(err)
	}
	c := &confirm.Confirmation{
		Contract:  "TP-2026-1122-001",
		Revision:  2,
		Role:      confirm.Buyer,
		Account:   "lin_mei",
		Agreement: confirm.DigestOf([]byte("the canonical terms")),
		Document:  confirm.DigestOf([]byte("# the contract text\n")),
		Template:  confirm.TemplateID{Name: "default", Version: "1", Digest: confirm.DigestOf([]byte("templates"))},
		History:   confirm.DigestOf([]byte("the history")),
		Time:      time.Date(2026, 11, 22, 10, 5, 0, 0, time.FixedZone("CST", 8*3600)).Format(confirm.TimeLayout),
	}
	if err := c.Sign(buyer); err != nil {
		panic(err)
	}
	fmt.Print(string(c.Message()))
	fmt.Println("signature:", base64.StdEncoding.EncodeToString(c.Signature))
	fmt.Println("fingerprint:", c.Key.Fingerprint())
	fmt.Println("verifies:", c.Verify())
	// Output:
	// tradepact confirmation v1
	// contract: "TP-2026-1122-001"
	// revision: 2
	// role: buyer
	// account: "lin_mei"
	// agreement: sha256:f25a9b60123be162d74d98bab4a937f230dd22c7a344495fe597f8121a795572
	// document: sha256:10b9ade56a503ab7b44c169ae25a67fe6b5b7a2e7cb49457b10e19197495ed40
	// template: "default" "1" sha256:9c6641c1f9cfb0c678ea58b1a913a5d0d528e98047e04827dcf28e9d6e51e8ee
	// history: sha256:31b8bdc900ceca04453d0627da04351bcbb94c93e0793eeeaca9ecd31acca5b7
	// time: 2026-11-22T10:05:00+08:00
	// key: ed25519:7tnsLPUZ2h4vWB7L8gap9tnioGmjVeF8CN3GwVsKU+w=
	// signature: EFmiFilz+kJdbbTzNUMoxQLmJMWOhfR+f66+ODTucsqnTXDJs8PjoGDtlhC0aQ4oWSJTULk9XRsIf/Cq6RKuAw==
	// fingerprint: 3f4e 47df 81b4 3112 f8c2
	// verifies: true
}

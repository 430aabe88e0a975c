package main

import (
	"crypto/rand"
	"fmt"
	"os"
	"strings"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/internal/atomicfile"
)

func init() {
	register(&command{
		name:    "keygen",
		summary: "make a signing key pair: NAME.key (secret) and NAME.pub",
		run:     runKeygen,
	})
}

// writeKeyFile writes a key file; tests replace it to make a write fail.
var writeKeyFile = atomicfile.Write

func runKeygen(e *env, args []string) int {
	fs := newFlags(e, "keygen", "[--alg ed25519|p256] -o NAME")
	out := fs.String("o", "", "write NAME.key (mode 0600) and NAME.pub")
	alg := fs.String("alg", "ed25519", "the key's algorithm: ed25519, or p256 (ECDSA P-256, for keys that must match a phone's or browser's)")
	if code := parseFlags(e, fs, args, 0); code >= 0 {
		return code
	}
	if *alg != "ed25519" && *alg != "p256" {
		e.errorf("keygen: --alg %q: want ed25519 or p256", *alg)
		return exitUsage
	}
	if *out == "" {
		e.errorf("keygen: -o NAME is required")
		fs.Usage()
		return exitUsage
	}
	// -o alice.key means alice: not alice.key.key and alice.key.pub.
	name := strings.TrimSuffix(strings.TrimSuffix(*out, ".key"), ".pub")
	priv, pub := name+".key", name+".pub"
	for _, p := range []string{priv, pub} {
		if _, err := os.Stat(p); err == nil {
			e.errorf("%s already exists", p)
			e.hintf("a key is a party's identity in its contracts: move the old one away before making a new one")
			return exitFailure
		}
	}
	generate := confirm.GenerateKey
	if *alg == "p256" {
		generate = confirm.GenerateP256Key
	}
	k, err := generate(rand.Reader)
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	if err := writeKeyFile(priv, k.MarshalFile(), 0o600); err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	if err := writeKeyFile(pub, k.Public().MarshalFile(), 0o644); err != nil {
		// A private key without its public key is of no use and would
		// make a rerun refuse: take it back.
		os.Remove(priv)
		e.errorf("%v", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "wrote %s (secret: whoever holds it can confirm in your name) and %s\n", priv, pub)
	fmt.Fprintf(e.stdout, "fingerprint: %s\n", k.Public().Fingerprint())
	// A key proves nothing about its holder until the other party knows
	// it is yours: verify says agreed only with both keys pinned.
	fmt.Fprintf(e.stdout, "give %s to the other party and read them this fingerprint in person or by phone: they pin it with verify --seller-pub or --buyer-pub\n", pub)
	return exitOK
}

package main

import (
	"github.com/tradepact/tradepact/confirm"
)

func init() {
	register(&command{
		name:    "propose",
		summary: "start a contract file: the seller proposes terms and confirms them",
		run:     runPropose,
	})
}

func runPropose(e *env, args []string) int {
	fs := newFlags(e, "propose", "--key SELLER.key -o CONTRACT.json [--time T] [--lang L] TERMS")
	sf := addSigningFlags(fs, "the seller's private key file", "the contract file to create", false)
	k, code := sf.parse(e, fs, args, 1)
	if k == nil {
		return code
	}
	termsPath := fs.Arg(0)
	if refuseOverwrite(e, sf.out) {
		return exitFailure
	}
	a, ok := loadChecked(e, termsPath)
	if !ok {
		return exitFailure
	}
	e.setLang(string(a.Locale))
	c, err := confirm.Propose(a, k, sf.signingTime(e, nil))
	if err != nil {
		explain(e, termsPath, err)
		return exitFailure
	}
	if err := writeContract(sf.out, c, "", confirm.Digest{}); err != nil {
		reportWrite(e, sf.out, err)
		return exitFailure
	}
	e.say("proposed", sf.out, c.ID(), k.Public().Fingerprint())
	e.say("head", c.Head())
	return exitOK
}

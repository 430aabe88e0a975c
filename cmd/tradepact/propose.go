package main

import (
	"fmt"

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
	fs := newFlags(e, "propose", "--key SELLER.key -o CONTRACT.json [--time T] TERMS")
	keyPath := fs.String("key", "", "the seller's private key file")
	out := fs.String("o", "", "the contract file to create")
	var at timeFlag
	fs.Var(&at, "time", "the time to record (RFC 3339 with offset; default now)")
	if !parseFlags(e, fs, args, 1) {
		return exitUsage
	}
	if *keyPath == "" || *out == "" {
		e.errorf("propose: --key and -o are required")
		fs.Usage()
		return exitUsage
	}
	termsPath := fs.Arg(0)
	if refuseOverwrite(e, *out) {
		return exitFailure
	}
	k, err := readKey(*keyPath)
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	a, err := loadTerms(termsPath)
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	if !checkTerms(e, termsPath, a) {
		return exitFailure
	}
	c, err := confirm.Propose(a, k, at.time())
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	if err := writeContract(*out, c); err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "%s: revision 1 of %s, proposed and confirmed by the seller (key %s)\n", *out, c.ID(), k.Public().Fingerprint())
	fmt.Fprintf(e.stdout, "head: %s\n", c.Head())
	return exitOK
}

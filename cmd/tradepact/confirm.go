package main

import (
	"errors"
	"fmt"

	"github.com/tradepact/tradepact/confirm"
)

func init() {
	register(&command{
		name:    "confirm",
		summary: "sign your confirmation of a contract file's latest revision",
		run:     runConfirm,
	})
}

func runConfirm(e *env, args []string) int {
	fs := newFlags(e, "confirm", "--key KEY -o OUT [--as seller|buyer] [--time T] CONTRACT.json")
	sf := addSigningFlags(fs, "your private key file", "where to write the contract file (may be CONTRACT.json itself)", true)
	k, code := sf.parse(e, fs, args, 1)
	if k == nil {
		return code
	}
	in := fs.Arg(0)
	c, err := readContract(in)
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	conf, err := c.Confirm(k, sf.at.time(), sf.as.options()...)
	if errors.Is(err, confirm.ErrAlreadyConfirmed) {
		e.errorf("%v", err)
		e.hintf("nothing to do; the file was not changed")
		return exitFailure
	}
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	if err := writeContract(sf.out, c); err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	res, err := c.Verify()
	if err != nil {
		explain(e, sf.out, err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "%s: the %s (%s) confirmed revision %d of %s (key %s)\n",
		sf.out, conf.Role, conf.Account, conf.Revision, c.ID(), conf.Key.Fingerprint())
	if res.Agreed {
		fmt.Fprintf(e.stdout, "agreed: both parties confirmed revision %d\n", conf.Revision)
	} else {
		fmt.Fprintf(e.stdout, "waiting for the %s\n", otherRole(conf.Role))
	}
	fmt.Fprintf(e.stdout, "head: %s\n", c.Head())
	return exitOK
}

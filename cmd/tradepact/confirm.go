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
	keyPath := fs.String("key", "", "your private key file")
	out := fs.String("o", "", "where to write the contract file (may be CONTRACT.json itself)")
	var as roleFlag
	fs.Var(&as, "as", "the role the key acts in (default: from the keys the file records)")
	var at timeFlag
	fs.Var(&at, "time", "the time to record (RFC 3339 with offset; default now)")
	if !parseFlags(e, fs, args, 1) {
		return exitUsage
	}
	if *keyPath == "" || *out == "" {
		e.errorf("confirm: --key and -o are required")
		fs.Usage()
		return exitUsage
	}
	in := fs.Arg(0)
	k, err := readKey(*keyPath)
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	c, err := readContract(in)
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	conf, err := c.Confirm(k, at.time(), as.options()...)
	if errors.Is(err, confirm.ErrAlreadyConfirmed) {
		e.errorf("%v", err)
		e.hintf("nothing to do; the file was not changed")
		return exitFailure
	}
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	if err := writeContract(*out, c); err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	res, err := c.Verify()
	if err != nil {
		explain(e, *out, err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "%s: the %s (%s) confirmed revision %d of %s (key %s)\n",
		*out, conf.Role, conf.Account, conf.Revision, c.ID(), conf.Key.Fingerprint())
	if res.Agreed {
		fmt.Fprintf(e.stdout, "agreed: both parties confirmed revision %d\n", conf.Revision)
	} else {
		fmt.Fprintf(e.stdout, "waiting for the %s\n", otherRole(conf.Role))
	}
	fmt.Fprintf(e.stdout, "head: %s\n", c.Head())
	return exitOK
}

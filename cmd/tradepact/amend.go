package main

import (
	"github.com/tradepact/tradepact/confirm"
)

func init() {
	register(&command{
		name:    "amend",
		summary: "add a revision with new terms, confirmed by its author; prints the changes",
		run:     runAmend,
	})
}

func runAmend(e *env, args []string) int {
	fs := newFlags(e, "amend", "--key KEY -o OUT [--as seller|buyer] [--time T] [--lang L] CONTRACT.json NEW_TERMS")
	sf := addSigningFlags(fs, "the author's private key file", "where to write the amended contract file (may be CONTRACT.json itself)", true)
	k, code := sf.parse(e, fs, args, 2)
	if k == nil {
		return code
	}
	in, termsPath := fs.Arg(0), fs.Arg(1)
	c, err := readContract(e, in)
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	base := c.Head()
	a, ok := loadChecked(e, termsPath)
	if !ok {
		return exitFailure
	}
	e.setLang(string(a.Locale))
	changes, err := c.Amend(a, k, sf.signingTime(e, c), sf.as.options()...)
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	if err := writeContract(sf.out, c, in, base); err != nil {
		reportWrite(e, sf.out, err)
		return exitFailure
	}
	res, err := c.Verify()
	if err != nil {
		explain(e, sf.out, err)
		return exitFailure
	}
	rev := res.Latest()
	e.say("amended", sf.out, rev.Number, c.ID(), e.role(rev.Author), k.Public().Fingerprint())
	printChanges(e, changes)
	e.say("must confirm", e.role(otherRole(rev.Author)), rev.Number)
	e.say("head", c.Head())
	return exitOK
}

func otherRole(r confirm.Role) confirm.Role {
	if r == confirm.Seller {
		return confirm.Buyer
	}
	return confirm.Seller
}

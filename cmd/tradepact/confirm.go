package main

import (
	"errors"

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
	fs := newFlags(e, "confirm", "--key KEY (-o OUT | --dry-run) [--as seller|buyer] [--time T] [--lang L] CONTRACT.json")
	sf := addSigningFlags(fs, "your private key file", "where to write the contract file (may be CONTRACT.json itself)", true)
	dry := fs.Bool("dry-run", false, "check that the confirmation can be given and show what it confirms, without writing anything")
	sf.noOut = dry
	k, code := sf.parse(e, fs, args, 1)
	if k == nil {
		return code
	}
	in := fs.Arg(0)
	c, err := readContract(e, in)
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	base := c.Head()
	conf, err := c.Confirm(k, sf.signingTime(e, c), sf.as.options()...)
	if errors.Is(err, confirm.ErrAlreadyConfirmed) {
		e.errorf("%s", confirm.ErrorMessage(err, e.lang))
		e.hintf("%s", e.tr("nothing to do"))
		return exitFailure
	}
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	res, err := c.Verify()
	if err != nil {
		explain(e, in, err)
		return exitFailure
	}
	if *dry {
		e.say("can confirm", in, e.role(conf.Role), conf.Account, conf.Revision, c.ID(), conf.Key.Fingerprint())
		showConfirmed(e, res, in)
		return exitOK
	}
	if err := writeContract(sf.out, c, in, base); err != nil {
		reportWrite(e, sf.out, err)
		return exitFailure
	}
	e.say("confirmed", sf.out, e.role(conf.Role), conf.Account, conf.Revision, c.ID(), conf.Key.Fingerprint())
	showConfirmed(e, res, sf.out)
	if res.Confirmed {
		// The file alone cannot show whose keys they are: verify with both
		// keys pinned says agreed.
		e.say("both confirmed unpinned", conf.Revision, sf.out)
	} else {
		e.say("waiting", e.role(otherRole(conf.Role)))
	}
	e.say("head", c.Head())
	return exitOK
}

// showConfirmed prints what the latest revision is: its author, its
// digests and what it changed, so that a party sees in the terminal what
// its confirmation binds (the full text: tradepact render FILE).
func showConfirmed(e *env, res *confirm.Result, file string) {
	rev := res.Latest()
	e.say("revision", rev.Number, e.role(rev.Author), rev.Agreement, rev.Document)
	if rev.Number > 1 {
		e.say("changes from", rev.Number-1)
		printChanges(e, rev.Changes)
	}
	e.say("full text", file)
}

package main

import (
	"flag"
	"time"

	"github.com/tradepact/tradepact/confirm"
)

// signingTime returns the time to record for a new entry of c: --time if
// given, else now, or the newest entry's time when that is later than now.
// An entry is never dated before the one it follows, and a clock that is
// behind, or a revision dated in the future (9999-12-31), must not stop a
// party from confirming: the confirmation then carries the newest entry's
// time, which says it came no earlier, and a note says so.
func (s *signingFlags) signingTime(e *env, c *confirm.Contract) time.Time {
	now := time.Now()
	if s.at.t != nil {
		if s.at.t.After(now.Add(24 * time.Hour)) {
			// Every later entry must be dated no earlier than this one.
			e.note(e.tr("dated future", s.at.t.Format(confirm.TimeLayout)))
		}
		return *s.at.t
	}
	last, err := time.Parse(confirm.TimeLayout, c.LastTime())
	if err != nil || !last.After(now) {
		return now
	}
	e.note(e.tr("dated later", c.LastTime(), now.Format(confirm.TimeLayout)))
	return last
}

// signingFlags are the flags that every signing verb (propose, amend,
// confirm) takes: the signer's key, the output file, the time to record and,
// where the role is not implied, the role the key acts in.
type signingFlags struct {
	key  string
	out  string
	as   roleFlag
	at   timeFlag
	lang string
	// noOut, when set and true, makes -o optional (nothing is written).
	noOut *bool
}

// addSigningFlags defines the signing flags on fs. withRole adds --as.
func addSigningFlags(fs *flag.FlagSet, keyHelp, outHelp string, withRole bool) *signingFlags {
	s := new(signingFlags)
	fs.StringVar(&s.key, "key", "", keyHelp)
	fs.StringVar(&s.out, "o", "", outHelp)
	if withRole {
		fs.Var(&s.as, "as", "the role the key acts in (default: from the keys the file records)")
	}
	fs.Var(&s.at, "time", "the time to record (RFC 3339 with offset; default now)")
	fs.StringVar(&s.lang, "lang", "", "language of the report: en, zh-Hans or zh-Hant (default: the contract's own)")
	return s
}

// parse parses args into fs, checks that --key and -o were given and reads
// the key. It returns the exit code to stop with, or -1 to go on.
func (s *signingFlags) parse(e *env, fs *flag.FlagSet, args []string, nargs int) (*confirm.PrivateKey, int) {
	if code := parseFlags(e, fs, args, nargs); code >= 0 {
		return nil, code
	}
	if s.lang != "" && !validLocale(s.lang) {
		e.errorf("%s: --lang %q: want en, zh-Hans or zh-Hant", fs.Name(), s.lang)
		return nil, exitUsage
	}
	dry := s.noOut != nil && *s.noOut
	switch {
	case s.key == "":
		e.errorf("%s: --key is required", fs.Name())
		fs.Usage()
		return nil, exitUsage
	case dry && s.out != "":
		e.errorf("%s: -o and --dry-run together: --dry-run writes nothing", fs.Name())
		return nil, exitUsage
	case s.out == "" && !dry && s.noOut != nil:
		e.errorf("%s: -o OUT or --dry-run is required", fs.Name())
		fs.Usage()
		return nil, exitUsage
	case s.out == "" && !dry:
		e.errorf("%s: -o is required", fs.Name())
		fs.Usage()
		return nil, exitUsage
	}
	if s.lang != "" {
		// The report speaks the contract's language unless this says.
		e.lang, e.langFixed = s.lang, true
	}
	k, err := readKey(s.key)
	if err != nil {
		e.errorf("%v", err)
		return nil, exitFailure
	}
	return k, -1
}

package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

func init() {
	register(&command{
		name:    "diff",
		summary: "list the fields that differ between two terms files or contract revisions (exit 0 same, 1 different, 2 trouble)",
		run:     runDiff,
	})
}

func runDiff(e *env, args []string) int {
	fs := newFlags(e, "diff", "A B  (terms files, or CONTRACT.json for its latest revision, CONTRACT.json@N for revision N)")
	if code := parseFlags(e, fs, args, 2); code >= 0 {
		return code
	}
	// As diff(1) and cmp(1): 0 the same, 1 different, 2 trouble.
	a, err := termsAt(fs.Arg(0))
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	b, err := termsAt(fs.Arg(1))
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	changes, err := confirm.Diff(a, b)
	if err != nil {
		e.errorf("%s", confirm.ErrorMessage(err, "en"))
		return exitUsage
	}
	printChanges(e, changes)
	if len(changes) > 0 {
		return exitFailure
	}
	return exitOK
}

// termsAt loads terms from a terms file, or from a verified contract file's
// latest revision ("deal.contract.json") or revision N ("deal.contract.json@N").
func termsAt(arg string) (*agreement.Agreement, error) {
	path, rev, at := arg, 0, false
	if i := strings.LastIndexByte(arg, '@'); i > 0 {
		if n, err := strconv.Atoi(arg[i+1:]); err == nil {
			path, rev, at = arg[:i], n, true
		}
	}
	if at && rev < 1 {
		return nil, fmt.Errorf("%s: @%d: revisions are numbered from 1", path, rev)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if err := checkKeyFile(path, data); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !isContractFile(data) {
		if at {
			return nil, fmt.Errorf("%s: @%d names a revision, but this is a terms file", path, rev)
		}
		return loadTerms(path)
	}
	res, err := confirm.Verify(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", path, confirm.ErrorMessage(err, "en"))
	}
	if !at {
		return res.Latest().Terms, nil
	}
	if rev > len(res.Revisions) {
		return nil, fmt.Errorf("%s: no revision %d (it has %d)", path, rev, len(res.Revisions))
	}
	return res.Revisions[rev-1].Terms, nil
}

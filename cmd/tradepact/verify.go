package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"slices"
	"strings"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func init() {
	register(&command{
		name:    "verify",
		summary: "check a contract file or PDF: signatures, history, keys, digests (exit 0 agreed, 4 keys not pinned, 3 unconfirmed, 1 invalid)",
		run:     runVerify,
	})
}

func runVerify(e *env, args []string) int {
	fs := newFlags(e, "verify", "[--seller-pub F] [--buyer-pub F] [--head HASH] [--revision N] [--json] [--lang L] FILE\n\n"+verifyExitCodes)
	sellerPub := fs.String("seller-pub", "", "the seller's public key file you trust")
	buyerPub := fs.String("buyer-pub", "", "the buyer's public key file you trust")
	headFlag := fs.String("head", "", "a history head you stored before (sha256:…): refuse a file whose history does not contain it (an older or cut copy)")
	revFlag := fs.Int("revision", 0, "refuse a file with fewer than `N` revisions (an older or cut copy)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	lang := fs.String("lang", "", "language of the report: en, zh-Hans or zh-Hant (default: the contract's own)")
	if code := parseFlags(e, fs, args, 1); code >= 0 {
		return code
	}
	if *lang != "" && !slices.Contains(confirm.RecordLanguages, *lang) {
		e.errorf("verify: --lang %q: want one of %v", *lang, confirm.RecordLanguages)
		return exitUsage
	}
	path := fs.Arg(0)
	var opts []confirm.Option
	if *headFlag != "" {
		h, err := agreement.ParseDigest(*headFlag)
		if err != nil {
			e.errorf("verify: --head %q: want sha256: and 64 hex digits, as verify prints the history head", *headFlag)
			return exitUsage
		}
		opts = append(opts, confirm.RequireHead(h))
	}
	if *revFlag < 0 || (*revFlag == 0 && flagSet(fs, "revision")) {
		e.errorf("verify: --revision %d: revisions are numbered from 1", *revFlag)
		return exitUsage
	}
	if *revFlag > 0 {
		opts = append(opts, confirm.RequireRevision(*revFlag))
	}
	pins, err := pinOptions(*sellerPub, *buyerPub)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	opts = append(opts, pins...)
	data, err := readInput(path)
	if err == nil {
		err = notVerifiable(path, data)
	}
	if err != nil {
		if *asJSON {
			writeVerifyJSON(e, path, nil, "", err)
		} else {
			e.errorf("verify: %v", err)
			e.hintf("verify takes a contract file (made by tradepact propose) or the PDF that tradepact render makes from one")
		}
		return exitFailure
	}
	e.lang = *lang
	if e.lang == "" {
		e.lang = localeOf(data)
		if isPDF(data) {
			// The attachment is compressed: read the language from it.
			if c, err := confirm.ExtractContract(data); err == nil {
				e.lang = localeOf(c)
			}
		}
	}
	res, pdfNote, err := verifyData(data, opts)
	if err == nil && isPDF(data) && pdfNote == "" {
		pdfNote = "the pages are exactly what the embedded contract file renders to"
	}
	if *asJSON {
		writeVerifyJSON(e, path, res, pdfNote, err)
	}
	if err != nil {
		if !*asJSON {
			explain(e, path, err)
		}
		return exitFailure
	}
	if !*asJSON {
		if *lang == "" {
			*lang = string(res.Latest().Terms.Locale)
			e.lang = *lang
		}
		if err := res.WriteRecord(e.stdout, *lang); err != nil {
			e.errorf("%v", err)
			return exitFailure
		}
		if isPDF(data) {
			e.say("pdf verified")
			if pr, err := confirm.VerifyPDF(data, opts...); err == nil {
				// Verified above; again for the signatures (a few ms).
				if err := pr.WriteSignatures(e.stdout, *lang); err != nil {
					e.errorf("%v", err)
					return exitFailure
				}
			}
		}
	}
	return verifyExit(e, res, !*asJSON)
}

// pinOptions reads the public key files given with --seller-pub and
// --buyer-pub (either may be empty) into confirm.TrustKey options.
func pinOptions(sellerPub, buyerPub string) ([]confirm.Option, error) {
	var opts []confirm.Option
	for _, p := range []struct {
		file string
		role confirm.Role
	}{{sellerPub, confirm.Seller}, {buyerPub, confirm.Buyer}} {
		if p.file == "" {
			continue
		}
		k, err := readPub(p.file)
		if err != nil {
			return nil, err
		}
		opts = append(opts, confirm.TrustKey(p.role, k))
	}
	return opts, nil
}

// verifyExitCodes is the exit-code table of verify, for its usage text.
const verifyExitCodes = `exit status:
  0  agreed: both parties confirmed the latest revision, with the keys given
     by --seller-pub and --buyer-pub
  4  both keys the file records confirmed the latest revision, but not both
     were pinned: nothing shows they are the parties' keys (one person can
     make two keys); compare the fingerprints with the parties and pin them
  3  valid, but the latest revision still lacks a party's confirmation
  1  invalid, tampered with, unreadable, or a PDF whose pages are not verified
  2  usage error`

// verifyExit returns verify's exit status for a file that verified and,
// when the parties confirmed with keys that are not both pinned, says
// which key is not known to be whose and how to check it.
func verifyExit(e *env, res *confirm.Result, talk bool) int {
	switch res.State() {
	case confirm.StateAgreed:
		return exitOK
	case confirm.StatePending:
		return exitUnconfirmed
	}
	if talk {
		for _, role := range res.Unpinned() {
			p := res.Party(role)
			e.say("unpinned key", e.role(role), p.Key.Fingerprint(), e.role(role), role)
		}
		e.say("unpinned hint")
	}
	return exitUnpinned
}

// notVerifiable says why data cannot be verified at all: terms, or a
// contract printed as text, Markdown or HTML, which carry no signatures.
func notVerifiable(path string, data []byte) error {
	if isPDF(data) || isContractFile(data) {
		return nil
	}
	return whyNotContract(path, data)
}

// errNotContract marks what notVerifiable refuses.
var errNotContract = errors.New("not a contract file")

type notContractError struct{ msg string }

func (e *notContractError) Error() string   { return e.msg }
func (e *notContractError) Is(t error) bool { return t == errNotContract }

func whyNotContract(path string, data []byte) error {
	head := strings.ToLower(string(bytes.TrimSpace(data[:min(len(data), 512)])))
	switch {
	case strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html"):
		return &notContractError{path + " is an HTML contract: it carries no signatures; verify the contract file or its PDF"}
	case strings.Contains(head, "tradepact:") || strings.Contains(head, `"tradepact"`):
		return &notContractError{path + " holds terms, not a contract file: terms are signed with tradepact propose, which makes the contract file to verify"}
	}
	return &notContractError{path + " is not a tradepact contract file or PDF"}
}

// verifyData verifies a contract file, or a PDF that embeds one. For a PDF
// it also returns what the page comparison found.
func verifyData(data []byte, opts []confirm.Option) (*confirm.Result, string, error) {
	if isPDF(data) {
		return verifyPDF(data, opts)
	}
	res, err := confirm.Verify(data, opts...)
	return res, "", err
}

type verifyJSON struct {
	File      string         `json:"file"`
	Valid     bool           `json:"valid"`
	State     string         `json:"state,omitempty"` // confirm.State: agreed, confirmed_unpinned, pending
	Agreed    bool           `json:"agreed"`          // state is agreed: both keys pinned
	Confirmed bool           `json:"confirmed"`       // both keys on file confirmed the latest revision
	Unpinned  []confirm.Role `json:"unpinned,omitempty"`
	Error     string         `json:"error,omitempty"`
	Problem   string         `json:"problem,omitempty"`
	ID        string         `json:"id,omitempty"`
	Head      string         `json:"head,omitempty"`
	Latest    int            `json:"latest,omitempty"`
	Keys      map[string]key `json:"keys,omitempty"`
	Revisions []revisionJSON `json:"revisions,omitempty"`
	Notes     []string       `json:"notes,omitempty"`
	PDF       string         `json:"pdf,omitempty"`
	Missing   []confirm.Role `json:"missing,omitempty"`
}

type key struct {
	Key         string `json:"key"`
	Fingerprint string `json:"fingerprint"`
	Pinned      bool   `json:"pinned"`
}

type revisionJSON struct {
	Number        int                `json:"number"`
	Author        confirm.Role       `json:"author"`
	Time          string             `json:"time"`
	Agreement     string             `json:"agreement_digest"`
	Document      string             `json:"document_digest"`
	Template      string             `json:"template"`
	Rerendered    bool               `json:"rerendered"`
	Confirmations []confirmationJSON `json:"confirmations"`
}

type confirmationJSON struct {
	Role        confirm.Role `json:"role"`
	Account     string       `json:"account"`
	Time        string       `json:"time"`
	Fingerprint string       `json:"fingerprint"`
}

// problem names the kind of a verification error for scripts.
func problem(err error) string {
	var (
		sig *confirm.InvalidSignatureError
		dm  *confirm.DigestMismatchError
		ke  *confirm.KeyError
		he  *confirm.HistoryError
		me  *confirm.MismatchError
		mp  *confirm.MissingPartyError
		mf  *confirm.MalformedError
		pe  *confirm.PDFError
		rb  *confirm.RollbackError
	)
	switch {
	case errors.As(err, &rb):
		return "rollback"
	case errors.As(err, &sig):
		return "bad signature"
	case errors.As(err, &dm):
		return "digest mismatch"
	case errors.As(err, &ke):
		return "wrong key"
	case errors.As(err, &he):
		return "broken chain"
	case errors.As(err, &me):
		return "replay"
	case errors.As(err, &mp):
		return "missing party"
	case errors.As(err, &mf):
		return "malformed"
	case errors.As(err, &pe):
		return pe.Problem
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		return "unreadable"
	case errors.Is(err, errNotContract):
		return "not a contract file"
	}
	return "error"
}

func writeVerifyJSON(e *env, path string, res *confirm.Result, pdfNote string, err error) {
	out := verifyJSON{File: path, PDF: pdfNote}
	if err != nil {
		out.Error, out.Problem = err.Error(), problem(err)
	} else {
		out.Valid, out.Agreed, out.Confirmed, out.State, out.Unpinned = true, res.Agreed, res.Confirmed, string(res.State()), res.Unpinned()
		out.ID, out.Head, out.Latest, out.Notes, out.Missing = res.ID, res.Head.String(), res.Latest().Number, res.Notes, res.Missing()
		out.Keys = map[string]key{}
		for _, p := range []*confirm.Party{res.Seller, res.Buyer} {
			if p != nil {
				out.Keys[string(p.Role)] = key{string(p.Key), p.Key.Fingerprint(), p.Pinned}
			}
		}
		for _, rev := range res.Revisions {
			rj := revisionJSON{Number: rev.Number, Author: rev.Author, Time: rev.Time, Agreement: rev.Agreement.String(),
				Document: rev.Document.String(), Template: rev.Template.String(), Rerendered: rev.Rerendered,
				Confirmations: []confirmationJSON{}}
			for _, c := range rev.Confirmations {
				rj.Confirmations = append(rj.Confirmations, confirmationJSON{c.Role, c.Account, c.Time, c.Key.Fingerprint()})
			}
			out.Revisions = append(out.Revisions, rj)
		}
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	e.stdout.Write(append(b, '\n'))
}

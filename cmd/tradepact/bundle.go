package main

// tradepact bundle create|verify: the evidence bundle (package bundle).

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/tradepact/tradepact/bundle"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/internal/atomicfile"
)

func init() {
	register(&command{
		name:    "bundle",
		summary: "create or verify an evidence bundle (a zip of the contract file, its PDF and the evidence files); verify exits 0 complete and agreed with pinned keys, 1 missing or changed, 2 trouble, 3 not confirmed by both, 4 keys not pinned",
		run:     runBundle,
	})
}

// The exit codes of bundle verify: exitOK when the contract verifies, both
// parties confirmed it with the pinned keys and every file is there unchanged; exitFailure when
// a file is missing, changed or unexpected, the PDF is not the contract's,
// the contract does not verify or the archive breaks a size limit;
// exitUsage for bad arguments or an unreadable file; exitUnconfirmed when
// all is in order but the latest revision lacks a confirmation;
// exitUnpinned when both keys on file confirmed but not both were pinned
// with --seller-pub and --buyer-pub (as verify).

func runBundle(e *env, args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "create":
			return bundleCreate(e, args[1:])
		case "verify":
			return bundleVerify(e, args[1:])
		}
	}
	if len(args) > 0 && wantsHelp(args[:1]) {
		fmt.Fprintln(e.stdout, "usage: tradepact bundle create -o BUNDLE.zip [--pdf CONTRACT.pdf] CONTRACT.json FILE...")
		fmt.Fprintln(e.stdout, "       tradepact bundle verify BUNDLE.zip")
		fmt.Fprintln(e.stdout, "\nverify exits 0 when every file is there unchanged and both parties confirmed with the keys pinned by --seller-pub and --buyer-pub, 4 when they confirmed but not both keys were pinned, 1 when a file is missing, changed or unexpected (or the contract or the archive is bad), 2 on usage errors, 3 when a confirmation is missing.")
		return exitOK
	}
	e.errorf("bundle: want create or verify: tradepact bundle create|verify ...")
	return exitUsage
}

func bundleCreate(e *env, args []string) int {
	fs := newFlags(e, "bundle", "create -o BUNDLE.zip [--pdf CONTRACT.pdf] CONTRACT.json FILE...")
	out := fs.String("o", "", "write the bundle to this file (required)")
	pdfPath := fs.String("pdf", "", "the contract's PDF, to include")
	pos, err := parseInterspersed(e, fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if *out == "" || len(pos) < 1 {
		e.errorf("bundle create: want -o BUNDLE.zip and a contract file")
		fs.Usage()
		return exitUsage
	}
	data, err := readLimited(pos[0], bundle.MaxContract+1)
	if err != nil {
		e.errorf("bundle create: %v", err)
		return exitUsage
	}
	var pdf []byte
	if *pdfPath != "" {
		if pdf, err = readLimited(*pdfPath, bundle.MaxPDF+1); err != nil {
			e.errorf("bundle create: %v", err)
			return exitUsage
		}
	}
	files := map[string]bundle.Opener{}
	for _, p := range pos[1:] {
		f, err := hashFile(p)
		if err != nil {
			e.errorf("bundle create: %v", err)
			return exitUsage
		}
		files[f.SHA256] = func() (io.ReadCloser, error) { return os.Open(p) }
	}
	err = atomicfile.WriteFile(*out, 0o644, func(f *os.File) error {
		return bundle.Create(f, data, pdf, files)
	})
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "wrote %s: the contract, %d evidence files%s\n", *out, len(files), map[bool]string{true: " and the PDF"}[pdf != nil])
	return exitOK
}

func bundleVerify(e *env, args []string) int {
	fs := newFlags(e, "bundle", "verify [--seller-pub F] [--buyer-pub F] BUNDLE.zip")
	sellerPub := fs.String("seller-pub", "", "the seller's public key file you trust")
	buyerPub := fs.String("buyer-pub", "", "the buyer's public key file you trust")
	if code := parseFlags(e, fs, args, 1); code >= 0 {
		return code
	}
	pins, err := pinOptions(*sellerPub, *buyerPub)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		e.errorf("bundle verify: %v", err)
		return exitUsage
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		e.errorf("bundle verify: %v", err)
		return exitUsage
	}
	rep, err := bundle.Verify(f, st.Size(), nil, pins...)
	if err != nil {
		e.errorf("%s: %v", fs.Arg(0), err)
		return exitFailure
	}
	for _, c := range rep.Files {
		name := c.Ref.Description
		if c.Ref.Name != "" && c.Ref.Name != name {
			name = c.Ref.Name + " (" + name + ")"
		}
		switch c.Status {
		case bundle.StatusOK:
			fmt.Fprintf(e.stdout, "ok       %s %s: sha256 %s, %d bytes\n", c.Path, name, c.SHA256, c.Size)
		case bundle.StatusMissing:
			fmt.Fprintf(e.stdout, "MISSING  %s %s: no %s%s in the bundle\n", c.Path, name, bundle.EvidenceDir, c.Ref.SHA256)
		case bundle.StatusChanged:
			fmt.Fprintf(e.stdout, "CHANGED  %s %s: sha256 %s, %d bytes; the confirmed terms say %s, %d bytes\n", c.Path, name, c.SHA256, c.Size, c.Ref.SHA256, c.Ref.Size)
		}
	}
	for _, u := range rep.Unexpected {
		fmt.Fprintf(e.stdout, "EXTRA    %s: not referenced by the contract\n", u)
	}
	switch {
	case rep.PDFProblem != "":
		fmt.Fprintf(e.stdout, "BAD PDF  %s: %s\n", bundle.PDFName, rep.PDFProblem)
	case rep.PDF != nil:
		fmt.Fprintf(e.stdout, "ok       %s: embeds this contract file\n", bundle.PDFName)
	}
	if !rep.OK() {
		e.errorf("%s: the bundle does not hold what the contract references", fs.Arg(0))
		return exitFailure
	}
	if rep.Contract.State() == confirm.StatePending {
		e.errorf("%s: every file is there, but the latest revision is not confirmed by both parties", fs.Arg(0))
		return exitUnconfirmed
	}
	if code := verifyExit(e, rep.Contract, true); code != exitOK {
		fmt.Fprintf(e.stdout, "every file is there, and both keys on file confirmed contract %s; pin both keys for a complete bundle\n", rep.Contract.ID)
		return code
	}
	fmt.Fprintf(e.stdout, "bundle complete: contract %s agreed with the pinned keys, %d files unchanged\n", rep.Contract.ID, len(rep.Files))
	return exitOK
}

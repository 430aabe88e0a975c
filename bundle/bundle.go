// Package bundle writes and checks evidence bundles: one zip archive that
// holds a contract file, its PDF, and the evidence files its terms
// reference by SHA-256 (agreement.EvidenceFile).
//
// # Layout
//
//	contract.json          the contract file (package confirm), required
//	contract.pdf           the contract's PDF, optional
//	evidence/<sha256>      each referenced file, named by its hash
//
// Nothing else may be in the archive. The hashes are part of the terms
// both parties confirmed; the archive itself is not signed, so [Verify]
// checks every file against the confirmed terms, the PDF against the
// contract file (confirm.VerifyPDF), and reports each file missing,
// changed or unexpected by name.
//
// # Limits
//
// An archive can claim small sizes and inflate to gigabytes (a zip bomb).
// [Verify] refuses an archive with more entries than [Limits].Entries, an
// entry whose declared size is over [Limits].File, declared sizes adding up
// to more than [Limits].Total, or an entry over 1 MiB that inflates more
// than [Limits].Ratio times; and it reads every entry through a limit of
// its declared size, so an entry that lies about its size stops at the
// first byte beyond it. Memory use is bounded by the contract file and
// the PDF (each at most [MaxContract], [MaxPDF]); evidence files are
// hashed as streams.
package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// Entry names.
const (
	ContractName = "contract.json"
	PDFName      = "contract.pdf"
	EvidenceDir  = "evidence/"
)

// MaxContract and MaxPDF bound the two entries read into memory.
const (
	MaxContract = 16 << 20
	MaxPDF      = 64 << 20
)

// Limits bound what [Verify] reads from an archive.
type Limits struct {
	Entries int   // entries in the archive
	File    int64 // uncompressed bytes of one entry
	Total   int64 // uncompressed bytes of all entries together
	Ratio   int64 // uncompressed ÷ compressed size of an entry over 1 MiB
}

// DefaultLimits are the limits of [Verify] when none are given: the
// format's 100 evidence files and the contract with its PDF fit easily.
var DefaultLimits = Limits{Entries: 200, File: agreement.MaxEvidenceSize, Total: 8 << 30, Ratio: 200}

// ratioFloor is the size below which the compression ratio is not judged:
// a few kilobytes of repeated text compress very well and harm nobody.
const ratioFloor = 1 << 20

// LimitError is an archive that breaks one of the [Limits].
type LimitError struct {
	Entry string // the entry's name; "" for the archive as a whole
	Limit string // "entries", "file", "total", "ratio" or "declared size"
	Max   int64
	Value int64
}

func (e *LimitError) Error() string {
	if e.Entry == "" {
		return fmt.Sprintf("bundle: the archive has %d %s, more than the limit of %d", e.Value, e.Limit, e.Max)
	}
	if e.Limit == "declared size" {
		return fmt.Sprintf("bundle: %s: holds more than the %d bytes its header declares", e.Entry, e.Max)
	}
	return fmt.Sprintf("bundle: %s: %s %d is over the limit of %d", e.Entry, e.Limit, e.Value, e.Max)
}

// ErrNoContract is returned for an archive without [ContractName].
var ErrNoContract = errors.New("bundle: the archive holds no " + ContractName)

// Status is what [Verify] found of one evidence file.
type Status string

// The statuses of an evidence file.
const (
	StatusOK      Status = "ok"      // present, with the confirmed hash and size
	StatusMissing Status = "missing" // not in the archive
	StatusChanged Status = "changed" // present under its hash's name with other content
)

// FileCheck is one referenced evidence file and what the archive holds.
type FileCheck struct {
	Ref    agreement.EvidenceFile // as the confirmed terms list it
	Path   string                 // its path in the terms: evidence.files[N]
	Status Status
	SHA256 string // the hash of what the archive holds ("" when missing)
	Size   int64  // its size
}

// Report is what [Verify] found.
type Report struct {
	Contract *confirm.Result // the contract file, verified
	Files    []FileCheck     // every referenced file, in the terms' order
	// PDF is the verified PDF, nil when the archive has none.
	PDF *confirm.PDFResult
	// PDFProblem says why the PDF does not belong to the contract, or
	// could not be verified; "" when it does or there is none.
	PDFProblem string
	// Unexpected lists entries that are not part of the layout, or
	// evidence files the terms do not reference.
	Unexpected []string
}

// OK reports whether every file is present and unchanged, the PDF (if
// any) belongs to the contract, and nothing unexpected is there. It says
// nothing of confirmations: check Contract.Agreed.
func (r *Report) OK() bool {
	for _, f := range r.Files {
		if f.Status != StatusOK {
			return false
		}
	}
	return r.PDFProblem == "" && len(r.Unexpected) == 0
}

// Verify checks the archive in r (size bytes) within limits (nil means
// [DefaultLimits]): the contract file verifies (with opts, as
// confirm.Verify), each evidence file its latest revision references is
// present with the confirmed hash and size, and a PDF embeds the same
// contract. A contract that does not verify, a malformed archive or a
// broken limit is an error; files missing, changed or unexpected are in
// the report.
func Verify(r io.ReaderAt, size int64, limits *Limits, opts ...confirm.Option) (*Report, error) {
	lim := DefaultLimits
	if limits != nil {
		lim = *limits
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	if len(zr.File) > lim.Entries {
		return nil, &LimitError{Limit: "entries", Max: int64(lim.Entries), Value: int64(len(zr.File))}
	}
	byName := map[string]*zip.File{}
	var total int64
	for _, f := range zr.File {
		if _, dup := byName[f.Name]; dup {
			return nil, fmt.Errorf("bundle: %q is in the archive twice", f.Name)
		}
		byName[f.Name] = f
		u := f.UncompressedSize64
		if u > uint64(lim.File) {
			return nil, &LimitError{Entry: f.Name, Limit: "file", Max: lim.File, Value: clamp(u)}
		}
		total += int64(u)
		if total > lim.Total {
			return nil, &LimitError{Limit: "total bytes", Max: lim.Total, Value: total}
		}
		if u > ratioFloor && u/max(f.CompressedSize64, 1) > uint64(lim.Ratio) {
			return nil, &LimitError{Entry: f.Name, Limit: "ratio", Max: lim.Ratio, Value: clamp(u / max(f.CompressedSize64, 1))}
		}
	}
	cf := byName[ContractName]
	if cf == nil {
		return nil, ErrNoContract
	}
	data, err := readAll(cf, MaxContract)
	if err != nil {
		return nil, err
	}
	res, err := confirm.Verify(data, opts...)
	if err != nil {
		return nil, fmt.Errorf("bundle: %s: %w", ContractName, err)
	}
	rep := &Report{Contract: res}
	refs := map[string]bool{}
	for i, ref := range res.Latest().Terms.Evidence.Files {
		fc := FileCheck{Ref: ref, Path: fmt.Sprintf("evidence.files[%d]", i), Status: StatusMissing}
		refs[EvidenceDir+ref.SHA256] = true
		if f := byName[EvidenceDir+ref.SHA256]; f != nil {
			sum, n, err := hashEntry(f)
			if err != nil {
				return nil, err
			}
			fc.SHA256, fc.Size, fc.Status = sum, n, StatusOK
			if sum != ref.SHA256 || n != int64(ref.Size) {
				fc.Status = StatusChanged
			}
		}
		rep.Files = append(rep.Files, fc)
	}
	for _, f := range zr.File {
		if f.Name != ContractName && f.Name != PDFName && !refs[f.Name] {
			rep.Unexpected = append(rep.Unexpected, f.Name)
		}
	}
	if pf := byName[PDFName]; pf != nil {
		pdf, err := readAll(pf, MaxPDF)
		if err != nil {
			return nil, err
		}
		pr, err := confirm.VerifyPDF(pdf, opts...)
		switch {
		case err != nil:
			rep.PDFProblem = err.Error()
		case pr.Head != res.Head:
			rep.PDFProblem = fmt.Sprintf("the PDF holds another contract file (head %s, the bundle's is %s)", pr.Head, res.Head)
		default:
			rep.PDF = pr
		}
	}
	return rep, nil
}

func clamp(u uint64) int64 {
	if u > 1<<62 {
		return 1 << 62
	}
	return int64(u)
}

// open opens an entry for reading no more than its declared size: one
// byte more is an error, whatever the header claimed.
func open(f *zip.File) (io.Reader, io.Closer, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("bundle: %s: %w", f.Name, err)
	}
	return &limited{r: io.LimitReader(rc, int64(f.UncompressedSize64)+1), left: int64(f.UncompressedSize64), name: f.Name}, rc, nil
}

// limited fails once more than left bytes are read.
type limited struct {
	r    io.Reader
	left int64
	name string
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, &LimitError{Entry: l.name, Limit: "declared size", Max: l.left + int64(n)}
	}
	return n, err
}

// readAll reads an entry of at most max bytes.
func readAll(f *zip.File, max int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, &LimitError{Entry: f.Name, Limit: "file", Max: max, Value: clamp(f.UncompressedSize64)}
	}
	r, c, err := open(f)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, wrap(f.Name, err)
	}
	return b, nil
}

// hashEntry returns the SHA-256 and size of an entry, read as a stream.
func hashEntry(f *zip.File) (string, int64, error) {
	r, c, err := open(f)
	if err != nil {
		return "", 0, err
	}
	defer c.Close()
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return "", 0, wrap(f.Name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func wrap(name string, err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		return err
	}
	return fmt.Errorf("bundle: %s: %w", name, err)
}

// Opener opens one evidence file for [Create].
type Opener func() (io.ReadCloser, error)

// modified is every entry's time: a fixed one, so the same contents give
// the same archive.
var modified = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Create writes a bundle to w: the contract file data (verified with opts
// first), the PDF when pdf is not nil, and every evidence file the latest
// revision references, opened by its hash from files. A referenced file
// missing from files, a file whose content does not have its hash, or a
// file in files that the terms do not reference is an error. The same
// inputs give the same bytes.
func Create(w io.Writer, data, pdf []byte, files map[string]Opener, opts ...confirm.Option) error {
	res, err := confirm.Verify(data, opts...)
	if err != nil {
		return fmt.Errorf("bundle: the contract file: %w", err)
	}
	refs := res.Latest().Terms.Evidence.Files
	want := map[string]bool{}
	for _, r := range refs {
		want[r.SHA256] = true
		if files[r.SHA256] == nil {
			return fmt.Errorf("bundle: no file given for %s (sha256 %s)", label(r), r.SHA256)
		}
	}
	for h := range files {
		if !want[h] {
			return fmt.Errorf("bundle: the file with sha256 %s is not referenced by the contract's terms", h)
		}
	}
	zw := zip.NewWriter(w)
	put := func(name string, method uint16, src io.Reader) (string, int64, error) {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: modified})
		if err != nil {
			return "", 0, err
		}
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(fw, h), src)
		return hex.EncodeToString(h.Sum(nil)), n, err
	}
	if _, _, err := put(ContractName, zip.Deflate, bytes.NewReader(data)); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	if pdf != nil {
		if _, _, err := put(PDFName, zip.Deflate, bytes.NewReader(pdf)); err != nil {
			return fmt.Errorf("bundle: %w", err)
		}
	}
	for _, r := range refs {
		rc, err := files[r.SHA256]()
		if err != nil {
			return fmt.Errorf("bundle: %w", err)
		}
		sum, n, err := put(EvidenceDir+r.SHA256, zip.Deflate, io.LimitReader(rc, agreement.MaxEvidenceSize+1))
		rc.Close()
		if err != nil {
			return fmt.Errorf("bundle: %w", err)
		}
		if sum != r.SHA256 || n != int64(r.Size) {
			return fmt.Errorf("bundle: %s changed: sha256 %s, %d bytes; the terms say %s, %d bytes", label(r), sum, n, r.SHA256, r.Size)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	return nil
}

// label names an evidence file for people: its name and description.
func label(r agreement.EvidenceFile) string {
	if r.Name == "" || r.Name == r.Description {
		return r.Description
	}
	return r.Name + " (" + r.Description + ")"
}

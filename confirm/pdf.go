package confirm

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/tradepact/tradepact/confirm/internal/format"
	"github.com/tradepact/tradepact/render"
)

// AttachmentName is the name of the contract file embedded in a PDF.
const AttachmentName = "contract.json"

// WithPDFOptions passes options (page size, fonts, …) to render.PDF, both
// when [WritePDF] writes a PDF and when [VerifyPDF] renders it again to
// compare: a PDF can only be compared with the options it was made with.
func WithPDFOptions(opts ...render.PDFOption) Option {
	return func(c *config) { c.pdf = append(c.pdf, opts...) }
}

// Document returns the latest revision as a document to render: the text
// the parties confirmed, with the signing record in its language and the
// full agreement digest for the QR code. The text is rendered again with
// the template set given with [WithTemplates] (by default the built-in
// one) when it is the set the revision records and it renders the same
// text; otherwise the recorded text is parsed as it is. Pass the set the
// Result was verified with to get the same document.
func (r *Result) Document(opts ...Option) (*render.Document, error) {
	cfg := newConfig(opts)
	if cfg.err != nil {
		return nil, cfg.err
	}
	return r.document(cfg)
}

func (r *Result) document(cfg *config) (*render.Document, error) {
	rev := r.Latest()
	if rev == nil {
		return nil, errors.New("confirm: no verified revision to render (a zero Result; use Verify)")
	}
	var doc *render.Document
	if rev.Template == templateID(cfg.set) {
		if d, err := render.NewDocument(rev.Terms, cfg.set); err == nil && bytes.Equal(d.Source, rev.Text) {
			doc = d
		}
	}
	if doc == nil {
		// Another template set, or terms that today's validation rules
		// refuse: the confirmed text is what it is, parse it as recorded.
		a := rev.Terms
		d, err := render.Parse(rev.Text, render.Meta{
			ID: a.ID, Date: a.Date.String(), Author: a.Seller.Name, Keywords: []string{string(a.Kind), a.ID},
			ShortDigest: rev.Agreement.Short(), Template: rev.Template.String(),
		})
		if err != nil {
			return nil, fmt.Errorf("confirm: revision %d: %w", rev.Number, err)
		}
		d.Lang = string(a.Locale)
		for _, b := range d.Blocks {
			if b.Kind == render.BlockHeading && b.Level == 1 {
				var t strings.Builder
				for _, in := range b.Inlines {
					t.WriteString(in.Text)
				}
				d.Meta.Title, d.Meta.Subject = t.String(), t.String()+" "+a.ID
				break
			}
		}
		doc = d
	}
	doc.Meta.QR = rev.Agreement.String()
	doc.Meta.Draft = false // a contract file's revision: its author confirmed it
	r.fillSignatureBlock(doc)
	doc.Record = r.RecordBlocks(doc.Lang)
	return doc, nil
}

// WritePDF verifies the contract file data and writes the PDF of its latest
// revision: the confirmed text, the signing record with a QR code of the
// agreement digest, and data itself as the attachment [AttachmentName], so
// the printable copy carries the proof. When every confirmation of the
// latest revision has its stored PDF signature (P-256 keys), the PDF is
// the signed one instead (doc/pdf-signatures.md): it embeds the history up
// to that revision and carries each confirmation in its party's PAdES
// signature; signatures made with another renderer version fail with
// [ErrRendererVersion]. The record does not depend on keys pinned with
// [TrustKey]. The same data and options give the same bytes.
func WritePDF(w io.Writer, data []byte, opts ...Option) (*Result, error) {
	cfg := newConfig(opts)
	res, err := Verify(data, opts...)
	if err != nil {
		return nil, err
	}
	b, err := pdfOf(res, data, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	return res, nil
}

// pdfOf renders the PDF of data, verified as res. A text not rendered
// again from its terms is preceded by a warning (withUnverifiedBanner).
// The signing record does not depend on pinned keys, so that anyone renders the same bytes: it
// prints the fingerprints to compare and never claims that the keys are
// the parties'.
func pdfOf(res *Result, data []byte, cfg *config) ([]byte, error) {
	if f, err := format.Parse(data); err == nil && len(f.PDFSignatures) > 0 {
		b, err := signedPDF(res, f, cfg, nil)
		if !errors.Is(err, errNoPDFSignature) {
			return b, err
		}
	}
	plain := *res
	plain.unsigned = true
	plain.Agreed = false // a printed record cannot know whose keys they are
	for _, p := range []**Party{&plain.Seller, &plain.Buyer} {
		if *p != nil {
			q := **p
			q.Pinned = false
			*p = &q
		}
	}
	doc, err := plain.document(cfg)
	if err != nil {
		return nil, err
	}
	doc = withUnverifiedBanner(doc, res.Latest())
	var b bytes.Buffer
	opts := append([]render.PDFOption{render.WithAttachment(AttachmentName, data)}, cfg.pdf...)
	if err := render.PDF(&b, doc, opts...); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// PDFResult is what [VerifyPDF] found.
type PDFResult struct {
	*Result
	// Compared reports whether the PDF is byte for byte what its contract
	// file renders to (followed, at most, by incremental updates).
	Compared bool
	// Note says in plain words what the comparison found when it could not
	// be made, or what follows the rendered PDF.
	Note string
	// Appended is the number of bytes that follow the rendered PDF
	// (incremental updates). Nothing in them was checked, and an
	// incremental update can change what every page shows: a caller that
	// does not verify them itself must not call the PDF verified.
	Appended int
	// Signatures are the PDF signatures checked, in order (a signed PDF,
	// doc/pdf-signatures.md); none for a PDF without them.
	Signatures []PDFSignatureInfo
}

// PagesVerified reports whether the pages are proven to say what the
// embedded contract file says: the PDF is byte for byte its rendering, with
// nothing appended. A backend that gates a trade on a PDF wants
// r.Agreed && r.PagesVerified(); a nil error from [VerifyPDF] alone proves
// only the embedded contract file.
func (r *PDFResult) PagesVerified() bool { return r != nil && r.Compared && r.Appended == 0 }

// PDFError reports a PDF that cannot be verified: it is not a readable PDF,
// it carries no contract file, or its pages are not what its contract file
// renders to.
type PDFError struct {
	// Problem is "unreadable", "no contract file", "pages differ",
	// "pages not compared" (another tradepact version made it) or
	// "unchecked update" (bytes follow the rendered PDF).
	Problem string
	Err     error
	Note    string // for the last two: what was found, as PDFResult.Note says it
}

func (e *PDFError) Error() string { return "confirm: PDF: " + e.Err.Error() }

func (e *PDFError) Unwrap() error { return e.Err }

// pdfcpuConfig is pdfcpu's default configuration, built here rather than
// by model.NewDefaultConfiguration, which reads and writes a configuration
// directory in the user's home.
func pdfcpuConfig() *model.Configuration {
	return &model.Configuration{
		Reader15:                  true,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		Offline:                   true,
		Timeout:                   5,
		Limits:                    pdfLimits(),
	}
}

// ExtractContract returns the contract file embedded in a PDF.
func ExtractContract(pdf []byte) ([]byte, error) {
	if isSignedPDF(pdf) {
		// The attachment holds the history up to the latest revision;
		// its confirmations are in the signatures.
		data, _, err := reassemble(pdf)
		return data, err
	}
	data, _, err := readPDF(pdf)
	return data, err
}

// readPDF returns the contract file embedded in a PDF and the PDF's Creator.
func readPDF(pdf []byte) (data []byte, creator string, err error) {
	defer func() {
		if r := recover(); r != nil { // a hostile PDF must not crash the verifier
			data, creator, err = nil, "", &PDFError{Problem: "unreadable", Err: fmt.Errorf("%v", r)}
		}
	}()
	if len(pdf) > MaxPDFSize {
		return nil, "", &LimitError{What: "PDF", Size: int64(len(pdf)), Limit: MaxPDFSize}
	}
	if err := checkPDFStructure(pdf); err != nil {
		return nil, "", err
	}
	conf := pdfcpuConfig()
	conf.Cmd = model.EXTRACTATTACHMENTS
	ctx, err := api.ReadAndValidate(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, "", &PDFError{Problem: "unreadable", Err: err}
	}
	data, found, err := embeddedContract(ctx)
	var le *LimitError
	if errors.As(err, &le) {
		return nil, "", le
	}
	if err != nil {
		return nil, "", &PDFError{Problem: "unreadable", Err: err}
	}
	if found {
		return data, ctx.Creator, nil
	}
	return nil, "", &PDFError{Problem: "no contract file", Err: errors.New("no embedded " + AttachmentName + ": this PDF carries no contract file to verify")}
}

// AcceptUnverifiedPages lets [VerifyPDF] return a result for a PDF whose
// pages it could not verify (made by another tradepact version, or with
// bytes appended), instead of a [*PDFError]. The result then says why in
// Note, PagesVerified is false, and Agreed is false whatever the embedded
// contract file says: only that file was verified, not what the pages
// show.
func AcceptUnverifiedPages() Option { return func(c *config) { c.unverifiedPages = true } }

// VerifyPDF extracts the contract file a PDF carries, verifies it (see
// [Verify]; the errors are the same), and renders it again to check that
// the PDF is exactly that rendering. A nil error means both: the embedded
// contract file verified and the pages are what it renders to
// ([PDFResult.PagesVerified]). Pages that differ fail with a [*PDFError]
// "pages differ" (that includes a PDF made with other fonts or page options
// than those passed with [WithPDFOptions]); a PDF made by another tradepact
// version, which cannot be compared, fails with "pages not compared", and
// one with bytes appended (incremental updates, which can redraw any page)
// with "unchecked update", unless [AcceptUnverifiedPages] is given.
func VerifyPDF(pdf []byte, opts ...Option) (*PDFResult, error) {
	cfg := newConfig(opts)
	if cfg.err != nil {
		return nil, cfg.err
	}
	if isSignedPDF(pdf) {
		return verifySignedPDF(pdf, cfg, opts)
	}
	data, creator, err := readPDF(pdf)
	if err != nil {
		return nil, err
	}
	res, err := Verify(data, opts...)
	if err != nil {
		return nil, err
	}
	out := &PDFResult{Result: res}
	again, err := pdfOf(res, data, cfg)
	if err != nil {
		return nil, err
	}
	var problem string
	switch {
	case bytes.Equal(again, pdf):
		out.Compared = true
		return out, nil
	case bytes.HasPrefix(pdf, again):
		out.Compared, out.Appended = true, len(pdf)-len(again)
		out.Note = fmt.Sprintf("%d bytes of incremental updates (such as PDF signatures) follow the rendered PDF; they were not checked, and an incremental update can change what the pages show", len(pdf)-len(again))
		problem = "unchecked update"
	default:
		v, ok := strings.CutPrefix(creator, "tradepact ")
		if !ok || v == render.Version {
			return nil, &PDFError{Problem: "pages differ", Err: fmt.Errorf(
				"the pages are not what the embedded contract file renders to with tradepact %s: the PDF was changed, or it was made with other fonts or page options", render.Version)}
		}
		out.Note = fmt.Sprintf("made by tradepact %s, this is tradepact %s: the pages cannot be compared with a fresh rendering; only the embedded contract file verified", v, render.Version)
		problem = "pages not compared"
	}
	if !cfg.unverifiedPages {
		return nil, &PDFError{Problem: problem, Err: errors.New(out.Note), Note: out.Note}
	}
	// Only the contract file verified: what a person reads on the pages
	// was not, so this is not an agreement on them.
	r := *res
	r.Agreed = false
	out.Result = &r
	return out, nil
}

package render

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/templates"
)

// NewDocument writes the contract for a with the template set (nil means
// [templates.Default]) and parses it. It refuses terms that do not pass
// a.Check: the error wraps the *agreement.ValidationError with the findings.
// Meta gets the title, contract number, date, the seller as author, the
// agreement digest (short form, and in full for the QR code) and the
// template set's identity.
func NewDocument(a *agreement.Agreement, set *templates.Set) (*Document, error) {
	if set == nil {
		set = templates.Default()
	}
	if a == nil {
		return nil, errors.New("render: no terms (nil *agreement.Agreement)")
	}
	if err := a.Check(); err != nil {
		return nil, fmt.Errorf("render: the terms are not valid: %w", err)
	}
	// A user's template could write without end: templates stops it at
	// MaxOutputSize, and the text is held to what Parse accepts.
	var md bytes.Buffer
	if err := set.Execute(&limitWriter{w: &md, n: MaxMarkdownSize}, a); err != nil {
		var le *LimitError
		if errors.As(err, &le) {
			return nil, le
		}
		if errors.Is(err, templates.ErrOutputSize) {
			return nil, &LimitError{Limit: LimitSize, Max: MaxMarkdownSize}
		}
		return nil, err
	}
	d, err := a.Digest()
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	id := set.Identity()
	meta := Meta{
		ID:          a.ID,
		Date:        a.Date.String(),
		Author:      a.Seller.Name,
		Keywords:    []string{string(a.Kind), a.ID},
		ShortDigest: d.Short(),
		QR:          d.String(),
		Template:    strings.TrimSpace(id.Name + " " + id.Version + " " + id.Digest.String()),
		Draft:       true,
	}
	if a.Platform != nil {
		meta.Keywords = append(meta.Keywords, a.Platform.Name)
	}
	doc, err := Parse(md.Bytes(), meta)
	if err != nil {
		return nil, err
	}
	doc.Lang = string(a.Locale)
	for _, b := range doc.Blocks {
		if b.Kind == BlockHeading && b.Level == 1 {
			doc.Meta.Title = plain(b.Inlines)
			doc.Meta.Subject = doc.Meta.Title + " " + a.ID
			break
		}
	}
	return doc, nil
}

// Digest returns the document digest: SHA-256 over Source, the Markdown
// the parties confirm. It is one per contract, whatever the output format
// or width, and does not cover Meta or Record.
func (d *Document) Digest() agreement.Digest { return agreement.DigestOf(d.Source) }

// plain returns the text of inlines without styles, hard breaks as spaces.
func plain(ins []Inline) string {
	var b strings.Builder
	for _, in := range ins {
		if in.Break {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(in.Text)
	}
	return b.String()
}

// limitWriter writes at most n bytes to w, then fails with a size
// *LimitError.
type limitWriter struct {
	w *bytes.Buffer
	n int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if len(p) > l.n {
		return 0, &LimitError{Limit: LimitSize, Max: MaxMarkdownSize}
	}
	l.n -= len(p)
	return l.w.Write(p)
}

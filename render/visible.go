package render

import "github.com/tradepact/tradepact/internal/safetext"

// visible returns doc with every control character, bidirectional control
// and invisible character in its text, signing record and metadata shown
// visibly, as [safetext] spells them (\x1b, <U+202E>): what a reader sees
// is then what the text holds, in the same order. Text, HTML and PDF call
// it before they write anything. It returns doc itself when nothing needs
// showing, which is every contract rendered from valid terms with the
// built-in templates.
//
// Only a recorded text can hold such characters today (a contract file
// under a template set this build does not have); terms are refused by
// validation when they hold bidirectional controls or invisible characters
// in identifiers, and zero-width characters elsewhere are shown here.
func visible(doc *Document) *Document {
	if !dirtyDoc(doc) {
		return doc
	}
	d := *doc
	d.Lang = safetext.Line(doc.Lang)
	d.Blocks = visibleBlocks(doc.Blocks)
	d.Record = visibleBlocks(doc.Record)
	m := &d.Meta
	for _, s := range []*string{&m.Title, &m.ID, &m.Date, &m.Author, &m.Subject, &m.ShortDigest, &m.QR, &m.Template} {
		*s = safetext.Line(*s)
	}
	if m.Keywords != nil {
		m.Keywords = make([]string, len(doc.Meta.Keywords))
		for i, k := range doc.Meta.Keywords {
			m.Keywords[i] = safetext.Line(k)
		}
	}
	return &d
}

func dirtyDoc(doc *Document) bool {
	m := doc.Meta
	for _, s := range append([]string{doc.Lang, m.Title, m.ID, m.Date, m.Author, m.Subject, m.ShortDigest, m.QR, m.Template}, m.Keywords...) {
		if safetext.Line(s) != s {
			return true
		}
	}
	return dirtyBlocks(doc.Blocks) || dirtyBlocks(doc.Record)
}

func dirtyInlines(ins []Inline) bool {
	for _, in := range ins {
		if safetext.HasUnsafe(in.Text) {
			return true
		}
	}
	return false
}

func dirtyBlocks(bs []Block) bool {
	for _, b := range bs {
		if dirtyInlines(b.Inlines) || dirtyBlocks(b.Children) {
			return true
		}
		for _, it := range b.Items {
			if dirtyBlocks(it) {
				return true
			}
		}
		if t := b.Table; t != nil {
			for _, c := range t.Header {
				if dirtyInlines(c) {
					return true
				}
			}
			for _, r := range t.Rows {
				for _, c := range r {
					if dirtyInlines(c) {
						return true
					}
				}
			}
		}
	}
	return false
}

func visibleInlines(ins []Inline) []Inline {
	if ins == nil {
		return nil
	}
	out := make([]Inline, len(ins))
	for i, in := range ins {
		in.Text = safetext.Text(in.Text)
		out[i] = in
	}
	return out
}

func visibleBlocks(bs []Block) []Block {
	if bs == nil {
		return nil
	}
	out := make([]Block, len(bs))
	for i, b := range bs {
		b.Inlines = visibleInlines(b.Inlines)
		b.Children = visibleBlocks(b.Children)
		if b.Items != nil {
			items := make([][]Block, len(b.Items))
			for j, it := range b.Items {
				items[j] = visibleBlocks(it)
			}
			b.Items = items
		}
		if t := b.Table; t != nil {
			nt := &Table{Align: t.Align, Header: make([][]Inline, len(t.Header)), Rows: make([][][]Inline, len(t.Rows))}
			for j, c := range t.Header {
				nt.Header[j] = visibleInlines(c)
			}
			for j, r := range t.Rows {
				nt.Rows[j] = make([][]Inline, len(r))
				for k, c := range r {
					nt.Rows[j][k] = visibleInlines(c)
				}
			}
			b.Table = nt
		}
		out[i] = b
	}
	return out
}

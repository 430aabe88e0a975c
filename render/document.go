package render

// Document is a contract parsed once from its Markdown source and shared by
// every renderer (text, Markdown, HTML, PDF). It is read-only after
// [Parse] returns and safe for concurrent use.
type Document struct {
	// Source is the Markdown the document was parsed from: the contract text
	// that parties confirm. Its digest is [Document.Digest].
	Source []byte
	// Lang is the BCP 47 language of the text (en, zh-Hans, zh-Hant).
	Lang string
	// Meta is what renderers print around the text (header, footer, PDF
	// metadata). It is not part of the confirmed text.
	Meta Meta
	// Blocks are the top-level blocks in reading order.
	Blocks []Block
	// Record is the signing record (who confirmed, when, keys, digests),
	// printed after the signature block. It lies outside Source and its
	// digest: it is added after the parties confirmed the text.
	Record []Block
}

// Meta describes a document for page headers, footers and PDF metadata.
type Meta struct {
	Title       string // the contract's title
	ID          string // the contract number
	Date        string // the date the terms were drawn up, YYYY-MM-DD
	Author      string // the seller's name
	Subject     string
	Keywords    []string
	ShortDigest string // the agreement digest's short form, e.g. "3f2a 91c0 7be4"
	// QR, when set, is printed as a QR code with the signing record (PDF):
	// the full agreement digest.
	QR string
	// Template identifies the template set the text came from, as
	// "NAME VERSION sha256:…", so the contract can be rendered again.
	Template string
	// Draft marks a text no party has confirmed (terms rendered without a
	// contract file): the PDF prints a draft marker on every page, as
	// text in the embedded font. [NewDocument] sets it; a document of a
	// contract file's revision (confirm) clears it.
	Draft bool
}

// BlockKind is the kind of a [Block].
type BlockKind int

// The block kinds.
const (
	BlockHeading   BlockKind = iota + 1 // Level, Inlines
	BlockParagraph                      // Inlines
	BlockList                           // Ordered, Start, Items
	BlockTable                          // Table
	BlockRule                           // a thematic break
	BlockKeep                           // Children that must stay on one page (the signature block)
)

// Block is one block of a document.
type Block struct {
	Kind     BlockKind
	Level    int      // heading level, 1–6
	Inlines  []Inline // heading and paragraph text
	Ordered  bool     // ordered list
	Start    int      // first number of an ordered list
	Items    [][]Block
	Table    *Table
	Children []Block // BlockKeep
}

// Inline is a run of text with one style.
type Inline struct {
	Text   string
	Bold   bool
	Italic bool
	Code   bool
	Break  bool // a hard line break; Text is empty
}

// Align is a table column's alignment.
type Align int

// Column alignments.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a GFM table.
type Table struct {
	Align  []Align      // one per column
	Header [][]Inline   // one cell per column
	Rows   [][][]Inline // rows of cells
}

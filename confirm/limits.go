package confirm

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Size limits of what this package reads, checked before anything is
// parsed (doc/limits.md). Verification costs about ten times the size of a
// contract file in memory at the worst, so these keep any call below
// 256 MiB; a real deal stays far below them (a revision of 2,000 items is
// under 1 MiB, one of 10,000 short items under 2 MiB).
const (
	// MaxContractSize is the largest contract file that [Parse], [Verify],
	// [ReadStatus], [WritePDF] and [VerifyPDF] (for the embedded file)
	// accept: 16 MiB.
	MaxContractSize = 16 << 20
	// MaxPDFSize is the largest PDF that [VerifyPDF] and [ExtractContract]
	// read: 32 MiB. The embedded contract file is inflated only up to
	// [MaxContractSize], whatever its compressed size.
	MaxPDFSize = 32 << 20
	// MaxPDFObjects is the most objects (and cross-reference entries) a
	// PDF to verify may have: 50,000, counted before pdfcpu reads it,
	// whose own limits let 600,000 tiny objects, or 1.5 million free
	// cross-reference entries, through in a 30 MB file (minutes and over
	// 300 MiB). A tradepact PDF has about two objects per page.
	MaxPDFObjects = 50_000
	// MaxContractTokens is the most JSON structure a contract file may
	// hold, counted as the commas, colons and opening brackets outside
	// strings (about one per value and one per key): 300,000. Parsing
	// costs about 200 bytes of memory for each, so 16 MiB of "0," would
	// take over a gigabyte. A revision of 2,000 items holds about 22,000,
	// one of 10,000 short items about 70,000.
	MaxContractTokens = 300_000
)

// LimitError reports an input larger than this package reads: a contract
// file over [MaxContractSize] (also once inflated from a PDF) or
// [MaxContractTokens], or a PDF over [MaxPDFSize]. Nothing of it was parsed.
type LimitError struct {
	// What is "contract file", "embedded contract file" (inflated from a
	// PDF) or "PDF" (Size and Limit in bytes), "contract file
	// structure" (in tokens, see [MaxContractTokens]) or "PDF structure"
	// (objects, see [MaxPDFObjects]).
	What  string
	Size  int64 // the size found, or Limit+1 when counting stopped there
	Limit int64
}

func (e *LimitError) Error() string {
	if e.What == "PDF structure" {
		return fmt.Sprintf("confirm: the PDF has more than %d objects, more than any contract tradepact makes; it is not read", e.Limit)
	}
	if e.What == "contract file structure" {
		return fmt.Sprintf("confirm: the contract file holds more than %d JSON values and keys, more than any contract tradepact makes; it is not read", e.Limit)
	}
	return fmt.Sprintf("confirm: the %s is larger than %d bytes, more than any contract tradepact makes; it is not read", e.What, e.Limit)
}

// checkContractSize refuses a contract file over MaxContractSize or
// MaxContractTokens, in one pass over its bytes.
func checkContractSize(data []byte) error {
	if len(data) > MaxContractSize {
		return &LimitError{What: "contract file", Size: int64(len(data)), Limit: MaxContractSize}
	}
	n, inString := 0, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == ',' || c == ':' || c == '[' || c == '{':
			if n++; n > MaxContractTokens {
				return &LimitError{What: "contract file structure", Size: int64(n), Limit: MaxContractTokens}
			}
		}
	}
	return nil
}

// checkPDFStructure refuses a PDF that declares or holds more than
// MaxPDFObjects objects or cross-reference entries, in a few passes over
// its bytes: "obj" (each object's "obj" and "endobj") and the 20-byte
// cross-reference entries of every end-of-line form.
func checkPDFStructure(pdf []byte) error {
	tooMany := func(n int) error {
		return &LimitError{What: "PDF structure", Size: int64(n), Limit: MaxPDFObjects}
	}
	if n := bytes.Count(pdf, []byte("obj")); n > 2*MaxPDFObjects+2 {
		return tooMany(n / 2)
	}
	n := 0
	for _, e := range []string{" n \n", " n\r\n", " n \r", " f \n", " f\r\n", " f \r"} {
		n += bytes.Count(pdf, []byte(e))
	}
	if n > MaxPDFObjects {
		return tooMany(n)
	}
	return nil
}

// pdfLimits are pdfcpu's resource limits for reading a PDF of at most
// MaxPDFSize: no stream is decoded to more than a contract file may hold.
func pdfLimits() model.ResourceLimits {
	l := model.DefaultResourceLimits()
	l.MaxStreamBytes = MaxPDFSize
	l.MaxDecodeBytes = MaxContractSize + 1
	l.MaxImageBytes = MaxContractSize + 1
	l.MaxObjectCount = MaxPDFObjects
	l.MaxXRefEntries = MaxPDFObjects
	l.MaxObjectStreamCount = MaxPDFObjects
	return l
}

// embeddedContract returns the content of the embedded file named
// AttachmentName, inflated by this package with a bound: pdfcpu's own
// extraction decodes the whole stream first, up to 512 MiB. ok is false
// when the PDF carries no such file.
func embeddedContract(ctx *model.Context) (data []byte, ok bool, err error) {
	x := ctx.XRefTable
	if !x.Valid {
		if err := x.LocateNameTree("EmbeddedFiles", false); err != nil {
			return nil, false, err
		}
	}
	tree := x.Names["EmbeddedFiles"]
	if tree == nil {
		return nil, false, nil
	}
	var sd *types.StreamDict
	err = tree.Process(x, func(x *model.XRefTable, id string, o *types.Object) error {
		if sd != nil {
			return nil
		}
		d, err := x.DereferenceDict(*o)
		if err != nil || d == nil {
			return err
		}
		name := ""
		for _, k := range []string{"UF", "F"} {
			if v, found := d.Find(k); found {
				if name, err = x.DereferenceStringOrHexLiteral(v, model.V10, nil); err != nil {
					return err
				}
				break
			}
		}
		if name != AttachmentName {
			return nil
		}
		ef, found := d.Find("EF")
		if !found {
			return nil
		}
		efd, err := x.DereferenceDict(ef)
		if err != nil || efd == nil {
			return err
		}
		f, found := efd.Find("F")
		if !found {
			return nil
		}
		s, _, err := x.DereferenceStreamDict(f)
		if err != nil {
			return err
		}
		sd = s
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	if sd == nil {
		return nil, false, nil
	}
	data, err = inflateBounded(sd)
	return data, true, err
}

// inflateBounded decodes an embedded file stream (no filter, or
// FlateDecode without parameters, as tradepact writes it), stopping past
// MaxContractSize.
func inflateBounded(sd *types.StreamDict) ([]byte, error) {
	var r io.Reader
	switch {
	case len(sd.FilterPipeline) == 0:
		r = bytes.NewReader(sd.Raw)
	case len(sd.FilterPipeline) == 1 && sd.FilterPipeline[0].Name == "FlateDecode" && sd.FilterPipeline[0].DecodeParms == nil:
		z, err := zlib.NewReader(bytes.NewReader(sd.Raw))
		if err != nil {
			return nil, err
		}
		defer z.Close()
		r = z
	default:
		return nil, errors.New("the embedded contract file is compressed in a way tradepact does not write")
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxContractSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxContractSize {
		return nil, &LimitError{What: "embedded contract file", Size: MaxContractSize + 1, Limit: MaxContractSize}
	}
	return data, nil
}

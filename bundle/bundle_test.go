package bundle_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/bundle"
	"github.com/tradepact/tradepact/confirm"
)

var (
	photo = []byte("\xff\xd8 unboxing photo of the console, serial visible")
	chat  = []byte("2026-11-20 10:02 buyer: the balance shows 500.00\n")
)

func hashOf(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

func key(t testing.TB, name string) *confirm.PrivateKey {
	seed := sha256.Sum256([]byte(name))
	k, err := confirm.NewKeyFromSeed(seed[:])
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// contract returns a contract file both parties confirmed whose terms
// reference photo and chat.
func contract(t testing.TB) []byte {
	t.Helper()
	a, err := agreement.Load("../examples/terms/secondhand-zh-Hant.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a.Evidence.Files = []agreement.EvidenceFile{
		{Kind: agreement.EvidencePhoto, Description: "開箱照片", Name: "photo.jpg", SHA256: hashOf(photo), Size: len(photo), SuppliedBy: "seller"},
		{Kind: agreement.EvidenceChatExport, Description: "聊天紀錄", SHA256: hashOf(chat), Size: len(chat), SuppliedBy: "buyer"},
	}
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	c, err := confirm.Propose(a, key(t, "seller"), at)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(key(t, "buyer"), at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func opener(b []byte) bundle.Opener {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
}

func create(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := bundle.Create(&buf, data, nil, map[string]bundle.Opener{hashOf(photo): opener(photo), hashOf(chat): opener(chat)})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func verify(t testing.TB, z []byte) (*bundle.Report, error) {
	return bundle.Verify(bytes.NewReader(z), int64(len(z)), nil)
}

// archive writes a zip of the named entries, in order.
func archive(t testing.TB, entries ...any) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(entries); i += 2 {
		w, err := zw.Create(entries[i].(string))
		if err != nil {
			t.Fatal(err)
		}
		w.Write(entries[i+1].([]byte))
	}
	zw.Close()
	return buf.Bytes()
}

func TestCreateVerify(t *testing.T) {
	data := contract(t)
	z := create(t, data)
	if !bytes.Equal(z, create(t, data)) {
		t.Error("the same inputs gave two different archives")
	}
	rep, err := verify(t, z)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || !rep.Contract.Confirmed || rep.Contract.Agreed || len(rep.Files) != 2 {
		t.Fatalf("a fresh bundle does not verify as confirmed by both, unpinned: %+v", rep)
	}
	pinned, err := bundle.Verify(bytes.NewReader(z), int64(len(z)), nil,
		confirm.TrustKey(confirm.Seller, key(t, "seller").Public()), confirm.TrustKey(confirm.Buyer, key(t, "buyer").Public()))
	if err != nil || !pinned.OK() || !pinned.Contract.Agreed {
		t.Fatalf("with both keys pinned the bundle is not agreed: %v %+v", err, pinned)
	}
}

// TestVerifyNamesWhatIsWrong checks that each missing, changed or extra
// file is named, and the rest still reported as present.
func TestVerifyNamesWhatIsWrong(t *testing.T) {
	data := contract(t)
	ev := bundle.EvidenceDir
	tests := []struct {
		name       string
		z          []byte
		status     [2]bundle.Status
		unexpected []string
	}{
		{"photo missing", archive(t, bundle.ContractName, data, ev+hashOf(chat), chat),
			[2]bundle.Status{bundle.StatusMissing, bundle.StatusOK}, nil},
		{"chat changed", archive(t, bundle.ContractName, data, ev+hashOf(photo), photo, ev+hashOf(chat), []byte("edited chat")),
			[2]bundle.Status{bundle.StatusOK, bundle.StatusChanged}, nil},
		{"an extra file", archive(t, bundle.ContractName, data, ev+hashOf(photo), photo, ev+hashOf(chat), chat, "../../etc/passwd", []byte("x")),
			[2]bundle.Status{bundle.StatusOK, bundle.StatusOK}, []string{"../../etc/passwd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := verify(t, tt.z)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() {
				t.Error("OK for a damaged bundle")
			}
			for i, want := range tt.status {
				if rep.Files[i].Status != want {
					t.Errorf("%s: %s, want %s", rep.Files[i].Path, rep.Files[i].Status, want)
				}
			}
			if strings.Join(rep.Unexpected, ",") != strings.Join(tt.unexpected, ",") {
				t.Errorf("unexpected %q, want %q", rep.Unexpected, tt.unexpected)
			}
		})
	}
}

func TestVerifyRefuses(t *testing.T) {
	data := contract(t)
	tampered := bytes.Replace(data, []byte(hashOf(photo)), []byte(hashOf(chat[:3])), 1)
	if _, err := verify(t, archive(t, "evidence/x", []byte("x"))); !errors.Is(err, bundle.ErrNoContract) {
		t.Errorf("no contract: %v", err)
	}
	if _, err := verify(t, archive(t, bundle.ContractName, tampered)); err == nil {
		t.Error("a contract whose confirmed hash was edited verifies")
	}
	if _, err := verify(t, []byte("PK\x03\x04 not a zip")); err == nil {
		t.Error("garbage verifies")
	}
	if _, err := verify(t, archive(t, bundle.ContractName, data, bundle.ContractName, data)); err == nil {
		t.Error("an entry twice verifies")
	}
	var buf bytes.Buffer
	if err := bundle.Create(&buf, data, nil, map[string]bundle.Opener{hashOf(photo): opener(photo)}); err == nil || !strings.Contains(err.Error(), "聊天紀錄") {
		t.Errorf("create without a referenced file: %v", err)
	}
	if err := bundle.Create(&buf, data, nil, map[string]bundle.Opener{hashOf(photo): opener(chat), hashOf(chat): opener(chat)}); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Errorf("create with the wrong content: %v", err)
	}
}

// TestZipBomb keeps the archive-bomb attacks: too many entries, a huge
// declared size, a highly compressed entry, and an entry that holds more
// than its header declares.
func TestZipBomb(t *testing.T) {
	data := contract(t)
	var le *bundle.LimitError
	many := []any{bundle.ContractName, data}
	for i := range 300 {
		many = append(many, "evidence/"+strings.Repeat("0", 60)+hex.EncodeToString([]byte{byte(i >> 8), byte(i)}), []byte{})
	}
	if _, err := verify(t, archive(t, many...)); !errors.As(err, &le) || le.Limit != "entries" {
		t.Errorf("300 entries: %v", err)
	}
	zeros := make([]byte, 8<<20)
	bomb := archive(t, bundle.ContractName, data, bundle.EvidenceDir+hashOf(zeros), zeros)
	if _, err := verify(t, bomb); !errors.As(err, &le) || le.Limit != "ratio" {
		t.Errorf("8 MiB of zeros: %v", err)
	}
	small := bundle.Limits{Entries: 10, File: 1 << 20, Total: 2 << 20, Ratio: 1 << 30}
	if _, err := bundle.Verify(bytes.NewReader(bomb), int64(len(bomb)), &small); !errors.As(err, &le) || le.Limit != "file" {
		t.Errorf("an entry over the file limit: %v", err)
	}
	// A header that understates the size: patch the central directory's
	// uncompressed size of the last entry to 10 bytes.
	z := archive(t, bundle.ContractName, data, bundle.EvidenceDir+hashOf(photo), photo)
	lie := understate(t, z, len(photo), 10)
	rep, err := verify(t, lie)
	if err == nil && rep.OK() {
		t.Error("an entry larger than its declared size passes")
	}
}

// understate rewrites every 32-bit size field equal to n in the central
// directory and local headers to m.
func understate(t testing.TB, z []byte, n, m int) []byte {
	out := bytes.Clone(z)
	var want, to [4]byte
	want[0], want[1], want[2], want[3] = byte(n), byte(n>>8), byte(n>>16), byte(n>>24)
	to[0], to[1], to[2], to[3] = byte(m), byte(m>>8), byte(m>>16), byte(m>>24)
	out = bytes.ReplaceAll(out, want[:], to[:])
	return out
}

// TestPDF checks that the bundle's PDF must embed the bundle's contract.
func TestPDF(t *testing.T) {
	data := contract(t)
	var pdf bytes.Buffer
	if _, err := confirm.WritePDF(&pdf, data); err != nil {
		t.Fatal(err)
	}
	files := map[string]bundle.Opener{hashOf(photo): opener(photo), hashOf(chat): opener(chat)}
	var z bytes.Buffer
	if err := bundle.Create(&z, data, pdf.Bytes(), files); err != nil {
		t.Fatal(err)
	}
	rep, err := verify(t, z.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.PDF == nil {
		t.Fatalf("the contract's own PDF: %q", rep.PDFProblem)
	}
	// A PDF that is not this contract's is named as the problem.
	other := archive(t, bundle.ContractName, data, bundle.PDFName, []byte("%PDF-1.7 not really"),
		bundle.EvidenceDir+hashOf(photo), photo, bundle.EvidenceDir+hashOf(chat), chat)
	rep, err = verify(t, other)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || rep.PDFProblem == "" {
		t.Error("a broken PDF passes")
	}
}

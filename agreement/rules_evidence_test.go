package agreement_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// TestEvidenceRules checks the evidence files referenced by hash: a
// well-formed list passes, and every malformed hash or repeated file is
// named by its path.
func TestEvidenceRules(t *testing.T) {
	const h1 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	const h2 = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
	file := func(h string) agreement.EvidenceFile {
		return agreement.EvidenceFile{Kind: agreement.EvidencePhoto, Description: "unboxing photo", SHA256: h, Size: 4, SuppliedBy: "buyer"}
	}
	tests := []struct {
		name  string
		files []agreement.EvidenceFile
		want  []string
	}{
		{"none", nil, nil},
		{"two files", []agreement.EvidenceFile{file(h1), file(h2)}, nil},
		{"upper-case hash", []agreement.EvidenceFile{file(strings.ToUpper(h1))}, []string{"error evidence.files[0].sha256 sha256"}},
		{"short hash", []agreement.EvidenceFile{file(h1[:63])}, []string{"error evidence.files[0].sha256 sha256"}},
		{"prefixed hash", []agreement.EvidenceFile{file("0x" + h1[2:])}, []string{"error evidence.files[0].sha256 sha256"}},
		{"no hash", []agreement.EvidenceFile{file("")}, []string{"error evidence.files[0].sha256 required"}},
		{"the same file twice", []agreement.EvidenceFile{file(h1), file(h2), file(h1)}, []string{"error evidence.files[2].sha256 evidence_duplicate"}},
		{"unknown kind", []agreement.EvidenceFile{{Kind: "selfie", Description: "x", SHA256: h1, SuppliedBy: "seller"}}, []string{"error evidence.files[0].kind oneof"}},
		{"negative size", []agreement.EvidenceFile{{Kind: "photo", Description: "x", SHA256: h1, Size: -1, SuppliedBy: "seller"}}, []string{"error evidence.files[0].size min"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := load(t, "goods-zh-Hant.yaml")
			a.Evidence.Files = tt.files
			var got []string
			for _, s := range summary(a.Validate()) {
				if strings.Contains(s, "evidence") {
					got = append(got, s)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	a := load(t, "goods-zh-Hant.yaml")
	a.Evidence.Files = []agreement.EvidenceFile{file(strings.ToUpper(h1))}
	fes := a.Validate()
	if len(fes) == 0 {
		t.Fatal("no finding for an upper-case hash")
	}
	for _, l := range agreement.Locales {
		if m := fes[0].Message(l); !strings.Contains(m, "SHA-256") || !strings.Contains(m, "tradepact evidence add") {
			t.Errorf("%s message %q does not explain the hash", l, m)
		}
	}
}

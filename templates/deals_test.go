package templates_test

import (
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// dealCase is one clause of issue 15 ("the deals people actually make")
// checked in a rendered contract: an edit of an example, the sentences the
// contract must then hold in each locale, and what it must not.
type dealCase struct {
	name string
	file string
	edit func(a *agreement.Agreement)
	want map[agreement.Locale][]string
	not  []string
}

func checkDeals(t *testing.T, cases []dealCase) {
	t.Helper()
	for _, c := range cases {
		for l, want := range c.want {
			a := withLocale(loadExample(t, c.file), l)
			c.edit(a)
			if err := a.Check(); err != nil {
				t.Fatalf("%s: %s: the edited terms do not validate: %v", c.name, l, err)
			}
			md := execute(t, a)
			for _, w := range want {
				if !strings.Contains(md, w) {
					t.Errorf("%s (%s): missing %q", c.name, l, w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(md, w) {
					t.Errorf("%s (%s): says %q", c.name, l, w)
				}
			}
		}
	}
}

const (
	hashPhoto = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	hashChat  = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
)

// TestEvidenceFiles checks that the contract names every evidence file by
// kind, description, supplier, size and full hash, in every locale, and
// says nothing of files when there are none.
func TestEvidenceFiles(t *testing.T) {
	files := func(a *agreement.Agreement) {
		a.Evidence.Files = []agreement.EvidenceFile{
			{Kind: agreement.EvidencePhoto, Description: "開箱照片", SHA256: hashPhoto, Size: 1048576, SuppliedBy: agreement.PaidByBuyer},
			{Kind: agreement.EvidenceChatExport, Description: "chat *log*", SHA256: hashChat, Size: 999, SuppliedBy: agreement.PaidBySeller},
		}
	}
	checkDeals(t, []dealCase{
		{"evidence files", "goods-en.yaml", files, map[agreement.Locale][]string{
			agreement.LocaleEN: {"1. Photo: 開箱照片 (supplied by the Buyer; 1,048,576 bytes) — SHA-256 `" + hashPhoto + "`",
				"2. Chat export: chat \\*log\\* (supplied by the Seller; 999 bytes) — SHA-256 `" + hashChat + "`",
				"each identified by its SHA-256 hash"},
			agreement.LocaleZHHans: {"1. 照片：開箱照片（由买方提供，1,048,576 字节）— SHA-256 `" + hashPhoto + "`", "2. 聊天记录导出："},
			agreement.LocaleZHHant: {"1. 照片：開箱照片（由買方提供，1,048,576 位元組）— SHA-256 `" + hashPhoto + "`", "2. 對話紀錄匯出："},
		}, nil},
		{"no evidence files", "goods-en.yaml", func(*agreement.Agreement) {}, map[agreement.Locale][]string{
			agreement.LocaleEN: {"Both parties keep the messages"},
		}, []string{"SHA-256 hash.", "SHA-256 `"}},
	})
}

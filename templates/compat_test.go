package templates_test

import (
	"os"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/templates"
)

// TestPreviousSetContractsVerify checks the promise to contracts made
// before a change of the built-in set: a contract both parties confirmed
// under an earlier set (testdata/previous, made by the set whose digest
// begins 3669 0167 4a65, before the sentence catalogs) still verifies as
// agreed; its text is checked against its digest, and the result says it
// was made by another template set rather than re-rendered.
func TestPreviousSetContractsVerify(t *testing.T) {
	data, err := os.ReadFile("testdata/previous/agreed-3669.contract.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := confirm.Verify(data)
	if err != nil {
		t.Fatalf("a contract made with the previous template set no longer verifies: %v", err)
	}
	// Both parties confirmed; the keys are not pinned here (whose keys they
	// are is confirm's concern, tested there), so Agreed stays false.
	if !res.Confirmed || res.Latest().Rerendered || res.AgreedAndRerendered() {
		t.Errorf("confirmed %v, re-rendered %v: want confirmed by both, not re-rendered", res.Confirmed, res.Latest().Rerendered)
	}
	note := strings.Join(res.Notes, "\n")
	if !strings.Contains(note, "sha256:366901674a65") || !strings.Contains(note, templates.Default().Identity().Digest.String()) {
		t.Errorf("the notes do not name both template sets: %q", note)
	}
}

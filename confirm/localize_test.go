package confirm_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/tradepact/tradepact/confirm"
)

func TestErrorMessageTranslatesEveryError(t *testing.T) {
	k := key(t, "seller").Public()
	w := key(t, "buyer").Public()
	d := confirm.DigestOf([]byte("x"))
	errs := []error{
		&confirm.MalformedError{Entry: 3, Field: "time", Err: errors.New("bad")},
		&confirm.MalformedError{Err: errors.New("not JSON")},
		&confirm.InvalidSignatureError{Entry: 2, Revision: 1, Role: confirm.Buyer, Key: k},
		&confirm.DigestMismatchError{Revision: 1, What: "terms", Recorded: d, Computed: d},
		&confirm.DigestMismatchError{Revision: 1, What: "text", Recorded: d, Computed: d},
		&confirm.DigestMismatchError{Revision: 1, What: "rendered text", Recorded: d, Computed: d},
		&confirm.HistoryError{Entry: 4, Recorded: "sha256:00", Computed: d},
		&confirm.MismatchError{Entry: 4, Revision: 2, Field: "account", Recorded: "a", Want: "b"},
		&confirm.MissingPartyError{Revision: 2, Role: confirm.Seller},
		&confirm.PDFError{Problem: "pages differ", Err: errors.New("x")},
		&confirm.PDFError{Problem: "no contract file", Err: errors.New("x")},
		&confirm.PDFError{Problem: "unreadable", Err: errors.New("x")},
		&confirm.PDFError{Problem: "pages not compared", Err: errors.New("x")},
		&confirm.PDFError{Problem: "unchecked update", Err: errors.New("x")},
		&confirm.AlreadyConfirmedError{Role: confirm.Seller, Revision: 2, Key: k},
		fmt.Errorf("%w: revision 1", confirm.ErrNotRerendered),
		&confirm.RollbackError{WantHead: d, Head: d, Revisions: 1, Entries: 3},
		&confirm.RollbackError{WantRevision: 2, Head: d, Revisions: 1, Entries: 3},
		&confirm.UnchangedTermsError{Revision: 2},
		&confirm.IDMismatchError{Terms: "A", Contract: "B"},
		&confirm.TermsError{Revision: 2, Err: errors.New("x")},
		&confirm.TimeOrderError{Time: "2026-11-22T10:00:00+08:00", Last: "2026-11-22T10:05:00+08:00"},
		&confirm.MalformedError{Entry: 4, Field: "time", Err: &confirm.TimeOrderError{Time: "a", Last: "b", Entry: 3}},
		confirm.ErrWeakKey, confirm.ErrNoKey, confirm.ErrPrivateKey,
		&confirm.TimeError{Time: "0000-01-01T00:00:00+00:30:15", Err: errors.New("x")},
		&confirm.SignerError{Key: k, Err: errors.New("declined")},
		confirm.ErrStale,
	}
	if _, err := confirm.Parse([]byte(`{"tradepact_contract": 1, "id": "X", "entries": [`)); err != nil {
		errs = append(errs, err)
	} else {
		t.Fatal("a cut file parsed")
	}
	for _, p := range []confirm.KeyProblem{confirm.KeyWeak, confirm.KeyNotPinned, confirm.KeyNotRecorded, confirm.KeyOtherRole, confirm.KeyUnknown, confirm.KeyNotSeller} {
		errs = append(errs, &confirm.KeyError{Entry: 2, Role: confirm.Seller, Key: k, Want: w, Problem: p, Reason: "x"})
	}
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	for _, err := range errs {
		// A whole sentence, with no package prefix, in every language;
		// the Chinese ones without English words beyond names and tokens.
		en := confirm.ErrorMessage(err, "en")
		if en == "" || strings.Contains(en, "confirm:") || strings.Contains(en, "PDF:") || strings.Contains(en, "%!") || strings.ContainsFunc(en, han) ||
			en[0] < 'A' || en[0] > 'Z' {
			t.Errorf("en: %T %v → %q", err, err, en)
		}
		for _, lang := range []string{"zh-Hans", "zh-Hant"} {
			m := confirm.ErrorMessage(err, lang)
			if m == err.Error() || strings.Contains(m, "confirm:") || strings.Contains(m, "%!") || !strings.ContainsFunc(m, han) ||
				strings.Contains(m, "not a contract file") || strings.Contains(m, "Unexpected") {
				t.Errorf("%s: %T %v → %q", lang, err, err, m)
			}
		}
	}
	// An entry number says what an entry is.
	if m := confirm.ErrorMessage(&confirm.HistoryError{Entry: 2}, "zh-Hans"); !strings.Contains(m, "历史记录第 2 条（修改版本与确认按先后一并计数）") {
		t.Errorf("entry: %q", m)
	}
	if confirm.ErrorMessage(nil, "zh-Hant") != "" {
		t.Error("nil error has a message")
	}
}

// The errors Verify really returns carry what the translation needs.
func TestErrorMessageOfRealErrors(t *testing.T) {
	data := flow(t)
	_, err := confirm.Verify(data, confirm.TrustKey(confirm.Seller, key(t, "buyer").Public()))
	if m := confirm.ErrorMessage(err, "zh-Hant"); !strings.Contains(m, "不是您指定信任的公鑰") {
		t.Errorf("wrong pin: %q (%v)", m, err)
	}
	c, err := confirm.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Confirm(key(t, "stranger"), at(20)); confirm.ErrorMessage(err, "zh-Hans") != "公钥 "+key(t, "stranger").Public().Fingerprint()+" 既不是卖方也不是买方记录在案的公钥" {
		t.Errorf("stranger: %q (%v)", confirm.ErrorMessage(err, "zh-Hans"), err)
	}
}

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
		fmt.Errorf("%w: the buyer already confirmed revision 1", confirm.ErrAlreadyConfirmed),
		fmt.Errorf("%w: revision 1", confirm.ErrNotRerendered),
	}
	for _, p := range []confirm.KeyProblem{confirm.KeyWeak, confirm.KeyNotPinned, confirm.KeyNotRecorded, confirm.KeyOtherRole, confirm.KeyUnknown, confirm.KeyNotSeller} {
		errs = append(errs, &confirm.KeyError{Entry: 2, Role: confirm.Seller, Key: k, Want: w, Problem: p, Reason: "x"})
	}
	for _, err := range errs {
		if got := confirm.ErrorMessage(err, "en"); got != err.Error() {
			t.Errorf("en: %q, want %q", got, err.Error())
		}
		for _, lang := range []string{"zh-Hans", "zh-Hant"} {
			m := confirm.ErrorMessage(err, lang)
			if m == err.Error() || strings.Contains(m, "confirm:") || strings.Contains(m, "%!") || !strings.ContainsFunc(m, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s: %T %v → %q", lang, err, err, m)
			}
		}
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

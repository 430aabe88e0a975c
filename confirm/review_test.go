package confirm_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// A party confirming again, or with the other role's key, hears whose key
// it is in a sentence that reads right: "this key is the seller's", not
// "this key is The seller's".
func TestAlreadyConfirmedMessage(t *testing.T) {
	c, err := confirm.Parse(flow(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Confirm(key(t, "seller"), at(20))
	var ac *confirm.AlreadyConfirmedError
	if !errors.As(err, &ac) {
		t.Fatalf("got %v, want an *AlreadyConfirmedError", err)
	}
	for lang, want := range map[string]string{
		"en":      "If you are the buyer, this key is the seller's: confirm with your own key",
		"zh-Hans": "如果您是买方，这把密钥是卖方的",
		"zh-Hant": "如果您是買方，這把金鑰是賣方的",
	} {
		if m := confirm.ErrorMessage(err, lang); !strings.Contains(m, want) {
			t.Errorf("%s: %q lacks %q", lang, m, want)
		}
	}
}

package templates_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// parseCapital reads an amount in Chinese capital numerals back into minor
// units (decimals: the currency's). It is written independently of
// agreement.Money.Capital so that the test checks the printed words, not
// the code that wrote them.
func parseCapital(t *testing.T, s string, decimals int) int64 {
	t.Helper()
	digits := map[rune]int64{'零': 0, '壹': 1, '貳': 2, '贰': 2, '參': 3, '叁': 3, '肆': 4, '伍': 5, '陸': 6, '陆': 6, '柒': 7, '捌': 8, '玖': 9}
	units := map[rune]int64{'拾': 10, '佰': 100, '仟': 1000}
	// Skip the currency name.
	i := strings.IndexFunc(s, func(r rune) bool { _, ok := digits[r]; return ok })
	if i < 0 {
		t.Fatalf("no numerals in %q", s)
	}
	var total, sec, num, major, jiao, fen int64
	for _, r := range s[i:] {
		switch {
		case r == '零':
			num = 0
		case digits[r] > 0:
			num = digits[r]
		case units[r] > 0:
			sec += num * units[r]
			num = 0
		case r == '萬' || r == '万':
			total += (sec + num) * 10_000
			sec, num = 0, 0
		case r == '億' || r == '亿':
			total = (total + sec + num) * 100_000_000
			sec, num = 0, 0
		case r == '元' || r == '圓':
			major = total + sec + num
			total, sec, num = 0, 0, 0
		case r == '角':
			jiao, num = num, 0
		case r == '分':
			fen, num = num, 0
		case r == '整' || r == '正':
		default:
			t.Fatalf("unexpected %q in %q", r, s)
		}
	}
	p := int64(1)
	for range decimals {
		p *= 10
	}
	switch decimals {
	case 0:
		return major
	case 2:
		return major*p + jiao*10 + fen
	}
	t.Fatalf("decimals %d", decimals)
	return 0
}

var (
	capitalLine = regexp.MustCompile(`大[寫写]）?：\*\*([^*]+)\*\*`)
	totalLine   = regexp.MustCompile(`\*\*(?:總價|合计)：([^*]+)\*\*`)
)

// TestCapitalEqualsTotal renders contracts whose totals are tricky amounts
// and checks that the 大寫 printed reads back as the numeric total printed.
func TestCapitalEqualsTotal(t *testing.T) {
	amounts := []string{"10", "1001", "10010", "100000", "100000000", "1000010.5", "0.05", "930.25",
		"920", "1", "20", "110", "1100", "101000", "1010101.01", "99999999.99", "60000.6", "3.1"}
	for _, cur := range []string{"CNY", "TWD", "USD"} {
		c, _ := agreement.LookupCurrency(cur)
		for _, s := range amounts {
			amt := agreement.MustAmount(s)
			if amt.Decimals() > c.Decimals {
				continue
			}
			for _, l := range []agreement.Locale{agreement.LocaleZHHans, agreement.LocaleZHHant} {
				a := withLocale(loadExample(t, "goods-en.yaml"), l)
				a.Currency = cur
				a.Items = a.Items[:1]
				a.Items[0].Quantity = 1
				a.Items[0].UnitPrice = amt
				a.ShippingFee = agreement.Amount{}
				md := execute(t, a)
				m := capitalLine.FindStringSubmatch(md)
				tm := totalLine.FindStringSubmatch(md)
				if m == nil || tm == nil {
					t.Fatalf("%s %s %s: no total or capital line", cur, s, l)
				}
				want, err := c.Money(amt)
				if err != nil {
					t.Fatal(err)
				}
				if got := parseCapital(t, m[1], c.Decimals); got != want.Minor {
					t.Errorf("%s %s %s: 大寫 %q reads %d, total is %d", cur, s, l, m[1], got, want.Minor)
				}
				// The figure printed is the same amount.
				fig := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, tm[1])
				if n, _ := strconv.ParseInt(fig, 10, 64); n != want.Minor {
					t.Errorf("%s %s %s: total printed %q, want %d minor units", cur, s, l, tm[1], want.Minor)
				}
			}
		}
	}
}

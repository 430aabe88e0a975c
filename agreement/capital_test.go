package agreement_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tradepact/tradepact/agreement"
)

func TestCapital(t *testing.T) {
	// Amounts in major units; hans and hant are the expected words after the
	// currency name. Sources: the worked examples of 正确填写票据和结算凭证的
	// 基本规定 (1409.50, 6007.14, 1680.32, 107000.53, 16409.02, 325.04) and
	// the issue (1001.5, 920, 1000010.5); the rest by the rules in
	// Money.Capital's doc comment.
	tests := []struct {
		amount     string
		hans, hant string
	}{
		{"0", "零元整", "零元整"},
		{"0.05", "伍分", "伍分"},
		{"0.5", "伍角整", "伍角整"},
		{"0.55", "伍角伍分", "伍角伍分"},
		{"1", "壹元整", "壹元整"},
		{"10", "壹拾元整", "壹拾元整"},
		{"10.05", "壹拾元零伍分", "壹拾元零伍分"},
		{"10.5", "壹拾元伍角整", "壹拾元伍角整"},
		{"11", "壹拾壹元整", "壹拾壹元整"},
		{"20", "贰拾元整", "貳拾元整"},
		{"101", "壹佰零壹元整", "壹佰零壹元整"},
		{"110", "壹佰壹拾元整", "壹佰壹拾元整"},
		{"325.04", "叁佰贰拾伍元零肆分", "參佰貳拾伍元零肆分"},
		{"920", "玖佰贰拾元整", "玖佰貳拾元整"},
		{"930.25", "玖佰叁拾元贰角伍分", "玖佰參拾元貳角伍分"},
		{"1001", "壹仟零壹元整", "壹仟零壹元整"},
		{"1001.5", "壹仟零壹元伍角整", "壹仟零壹元伍角整"},
		{"1409.5", "壹仟肆佰零玖元伍角整", "壹仟肆佰零玖元伍角整"},
		{"1680.32", "壹仟陆佰捌拾元叁角贰分", "壹仟陸佰捌拾元參角貳分"},
		{"6007.14", "陆仟零柒元壹角肆分", "陸仟零柒元壹角肆分"},
		{"10010", "壹万零壹拾元整", "壹萬零壹拾元整"},
		{"16409.02", "壹万陆仟肆佰零玖元零贰分", "壹萬陸仟肆佰零玖元零貳分"},
		{"100000", "壹拾万元整", "壹拾萬元整"},
		{"100100", "壹拾万零壹佰元整", "壹拾萬零壹佰元整"},
		{"101000", "壹拾万壹仟元整", "壹拾萬壹仟元整"},
		{"107000.53", "壹拾万柒仟元伍角叁分", "壹拾萬柒仟元伍角參分"},
		{"1000010.5", "壹佰万零壹拾元伍角整", "壹佰萬零壹拾元伍角整"},
		{"10000001", "壹仟万零壹元整", "壹仟萬零壹元整"},
		{"100000000", "壹亿元整", "壹億元整"},
		{"100000001", "壹亿零壹元整", "壹億零壹元整"},
		{"100010000", "壹亿零壹万元整", "壹億零壹萬元整"},
		{"110000000", "壹亿壹仟万元整", "壹億壹仟萬元整"},
		{"1000000000000", "壹万亿元整", "壹兆元整"},
		{"1000000010000", "壹万亿零壹万元整", "壹兆零壹萬元整"},
		{"1234567890123.45", "壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分", "壹兆貳仟參佰肆拾伍億陸仟柒佰捌拾玖萬零壹佰貳拾參元肆角伍分"},
		{"120345000000", "壹仟贰佰零叁亿肆仟伍佰万元整", "壹仟貳佰零參億肆仟伍佰萬元整"},
		{"9999999999999999.99", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分", "玖仟玖佰玖拾玖兆玖仟玖佰玖拾玖億玖仟玖佰玖拾玖萬玖仟玖佰玖拾玖元玖角玖分"},
	}
	cny := cur(t, "CNY")
	for _, tt := range tests {
		m := moneyOf(t, cny, tt.amount)
		for _, c := range []struct {
			l      agreement.Locale
			prefix string
			want   string
		}{{agreement.LocaleZHHans, "人民币", tt.hans}, {agreement.LocaleZHHant, "人民幣", tt.hant}} {
			got, err := m.Capital(c.l)
			if err != nil || got != c.prefix+c.want {
				t.Errorf("%s in %s = %q, %v; want %q", tt.amount, c.l, got, err, c.prefix+c.want)
			}
		}
	}
}

// moneyOf parses a major-unit amount that may exceed what ParseAmount
// accepts (up to 10^16 units).
func moneyOf(t testing.TB, c agreement.Currency, s string) agreement.Money {
	t.Helper()
	ip, fp, _ := strings.Cut(s, ".")
	var minor int64
	for _, r := range ip {
		minor = minor*10 + int64(r-'0')
	}
	for i := range c.Decimals {
		d := int64(0)
		if i < len(fp) {
			d = int64(fp[i] - '0')
		}
		minor = minor*10 + d
	}
	if len(fp) > c.Decimals {
		t.Fatalf("%s has too many decimals for %s", s, c.Code)
	}
	return agreement.Money{Minor: minor, Currency: c}
}

func TestCapitalCurrencies(t *testing.T) {
	tests := []struct {
		code, amount string
		l            agreement.Locale
		want         string
	}{
		{"TWD", "920", agreement.LocaleZHHant, "新臺幣玖佰貳拾元整"},
		{"TWD", "920", agreement.LocaleZHHans, "新台币玖佰贰拾元整"},
		{"TWD", "10000", agreement.LocaleZHHant, "新臺幣壹萬元整"},
		{"HKD", "1200.5", agreement.LocaleZHHant, "港幣壹仟貳佰元伍角整"},
		{"HKD", "1200.5", agreement.LocaleZHHans, "港币壹仟贰佰元伍角整"},
		{"JPY", "5000", agreement.LocaleZHHant, "日圓伍仟元整"},
		{"JPY", "5000", agreement.LocaleZHHans, "日元伍仟元整"},
		{"USD", "12.5", agreement.LocaleZHHans, "美元壹拾贰元伍角整"},
		{"XOF", "100", agreement.LocaleZHHans, "XOF壹佰元整"},
	}
	for _, tt := range tests {
		m := moneyOf(t, cur(t, tt.code), tt.amount)
		if got, err := m.Capital(tt.l); err != nil || got != tt.want {
			t.Errorf("%s %s in %s = %q, %v; want %q", tt.code, tt.amount, tt.l, got, err, tt.want)
		}
	}
}

func TestCapitalErrors(t *testing.T) {
	cny, kwd := cur(t, "CNY"), cur(t, "KWD")
	tests := []struct {
		m    agreement.Money
		l    agreement.Locale
		want error
	}{
		{agreement.Money{Minor: 100, Currency: cny}, agreement.LocaleEN, agreement.ErrCapitalLocale},
		{agreement.Money{Minor: 100, Currency: cny}, "zh", agreement.ErrCapitalLocale},
		{agreement.Money{Minor: -100, Currency: cny}, agreement.LocaleZHHans, agreement.ErrCapitalRange},
		{agreement.Money{Minor: 1125, Currency: kwd}, agreement.LocaleZHHans, agreement.ErrCapitalRange},
		{agreement.Money{Minor: 1_000_000_000_000_000_000, Currency: cny}, agreement.LocaleZHHant, agreement.ErrCapitalRange},
	}
	for _, tt := range tests {
		if got, err := tt.m.Capital(tt.l); !errors.Is(err, tt.want) {
			t.Errorf("%v in %q = %q, %v; want %v", tt.m, tt.l, got, err, tt.want)
		}
	}
}

// parseCapital is the inverse of Capital for checking it: it reads the
// words after the currency name back into minor units (2 decimals) and
// checks the rules Capital promises along the way.
func parseCapital(s string) (int64, error) {
	digit := map[rune]int64{'零': 0, '壹': 1, '贰': 2, '貳': 2, '叁': 3, '參': 3, '肆': 4, '伍': 5, '陆': 6, '陸': 6, '柒': 7, '捌': 8, '玖': 9}
	small := map[rune]int64{'拾': 10, '佰': 100, '仟': 1000}
	var total, wan, sec, d, jiao, fen int64
	haveDigit, afterYuan, whole, lastFen := false, false, false, false
	var prev rune
	for i, r := range s {
		if whole {
			return 0, fmt.Errorf("text after 整 at %d", i)
		}
		switch {
		case r == '零':
			if prev == '零' {
				return 0, fmt.Errorf("零零 at %d", i)
			}
			d, haveDigit = 0, false
		case digit[r] > 0:
			if haveDigit {
				return 0, fmt.Errorf("two digits in a row at %d", i)
			}
			d, haveDigit = digit[r], true
		case small[r] > 0:
			if !haveDigit {
				return 0, fmt.Errorf("%c without a digit before it at %d", r, i)
			}
			sec += d * small[r]
			d, haveDigit = 0, false
		case r == '万' || r == '萬':
			if prev == '零' {
				return 0, fmt.Errorf("零 before %c", r)
			}
			wan += (sec + d) * 10_000
			sec, d, haveDigit = 0, 0, false
		case r == '亿' || r == '億':
			if prev == '零' {
				return 0, fmt.Errorf("零 before %c", r)
			}
			total += (wan + sec + d) * 100_000_000
			wan, sec, d, haveDigit = 0, 0, 0, false
		case r == '兆':
			total += (wan + sec + d) * 1_000_000_000_000
			wan, sec, d, haveDigit = 0, 0, 0, false
		case r == '元':
			if prev == '零' && total+wan+sec+d != 0 {
				return 0, fmt.Errorf("零 before 元")
			}
			total = (total + wan + sec + d) * 100
			wan, sec, d, haveDigit, afterYuan = 0, 0, 0, false, true
		case r == '角':
			if !haveDigit {
				return 0, fmt.Errorf("角 without digit")
			}
			jiao, haveDigit = d, false
		case r == '分':
			if !haveDigit {
				return 0, fmt.Errorf("分 without digit")
			}
			fen, haveDigit, lastFen = d, false, true
		case r == '整':
			if lastFen || prev != '元' && prev != '角' {
				return 0, fmt.Errorf("整 after %c", prev)
			}
			whole = true
		default:
			return 0, fmt.Errorf("unexpected %q at %d", r, i)
		}
		prev = r
	}
	if haveDigit || prev == '零' {
		return 0, fmt.Errorf("dangling digit")
	}
	if !whole && !lastFen {
		return 0, fmt.Errorf("ends neither in 整 nor in 分")
	}
	_ = afterYuan
	return total + jiao*10 + fen, nil
}

func checkCapitalRoundTrip(t *testing.T, m agreement.Money) {
	t.Helper()
	for _, l := range []agreement.Locale{agreement.LocaleZHHans, agreement.LocaleZHHant} {
		s, err := m.Capital(l)
		if err != nil {
			t.Fatalf("%d: %v", m.Minor, err)
		}
		name := m.Currency.LocalName(l)
		words, ok := strings.CutPrefix(s, name)
		if !ok || !utf8.ValidString(s) {
			t.Fatalf("%d in %s = %q: no %s prefix", m.Minor, l, s, name)
		}
		got, err := parseCapital(words)
		if err != nil {
			t.Fatalf("%d in %s = %q: %v", m.Minor, l, s, err)
		}
		if got != m.Minor {
			t.Fatalf("%d in %s = %q, which reads back as %d", m.Minor, l, s, got)
		}
	}
}

func TestCapitalRoundTrip(t *testing.T) {
	cny := cur(t, "CNY")
	r := rand.New(rand.NewPCG(2026, 11)) // fixed seed: reproducible
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		// Random digit strings with many zeros reach the 零 rules far more
		// often than uniform numbers would.
		digits := 1 + r.IntN(18)
		var v int64
		for range digits {
			d := int64(0)
			if r.IntN(2) == 0 {
				d = 1 + r.Int64N(9)
			}
			v = v*10 + d
		}
		checkCapitalRoundTrip(t, agreement.Money{Minor: v, Currency: cny})
	}
	// Every amount up to 100.00.
	for v := range int64(10001) {
		checkCapitalRoundTrip(t, agreement.Money{Minor: v, Currency: cny})
	}
}

func FuzzCapital(f *testing.F) {
	for _, v := range []int64{0, 5, 50, 1000, 100100, 10001050, 9999999999999999, 100000000000000000, -1} {
		f.Add(v, uint8(2))
	}
	f.Add(int64(920), uint8(0))
	f.Fuzz(func(t *testing.T, minor int64, decimals uint8) {
		c := cur(t, "CNY")
		if decimals%3 == 0 {
			c = cur(t, "TWD")
		}
		m := agreement.Money{Minor: minor, Currency: c}
		if _, err := m.Capital(agreement.LocaleZHHans); err != nil {
			return // out of range: must not panic, nothing more
		}
		if c.Code == "TWD" {
			m = agreement.Money{Minor: minor * 100, Currency: cur(t, "CNY")}
			if m.Minor/100 != minor {
				return
			}
			if _, err := m.Capital(agreement.LocaleZHHans); err != nil {
				return
			}
		}
		checkCapitalRoundTrip(t, m)
	})
}

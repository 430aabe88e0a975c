package agreement_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/tradepact/tradepact/agreement"
)

func load(t testing.TB, name string) *agreement.Agreement {
	t.Helper()
	a, err := agreement.Load("../examples/terms/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// summary lists findings as "severity path rule", sorted, for comparison.
func summary(fs []*agreement.FieldError) []string {
	var s []string
	for _, f := range fs {
		s = append(s, fmt.Sprintf("%s %s %s", f.Severity, f.Path, f.Rule))
	}
	slices.Sort(s)
	return s
}

func TestExamplesValid(t *testing.T) {
	for _, f := range exampleFiles(t) {
		a, err := agreement.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Validate(); len(got) != 0 {
			t.Errorf("%s: %v", f, got)
		}
		if err := a.Check(); err != nil {
			t.Errorf("%s: Check: %v", f, err)
		}
	}
}

func TestRules(t *testing.T) {
	const (
		gift   = "gift_card-zh-Hant.yaml"      // TW, private seller, TWD, digital, escrow
		giftCN = "gift_card-zh-Hans.yaml"      // CN, earnest 60 of 340, CNY
		goods  = "goods-en.yaml"               // other, business, USD, escrow, shipping
		goodsI = "goods-zh-Hant.yaml"          // TW, business, installments 3 × 10,000 after 2,900 prepayment
		second = "secondhand-zh-Hans.yaml"     // CN, earnest 200 of 2,365, escrow
		proxy  = "proxy_purchase-zh-Hant.yaml" // TW, business, JPY store prices, bank transfer
	)
	d := agreement.MustDate
	m := agreement.MustAmount
	tests := []struct {
		name string
		base string
		edit func(a *agreement.Agreement)
		want []string // "severity path rule"
	}{
		// Required parties, items and money.
		{"seller name missing", gift, func(a *agreement.Agreement) { a.Seller.Name = "" }, []string{"error seller.name required"}},
		{"buyer account missing", gift, func(a *agreement.Agreement) { a.Buyer.Account = "" }, []string{"error buyer.account required"}},
		{"no items", goods, func(a *agreement.Agreement) { a.Items = nil }, []string{"error items required"}},
		{"empty items", goods, func(a *agreement.Agreement) { a.Items = []agreement.Item{} }, []string{"error items min"}},
		{"unit price missing", goods, func(a *agreement.Agreement) { a.Items[1].UnitPrice = agreement.Amount{} }, []string{"error items[1].unit_price required"}},
		{"face value missing", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard.FaceValue = agreement.Amount{} }, []string{"error items[0].gift_card.face_value required"}},
		{"deposit amount missing", second, func(a *agreement.Agreement) { a.Payment.Deposit.Amount = agreement.Amount{} }, []string{"error payment.deposit.amount required"}},
		{"quantity zero", goods, func(a *agreement.Agreement) { a.Items[0].Quantity = 0 }, []string{"error items[0].quantity required"}},
		{"bad kind", goods, func(a *agreement.Agreement) { a.Kind = "car" }, []string{"error kind oneof"}},

		{"id not ASCII", gift, func(a *agreement.Agreement) { a.ID = "合約-1" }, []string{"error id printascii"}},
		{"card last4 too long", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard.CardLast4 = "12345" }, []string{"error items[0].gift_card.card_last4 len"}},
		{"card last4 not alphanumeric", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard.CardLast4 = "12-4" }, []string{"error items[0].gift_card.card_last4 alphanum"}},
		{"fx rate not a number", proxy, func(a *agreement.Agreement) { a.Items[0].Proxy.FXRate = "about 0.2" }, []string{"error items[0].proxy.fx_rate numeric"}},
		{"no dispute steps", gift, func(a *agreement.Agreement) { a.Dispute.Steps = nil }, []string{"error dispute.steps required"}},
		{"repeated dispute step", gift, func(a *agreement.Agreement) { a.Dispute.Steps = []string{"court", "court"} }, []string{"error dispute.steps unique"}},
		{"evidence kept zero days", gift, func(a *agreement.Agreement) { a.Evidence.KeepDays = 0 }, []string{"error evidence.keep_days required"}},
		{"response hours too long", gift, func(a *agreement.Agreement) { a.AfterSales.ResponseHours = 1000 }, []string{"error after_sales.response_hours max"}},

		// Parties.
		{"same account", gift, func(a *agreement.Agreement) { a.Buyer.Account = a.Seller.Account }, []string{"error buyer.account distinct_parties"}},
		{"same account, other case and spaces", gift, func(a *agreement.Agreement) { a.Buyer.Account = " SHOPEE:Wang_XM " }, []string{"error buyer.account distinct_parties"}},
		{"same account in full-width letters", gift, func(a *agreement.Agreement) { a.Buyer.Account = "ｓｈｏｐｅｅ：ｗａｎｇ＿ｘｍ" }, []string{"error buyer.account distinct_parties"}},

		// Text that displays otherwise than it is stored.
		{"right-to-left override in an item name", gift, func(a *agreement.Agreement) { a.Items[0].Name = "Card \u202e0001 TWD" }, []string{"error items[0].name bidi_control"}},
		{"31 November built in Go", gift, func(a *agreement.Agreement) { a.Date = agreement.Date{Year: 2026, Month: 11, Day: 31} }, []string{"error date date"}},
		{"month 13 built in Go", gift, func(a *agreement.Agreement) { a.Delivery.Deadline = agreement.Date{Year: 2026, Month: 13, Day: 1} }, []string{"error delivery.deadline date"}},
		{"year 1800 built in Go", gift, func(a *agreement.Agreement) {
			a.Items[0].GiftCard.Expires = agreement.Date{Year: 1800, Month: 1, Day: 1}
		}, []string{"error items[0].gift_card.expires date", "error items[0].gift_card.expires expiry"}},
		{"isolate in the seller's name", gift, func(a *agreement.Agreement) { a.Seller.Name = "王小明\u2067x\u2069" }, []string{"error seller.name bidi_control"}},
		{"right-to-left mark in a defect", second, func(a *agreement.Agreement) { a.Items[0].Defects = append(a.Items[0].Defects, "scratch\u200f") }, []string{"error items[0].defects[3] bidi_control"}},
		{"Arabic and Hebrew letters are text", gift, func(a *agreement.Agreement) { a.Items[0].Description = "بطاقة هدية — כרטיס מתנה" }, nil},
		{"zero-width space in an account", gift, func(a *agreement.Agreement) { a.Buyer.Account = "xianyu:li\u200b_dt" }, []string{"error buyer.account invisible"}},
		{"no-break space in an order number", gift, func(a *agreement.Agreement) { a.Platform.OrderID = "3141\u00a0592653" }, []string{"error platform.order_id invisible"}},
		{"zero-width joiner in a contact", gift, func(a *agreement.Agreement) { a.Seller.Contact = "+886\u200d912345678" }, []string{"error seller.contact invisible"}},
		{"Cyrillic а in a Latin account", gift, func(a *agreement.Agreement) { a.Buyer.Account = "shopee:li_dt\u0430" }, []string{"error buyer.account mixed_script"}},
		{"Greek ο in an e-mail contact", gift, func(a *agreement.Agreement) { a.Buyer.Contact = "li@examp\u03bfle.com" }, []string{"error buyer.contact mixed_script"}},
		{"Latin with Han in an account", gift, func(a *agreement.Agreement) { a.Buyer.Account = "shopee:李大同" }, nil},
		{"Cyrillic name is text", gift, func(a *agreement.Agreement) { a.Buyer.Name = "Анна Li" }, nil},
		{"ideographic space in a contact", gift, func(a *agreement.Agreement) { a.Seller.Contact = "+886\u3000912\u3000345\u3000678" }, nil},
		{"emoji with joiners in a description", gift, func(a *agreement.Agreement) { a.Items[0].Description = "全新 👩\u200d💻 🏳️\u200d🌈" }, nil},
		{"line separator in a clause", gift, func(a *agreement.Agreement) {
			a.Clauses = append(a.Clauses, agreement.Clause{Title: "其他", Text: "第一行\u2028第二行"})
		}, []string{"error clauses[0].text invisible"}},

		// Dates.
		{"payment due before date", goods, func(a *agreement.Agreement) { a.Payment.Due = d("2026-11-19") }, []string{"error payment.due not_before"}},
		{"payment due on date", goods, func(a *agreement.Agreement) { a.Payment.Due = a.Date }, nil},
		{"deposit due before date", second, func(a *agreement.Agreement) { a.Payment.Deposit.Due = d("2026-11-19") }, []string{"error payment.deposit.due not_before"}},
		{"deposit due after payment due", second, func(a *agreement.Agreement) { a.Payment.Deposit.Due = d("2026-11-22") }, []string{"error payment.deposit.due not_after"}},
		{"deadline before date", goods, func(a *agreement.Agreement) { a.Delivery.Deadline = d("2026-11-01") }, []string{"error delivery.deadline not_before"}},
		{"fx fixed after date", proxy, func(a *agreement.Agreement) { a.Items[1].Proxy.FXFixedOn = d("2026-11-21") }, []string{"error items[1].proxy.fx_fixed_on not_after"}},

		// Deposit and earnest money.
		{"deposit above total", goods, func(a *agreement.Agreement) {
			a.Payment.Deposit = &agreement.Deposit{Type: agreement.DepositPrepayment, Amount: m("400"), Due: a.Date}
		}, []string{"error payment.deposit.amount deposit_max"}},
		{"deposit equal to total", goods, func(a *agreement.Agreement) {
			a.Payment.Deposit = &agreement.Deposit{Type: agreement.DepositPrepayment, Amount: m("363.94"), Due: a.Date}
		}, nil},
		{"earnest over 20% under CN", second, func(a *agreement.Agreement) { a.Payment.Deposit.Amount = m("473.01") }, []string{"error payment.deposit.amount earnest_cap"}},
		{"earnest under 20% of a total whose 20-fold overflows int64", second, func(a *agreement.Agreement) {
			a.Items = a.Items[:1]
			a.Items[0].UnitPrice, a.Items[0].Quantity = m("999999999999"), 5000
		}, nil},
		{"total beyond int64", second, func(a *agreement.Agreement) {
			a.Items[0].UnitPrice, a.Items[0].Quantity = m("999999999999"), 1000000
			f := a.Validate()
			if len(f) != 1 || !strings.Contains(f[0].Message(agreement.LocaleEN), "add up to more than") {
				panic(fmt.Sprint(f))
			}
		}, []string{"error items[0].quantity overflow"}},
		{"earnest exactly 20% under CN", second, func(a *agreement.Agreement) { a.Payment.Deposit.Amount = m("473") }, nil},
		{"earnest over 20% elsewhere", giftCN, func(a *agreement.Agreement) {
			a.Jurisdiction, a.Dispute.GoverningLaw = agreement.JurisdictionTW, agreement.JurisdictionTW
			a.Payment.Deposit.Amount = m("100")
		}, []string{"warning payment.deposit.amount earnest_cap_warning"}},
		{"prepayment over 20% under CN", second, func(a *agreement.Agreement) {
			a.Payment.Deposit.Type = agreement.DepositPrepayment
			a.Payment.Deposit.Amount = m("1000")
			a.Payment.LatePayment = "cancel"
		}, nil},

		// Installments.
		{"installments valid", goodsI, func(a *agreement.Agreement) {}, nil},
		{"installments without the method", goodsI, func(a *agreement.Agreement) { a.Payment.Method = agreement.MethodBankTransfer }, []string{"error payment.installments installments_only"}},
		{"installments method without schedule", goodsI, func(a *agreement.Agreement) { a.Payment.Installments = nil }, []string{"error payment.installments installments_required"}},
		{"installments do not add up", goodsI, func(a *agreement.Agreement) { a.Payment.Installments[2].Amount = m("9,999") }, []string{"error payment.installments installments_sum"}},
		{"installments out of order", goodsI, func(a *agreement.Agreement) { a.Payment.Installments[2].Due = d("2026-12-25") }, []string{"error payment.installments[2].due installments_order"}},
		{"installment before date", goodsI, func(a *agreement.Agreement) { a.Payment.Installments[0].Due = d("2026-11-01") }, []string{"error payment.installments[0].due not_before"}},

		// Escrow.
		{"escrow method without block", goods, func(a *agreement.Agreement) { a.Payment.Escrow = nil }, []string{"error payment.escrow escrow_required"}},
		{"escrow block without method", goods, func(a *agreement.Agreement) { a.Payment.Method = agreement.MethodBankTransfer }, []string{"error payment.escrow escrow_only"}},
		{"escrow without provider", goods, func(a *agreement.Agreement) { a.Payment.Escrow.Provider = "" }, []string{"error payment.escrow.provider required"}},
		{"escrow with unknown release", goods, func(a *agreement.Agreement) { a.Payment.Escrow.Release = "whenever" }, []string{"error payment.escrow.release oneof"}},

		// Kind-specific items.
		{"secondhand without condition", second, func(a *agreement.Agreement) { a.Items[0].Condition = "" }, []string{"error items[0].condition condition_required"}},
		{"secondhand without defects", second, func(a *agreement.Agreement) { a.Items[0].Defects = nil }, []string{"warning items[0].defects defects_none"}},
		{"secondhand new without defects", second, func(a *agreement.Agreement) {
			a.Items[0].Condition = agreement.ConditionNew
			a.Items[0].Defects = nil
		}, nil},
		{"proxy item without proxy block", proxy, func(a *agreement.Agreement) { a.Items[1].Proxy = nil }, []string{"error items[1].proxy proxy_required"}},
		{"proxy without store", proxy, func(a *agreement.Agreement) { a.Items[0].Proxy.Store = "" }, []string{"error items[0].proxy.store required"}},
		{"proxy block on goods", goods, func(a *agreement.Agreement) { a.Items[0].Proxy = &agreement.Proxy{Store: "Best Buy"} }, []string{"error items[0].proxy proxy_only"}},
		{"foreign store price without rate", proxy, func(a *agreement.Agreement) { a.Items[0].Proxy.FXRate = "" }, []string{"error items[0].proxy.fx_rate fx_required"}},
		{"rate without fixing date", proxy, func(a *agreement.Agreement) { a.Items[0].Proxy.FXFixedOn = agreement.Date{} }, []string{"error items[0].proxy.fx_fixed_on required_with", "error items[0].proxy.fx_rate fx_required"}},
		{"foreign purchase without duty", proxy, func(a *agreement.Agreement) { a.Items[0].Proxy.DutyPaidBy = "" }, []string{"warning items[0].proxy duty_unassigned"}},
		{"foreign purchase without loss bearer", proxy, func(a *agreement.Agreement) { a.Items[1].Proxy.LossBorneBy = "" }, []string{"warning items[1].proxy loss_unassigned"}},
		{"foreign purchase without rate-change bearer", proxy, func(a *agreement.Agreement) { a.Items[1].Proxy.FXChangeBorneBy = "" }, []string{"warning items[1].proxy fx_change_unassigned"}},
		{"local purchase without bearers", proxy, func(a *agreement.Agreement) {
			for i := range a.Items {
				x := a.Items[i].Proxy
				x.StoreCurrency, x.StorePrice, x.FXRate, x.FXFixedOn = "", agreement.Amount{}, "", agreement.Date{}
				x.LossBorneBy, x.FXChangeBorneBy, x.DutyPaidBy = "", "", ""
			}
		}, nil},
		{"proxy without authenticity", proxy, func(a *agreement.Agreement) { a.Authenticity = nil }, []string{"warning authenticity authenticity_missing"}},
		{"gift card item without card", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard = nil }, []string{"error items[0].gift_card gift_card_required"}},
		{"card block on goods", goods, func(a *agreement.Agreement) {
			a.Items[0].GiftCard = &agreement.GiftCard{Brand: "Sony", CardType: "voucher", FaceValue: m("10"), Balance: m("10"), Expires: d("2030-01-01"), Source: "bundle"}
		}, []string{"error items[0].gift_card gift_card_only"}},
		{"balance above face value", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard.Balance = m("1001") }, []string{"error items[0].gift_card.balance balance_max"}},
		{"balance below face value", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard.Balance = m("950") }, nil},
		{"card expires before deadline plus inspection", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard.Expires = d("2026-11-24") }, []string{"error items[0].gift_card.expires expiry"}},
		{"card expires on the last inspection day", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard.Expires = d("2026-11-25") }, nil},
		{"card expiry with inspection days", gift, func(a *agreement.Agreement) {
			a.Inspection = &agreement.Inspection{Days: 3}
			a.Items[0].GiftCard.Expires = d("2026-11-26")
		}, []string{"error items[0].gift_card.expires expiry"}},
		{"card sold above its balance", gift, func(a *agreement.Agreement) { a.Items[0].UnitPrice = m("1100") }, []string{"warning items[0].unit_price price_over_balance"}},
		{"card type unknown", gift, func(a *agreement.Agreement) { a.Items[0].GiftCard.CardType = "plastic" }, []string{"error items[0].gift_card.card_type oneof"}},

		// Inspection.
		{"inspection with hours and days", gift, func(a *agreement.Agreement) { a.Inspection.Days = 1 }, []string{"error inspection inspection_one"}},
		{"inspection with neither", gift, func(a *agreement.Agreement) { a.Inspection.Hours = 0 }, []string{"error inspection inspection_one"}},
		{"no inspection for a gift card", gift, func(a *agreement.Agreement) { a.Inspection = nil }, []string{"warning inspection inspection_missing"}},
		{"no inspection for new goods", goods, func(a *agreement.Agreement) { a.Inspection = nil }, nil},

		// Refunds.
		{"exclusions not acknowledged", gift, func(a *agreement.Agreement) { a.Refund.ExclusionsAcknowledged = false }, []string{"error refund.exclusions_acknowledged exclusions_acknowledged"}},
		{"unknown exclusion", gift, func(a *agreement.Agreement) { a.Refund.Exclusions = []string{"opened"} }, []string{"error refund.exclusions[0] oneof"}},
		{"business under TW excludes used goods", goodsI, func(a *agreement.Agreement) {
			a.Refund.Exclusions, a.Refund.ExclusionsAcknowledged = []string{"custom_made", "used"}, true
		}, []string{"error refund.exclusions[1] exclusion_not_lawful"}},
		{"business under CN excludes used goods", "goods-zh-Hans.yaml", func(a *agreement.Agreement) {
			a.Refund.Exclusions, a.Refund.ExclusionsAcknowledged = []string{"used"}, true
		}, []string{"error refund.exclusions[0] exclusion_not_lawful"}},
		{"business elsewhere may exclude used goods", goods, func(a *agreement.Agreement) {
			a.Refund.Exclusions, a.Refund.ExclusionsAcknowledged = []string{"used"}, true
		}, nil},
		{"private seller under TW may exclude used goods", gift, func(a *agreement.Agreement) { a.Refund.Exclusions = []string{"code_revealed", "used"} }, nil},
		{"repeated exclusion", gift, func(a *agreement.Agreement) { a.Refund.Exclusions = []string{"code_revealed", "code_revealed"} }, []string{"error refund.exclusions unique"}},
		{"business under TW without 7 days", proxy, func(a *agreement.Agreement) { a.Refund.NoReasonDays = 6 }, []string{"error refund.no_reason_days no_reason_min"}},
		{"business under CN without 7 days", "goods-zh-Hans.yaml", func(a *agreement.Agreement) { a.Refund.NoReasonDays = 0 }, []string{"error refund.no_reason_days no_reason_min"}},
		{"business under CN refunding after 7 days", "goods-zh-Hans.yaml", func(a *agreement.Agreement) { a.Refund.RefundWithinDays = 8 }, []string{"error refund.refund_within_days refund_within_max"}},
		{"business under TW refunding after 15 days", proxy, func(a *agreement.Agreement) { a.Refund.RefundWithinDays = 16 }, []string{"error refund.refund_within_days refund_within_max"}},
		{"business under TW refunding in 15 days", proxy, func(a *agreement.Agreement) { a.Refund.RefundWithinDays = 15 }, nil},
		{"private seller under CN refunding after 7 days", second, func(a *agreement.Agreement) { a.Refund.RefundWithinDays = 30 }, nil},
		{"governing law differs from jurisdiction", gift, func(a *agreement.Agreement) { a.Dispute.GoverningLaw = agreement.JurisdictionHK }, []string{"warning dispute.governing_law governing_law"}},
		{"business under HK without 7 days", "proxy_purchase-en.yaml", func(a *agreement.Agreement) {}, nil},
		{"private seller under TW without 7 days", gift, func(a *agreement.Agreement) {}, nil},

		// Shipping and delivery.
		{"shipping fee although the seller pays", gift, func(a *agreement.Agreement) { a.ShippingFee = m("60") }, []string{"error shipping_fee shipping_fee_seller"}},
		{"shipping without payer", goods, func(a *agreement.Agreement) { a.Delivery.ShippingPaidBy = "" }, []string{"error delivery.shipping_paid_by shipping_paid_by"}},
		{"shipping without tracking", goods, func(a *agreement.Agreement) { a.Delivery.Tracking = false }, []string{"warning delivery.tracking tracking_missing"}},
		{"digital without channel", gift, func(a *agreement.Agreement) { a.Delivery.Channel = "" }, []string{"warning delivery.channel channel_missing"}},
		{"no cancellation terms", proxy, func(a *agreement.Agreement) { a.Cancellation = nil }, []string{"warning cancellation cancellation_missing"}},
		{"no after-sales contact", gift, func(a *agreement.Agreement) { a.AfterSales = nil }, []string{"warning after_sales after_sales_missing"}},

		// Late payment.
		{"grace without days", proxy, func(a *agreement.Agreement) { a.Payment.GraceDays = 0 }, []string{"error payment.grace_days grace_days"}},
		{"grace days without grace_then_cancel", proxy, func(a *agreement.Agreement) { a.Payment.LatePayment = "cancel" }, []string{"error payment.grace_days grace_days_only"}},
		{"forfeit a prepayment", proxy, func(a *agreement.Agreement) { a.Payment.LatePayment, a.Payment.GraceDays = "cancel_forfeit_deposit", 0 }, []string{"error payment.late_payment forfeit_needs_earnest"}},
		{"forfeit without deposit", gift, func(a *agreement.Agreement) { a.Payment.LatePayment = "cancel_forfeit_deposit" }, []string{"error payment.late_payment forfeit_needs_earnest"}},

		// Money.
		{"decimals TWD does not have", gift, func(a *agreement.Agreement) { a.Items[0].UnitPrice = m("920.5") }, []string{"error items[0].unit_price decimals"}},
		{"decimals of the store currency", proxy, func(a *agreement.Agreement) { a.Items[0].Proxy.StorePrice = m("6990.5") }, []string{"error items[0].proxy.store_price decimals"}},
		{"unknown currency", gift, func(a *agreement.Agreement) { a.Currency = "XYZ" }, []string{"error currency currency"}},
		{"lower-case currency", gift, func(a *agreement.Agreement) { a.Currency = "twd" }, []string{"error currency currency", "error currency uppercase"}},

		// Version.
		{"newer version", gift, func(a *agreement.Agreement) { a.Version = agreement.FormatVersion + 1 }, []string{"error tradepact version"}},
		{"version zero", gift, func(a *agreement.Agreement) { a.Version = 0 }, []string{"error tradepact required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := load(t, tt.base)
			tt.edit(a)
			got := a.Validate()
			if s := summary(got); !slices.Equal(s, tt.want) {
				t.Errorf("findings\n got %q\nwant %q", s, tt.want)
			}
			hasErr := slices.ContainsFunc(tt.want, func(s string) bool { return strings.HasPrefix(s, "error ") })
			err := a.Check()
			if hasErr != (err != nil) {
				t.Errorf("Check() = %v, want error: %v", err, hasErr)
			}
			for _, f := range got {
				if f.Line < 1 || f.Column < 1 {
					t.Errorf("%s: no position", f.Path)
				}
				for _, l := range agreement.Locales {
					msg := f.Message(l)
					if msg == "" || strings.Contains(msg, "{") || strings.Contains(msg, "Key: ") ||
						strings.Contains(msg, "is not valid here") || strings.Contains(msg, "在此无效") || strings.Contains(msg, "在此無效") {
						t.Errorf("%s %s: %s message %q", f.Path, f.Rule, l, msg)
					}
				}
			}
		})
	}
}

func TestFindingsSortedWithPositions(t *testing.T) {
	a := load(t, "gift_card-zh-Hant.yaml")
	a.Buyer.Account = a.Seller.Account                         // line 16
	a.Items[0].GiftCard.Balance = agreement.MustAmount("2000") // line 29
	a.ShippingFee = agreement.MustAmount("60")                 // line 32
	a.AfterSales = nil                                         // line 54 (warning)
	got := a.Validate()
	var lines []string
	for _, f := range got {
		lines = append(lines, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Path))
	}
	want := []string{"16:3 buyer.account", "29:7 items[0].gift_card.balance", "33:1 shipping_fee", "54:1 after_sales"}
	if !slices.Equal(lines, want) {
		t.Errorf("got %q\nwant %q", lines, want)
	}
	for _, f := range got {
		if f.File != "../examples/terms/gift_card-zh-Hant.yaml" {
			t.Errorf("File = %q", f.File)
		}
	}
}

func TestMessagesLocalised(t *testing.T) {
	a := load(t, "secondhand-zh-Hans.yaml")
	a.Payment.Deposit.Amount = agreement.MustAmount("500")
	a.Kind = "used"
	byRule := map[string]*agreement.FieldError{}
	for _, f := range a.Validate() {
		byRule[f.Rule] = f
	}
	earnest, oneof := byRule[agreement.RuleEarnestCap], byRule["oneof"]
	if earnest == nil || oneof == nil {
		t.Fatalf("findings %v", a.Validate())
	}
	for _, c := range []struct {
		f    *agreement.FieldError
		l    agreement.Locale
		want []string
	}{
		{earnest, agreement.LocaleEN, []string{"art. 586", "¥473.00", `"¥500.00"`}},
		{earnest, agreement.LocaleZHHans, []string{"《民法典》第五百八十六条", "¥473.00"}},
		{earnest, agreement.LocaleZHHant, []string{"民法典》第586條", "超過"}},
		{oneof, agreement.LocaleEN, []string{`"used" is not one of the choices: New goods (goods), Second-hand goods (secondhand), Proxy purchase (proxy_purchase), Gift card or code (gift_card)`}},
		{oneof, agreement.LocaleZHHans, []string{`"used" 不是可选的值，请选择：全新商品（goods）、二手商品（secondhand）、代购（proxy_purchase）、礼品卡或卡密（gift_card）`}},
		{oneof, agreement.LocaleZHHant, []string{`"used" 不是可選的值，請選擇：全新商品（goods）、二手商品（secondhand）、代購（proxy_purchase）、禮物卡或序號（gift_card）`}},
		{oneof, "fr", []string{"is not one of the choices: New goods (goods)"}},
	} {
		msg := c.f.Message(c.l)
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s %s: %q lacks %q", c.f.Rule, c.l, msg, w)
			}
		}
	}

	// The consumer-law rule cites the law of the jurisdiction and says it
	// binds businesses only.
	for _, c := range []struct {
		file string
		want [3]string
	}{
		{"goods-zh-Hans.yaml", [3]string{"Consumer Rights Protection Law art. 25", "《消费者权益保护法》第二十五条", "《消費者權益保護法》第25條"}},
		{"goods-zh-Hant.yaml", [3]string{"Consumer Protection Act art. 19", "《消费者保护法》第19条", "《消費者保護法》第19條"}},
	} {
		a := load(t, c.file)
		a.Refund.NoReasonDays = 3
		fs := a.Validate()
		if len(fs) != 1 {
			t.Fatalf("%s: %v", c.file, fs)
		}
		for i, l := range agreement.Locales {
			msg := fs[0].Message(l)
			if !strings.Contains(msg, c.want[i]) {
				t.Errorf("%s %s: %q lacks %q", c.file, l, msg, c.want[i])
			}
			if binds := []string{"binds businesses only", "只约束", "只拘束"}[i]; !strings.Contains(msg, binds) {
				t.Errorf("%s %s: %q does not say it binds businesses", c.file, l, msg)
			}
		}
	}
}

func TestCatalogComplete(t *testing.T) {
	rules := []string{
		agreement.RuleSize, agreement.RuleEncoding, agreement.RuleControl, agreement.RuleBinary, agreement.RuleEmpty, agreement.RuleSyntax,
		agreement.RuleSecondDocument, agreement.RuleTrailingData, agreement.RuleAlias, agreement.RuleDepth,
		agreement.RuleKeyType, agreement.RuleDuplicateKey, agreement.RuleUnknownKey, agreement.RuleType,
		agreement.RuleVersion, agreement.RuleFloat, agreement.RuleNegative, agreement.RuleOverflow,
		agreement.RuleCurrency, agreement.RuleDecimals, agreement.RuleDistinctParties, agreement.RuleNotBefore,
		agreement.RuleNotAfter, agreement.RuleDepositMax, agreement.RuleEarnestCap, agreement.RuleEarnestCapWarning,
		agreement.RuleInstallmentsOnly, agreement.RuleInstallmentsRequired, agreement.RuleInstallmentsSum,
		agreement.RuleInstallmentsOrder, agreement.RuleEscrowRequired, agreement.RuleEscrowOnly,
		agreement.RuleEscrowInspection, agreement.RuleEscrowReleaseEarly,
		agreement.RuleConditionRequired, agreement.RuleProxyRequired, agreement.RuleProxyOnly, agreement.RuleFXRequired,
		agreement.RuleGiftCardRequired, agreement.RuleGiftCardOnly, agreement.RuleBalanceMax, agreement.RuleExpiry,
		agreement.RuleInspectionOne, agreement.RuleExclusionsAck, agreement.RuleNoReasonMin, agreement.RuleShippingFeeSeller,
		agreement.RuleShippingPaidBy, agreement.RuleGraceDays, agreement.RuleForfeitNeedsEarnest, agreement.RuleDefectsNone,
		agreement.RuleAfterSalesMissing, agreement.RuleInspectionMissing, agreement.RuleChannelMissing,
		agreement.RuleTrackingMissing, agreement.RuleAuthenticityMissing, agreement.RulePriceOverBalance,
		agreement.RuleDutyUnassigned, agreement.RuleRefundWithinMax, agreement.RuleGoverningLaw,
		agreement.RuleLossUnassigned, agreement.RuleFXChangeUnassigned, agreement.RuleCancellationMissing,
		agreement.RuleBidiControl, agreement.RuleInvisible, agreement.RuleMixedScript, agreement.RuleGraceDaysOnly, agreement.RuleExclusionNotLawful,
		agreement.RuleDate, agreement.RuleFullWidth,
	}
	fallback := (&agreement.FieldError{Rule: "no-such-rule"}).Message(agreement.LocaleEN)
	for _, r := range rules {
		f := &agreement.FieldError{Rule: r, Param: "P", Value: "V"}
		en, hans, hant := f.Message(agreement.LocaleEN), f.Message(agreement.LocaleZHHans), f.Message(agreement.LocaleZHHant)
		if en == fallback || en == "" || hans == "" || hant == "" {
			t.Errorf("%s: missing message", r)
		}
		if hans == en || hant == en {
			t.Errorf("%s: not translated: %q", r, en)
		}
	}
}

func TestErrorStrings(t *testing.T) {
	a := load(t, "gift_card-zh-Hant.yaml")
	a.Buyer.Account = a.Seller.Account
	a.ShippingFee = agreement.MustAmount("60")
	a.AfterSales = nil
	err := a.Check()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 2 {
		t.Fatalf("Check() = %v", err)
	}
	want := `agreement: ../examples/terms/gift_card-zh-Hant.yaml:16:3: buyer.account: the buyer's account is the seller's account ("shopee:wang_xm"); seller and buyer must be different (and 1 more)`
	if err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
	var fe *agreement.FieldError
	if !errors.As(err, &fe) || fe.Path != "buyer.account" {
		t.Errorf("errors.As FieldError: %v", fe)
	}
	// An agreement built in Go has no positions and no file.
	b := &agreement.Agreement{}
	fs := b.Validate()
	if len(fs) == 0 {
		t.Fatal("empty agreement is valid")
	}
	if got := fs[0].Error(); !strings.HasPrefix(got, "agreement: ") || fs[0].Line != 0 {
		t.Errorf("%q at line %d", got, fs[0].Line)
	}
}

func TestValidateConcurrent(t *testing.T) {
	files := exampleFiles(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, err := agreement.Load(files[i%len(files)])
			if err != nil {
				t.Error(err)
				return
			}
			a.Buyer.Account = a.Seller.Account
			if fs := a.Validate(); len(fs) != 1 || fs[0].Message(agreement.Locales[i%3]) == "" {
				t.Errorf("findings %v", fs)
			}
		}()
	}
	wg.Wait()
}

func TestMessageQuotesLongValues(t *testing.T) {
	long := strings.Repeat("星", 100)
	f := &agreement.FieldError{Rule: agreement.RuleUnknownKey, Value: long}
	msg := f.Message(agreement.LocaleZHHant)
	if !strings.Contains(msg, strings.Repeat("星", 77)+"…") || strings.Contains(msg, strings.Repeat("星", 78)) {
		t.Errorf("%q", msg)
	}
	if !utf8.ValidString(msg) {
		t.Errorf("invalid UTF-8 in %q", msg)
	}
}

// TestMessagesZeroAndMissing: validator's messages do not repeat the key
// the path already names, and a number written as 0 is not called missing.
func TestMessagesZeroAndMissing(t *testing.T) {
	src := string(readFile(t, "../examples/terms/goods-en.yaml"))
	src = strings.Replace(src, "quantity: 1\n", "quantity: 0\n", 1)
	src = strings.Replace(src, "evidence: {keep_days: 365}\n", "evidence: {}\n", 1)
	src = strings.Replace(src, `unit_price: "12.50"`, `unit_price: "0.00"`, 1)
	a, err := agreement.Decode("zero.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]string{
		"items[0].quantity":   {"this field cannot be 0", "此项不能为 0", "此項不能為 0"},
		"items[1].unit_price": {"this field cannot be 0", "此项不能为 0", "此項不能為 0"},
		"evidence.keep_days":  {"this field is required", "此项为必填字段", "此項為必填欄位"},
	}
	seen := 0
	for _, f := range a.Validate() {
		w, ok := want[f.Path]
		if !ok {
			continue
		}
		seen++
		for i, l := range []agreement.Locale{agreement.LocaleEN, agreement.LocaleZHHans, agreement.LocaleZHHant} {
			if got := f.Message(l); got != w[i] {
				t.Errorf("%s %s: %q, want %q", f.Path, l, got, w[i])
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of %d findings", seen, len(want))
	}
}

package templates_test

import (
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// TestNoReasonReturnLaw checks the statements about the statutory
// no-reason return: they are made for a business seller only, under the
// jurisdiction whose statute gives the right, and a longer window is not
// presented as the statutory one.
func TestNoReasonReturnLaw(t *testing.T) {
	// goods-en: a business seller, 30 no-reason days, the buyer pays return shipping.
	base := loadExample(t, "goods-en.yaml")
	cases := []struct {
		jur      agreement.Jurisdiction
		business bool
		locale   agreement.Locale
		want     []string
		absent   []string
	}{
		{agreement.JurisdictionTW, true, agreement.LocaleEN,
			[]string{"costs the Buyer nothing (Taiwan Consumer Protection Act art. 19)", "longer than the 7 days required by Taiwan Consumer Protection Act"}, nil},
		{agreement.JurisdictionTW, true, agreement.LocaleZHHant,
			[]string{"無須負擔任何費用（消費者保護法第19條）", "較消費者保護法第18條至第19條所定之 7 日為長"}, nil},
		{agreement.JurisdictionTW, true, agreement.LocaleZHHans,
			[]string{"无需承担任何费用（台湾地区“消费者保护法”第19条）", "长于台湾地区“消费者保护法”第18条至第19条规定的 7 天"}, nil},
		// Under CN the buyer bears return shipping by default (art. 25).
		{agreement.JurisdictionCN, true, agreement.LocaleEN,
			[]string{"longer than the 7 days required by PRC Consumer Rights Protection Law art. 25"}, []string{"costs the Buyer nothing"}},
		// A private seller is not bound: no statute is cited.
		{agreement.JurisdictionTW, false, agreement.LocaleEN,
			nil, []string{"costs the Buyer nothing", "Consumer Protection Act arts. 18–19"}},
		{agreement.JurisdictionHK, true, agreement.LocaleEN,
			nil, []string{"costs the Buyer nothing", "required by"}},
	}
	for _, c := range cases {
		a := withLocale(base, c.locale)
		a.Jurisdiction = c.jur
		seller := a.Seller
		seller.Business = c.business
		a.Seller = seller
		got := execute(t, a)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s business=%v %s: missing %q", c.jur, c.business, c.locale, w)
			}
		}
		for _, w := range c.absent {
			if strings.Contains(got, w) {
				t.Errorf("%s business=%v %s: has %q", c.jur, c.business, c.locale, w)
			}
		}
	}
}

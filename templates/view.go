package templates

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tradepact/tradepact/agreement"
)

// view is what the templates see: the agreement (embedded, so .Seller,
// .Payment … work), its computed totals and digest, and helpers. A view
// lives for one Execute; its article counter is the only state.
type view struct {
	*agreement.Agreement
	// T holds the computed totals.
	T *agreement.Totals
	// Lines are the items with their computed amounts, numbered from 1.
	Lines []line
	// Digest is the agreement digest's short form, DigestFull the full one.
	Digest, DigestFull string
	// Template names the set that renders the text, TemplateDigest is the
	// short form of its digest: printed so that a text or paper copy says
	// which templates to render it again with.
	Template, TemplateDigest string

	article int
}

// line is one item with its computed amounts.
type line struct {
	No int
	agreement.Item
	Unit   agreement.Money // unit price
	Price  agreement.Money // quantity × unit price
	Fee    agreement.Money // proxy service fee
	Amount agreement.Money // line amount
}

func newView(a *agreement.Agreement, id Identity) (*view, error) {
	t, err := a.Totals()
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	d, err := a.Digest()
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	v := &view{Agreement: a, T: t, Digest: d.Short(), DigestFull: d.String(),
		Template: strings.TrimSpace(id.Name + " " + id.Version), TemplateDigest: id.Digest.Short()}
	for i, it := range a.Items {
		unit, err := t.Currency.Money(it.UnitPrice)
		if err != nil {
			return nil, fmt.Errorf("templates: items[%d].unit_price: %w", i, err)
		}
		v.Lines = append(v.Lines, line{No: i + 1, Item: it, Unit: unit, Price: t.Prices[i], Fee: t.Fees[i], Amount: t.Lines[i]})
	}
	return v, nil
}

// Article returns the next article number; the templates turn it into a
// heading in their language ("Article 3", "第三條").
func (v *view) Article() int {
	v.article++
	return v.article
}

// Money formats an amount in the agreement's currency.
func (v *view) Money(a agreement.Amount) (agreement.Money, error) {
	return v.T.Currency.Money(a)
}

// GiftCards returns the lines that have a gift card block.
func (v *view) GiftCards() []line { return v.filter(func(l line) bool { return l.GiftCard != nil }) }

// Proxies returns the lines that have a proxy block.
func (v *view) Proxies() []line { return v.filter(func(l line) bool { return l.Proxy != nil }) }

// WithDefects returns the lines that list defects.
func (v *view) WithDefects() []line { return v.filter(func(l line) bool { return len(l.Defects) > 0 }) }

// Described returns the lines that have a description.
func (v *view) Described() []line { return v.filter(func(l line) bool { return l.Description != "" }) }

// HasServiceFees reports whether any item has a proxy service fee.
func (v *view) HasServiceFees() bool { return !v.T.ServiceFees.IsZero() }

func (v *view) filter(keep func(line) bool) []line {
	var out []line
	for _, l := range v.Lines {
		if keep(l) {
			out = append(out, l)
		}
	}
	return out
}

// Is reports whether the agreement is of kind k.
func (v *view) Is(k string) bool { return string(v.Kind) == k }

// Bytes writes a size in bytes with its digits grouped by three
// ("1,048,576"), the same in every language.
func (v *view) Bytes(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

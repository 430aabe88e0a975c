package agreement

import (
	"fmt"
	"strconv"
)

// Totals are the amounts computed from the terms (see "Totals" in the
// package documentation for the formulas). All are in Currency.
type Totals struct {
	Currency Currency
	// Lines holds each item's line amount: quantity × unit price + proxy
	// service fee, in the order of the items.
	Lines []Money
	// Prices holds each item's quantity × unit price (the line amount
	// without the service fee), and Fees each item's proxy service fee
	// (zero when the item has none).
	Prices, Fees []Money
	// ServiceFees is the sum of the proxy service fees.
	ServiceFees Money
	// Subtotal is the sum of the line amounts (service fees included).
	Subtotal Money
	// Shipping is what the buyer pays for shipping (shipping_fee).
	Shipping Money
	// Total is Subtotal + Shipping: everything the buyer pays.
	Total Money
	// Deposit is the deposit amount (zero without a deposit).
	Deposit Money
	// BalanceDue is Total − Deposit. It is negative when the deposit
	// exceeds the total, which validation reports.
	BalanceDue Money
}

// Line returns the line amount of item i (0-based).
func (t *Totals) Line(i int) Money { return t.Lines[i] }

// Totals computes the totals of the terms. It fails with an [*AmountError]
// naming the field when the currency is not in the table (path "currency",
// rule [RuleCurrency]), an amount has more decimals than the currency
// allows (for example "items[1].unit_price", rule [RuleDecimals]) or a
// product or sum does not fit in int64 minor units (rule [RuleOverflow]).
//
// Totals does not validate the terms: a zero quantity or a deposit above
// the total are computed as written and left to [Agreement.Validate].
func (a *Agreement) Totals() (*Totals, error) {
	if a == nil {
		return nil, errNil
	}
	cur, ok := LookupCurrency(a.Currency)
	if !ok {
		return nil, &AmountError{Path: "currency", Rule: RuleCurrency, Param: a.Currency,
			Err: fmt.Errorf("%q: %w", a.Currency, ErrUnknownCurrency)}
	}
	money := func(path func(string) string, field string, v Amount) (Money, error) {
		m, err := cur.Money(v)
		if err != nil {
			ae := err.(*AmountError)
			ae.Path = path(field)
			return Money{}, ae
		}
		return m, nil
	}
	top := func(field string) string { return field }
	overflow := func(path string) error {
		return &AmountError{Path: path, Rule: RuleOverflow, Err: ErrAmountOverflow}
	}
	zero := Money{Currency: cur}
	t := &Totals{
		Currency:    cur,
		Lines:       make([]Money, len(a.Items)),
		Prices:      make([]Money, len(a.Items)),
		Fees:        make([]Money, len(a.Items)),
		ServiceFees: zero,
		Subtotal:    zero,
		Deposit:     zero,
	}
	for i, it := range a.Items {
		// Paths are built only for errors: Totals runs for every render.
		p := func(field string) string { return "items[" + strconv.Itoa(i) + "]" + field }
		unit, err := money(p, ".unit_price", it.UnitPrice)
		if err != nil {
			return nil, err
		}
		price, err := unit.Mul(int64(it.Quantity))
		if err != nil {
			return nil, overflow(p(".quantity"))
		}
		fee := zero
		if it.Proxy != nil {
			if fee, err = money(p, ".proxy.service_fee", it.Proxy.ServiceFee); err != nil {
				return nil, err
			}
		}
		line, err := price.Add(fee)
		if err != nil {
			return nil, overflow(p(".proxy.service_fee"))
		}
		t.Prices[i], t.Fees[i], t.Lines[i] = price, fee, line
		if t.ServiceFees, err = t.ServiceFees.Add(fee); err != nil {
			return nil, overflow(p(".proxy.service_fee"))
		}
		if t.Subtotal, err = t.Subtotal.Add(line); err != nil {
			return nil, overflow(p(""))
		}
	}
	var err error
	if t.Shipping, err = money(top, "shipping_fee", a.ShippingFee); err != nil {
		return nil, err
	}
	if t.Total, err = t.Subtotal.Add(t.Shipping); err != nil {
		return nil, overflow("shipping_fee")
	}
	if d := a.Payment.Deposit; d != nil {
		if t.Deposit, err = money(top, "payment.deposit.amount", d.Amount); err != nil {
			return nil, err
		}
	}
	if t.BalanceDue, err = t.Total.Sub(t.Deposit); err != nil {
		return nil, overflow("payment.deposit.amount")
	}
	return t, nil
}

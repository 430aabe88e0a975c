// Package agreement is the terms of a trade: the model, strict decoding of
// YAML and JSON terms files, validation with findings in the user's language,
// the canonical form and the digest that both parties confirm.
//
// # Decoding
//
// [Decode] and [Load] read one terms file, YAML or JSON (doc/format.md),
// strictly: unknown keys, duplicate keys, a second document, trailing
// data, YAML anchors and aliases, files over [MaxSize], invalid UTF-8,
// binary data and needless nesting are errors, and so is a format version
// newer than [FormatVersion]. Every error is a *[FieldError] with the line,
// the column and the path of the value in the file's own keys
// (items[1].unit_price, 0-based indexes).
//
// # Validation
//
// [Agreement.Validate] returns every finding, sorted by position: the field
// rules of the model's validate tags (go-playground/validator, with its own
// en, zh and zh_tw translations) and the rules that tie fields together
// (the Rule constants: dates in order, deposit and earnest-money caps,
// installments that add up, kind-specific blocks, consumer-law minimums
// that bind business sellers, …). Each [FieldError] speaks en, zh-Hans and
// zh-Hant through [FieldError.Message]. A finding of [SeverityError] blocks
// rendering and signing, [SeverityWarning] does not; [Agreement.Check]
// returns a *[ValidationError] holding the errors, or nil.
//
// # Money
//
// A terms file writes amounts in major units of the agreement's currency,
// as decimal strings or integers: "1,200", "1200.50" and 1200 all mean one
// thousand two hundred. They are held exactly as [Amount] values, never as
// floats; a float in the file (1200.5 unquoted, 1e3) is an error, and so is
// a negative amount. Together with a currency an Amount becomes [Money]:
// integer minor units (cents, fen) of a [Currency].
//
// # Currencies
//
// One published table, listed by [Currencies] and searched by
// [LookupCurrency], says how many decimals each ISO 4217 currency allows
// and shows, and the symbol written before its amounts. Decimals follow
// ISO 4217 (USD, EUR, CNY, HKD: 2; JPY, KRW: 0; KWD, BHD: 3; CLF: 4) except
// that TWD is used in whole dollars (0). An amount with more decimals than
// its currency allows is an error. Symbols are unique in the table, so no
// document shows two currencies the same way: CNY is "¥" and JPY "JP¥",
// TWD "NT$", HKD "HK$", USD "US$"; a currency without a well-known
// unambiguous symbol is written with its code ("CHF 9.90"). The table is
// also printed in doc/currencies.md.
//
// # Totals
//
// Totals are computed from the terms, never typed in. [Agreement.Totals]
// uses these formulas, in integer minor units with checked arithmetic (a
// product or sum that does not fit in int64 is an error, never a wrap):
//
//	price(i)       = items[i].quantity × items[i].unit_price
//	line amount(i) = price(i) + items[i].proxy.service_fee   (0 without a proxy block)
//	service fees   = Σ items[i].proxy.service_fee
//	subtotal       = Σ line amount(i)
//	total          = subtotal + shipping_fee
//	balance due    = total − payment.deposit.amount          (0 without a deposit)
//
// Validation then checks what ties the totals to other terms: the
// installments add up to the balance due, the deposit is at most the total,
// and under CN earnest money (定金) is at most 20% of the total.
//
// # Amounts in words (大寫)
//
// [Money.Capital] writes an amount in Chinese capital numerals for the
// zh-Hans and zh-Hant contracts (人民币壹仟零壹元伍角整, 新臺幣玖佰貳拾元整),
// following the People's Bank of China rules for bills and settlement
// vouchers (正确填写票据和结算凭证的基本规定); see [Money.Capital] for the
// choices those rules leave open.
//
// # Canonical form and digest
//
// Both parties confirm the [Digest] of the terms: SHA-256 over
// [Agreement.Canonical], an RFC 8785 JSON document in which amounts are
// minimal decimal strings ("1200.5"), dates "YYYY-MM-DD", text NFC with
// trimmed ends, empty values left out and written optional blocks kept.
// Formatting, key order and comments of the terms file never change it;
// any change of meaning does, the locale included. It is written
// "sha256:" + 64 hex digits ([Digest.String]) and read aloud as its first
// 12 hex digits ([Digest.Short], "3284 b5ed a8f6"). doc/canonical.md
// specifies it for other languages, with test vectors in
// testdata/vectors.
package agreement

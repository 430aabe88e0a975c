package agreement

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// The values of the enumerated fields that model.go has no constants for.
// Every value a field's `oneof` rule allows has a constant here or in
// model.go, and a label in three languages (see [Enum.Label]).
const (
	// items[].gift_card.card_type
	CardAnonymous  = "anonymous"  // a bearer card anyone holding it can use
	CardRegistered = "registered" // a card registered to a person or account
	CardCode       = "code"       // a redemption code
	CardVoucher    = "voucher"    // a voucher

	// items[].proxy.if_unavailable
	UnavailableFullRefund            = "full_refund"
	UnavailableSubstituteWithConsent = "substitute_with_consent"

	// payment.late_payment
	LateCancel               = "cancel"
	LateCancelForfeitDeposit = "cancel_forfeit_deposit"
	LateGraceThenCancel      = "grace_then_cancel"

	// payment.escrow.release
	ReleaseOnReceiptConfirmation = "on_receipt_confirmation"
	ReleaseAfterInspection       = "after_inspection"

	// refund.exclusions[]
	ExclusionCodeRevealed    = "code_revealed"
	ExclusionCustomMade      = "custom_made"
	ExclusionPerishable      = "perishable"
	ExclusionUnsealedDigital = "unsealed_digital"
	ExclusionPersonalHygiene = "personal_hygiene"
	ExclusionUsed            = "used"

	// refund.remedies.*, authenticity.remedy
	RemedyFullRefund             = "full_refund"
	RemedyPartialRefund          = "partial_refund"
	RemedyReplacement            = "replacement"
	RemedyReplacementOrRefund    = "replacement_or_refund"
	RemedyCancelAndRefund        = "cancel_and_refund"
	RemedyRefundByRemainingValue = "refund_by_remaining_value"
	RemedyRefundAndCompensation  = "refund_and_compensation"

	// cancellation.before
	CancelBeforePurchase = "purchase"
	CancelBeforeShipment = "shipment"
	CancelBeforeDelivery = "delivery"

	// cancellation.by
	CancelByEither = "either"
	CancelByBuyer  = "buyer"
	CancelBySeller = "seller"

	// cancellation.refund
	CancelRefundFull       = "full"
	CancelRefundMinusCosts = "minus_costs"

	// dispute.steps[]
	StepNegotiation         = "negotiation"
	StepPlatform            = "platform"
	StepConsumerAssociation = "consumer_association"
	StepMediation           = "mediation"
	StepCourt               = "court"
	StepArbitration         = "arbitration"
)

// Enum names a set of allowed values that several fields may share, each
// value with one label per locale: the fields fx_change_borne_by,
// duty_paid_by, loss_borne_by, shipping_paid_by and return_shipping_paid_by
// all take a [EnumParty]. A field may allow only some of its enum's values
// (refund.remedies.late_delivery allows two remedies): [AllowedValues]
// gives a field's own list.
type Enum string

// The enums of the terms format.
const (
	EnumKind           Enum = "kind"
	EnumLocale         Enum = "locale"
	EnumJurisdiction   Enum = "jurisdiction"
	EnumCondition      Enum = "condition"
	EnumCardType       Enum = "card_type"
	EnumParty          Enum = "party"
	EnumIfUnavailable  Enum = "if_unavailable"
	EnumPaymentMethod  Enum = "payment_method"
	EnumLatePayment    Enum = "late_payment"
	EnumDepositType    Enum = "deposit_type"
	EnumEscrowRelease  Enum = "escrow_release"
	EnumDeliveryMethod Enum = "delivery_method"
	EnumExclusion      Enum = "exclusion"
	EnumRemedy         Enum = "remedy"
	EnumCancelBefore   Enum = "cancel_before"
	EnumCancelBy       Enum = "cancel_by"
	EnumCancelRefund   Enum = "cancel_refund"
	EnumDisputeStep    Enum = "dispute_step"
)

// Enums lists every enum in a fixed order.
var Enums = []Enum{
	EnumKind, EnumLocale, EnumJurisdiction, EnumCondition, EnumCardType, EnumParty,
	EnumIfUnavailable, EnumPaymentMethod, EnumLatePayment, EnumDepositType,
	EnumEscrowRelease, EnumDeliveryMethod, EnumExclusion, EnumRemedy,
	EnumCancelBefore, EnumCancelBy, EnumCancelRefund, EnumDisputeStep,
}

// enumFields says which enum each enumerated field takes, by "Type.key" of
// the model's Go type and the field's key.
var enumFields = map[string]Enum{
	"Agreement.kind":                 EnumKind,
	"Agreement.locale":               EnumLocale,
	"Agreement.jurisdiction":         EnumJurisdiction,
	"Dispute.governing_law":          EnumJurisdiction,
	"Item.condition":                 EnumCondition,
	"GiftCard.card_type":             EnumCardType,
	"Proxy.fx_change_borne_by":       EnumParty,
	"Proxy.duty_paid_by":             EnumParty,
	"Proxy.loss_borne_by":            EnumParty,
	"Delivery.shipping_paid_by":      EnumParty,
	"Refund.return_shipping_paid_by": EnumParty,
	"Proxy.if_unavailable":           EnumIfUnavailable,
	"Payment.method":                 EnumPaymentMethod,
	"Payment.late_payment":           EnumLatePayment,
	"Deposit.type":                   EnumDepositType,
	"Escrow.release":                 EnumEscrowRelease,
	"Delivery.method":                EnumDeliveryMethod,
	"Refund.exclusions":              EnumExclusion,
	"Remedies.not_as_described":      EnumRemedy,
	"Remedies.defective":             EnumRemedy,
	"Remedies.counterfeit":           EnumRemedy,
	"Remedies.invalid_card":          EnumRemedy,
	"Remedies.late_delivery":         EnumRemedy,
	"Authenticity.remedy":            EnumRemedy,
	"Cancellation.before":            EnumCancelBefore,
	"Cancellation.by":                EnumCancelBy,
	"Cancellation.refund":            EnumCancelRefund,
	"Dispute.steps":                  EnumDisputeStep,
}

// Values returns the enum's values in a fixed order (a new slice); nil for
// an unknown enum.
func (e Enum) Values() []string {
	var out []string
	for _, v := range enumLabels[e] {
		out = append(out, v.value)
	}
	return out
}

// Label returns the label of value v in locale l (en, zh-Hans or zh-Hant;
// anything else is English): a short phrase for a form's choice or a
// message, such as "Like new", "近全新". ok is false for a value the enum
// does not have, and the label is then v itself.
func (e Enum) Label(v string, l Locale) (label string, ok bool) {
	for _, x := range enumLabels[e] {
		if x.value == v {
			return x.labels[localeIndex(l)], true
		}
	}
	return v, false
}

// fieldInfo is what the model says about one field: its Go type's name and
// key, its enum and the values its oneof rule allows.
type fieldInfo struct {
	enum    Enum
	allowed []string
}

// enumIndex maps "Type.key" to the field's enum and allowed values, read
// from the model's validate tags once.
var enumIndex = sync.OnceValue(func() map[string]fieldInfo {
	m := map[string]fieldInfo{}
	walkModel(reflect.TypeFor[Agreement](), func(owner reflect.Type, f reflect.StructField) {
		if allowed := oneofValues(f.Tag.Get("validate")); allowed != nil {
			k := owner.Name() + "." + yamlKey(f)
			m[k] = fieldInfo{enum: enumFields[k], allowed: allowed}
		}
	})
	return m
})

// AllowedValues returns the enum of the field at path and the values the
// field allows, in the model's order. path is in the file's keys with or
// without list indexes ("items[0].condition", "items.condition",
// "refund.exclusions[2]"). ok is false for a field that is not enumerated.
func AllowedValues(path string) (e Enum, values []string, ok bool) {
	owner, key := fieldOwner(path)
	if owner == nil {
		return "", nil, false
	}
	fi, ok := enumIndex()[owner.Name()+"."+key]
	if !ok {
		return "", nil, false
	}
	return fi.enum, slices.Clone(fi.allowed), true
}

// oneofValues returns the values of a `oneof=` rule in a validate tag, or
// nil.
func oneofValues(tag string) []string {
	for rule := range strings.SplitSeq(tag, ",") {
		if v, ok := strings.CutPrefix(rule, "oneof="); ok {
			return strings.Fields(v)
		}
	}
	return nil
}

// yamlKey is a struct field's key in the terms file.
func yamlKey(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}

// walkModel calls fn for every field of every struct type reachable from t,
// each type once, in declaration order.
func walkModel(t reflect.Type, fn func(owner reflect.Type, f reflect.StructField)) {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || isLeaf(t) {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || yamlKey(f) == "" || yamlKey(f) == "-" {
				continue
			}
			fn(t, f)
			walk(f.Type)
		}
	}
	walk(t)
}

// fieldOwner returns the struct type that holds the last key of path and
// that key, ignoring list indexes; nil for a path the model does not have.
// A path ending in a list index ("refund.exclusions[2]") names the list's
// field.
func fieldOwner(path string) (reflect.Type, string) {
	t := reflect.TypeFor[Agreement]()
	segs := strings.Split(path, ".")
	for i, seg := range segs {
		name, _, _ := strings.Cut(seg, "[")
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, ""
		}
		j, ok := structFields(t)[name]
		if !ok {
			return nil, ""
		}
		if i == len(segs)-1 {
			return t, name
		}
		t = t.Field(j).Type
	}
	return nil, ""
}

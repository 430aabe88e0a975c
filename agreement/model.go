package agreement

// FormatVersion is the newest terms-file format version this package reads
// and writes (the `tradepact:` key). Older versions are accepted; newer ones
// are rejected. See doc/format.md for the compatibility rule.
const FormatVersion = 1

// Kind is the kind of deal.
type Kind string

// The deal kinds.
const (
	KindGoods         Kind = "goods"          // new goods
	KindSecondhand    Kind = "secondhand"     // second-hand goods
	KindProxyPurchase Kind = "proxy_purchase" // proxy buying (代購)
	KindGiftCard      Kind = "gift_card"      // gift cards, vouchers and codes
)

// Kinds lists every deal kind in a fixed order.
var Kinds = []Kind{KindGoods, KindSecondhand, KindProxyPurchase, KindGiftCard}

// Locale is the language a contract is written in.
type Locale string

// The supported locales.
const (
	LocaleEN     Locale = "en"
	LocaleZHHans Locale = "zh-Hans"
	LocaleZHHant Locale = "zh-Hant"
)

// Locales lists every supported locale in a fixed order.
var Locales = []Locale{LocaleEN, LocaleZHHans, LocaleZHHant}

// Jurisdiction is the legal system the parties assume.
type Jurisdiction string

// The jurisdictions the validation rules know.
const (
	JurisdictionCN    Jurisdiction = "CN"
	JurisdictionTW    Jurisdiction = "TW"
	JurisdictionHK    Jurisdiction = "HK"
	JurisdictionOther Jurisdiction = "other"
)

// Agreement is the terms of one trade. Its YAML and JSON keys are the public
// terms-file format (doc/format.md). Money amounts are [Amount] values in
// major units of [Agreement.Currency]; totals are never stored, they are
// computed by [Agreement.Totals].
type Agreement struct {
	Version      int           `yaml:"tradepact" json:"tradepact" validate:"required,min=1"`
	ID           string        `yaml:"id" json:"id" validate:"required,max=64,printascii"`
	Kind         Kind          `yaml:"kind" json:"kind" validate:"required,oneof=goods secondhand proxy_purchase gift_card"`
	Locale       Locale        `yaml:"locale" json:"locale" validate:"required,oneof=en zh-Hans zh-Hant"`
	Jurisdiction Jurisdiction  `yaml:"jurisdiction" json:"jurisdiction" validate:"required,oneof=CN TW HK other"`
	Date         Date          `yaml:"date" json:"date" validate:"required"`
	Platform     *Platform     `yaml:"platform,omitempty" json:"platform,omitempty"`
	Seller       Party         `yaml:"seller" json:"seller" validate:"required"`
	Buyer        Party         `yaml:"buyer" json:"buyer" validate:"required"`
	Currency     string        `yaml:"currency" json:"currency" validate:"required,len=3,uppercase"`
	Items        []Item        `yaml:"items" json:"items" validate:"required,min=1,max=10000,dive"`
	ShippingFee  Amount        `yaml:"shipping_fee" json:"shipping_fee"`
	Payment      Payment       `yaml:"payment" json:"payment" validate:"required"`
	Delivery     Delivery      `yaml:"delivery" json:"delivery" validate:"required"`
	Inspection   *Inspection   `yaml:"inspection,omitempty" json:"inspection,omitempty"`
	Refund       Refund        `yaml:"refund" json:"refund" validate:"required"`
	Cancellation *Cancellation `yaml:"cancellation,omitempty" json:"cancellation,omitempty"`
	AfterSales   *AfterSales   `yaml:"after_sales,omitempty" json:"after_sales,omitempty"`
	Authenticity *Authenticity `yaml:"authenticity,omitempty" json:"authenticity,omitempty"`
	Dispute      Dispute       `yaml:"dispute" json:"dispute" validate:"required"`
	Evidence     Evidence      `yaml:"evidence" json:"evidence" validate:"required"`
	Clauses      []Clause      `yaml:"clauses,omitempty" json:"clauses,omitempty" validate:"omitempty,max=200,dive"`

	// The terms of issue 15, all optional.

	// OfferExpires is when the proposal lapses if both parties have not
	// confirmed it: an RFC 3339 time with its offset. Confirmations carry
	// the signer's own claim of time, so the lapse is only as reliable as
	// those claims.
	OfferExpires string `yaml:"offer_expires,omitempty" json:"offer_expires,omitempty" validate:"omitempty,datetime=2006-01-02T15:04:05Z07:00"`
	// Damages are liquidated damages (違約金/违约金) for lateness.
	Damages *Damages `yaml:"damages,omitempty" json:"damages,omitempty"`
	// ForceMajeure is what happens when an event neither party could
	// foresee, avoid or overcome (不可抗力) stops performance.
	ForceMajeure *ForceMajeure `yaml:"force_majeure,omitempty" json:"force_majeure,omitempty"`
	// PersonalData is how long and for what the contact details in the
	// record are kept.
	PersonalData *PersonalData `yaml:"personal_data,omitempty" json:"personal_data,omitempty"`

	// pos is where each path was written in the decoded file (see Decode);
	// source is the name given to Decode.
	pos    map[string]position
	source string
}

// Platform is the marketplace the trade was agreed on.
type Platform struct {
	Name    string `yaml:"name" json:"name" validate:"required,max=100"`
	OrderID string `yaml:"order_id,omitempty" json:"order_id,omitempty" validate:"max=100"`
}

// Party is the seller or the buyer.
type Party struct {
	Name    string `yaml:"name" json:"name" validate:"required,max=200"`
	Account string `yaml:"account" json:"account" validate:"required,max=200"`
	Contact string `yaml:"contact,omitempty" json:"contact,omitempty" validate:"max=200"`
	// ContactCommitment is a salted hash of contact details kept outside
	// the signed record (see [CommitContact]).
	ContactCommitment string `yaml:"contact_commitment,omitempty" json:"contact_commitment,omitempty" validate:"omitempty,len=71,startswith=sha256:"`
	// Business records whether the party acts as a business (a question of
	// fact under consumer law; rules that bind only businesses say so).
	Business bool `yaml:"business,omitempty" json:"business,omitempty"`
}

// Condition grades for goods.
const (
	ConditionNew     = "new"
	ConditionLikeNew = "like_new"
	ConditionGood    = "good"
	ConditionFair    = "fair"
	ConditionPoor    = "poor"
)

// Item is one line of the items table.
type Item struct {
	Name        string    `yaml:"name" json:"name" validate:"required,max=200"`
	Description string    `yaml:"description,omitempty" json:"description,omitempty" validate:"max=2000"`
	Quantity    int       `yaml:"quantity" json:"quantity" validate:"required,min=1,max=1000000"`
	UnitPrice   Amount    `yaml:"unit_price" json:"unit_price" validate:"required"`
	Condition   string    `yaml:"condition,omitempty" json:"condition,omitempty" validate:"omitempty,oneof=new like_new good fair poor"`
	Defects     []string  `yaml:"defects,omitempty" json:"defects,omitempty" validate:"omitempty,max=100,dive,required,max=500"`
	GiftCard    *GiftCard `yaml:"gift_card,omitempty" json:"gift_card,omitempty"`
	Proxy       *Proxy    `yaml:"proxy,omitempty" json:"proxy,omitempty"`
}

// GiftCard describes a gift card, voucher or code (D13–D15).
type GiftCard struct {
	Brand     string `yaml:"brand" json:"brand" validate:"required,max=100"`
	CardType  string `yaml:"card_type" json:"card_type" validate:"required,oneof=anonymous registered code voucher"`
	FaceValue Amount `yaml:"face_value" json:"face_value" validate:"required"`
	Balance   Amount `yaml:"balance" json:"balance" validate:"required"`
	// Expires is the card's expiry date, if its issuer sets one: optional,
	// since the PRC and Taiwan prepaid-card rules forbid one on many cards.
	Expires Date `yaml:"expires,omitempty" json:"expires,omitempty"`
	// Source is the seller's declaration of how the card was lawfully obtained.
	Source    string `yaml:"source" json:"source" validate:"required,max=500"`
	CardLast4 string `yaml:"card_last4,omitempty" json:"card_last4,omitempty" validate:"omitempty,len=4,alphanum"`
	// Reveal is when the seller reveals the code or PIN.
	Reveal string `yaml:"reveal,omitempty" json:"reveal,omitempty" validate:"omitempty,oneof=on_payment on_escrow_payment in_person"`
	// BalanceProof is how the seller shows the balance at sale (a
	// screenshot of the issuer's balance page, with its time).
	BalanceProof string `yaml:"balance_proof,omitempty" json:"balance_proof,omitempty" validate:"max=500"`
	// ResaleForbidden records that the issuer's terms forbid resale.
	ResaleForbidden bool `yaml:"resale_forbidden,omitempty" json:"resale_forbidden,omitempty"`
	// BalanceFound is the balance the buyer found at delivery, recorded by
	// an amendment when it is less than Balance: the contract then prints
	// the refund as an amount.
	BalanceFound Amount `yaml:"balance_found,omitempty" json:"balance_found,omitempty"`
}

// Who bears a cost or a risk.
const (
	PaidBySeller = "seller"
	PaidByBuyer  = "buyer"
)

// Proxy describes a proxy purchase (代購) of one item (D2, D22).
type Proxy struct {
	Store         string `yaml:"store" json:"store" validate:"required,max=200"`
	PurchaseProof string `yaml:"purchase_proof,omitempty" json:"purchase_proof,omitempty" validate:"max=500"`
	ServiceFee    Amount `yaml:"service_fee,omitempty" json:"service_fee,omitempty"`
	// StorePrice is the price at the store in StoreCurrency, for the price breakdown.
	StorePrice    Amount `yaml:"store_price,omitempty" json:"store_price,omitempty"`
	StoreCurrency string `yaml:"store_currency,omitempty" json:"store_currency,omitempty" validate:"omitempty,len=3,uppercase"`
	// FXRate is how many units of the agreement currency one unit of
	// StoreCurrency buys, as a decimal string; fixed on FXFixedOn.
	FXRate          string `yaml:"fx_rate,omitempty" json:"fx_rate,omitempty" validate:"omitempty,numeric"`
	FXFixedOn       Date   `yaml:"fx_fixed_on,omitempty" json:"fx_fixed_on,omitempty" validate:"required_with=FXRate"`
	FXChangeBorneBy string `yaml:"fx_change_borne_by,omitempty" json:"fx_change_borne_by,omitempty" validate:"omitempty,oneof=seller buyer"`
	DutyPaidBy      string `yaml:"duty_paid_by,omitempty" json:"duty_paid_by,omitempty" validate:"omitempty,oneof=seller buyer"`
	LossBorneBy     string `yaml:"loss_borne_by,omitempty" json:"loss_borne_by,omitempty" validate:"omitempty,oneof=seller buyer"`
	// IfUnavailable is what happens when the item cannot be bought.
	IfUnavailable string `yaml:"if_unavailable,omitempty" json:"if_unavailable,omitempty" validate:"omitempty,oneof=full_refund substitute_with_consent"`
	// IfPriceRises is what happens when the store's price rises before
	// the purchase.
	IfPriceRises string `yaml:"if_price_rises,omitempty" json:"if_price_rises,omitempty" validate:"omitempty,oneof=seller_bears buyer_consents_or_cancels"`
	// ShippingPerKg is the international shipping charged per kilogram of
	// the parcel's weighed weight, in the agreement currency.
	ShippingPerKg Amount `yaml:"shipping_per_kg,omitempty" json:"shipping_per_kg,omitempty"`
	// DutyPrepaid is the duty and import tax the buyer pays up front, in
	// the agreement currency; the difference to what is charged is settled.
	DutyPrepaid Amount `yaml:"duty_prepaid,omitempty" json:"duty_prepaid,omitempty"`
}

// Payment methods.
const (
	MethodEscrow         = "escrow"
	MethodBankTransfer   = "bank_transfer"
	MethodCashOnDelivery = "cash_on_delivery"
	MethodInstallments   = "installments"
	MethodOther          = "other"
)

// Payment is how and when the buyer pays (D3–D5, D12).
type Payment struct {
	Method       string        `yaml:"method" json:"method" validate:"required,oneof=escrow bank_transfer cash_on_delivery installments other"`
	Due          Date          `yaml:"due" json:"due" validate:"required"`
	Deposit      *Deposit      `yaml:"deposit,omitempty" json:"deposit,omitempty"`
	Installments []Installment `yaml:"installments,omitempty" json:"installments,omitempty" validate:"omitempty,max=120,dive"`
	Escrow       *Escrow       `yaml:"escrow,omitempty" json:"escrow,omitempty"`
	// LatePayment is what happens when a payment is missed.
	LatePayment string `yaml:"late_payment" json:"late_payment" validate:"required,oneof=cancel cancel_forfeit_deposit grace_then_cancel"`
	// GraceDays applies to late_payment: grace_then_cancel.
	GraceDays int `yaml:"grace_days,omitempty" json:"grace_days,omitempty" validate:"min=0,max=365"`
}

// Deposit types (D4). 訂金/订金 is ambiguous, so the type is always named.
const (
	DepositEarnest    = "earnest"    // 定金: forfeited by a defaulting payer, returned double by a defaulting receiver
	DepositPrepayment = "prepayment" // 預付款/预付款: part of the price, no penalty rules
)

// Deposit is paid before the balance.
type Deposit struct {
	Type   string `yaml:"type" json:"type" validate:"required,oneof=earnest prepayment"`
	Amount Amount `yaml:"amount" json:"amount" validate:"required"`
	Due    Date   `yaml:"due" json:"due" validate:"required"`
}

// Installment is one scheduled payment of the balance due.
type Installment struct {
	Due    Date   `yaml:"due" json:"due" validate:"required"`
	Amount Amount `yaml:"amount" json:"amount" validate:"required"`
}

// Escrow is a platform holding the payment until release (D12).
type Escrow struct {
	Provider        string `yaml:"provider" json:"provider" validate:"required,max=100"`
	Release         string `yaml:"release" json:"release" validate:"required,oneof=on_receipt_confirmation after_inspection"`
	AutoReleaseDays int    `yaml:"auto_release_days,omitempty" json:"auto_release_days,omitempty" validate:"min=0,max=90"`
	// From is the event auto_release_days counts from: delivery (the
	// default) or shipment, as marketplaces count automatic confirmation.
	From string `yaml:"from,omitempty" json:"from,omitempty" validate:"omitempty,oneof=delivery shipment"`
	// ExtensionDays is how much longer the buyer may make the period,
	// once, before it ends (延长收货).
	ExtensionDays int `yaml:"extension_days,omitempty" json:"extension_days,omitempty" validate:"min=0,max=30"`
}

// Delivery methods.
const (
	DeliveryShipping = "shipping"
	DeliveryInPerson = "in_person"
	DeliveryDigital  = "digital"
	DeliveryPickup   = "pickup"
)

// Delivery is how and by when the goods are delivered (D10, D11).
type Delivery struct {
	Method         string `yaml:"method" json:"method" validate:"required,oneof=shipping in_person digital pickup"`
	Deadline       Date   `yaml:"deadline" json:"deadline" validate:"required"`
	ShippingPaidBy string `yaml:"shipping_paid_by,omitempty" json:"shipping_paid_by,omitempty" validate:"omitempty,oneof=seller buyer"`
	Tracking       bool   `yaml:"tracking,omitempty" json:"tracking,omitempty"`
	Carrier        string `yaml:"carrier,omitempty" json:"carrier,omitempty" validate:"max=100"`
	// Channel is where a code is revealed for digital delivery (D11).
	Channel string `yaml:"channel,omitempty" json:"channel,omitempty" validate:"max=100"`
	// LossBorneBy is who bears loss of or damage to shipped goods in
	// transit (D22), when the parties agree it; without it the contract
	// states the jurisdiction's rule.
	LossBorneBy string `yaml:"loss_borne_by,omitempty" json:"loss_borne_by,omitempty" validate:"omitempty,oneof=seller buyer"`
	// CarrierChosenBy is buyer when the buyer chose the carrier, which
	// moves the transit risk to the buyer under PRC E-Commerce Law art. 20.
	CarrierChosenBy string `yaml:"carrier_chosen_by,omitempty" json:"carrier_chosen_by,omitempty" validate:"omitempty,oneof=seller buyer"`
	// Address is where shipped goods go. It is personal data: see
	// PersonalData.
	Address string `yaml:"address,omitempty" json:"address,omitempty" validate:"max=300"`
	// Meetup is the place and time of an in-person handover (面交).
	Meetup *Meetup `yaml:"meetup,omitempty" json:"meetup,omitempty"`
	// Partial says whether the seller may deliver some items first:
	// allowed or not_allowed.
	Partial string `yaml:"partial,omitempty" json:"partial,omitempty" validate:"omitempty,oneof=allowed not_allowed"`
}

// Meetup is the place and time of an in-person handover (面交).
type Meetup struct {
	Place string `yaml:"place" json:"place" validate:"required,max=200"`
	Date  Date   `yaml:"date" json:"date" validate:"required"`
	// Time is the local time of day, HH:MM.
	Time string `yaml:"time" json:"time" validate:"required,datetime=15:04"`
}

// Inspection is the window after delivery in which the buyer checks the
// goods (D6, D13). Exactly one of Hours or Days is set.
type Inspection struct {
	Hours int `yaml:"hours,omitempty" json:"hours,omitempty" validate:"min=0,max=720"`
	Days  int `yaml:"days,omitempty" json:"days,omitempty" validate:"min=0,max=90"`
}

// Refund is the returns and refunds policy (D8, D9, D16).
type Refund struct {
	NoReasonDays           int      `yaml:"no_reason_days" json:"no_reason_days" validate:"min=0,max=365"`
	Exclusions             []string `yaml:"exclusions,omitempty" json:"exclusions,omitempty" validate:"omitempty,max=10,unique,dive,oneof=code_revealed custom_made perishable unsealed_digital personal_hygiene used"`
	ExclusionsAcknowledged bool     `yaml:"exclusions_acknowledged,omitempty" json:"exclusions_acknowledged,omitempty"`
	ReturnShippingPaidBy   string   `yaml:"return_shipping_paid_by" json:"return_shipping_paid_by" validate:"required,oneof=seller buyer"`
	RefundWithinDays       int      `yaml:"refund_within_days" json:"refund_within_days" validate:"required,min=1,max=90"`
	Remedies               Remedies `yaml:"remedies" json:"remedies"`
	// PerItem refunds item by item: an item not delivered, or returned,
	// is refunded its line amount, which the contract prints.
	PerItem bool `yaml:"per_item,omitempty" json:"per_item,omitempty"`
	// ReplyDays is how long a party has to answer a return or refund
	// request; one not answered in time is taken as accepted.
	ReplyDays int `yaml:"reply_days,omitempty" json:"reply_days,omitempty" validate:"min=0,max=30"`
}

// Remedies say which remedy applies when (D16). Values:
// full_refund, partial_refund, replacement, replacement_or_refund,
// cancel_and_refund, refund_by_remaining_value.
type Remedies struct {
	NotAsDescribed string `yaml:"not_as_described" json:"not_as_described" validate:"required,oneof=full_refund partial_refund replacement replacement_or_refund"`
	Defective      string `yaml:"defective,omitempty" json:"defective,omitempty" validate:"omitempty,oneof=full_refund partial_refund replacement replacement_or_refund"`
	Counterfeit    string `yaml:"counterfeit,omitempty" json:"counterfeit,omitempty" validate:"omitempty,oneof=full_refund refund_and_compensation"`
	InvalidCard    string `yaml:"invalid_card,omitempty" json:"invalid_card,omitempty" validate:"omitempty,oneof=replacement_or_refund full_refund refund_by_remaining_value replacement"`
	LateDelivery   string `yaml:"late_delivery" json:"late_delivery" validate:"required,oneof=cancel_and_refund partial_refund"`
}

// Cancellation is who may cancel before the trade is carried out and what
// is refunded (D21).
type Cancellation struct {
	// Before is the event after which cancellation is no longer free.
	Before string `yaml:"before" json:"before" validate:"required,oneof=purchase shipment delivery"`
	By     string `yaml:"by,omitempty" json:"by,omitempty" validate:"omitempty,oneof=either buyer seller"`
	Refund string `yaml:"refund" json:"refund" validate:"required,oneof=full minus_costs"`
}

// AfterSales is after-sale service (D19).
type AfterSales struct {
	WarrantyDays  int    `yaml:"warranty_days" json:"warranty_days" validate:"min=0,max=3650"`
	ResponseHours int    `yaml:"response_hours" json:"response_hours" validate:"required,min=1,max=720"`
	Contact       string `yaml:"contact" json:"contact" validate:"required,max=200"`
}

// Authenticity is the seller's guarantee that the goods are genuine (D1).
type Authenticity struct {
	Guaranteed bool   `yaml:"guaranteed" json:"guaranteed"`
	Proof      string `yaml:"proof,omitempty" json:"proof,omitempty" validate:"max=500"`
	Remedy     string `yaml:"remedy,omitempty" json:"remedy,omitempty" validate:"omitempty,oneof=full_refund refund_and_compensation"`
}

// Dispute is the escalation path (D20).
type Dispute struct {
	Steps        []string     `yaml:"steps" json:"steps" validate:"required,min=1,max=6,unique,dive,oneof=negotiation platform consumer_association mediation court arbitration"`
	GoverningLaw Jurisdiction `yaml:"governing_law" json:"governing_law" validate:"required,oneof=CN TW HK other"`
	Venue        string       `yaml:"venue" json:"venue" validate:"required,max=200"`
}

// Evidence is what both parties keep, and for how long (D17).
type Evidence struct {
	KeepDays int `yaml:"keep_days" json:"keep_days" validate:"required,min=1,max=3650"`
	// Files are the files the parties rely on (a listing snapshot, photos,
	// a chat export, an unboxing video, a balance screenshot), referenced
	// by their SHA-256 hash: the hashes are part of what both parties
	// confirm, the files themselves are kept beside the contract (an
	// evidence bundle, package bundle).
	Files []EvidenceFile `yaml:"files,omitempty" json:"files,omitempty" validate:"omitempty,max=100,dive"`
}

// Kinds of evidence file.
const (
	EvidenceListingSnapshot = "listing_snapshot" // the listing as shown (交易快照)
	EvidencePhoto           = "photo"
	EvidenceChatExport      = "chat_export"
	EvidenceVideo           = "video" // an unboxing or handover video
	EvidenceBalanceProof    = "balance_proof"
	EvidenceReceipt         = "receipt" // a store receipt or purchase proof
	EvidenceOther           = "other"
)

// MaxEvidenceSize is the largest evidence file the format records: 4 GiB.
const MaxEvidenceSize = 4 << 30

// EvidenceFile is one file referenced by hash (D17).
type EvidenceFile struct {
	Kind        string `yaml:"kind" json:"kind" validate:"required,oneof=listing_snapshot photo chat_export video balance_proof receipt other"`
	Description string `yaml:"description" json:"description" validate:"required,max=500"`
	// Name is the file's name when it was added, for people; the hash,
	// not the name, identifies the file.
	Name string `yaml:"name,omitempty" json:"name,omitempty" validate:"max=255"`
	// SHA256 is the file's SHA-256 hash as 64 lower-case hex digits.
	SHA256     string `yaml:"sha256" json:"sha256" validate:"required,sha256"`
	Size       int    `yaml:"size" json:"size" validate:"min=0,max=4294967296"`
	SuppliedBy string `yaml:"supplied_by" json:"supplied_by" validate:"required,oneof=seller buyer"`
}

// Clause is an extra clause the parties add.
type Clause struct {
	Title string `yaml:"title" json:"title" validate:"required,max=200"`
	Text  string `yaml:"text" json:"text" validate:"required,max=10000"`
}

// Damages are liquidated damages (違約金/违约金) for each day a party is
// late, up to a cap. Courts may reduce excessive amounts (PRC Civil Code
// art. 585, TW Civil Code art. 252); EstimatedLoss records the parties'
// estimate of the loss, against which a court judges them.
type Damages struct {
	LateDeliveryPerDay Amount `yaml:"late_delivery_per_day,omitempty" json:"late_delivery_per_day,omitempty"`
	LatePaymentPerDay  Amount `yaml:"late_payment_per_day,omitempty" json:"late_payment_per_day,omitempty"`
	Cap                Amount `yaml:"cap" json:"cap" validate:"required"`
	EstimatedLoss      Amount `yaml:"estimated_loss,omitempty" json:"estimated_loss,omitempty"`
}

// ForceMajeure is what happens when an event neither party could foresee,
// avoid or overcome stops performance.
type ForceMajeure struct {
	// NoticeDays is how soon the affected party tells the other.
	NoticeDays int `yaml:"notice_days" json:"notice_days" validate:"required,min=1,max=30"`
	// Outcome is extend (the deadlines move by the delay) or
	// cancel_and_refund (either party may cancel; payments are refunded).
	Outcome string `yaml:"outcome" json:"outcome" validate:"required,oneof=extend cancel_and_refund"`
}

// PersonalData is how long and for what the parties keep each other's
// contact details and address (PIPL, TW 個人資料保護法, HK Cap. 486).
type PersonalData struct {
	// KeepDays is how long after the trade is complete the details are
	// kept, then deleted, except as the law requires longer.
	KeepDays int `yaml:"keep_days" json:"keep_days" validate:"required,min=1,max=3650"`
}

package confirm

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Role is a party's role in the trade.
type Role string

// The two roles.
const (
	Seller Role = "seller"
	Buyer  Role = "buyer"
)

func (r Role) valid() bool { return r == Seller || r == Buyer }

// other returns the other role.
func (r Role) other() Role {
	if r == Seller {
		return Buyer
	}
	return Seller
}

// TemplateID identifies the template set that rendered a revision's text.
type TemplateID struct {
	Name    string
	Version string
	Digest  Digest
}

// String returns "name version sha256:…".
func (t TemplateID) String() string { return t.Name + " " + t.Version + " " + t.Digest.String() }

// MessageHeader is the first line of every signed confirmation message: it
// separates tradepact confirmations from anything else the same key might sign,
// and names the message format version.
const MessageHeader = "tradepact confirmation v1"

// TimeLayout is how confirmation and revision times are written: RFC 3339
// with whole seconds and the signer's UTC offset (time.RFC3339).
const TimeLayout = time.RFC3339

// A Confirmation is one party's signed statement that it agrees to one
// revision of a contract. Every field except Signature is in the signed
// message ([Confirmation.Message]).
type Confirmation struct {
	Contract  string     // the contract ID (the terms' id)
	Revision  int        // the revision confirmed, from 1
	Role      Role       // the confirming party's role
	Account   string     // the party's platform account in the revision's terms
	Agreement Digest     // digest of the canonical terms
	Document  Digest     // digest of the contract text (Markdown) the party was shown
	Template  TemplateID // the template set that rendered that text
	History   Digest     // the chain head of the contract file before this confirmation
	Time      string     // when it was given, RFC 3339 with offset ([TimeLayout])
	Key       PublicKey  // the key that signs
	Signature []byte     // Ed25519 signature of Message
}

// Message returns the exact bytes that are signed: [MessageHeader] and one
// "name: value" line per field, each ending in a newline. Strings chosen
// by people (contract, account, template name and version) are written as
// RFC 8785 JSON strings so that no value can contain a line break; role,
// time and key are checked tokens and written as they are.
//
//	tradepact confirmation v1
//	contract: "TA-2026-0001"
//	revision: 2
//	role: buyer
//	account: "lin_mei"
//	agreement: sha256:…
//	document: sha256:…
//	template: "tradepact" "1" sha256:…
//	history: sha256:…
//	time: 2026-11-22T10:04:05+08:00
//	key: ed25519:…
func (c *Confirmation) Message() []byte {
	var b strings.Builder
	b.WriteString(MessageHeader + "\n")
	fmt.Fprintf(&b, "contract: %s\n", jsonString(c.Contract))
	fmt.Fprintf(&b, "revision: %s\n", strconv.Itoa(c.Revision))
	fmt.Fprintf(&b, "role: %s\n", c.Role)
	fmt.Fprintf(&b, "account: %s\n", jsonString(c.Account))
	fmt.Fprintf(&b, "agreement: %s\n", c.Agreement)
	fmt.Fprintf(&b, "document: %s\n", c.Document)
	fmt.Fprintf(&b, "template: %s %s %s\n", jsonString(c.Template.Name), jsonString(c.Template.Version), c.Template.Digest)
	fmt.Fprintf(&b, "history: %s\n", c.History)
	fmt.Fprintf(&b, "time: %s\n", c.Time)
	fmt.Fprintf(&b, "key: %s\n", c.Key)
	return []byte(b.String())
}

// jsonString returns s as an RFC 8785 JSON string.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Sign fills in c.Key from s and sets c.Signature to s's signature of
// c.Message.
func (c *Confirmation) Sign(s Signer) error { return c.sign(nil, s) }

// sign signs with s, through SignContext when s is a [ContextSigner] and
// ctx is not nil.
func (c *Confirmation) sign(ctx context.Context, s Signer) error {
	c.Key = s.Public()
	var sig []byte
	var err error
	if cs, ok := s.(ContextSigner); ok && ctx != nil {
		sig, err = cs.SignContext(ctx, c.Message())
	} else if ctx != nil && ctx.Err() != nil {
		err = ctx.Err()
	} else {
		sig, err = s.Sign(c.Message())
	}
	if err != nil {
		return &SignerError{Key: c.Key, Err: err}
	}
	c.Signature = sig
	return nil
}

// Verify reports whether c.Signature is a valid signature of c.Message by
// c.Key. It checks the signature only: whether the key belongs to the role
// and whether the confirmation fits its contract file is for [Verify].
func (c *Confirmation) Verify() bool {
	v, err := NewVerifier(c.Key)
	if err != nil {
		return false
	}
	return v.Verify(c.Message(), c.Signature)
}

func encodeSig(sig []byte) string { return base64.StdEncoding.EncodeToString(sig) }

func checkTime(s string) error {
	t, err := time.Parse(TimeLayout, s)
	if err != nil || t.Format(TimeLayout) != s {
		return fmt.Errorf("time %q: want RFC 3339 with whole seconds and an offset, e.g. 2026-11-22T10:04:05+08:00", s)
	}
	return nil
}

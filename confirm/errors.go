package confirm

import "fmt"

// Entries are numbered from 1 in error messages, in file order, as people
// count them; Entry 0 means the file as a whole.

// MalformedError reports a contract file that is not well formed: bad JSON,
// an unknown field, a missing or ill-formed value, entries in an impossible
// order. Nothing in it was checked further.
type MalformedError struct {
	Entry int    // 1-based entry, 0 for the file as a whole
	Field string // the JSON field, if one is to blame
	Err   error
}

func (e *MalformedError) Error() string {
	where := "contract file"
	if e.Entry > 0 {
		where = fmt.Sprintf("entry %d", e.Entry)
	}
	if e.Field != "" {
		where += ": " + e.Field
	}
	return fmt.Sprintf("confirm: malformed %s: %v", where, e.Err)
}

func (e *MalformedError) Unwrap() error { return e.Err }

// InvalidSignatureError reports a confirmation whose signature does not
// verify with the key it names: the signature or anything it signs was
// changed.
type InvalidSignatureError struct {
	Entry    int
	Revision int
	Role     Role
	Key      PublicKey
}

func (e *InvalidSignatureError) Error() string {
	return fmt.Sprintf("confirm: entry %d: the %s's signature on revision %d does not verify (key %s)",
		e.Entry, e.Role, e.Revision, e.Key.Fingerprint())
}

// DigestMismatchError reports recorded terms or text that no longer match
// the digest recorded for them, or a recorded text that is not what the
// recorded template set renders from the recorded terms.
type DigestMismatchError struct {
	Revision int
	What     string // "terms", "text" or "rendered text"
	Recorded Digest // the digest the file records
	Computed Digest // the digest of what the file holds (or of the re-rendered text)
}

func (e *DigestMismatchError) Error() string {
	switch e.What {
	case "rendered text":
		return fmt.Sprintf("confirm: revision %d: the recorded text (%s) is not what its template set renders from its terms (%s)",
			e.Revision, e.Recorded.Short(), e.Computed.Short())
	case "terms":
		return fmt.Sprintf("confirm: revision %d: the terms do not match their recorded digest (recorded %s, computed %s)",
			e.Revision, e.Recorded.Short(), e.Computed.Short())
	}
	return fmt.Sprintf("confirm: revision %d: the %s does not match its recorded digest (recorded %s, computed %s)",
		e.Revision, e.What, e.Recorded.Short(), e.Computed.Short())
}

// KeyError reports a key that may not act for a role: not the key recorded
// for the role at its first action, not the key the caller pinned, or a key
// that already acts for the other role.
type KeyError struct {
	Entry   int
	Role    Role
	Key     PublicKey  // the key that acted
	Want    PublicKey  // the key expected for Role, if known
	Reason  string     // in English
	Problem KeyProblem // what is wrong, for programs and translations
	Err     error      // ErrWeakKey for a weak or malformed key, else nil
}

// KeyProblem says what is wrong with a key in a [KeyError].
type KeyProblem string

// The problems a [KeyError] reports.
const (
	KeyWeak        KeyProblem = "weak"         // malformed, or a weak Ed25519 key
	KeyNotPinned   KeyProblem = "not_pinned"   // not the key pinned with TrustKey
	KeyNotRecorded KeyProblem = "not_recorded" // not the key the file records for the role
	KeyOtherRole   KeyProblem = "other_role"   // the key already acts for the other role
	KeyUnknown     KeyProblem = "unknown"      // neither party's recorded key, and both are recorded
	KeyNotSeller   KeyProblem = "not_seller"   // only the seller proposes
)

// Unwrap returns Err.
func (e *KeyError) Unwrap() error { return e.Err }

func (e *KeyError) Error() string {
	where := ""
	if e.Entry > 0 {
		where = fmt.Sprintf("entry %d: ", e.Entry)
	}
	who := "key"
	if e.Role != "" {
		who = string(e.Role) + "'s key"
	}
	msg := fmt.Sprintf("confirm: %s%s %s: %s", where, who, e.Key.Fingerprint(), e.Reason)
	if e.Want != "" {
		msg += fmt.Sprintf(" (want %s)", e.Want.Fingerprint())
	}
	return msg
}

// HistoryError reports a broken hash chain: an entry was removed, inserted,
// reordered or edited, so the head recorded in the next entry does not
// match the history before it.
type HistoryError struct {
	Entry    int    // the first entry whose prev does not match
	Recorded string // its recorded prev
	Computed Digest // the head of the entries before it
}

func (e *HistoryError) Error() string {
	return fmt.Sprintf("confirm: entry %d: broken history: it follows %s but the entries before it hash to %s",
		e.Entry, printable(e.Recorded), e.Computed)
}

// MismatchError reports a confirmation that does not belong where it
// stands: it names a revision, digests, a template, a contract or an
// account other than those of the revision it confirms. This is what a
// confirmation copied from another agreement or revision looks like.
type MismatchError struct {
	Entry    int
	Revision int
	Field    string
	Recorded string // what the confirmation says
	Want     string // what the revision says
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("confirm: entry %d: confirmation of revision %d does not belong to it: %s is %q, the revision's is %q",
		e.Entry, e.Revision, e.Field, e.Recorded, e.Want)
}

// MissingPartyError reports a revision without its author's confirmation
// (every proposal and amendment must carry it), or a revision authored by a
// party that never confirmed it.
type MissingPartyError struct {
	Revision int
	Role     Role
}

func (e *MissingPartyError) Error() string {
	return fmt.Sprintf("confirm: revision %d lacks the confirmation of its author, the %s", e.Revision, e.Role)
}

// RollbackError reports a contract file that verifies but is older than
// what the caller knows of ([RequireHead], [RequireRevision]): its history
// lacks the entry whose hash is the head the caller stored, or it has fewer
// revisions than the caller requires. That is what a copy with its newest
// entries cut off looks like, as well as another history of the same
// contract.
type RollbackError struct {
	WantHead     Digest // the head required, or zero
	WantRevision int    // the revision required, or 0
	Head         Digest // the file's head
	Revisions    int    // the file's number of revisions
	Entries      int    // the file's number of entries
}

func (e *RollbackError) Error() string {
	if !e.WantHead.IsZero() {
		return fmt.Sprintf("confirm: the history (%d entries, revision %d, head %s) does not contain the known head %s: it is an older or cut copy, or another history",
			e.Entries, e.Revisions, e.Head, e.WantHead)
	}
	return fmt.Sprintf("confirm: the file has %d revisions, but revision %d is known to exist: it is an older or cut copy",
		e.Revisions, e.WantRevision)
}

// TimeOrderError reports an entry dated before the entry it follows: a
// confirmation before the revision it confirms, an amendment before the
// confirmation preceding it. [Verify] returns it inside a
// [*MalformedError]; [Contract.Amend] and [Contract.Confirm] return it for
// a time earlier than the newest entry's ([Result.LastTime]).
type TimeOrderError struct {
	Time  string // the entry's time
	Last  string // the time of the entry before it
	Entry int    // the entry before it, counted from 1; 0 if not known
}

func (e *TimeOrderError) Error() string {
	if e.Entry > 0 {
		return fmt.Sprintf("the time %s is earlier than %s, the time of entry %d before it", e.Time, e.Last, e.Entry)
	}
	return fmt.Sprintf("the time %s is earlier than %s, the time of the newest entry", e.Time, e.Last)
}

// AlreadyConfirmedError is returned by [Contract.Confirm] when the role
// the key acts for already confirmed the latest revision. It matches
// [ErrAlreadyConfirmed] with errors.Is. The key is named because a party
// that picked up the other party's key file hears this too.
type AlreadyConfirmedError struct {
	Role     Role
	Revision int
	Key      PublicKey
}

func (e *AlreadyConfirmedError) Error() string {
	return fmt.Sprintf("confirm: already confirmed: the %s (key %s) already confirmed revision %d", e.Role, e.Key.Fingerprint(), e.Revision)
}

// Is reports whether target is [ErrAlreadyConfirmed].
func (e *AlreadyConfirmedError) Is(target error) bool { return target == ErrAlreadyConfirmed }

// UnchangedTermsError is returned by [Contract.Amend] for terms that are
// those of the latest revision: an amendment changes something.
type UnchangedTermsError struct {
	Revision int // the latest revision, whose terms these are
}

func (e *UnchangedTermsError) Error() string {
	return fmt.Sprintf("confirm: amend: the terms are those of revision %d; nothing to amend", e.Revision)
}

// IDMismatchError is returned by [Contract.Amend] for terms whose id is not
// the contract's.
type IDMismatchError struct {
	Terms    string // the terms' id
	Contract string // the contract's id
}

func (e *IDMismatchError) Error() string {
	return fmt.Sprintf("confirm: amend: terms id %q, the contract's is %q", e.Terms, e.Contract)
}

// TermsError is returned by [Contract.Confirm] for a revision whose terms
// do not pass validation (agreement.(*Agreement).Check) with this build's
// rules: invalid terms are never signed. Err is the
// *agreement.ValidationError.
type TermsError struct {
	Revision int
	Err      error
}

func (e *TermsError) Error() string {
	return fmt.Sprintf("confirm: revision %d cannot be confirmed: %v", e.Revision, e.Err)
}

// Unwrap returns Err.
func (e *TermsError) Unwrap() error { return e.Err }

// TimeError reports a time that a contract file cannot record: the zero
// time, a year outside 0000–9999, or a UTC offset that is not whole
// minutes.
type TimeError struct {
	Time string // the time as it would be written, if there is one
	Err  error
}

func (e *TimeError) Error() string { return "confirm: time: " + e.Err.Error() }

// Unwrap returns Err.
func (e *TimeError) Unwrap() error { return e.Err }

// SignerError reports a signer that failed: its Sign returned an error (a
// key service that is down, a user who declined on the device), or its
// signature does not verify with the public key it claims. Nothing was
// appended.
type SignerError struct {
	Key PublicKey
	Err error
}

func (e *SignerError) Error() string {
	return fmt.Sprintf("confirm: signer with key %s: %v", e.Key.Fingerprint(), e.Err)
}

// Unwrap returns Err.
func (e *SignerError) Unwrap() error { return e.Err }

// OptionError reports an invalid option (a role that is not seller or
// buyer, a malformed key to pin): a mistake of the calling program.
type OptionError struct {
	Option string // "TrustKey", "AsRole", …
	Err    error
}

func (e *OptionError) Error() string { return "confirm: " + e.Option + ": " + e.Err.Error() }

// Unwrap returns Err.
func (e *OptionError) Unwrap() error { return e.Err }

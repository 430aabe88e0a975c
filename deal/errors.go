package deal

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// Code names what went wrong in an [Error], for programs: it is the
// "code" of the HTTP API's error body and decides the HTTP status.
type Code string

// The codes of [Error], with the HTTP status [Handler] answers for each.
const (
	CodeUnauthenticated  Code = "unauthenticated"   // 401: no account in the request context
	CodeForbidden        Code = "forbidden"         // 403: the account is neither party of the deal
	CodeKeyMismatch      Code = "key_mismatch"      // 403: not the key registered to the account, or a key of the other role
	CodeNotFound         Code = "not_found"         // 404: no such deal
	CodeReload           Code = "reload"            // 409: the deal changed since it was read; reload it and decide again
	CodeAlreadyConfirmed Code = "already_confirmed" // 409: the party already confirmed the latest revision
	CodeExists           Code = "exists"            // 409: a deal with the terms' id already exists
	CodeInvalidTerms     Code = "invalid_terms"     // 422: the terms have findings; see Error.Findings
	CodeBadRequest       Code = "bad_request"       // 400: a malformed request; Error.Field names the part
	CodeBadSignature     Code = "bad_signature"     // 400: a signature does not verify; nothing was stored
	CodeRole             Code = "role"              // 400: one account for both roles, or terms that change a party's account
	CodeTooLarge         Code = "too_large"         // 413: terms or a request over the size limit, or too many revisions
	CodeNoServerKeys     Code = "no_server_keys"    // 501: the service holds no keys; sign on the device
	CodeTimeout          Code = "timeout"           // 503: the request's deadline passed
	CodeInternal         Code = "internal"          // 500: the store failed, or a stored contract does not verify
)

// HTTPStatus returns the HTTP status for c.
func (c Code) HTTPStatus() int {
	switch c {
	case CodeUnauthenticated:
		return http.StatusUnauthorized
	case CodeForbidden, CodeKeyMismatch:
		return http.StatusForbidden
	case CodeNotFound:
		return http.StatusNotFound
	case CodeReload, CodeAlreadyConfirmed, CodeExists:
		return http.StatusConflict
	case CodeInvalidTerms:
		return http.StatusUnprocessableEntity
	case CodeBadRequest, CodeBadSignature, CodeRole:
		return http.StatusBadRequest
	case CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case CodeNoServerKeys:
		return http.StatusNotImplemented
	case CodeTimeout:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// Error is every error the [Service] returns for a request: a code, the
// field of the request to blame, the findings for invalid terms, and the
// cause. Match it with errors.Is against the Err… values below (which
// compare codes) or errors.As.
type Error struct {
	Code     Code
	Field    string                  // the request's field to blame ("terms", "base", "signatures[0]"), or a terms path ("seller.account")
	Findings []*agreement.FieldError // for CodeInvalidTerms: every finding, errors and warnings
	Err      error                   // the cause, if any
}

func (e *Error) Error() string {
	s := "deal: " + messages[e.Code][0]
	if e.Field != "" {
		s = "deal: " + e.Field + ": " + messages[e.Code][0]
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is an *Error with the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code && t.Field == "" && t.Err == nil && t.Findings == nil
}

// Message returns the error as a sentence in locale l, for the person
// who made the request: the code's sentence and, for errors of the
// confirm package, its explanation in the same language.
func (e *Error) Message(l agreement.Locale) string {
	i := 0
	switch l {
	case agreement.LocaleZHHans:
		i = 1
	case agreement.LocaleZHHant:
		i = 2
	}
	m, ok := messages[e.Code]
	if !ok {
		m = messages[CodeInternal]
	}
	s := m[i]
	if e.Err != nil && e.Code != CodeInternal && isConfirmError(e.Err) {
		s += " " + confirm.ErrorMessage(e.Err, string(l))
	}
	return s
}

// isConfirmError reports whether err comes from package confirm, whose
// ErrorMessage explains it to the parties.
func isConfirmError(err error) bool {
	var (
		se *confirm.SignerError
		ke *confirm.KeyError
		ae *confirm.AlreadyConfirmedError
		ie *confirm.IDMismatchError
	)
	return errors.As(err, &se) || errors.As(err, &ke) || errors.As(err, &ae) || errors.As(err, &ie) || errors.Is(err, confirm.ErrStale)
}

// Values to match with errors.Is.
var (
	ErrUnauthenticated  = &Error{Code: CodeUnauthenticated}
	ErrForbidden        = &Error{Code: CodeForbidden}
	ErrKeyMismatch      = &Error{Code: CodeKeyMismatch}
	ErrReload           = &Error{Code: CodeReload}
	ErrAlreadyConfirmed = &Error{Code: CodeAlreadyConfirmed}
	ErrBadSignature     = &Error{Code: CodeBadSignature}
	ErrInvalidTerms     = &Error{Code: CodeInvalidTerms}
)

var messages = map[Code][3]string{
	CodeUnauthenticated:  {"sign in first", "请先登录", "請先登入"},
	CodeForbidden:        {"this deal is not yours: only its seller and its buyer may see or change it", "这笔交易不属于你：只有卖家和买家可以查看或修改", "這筆交易不屬於你：只有賣家和買家可以查看或修改"},
	CodeKeyMismatch:      {"this key may not act for your account in this deal (use the key registered to your account)", "此密钥不能以你的账户在这笔交易中操作（请使用你账户登记的密钥）", "此金鑰不能以你的帳戶在這筆交易中操作（請使用你帳戶登記的金鑰）"},
	CodeNotFound:         {"no such deal", "没有这笔交易", "沒有這筆交易"},
	CodeReload:           {"the deal changed since you opened it; reload it, read it again and decide again", "交易在你打开后已有变动；请重新载入，再读一遍后重新决定", "交易在你開啟後已有變動；請重新載入，再讀一遍後重新決定"},
	CodeAlreadyConfirmed: {"you have already confirmed the latest revision", "你已确认过最新版本", "你已確認過最新版本"},
	CodeExists:           {"a deal with this contract number already exists; choose another id", "已有相同合同编号的交易；请换一个编号", "已有相同合約編號的交易；請換一個編號"},
	CodeInvalidTerms:     {"the terms have mistakes; see the findings at their fields", "条款有误，请查看各栏位的提示", "條款有誤，請查看各欄位的提示"},
	CodeBadRequest:       {"the request is malformed", "请求格式有误", "請求格式有誤"},
	CodeBadSignature:     {"the signature does not verify; nothing was saved", "签名验证失败，未保存任何内容", "簽章驗證失敗，未儲存任何內容"},
	CodeRole:             {"one account cannot act as both seller and buyer, and a party's account cannot be changed", "同一账户不能同时担任卖家和买家，当事人的账户也不能更改", "同一帳戶不能同時擔任賣家和買家，當事人的帳戶也不能更改"},
	CodeTooLarge:         {"too large", "内容过大", "內容過大"},
	CodeNoServerKeys:     {"this service keeps no keys; confirm on your device", "本服务不保管密钥，请在你的设备上确认", "本服務不保管金鑰，請在你的裝置上確認"},
	CodeTimeout:          {"the request took too long; try again", "请求超时，请重试", "請求逾時，請重試"},
	CodeInternal:         {"something went wrong on our side; try again later", "服务出错，请稍后再试", "服務出錯，請稍後再試"},
}

// classify turns an error of the confirm package, the store or the
// context into an *Error.
func classify(err error) *Error {
	var de *Error
	var ce *ConflictError
	var se *confirm.SignerError
	var ke *confirm.KeyError
	var ie *confirm.IDMismatchError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &de):
		return de
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return &Error{Code: CodeTimeout, Err: err}
	case errors.As(err, &ce), errors.Is(err, confirm.ErrStale):
		return &Error{Code: CodeReload, Err: err}
	case errors.Is(err, ErrNotFound):
		return &Error{Code: CodeNotFound}
	case errors.Is(err, ErrExists):
		return &Error{Code: CodeExists, Field: "terms.id"}
	case errors.Is(err, confirm.ErrAlreadyConfirmed):
		return &Error{Code: CodeAlreadyConfirmed, Err: err}
	case errors.As(err, &se):
		return &Error{Code: CodeBadSignature, Field: "signatures", Err: err}
	case errors.As(err, &ke):
		return &Error{Code: CodeKeyMismatch, Field: "key", Err: err}
	case errors.As(err, &ie):
		return &Error{Code: CodeBadRequest, Field: "terms.id", Err: err}
	}
	return &Error{Code: CodeInternal, Err: fmt.Errorf("%w", err)}
}

package deal

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
)

// Handler serves the JSON API of a [Service] (doc/deal-service.md lists
// the routes, bodies and errors). The platform mounts it (under a prefix
// with http.StripPrefix) behind its own authentication, which puts the
// caller's account in the request context with [WithAccount]. Errors are
// JSON, {"error": {"code", "message", "field", "findings"}}, with the
// message and findings in the language Accept-Language asks for (en,
// zh-Hans or zh-Hant; agreement.MatchLocale).
type Handler struct {
	s   *Service
	mux *http.ServeMux
}

// NewHandler returns the API handler of s.
func NewHandler(s *Service) *Handler {
	h := &Handler{s: s, mux: http.NewServeMux()}
	h.mux.HandleFunc("POST /deals/validate", h.validate)
	h.mux.HandleFunc("POST /deals/prepare", h.prepareCreate)
	h.mux.HandleFunc("POST /deals", h.create)
	h.mux.HandleFunc("GET /deals", h.list)
	h.mux.HandleFunc("GET /deals/{id}", h.status)
	h.mux.HandleFunc("POST /deals/{id}/amend/prepare", h.prepareAmend)
	h.mux.HandleFunc("POST /deals/{id}/confirm/prepare", h.prepareConfirm)
	h.mux.HandleFunc("POST /deals/{id}/amend", h.amend)
	h.mux.HandleFunc("POST /deals/{id}/confirm", h.confirm)
	h.mux.HandleFunc("POST /deals/{id}/submit", h.submit)
	h.mux.HandleFunc("GET /deals/{id}/preview", h.preview)
	h.mux.HandleFunc("GET /deals/{id}/page", h.page)
	h.mux.HandleFunc("GET /deals/{id}/pdf", h.pdf)
	h.mux.HandleFunc("GET /deals/{id}/contract", h.contract)
	h.mux.HandleFunc("GET /deals/{id}/verify", h.verify)
	return h
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	h.mux.ServeHTTP(w, r)
}

// body is every JSON request body; each route reads the fields it names.
type body struct {
	// Terms are the terms: a JSON string holding YAML or JSON text, or a
	// JSON object (the terms themselves).
	Terms json.RawMessage `json:"terms"`
	// Format is "yaml" or "json"; empty detects it.
	Format agreement.Format `json:"format"`
	// Key is the signer's public key ("p256:…" or "ed25519:…").
	Key confirm.PublicKey `json:"key"`
	// Base is the head the caller read ("sha256:…"); empty means the
	// current head.
	Base string `json:"base"`
	// Request and Signatures complete a prepared request (submit):
	// one base64 signature per payload.
	Request    *confirm.Request `json:"request"`
	Signatures [][]byte         `json:"signatures"`
}

func (h *Handler) read(w http.ResponseWriter, r *http.Request) (*body, []byte, agreement.Format, confirm.Digest, error) {
	limit := int64(2*h.s.cfg.MaxTermsBytes + 64<<10)
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	var b body
	if err := dec.Decode(&b); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, nil, "", confirm.Digest{}, &Error{Code: CodeTooLarge, Field: "body"}
		}
		return nil, nil, "", confirm.Digest{}, &Error{Code: CodeBadRequest, Field: "body", Err: err}
	}
	if dec.More() {
		return nil, nil, "", confirm.Digest{}, &Error{Code: CodeBadRequest, Field: "body"}
	}
	var terms []byte
	format := b.Format
	t := bytes.TrimSpace(b.Terms)
	switch {
	case len(t) == 0 || string(t) == "null":
	case t[0] == '"':
		var s string
		if err := json.Unmarshal(t, &s); err != nil {
			return nil, nil, "", confirm.Digest{}, &Error{Code: CodeBadRequest, Field: "terms", Err: err}
		}
		terms = []byte(s)
	case t[0] == '{':
		terms, format = t, agreement.FormatJSON
	default:
		return nil, nil, "", confirm.Digest{}, &Error{Code: CodeBadRequest, Field: "terms"}
	}
	var base confirm.Digest
	if b.Base != "" {
		d, err := agreement.ParseDigest(b.Base)
		if err != nil {
			return nil, nil, "", confirm.Digest{}, &Error{Code: CodeBadRequest, Field: "base", Err: err}
		}
		base = d
	}
	return &b, terms, format, base, nil
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := classify(err)
	l := agreement.MatchLocale(r.Header.Get("Accept-Language"))
	out := struct {
		Code     Code                `json:"code"`
		Message  string              `json:"message"`
		Field    string              `json:"field,omitempty"`
		Findings []agreement.Finding `json:"findings,omitempty"`
	}{Code: e.Code, Message: e.Message(l), Field: e.Field}
	if e.Findings != nil {
		out.Findings = agreement.Findings(e.Findings, l)
	}
	w.Header().Set("Content-Language", string(l))
	writeJSON(w, e.Code.HTTPStatus(), map[string]any{"error": out})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func (h *Handler) validate(w http.ResponseWriter, r *http.Request) {
	_, terms, format, _, err := h.read(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	fs, err := h.s.Validate(r.Context(), terms, format)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"findings": agreement.Findings(fs, agreement.MatchLocale(r.Header.Get("Accept-Language")))})
}

func (h *Handler) prepared(w http.ResponseWriter, r *http.Request, p *Prepared, err error) {
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"request":  p.Request,
		"warnings": agreement.Findings(p.Warnings, agreement.MatchLocale(r.Header.Get("Accept-Language"))),
	})
}

func (h *Handler) prepareCreate(w http.ResponseWriter, r *http.Request) {
	b, terms, format, _, err := h.read(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.s.PrepareCreate(r.Context(), terms, format, b.Key)
	h.prepared(w, r, p, err)
}

func (h *Handler) prepareAmend(w http.ResponseWriter, r *http.Request) {
	b, terms, format, base, err := h.read(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.s.PrepareAmend(r.Context(), r.PathValue("id"), base, terms, format, b.Key)
	h.prepared(w, r, p, err)
}

func (h *Handler) prepareConfirm(w http.ResponseWriter, r *http.Request) {
	b, _, _, base, err := h.read(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.s.PrepareConfirm(r.Context(), r.PathValue("id"), base, b.Key)
	h.prepared(w, r, p, err)
}

func (h *Handler) done(w http.ResponseWriter, r *http.Request, status int, st *Status, err error) {
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, st)
}

func (h *Handler) submit(w http.ResponseWriter, r *http.Request) {
	b, _, _, _, err := h.read(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if b.Request == nil || b.Request.Contract != r.PathValue("id") {
		h.fail(w, r, &Error{Code: CodeBadRequest, Field: "request.contract"})
		return
	}
	st, err := h.s.Submit(r.Context(), b.Request, b.Signatures)
	status := http.StatusOK
	if b.Request.Action == "propose" {
		status = http.StatusCreated
	}
	h.done(w, r, status, st, err)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	_, terms, format, _, err := h.read(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, err := h.s.Create(r.Context(), terms, format)
	h.done(w, r, http.StatusCreated, st, err)
}

func (h *Handler) amend(w http.ResponseWriter, r *http.Request) {
	_, terms, format, base, err := h.read(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, err := h.s.Amend(r.Context(), r.PathValue("id"), base, terms, format)
	h.done(w, r, http.StatusOK, st, err)
}

func (h *Handler) confirm(w http.ResponseWriter, r *http.Request) {
	_, _, _, base, err := h.read(w, r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, err := h.s.Confirm(r.Context(), r.PathValue("id"), base)
	h.done(w, r, http.StatusOK, st, err)
}

func (h *Handler) status(w http.ResponseWriter, r *http.Request) {
	st, err := h.s.Status(r.Context(), r.PathValue("id"))
	h.done(w, r, http.StatusOK, st, err)
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	l, err := h.s.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"deals": l})
}

func (h *Handler) verify(w http.ResponseWriter, r *http.Request) {
	v, err := h.s.Verify(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (h *Handler) write(w http.ResponseWriter, r *http.Request, ctype string, header map[string]string, f func(io.Writer) error) {
	var buf bytes.Buffer
	if err := f(&buf); err != nil {
		h.fail(w, r, err)
		return
	}
	for k, v := range header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(http.StatusOK)
	buf.WriteTo(w)
}

func (h *Handler) preview(w http.ResponseWriter, r *http.Request) {
	h.write(w, r, "text/html; charset=utf-8", map[string]string{"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}, func(out io.Writer) error { return h.s.Preview(r.Context(), r.PathValue("id"), out) })
}

func (h *Handler) page(w http.ResponseWriter, r *http.Request) {
	h.write(w, r, "text/html; charset=utf-8", map[string]string{"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:"}, func(out io.Writer) error { return h.s.Page(r.Context(), r.PathValue("id"), out) })
}

func (h *Handler) pdf(w http.ResponseWriter, r *http.Request) {
	h.write(w, r, "application/pdf", map[string]string{"Content-Disposition": `attachment; filename="contract.pdf"`}, func(out io.Writer) error { return h.s.PDF(r.Context(), r.PathValue("id"), out) })
}

func (h *Handler) contract(w http.ResponseWriter, r *http.Request) {
	h.write(w, r, "application/json; charset=utf-8", nil, func(out io.Writer) error {
		data, err := h.s.Contract(r.Context(), r.PathValue("id"))
		if err == nil {
			_, err = out.Write(data)
		}
		return err
	})
}

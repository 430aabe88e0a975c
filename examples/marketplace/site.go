package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/deal"
	"github.com/tradepact/tradepact/render"
)

//go:embed web
var webFS embed.FS

// account is a demo account.
type account struct {
	ID, Name, Role string
}

// accounts are the two demo accounts; the demo terms name them.
var accounts = []account{
	{"demo:zhangwei", "张伟", "seller"},
	{"demo:liuyang", "刘洋", "buyer"},
}

const cookieName = "marketplace_account"

// site is the marketplace's web front: pages, static files and the deal
// API under /api/.
type site struct {
	svc   *deal.Service
	now   func() time.Time
	pages *template.Template
	terms string
	css   []byte
}

func newSite(svc *deal.Service, now func() time.Time) http.Handler {
	s := &site{svc: svc, now: now}
	s.pages = template.Must(template.ParseFS(webFS, "web/*.html"))
	t, err := fs.ReadFile(webFS, "web/terms.yaml")
	if err != nil {
		panic(err) // embedded at build time
	}
	s.terms = string(t)
	site, err := fs.ReadFile(webFS, "web/site.css")
	if err != nil {
		panic(err)
	}
	s.css = append(site, render.HTMLStyle()...)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("POST /as", s.as)
	mux.HandleFunc("GET /new", s.newDeal)
	mux.HandleFunc("GET /deals/{id}", s.dealPage)
	mux.HandleFunc("GET /static/site.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(s.css)
	})
	mux.HandleFunc("GET /static/app.js", func(w http.ResponseWriter, r *http.Request) {
		js, _ := fs.ReadFile(webFS, "web/app.js")
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(js)
	})
	mux.Handle("/api/", http.StripPrefix("/api", deal.NewHandler(svc)))
	return s.auth(mux)
}

// auth stands in for the platform's login: the account is the demo
// account the cookie names, put in the context with deal.WithAccount.
func (s *site) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie(cookieName); err == nil {
			if a := find(c.Value); a != nil {
				r = r.WithContext(deal.WithAccount(r.Context(), a.ID))
			}
		}
		w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

func find(id string) *account {
	for i := range accounts {
		if accounts[i].ID == id {
			return &accounts[i]
		}
	}
	return nil
}

func current(r *http.Request) *account {
	id, _ := deal.AccountFrom(r.Context())
	return find(id)
}

// as switches the demo account.
func (s *site) as(w http.ResponseWriter, r *http.Request) {
	a := find(r.FormValue("account"))
	if a == nil {
		http.Error(w, "no such demo account", http.StatusBadRequest)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: a.ID, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	next := r.FormValue("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

type pageData struct {
	Title    string
	Account  *account
	Accounts []account
	Path     string
	Deals    []deal.Summary
	Terms    string
	Status   *deal.Status
	Preview  template.HTML
	Amend    string
	Error    string
}

func (s *site) render(w http.ResponseWriter, name string, d *pageData) {
	d.Accounts = accounts
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, d); err != nil {
		http.Error(w, "template: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	buf.WriteTo(w)
}

func (s *site) index(w http.ResponseWriter, r *http.Request) {
	d := &pageData{Title: "Marketplace", Account: current(r), Path: "/"}
	if d.Account != nil {
		l, err := s.svc.List(r.Context())
		if err != nil {
			d.Error = errorText(err, r)
		}
		d.Deals = l
	}
	s.render(w, "index.html", d)
}

func (s *site) newDeal(w http.ResponseWriter, r *http.Request) {
	d := &pageData{Title: "New deal", Account: current(r), Path: "/new"}
	id := "TP-DEMO-" + s.now().UTC().Format("20060102-150405")
	d.Terms = strings.Replace(s.terms, "{{ID}}", id, 1)
	s.render(w, "new.html", d)
}

func (s *site) dealPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d := &pageData{Title: id, Account: current(r), Path: "/deals/" + url.PathEscape(id)}
	if d.Account == nil {
		w.WriteHeader(http.StatusUnauthorized)
		s.render(w, "deal.html", d)
		return
	}
	st, err := s.svc.Status(r.Context(), id)
	if err != nil {
		var e *deal.Error
		if errors.As(err, &e) {
			w.WriteHeader(e.Code.HTTPStatus())
		}
		d.Error = errorText(err, r)
		s.render(w, "deal.html", d)
		return
	}
	d.Status = st
	var buf bytes.Buffer
	if err := s.svc.Preview(r.Context(), id, &buf); err != nil {
		d.Error = errorText(err, r)
	}
	// The fragment is html/template output from package render.
	d.Preview = template.HTML(buf.String())
	if data, err := s.svc.Contract(r.Context(), id); err == nil {
		if res, err := confirm.Verify(data); err == nil {
			if c, err := res.Latest().Terms.Canonical(); err == nil {
				var out bytes.Buffer
				json.Indent(&out, c, "", "  ")
				d.Amend = out.String()
			}
		}
	}
	s.render(w, "deal.html", d)
}

func errorText(err error, r *http.Request) string {
	var e *deal.Error
	if errors.As(err, &e) {
		return e.Message(agreement.MatchLocale(r.Header.Get("Accept-Language")))
	}
	return err.Error()
}

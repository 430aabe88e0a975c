package render

import (
	"bufio"
	"html/template"
	"io"
	"strings"
	"sync"
)

// HTML writes doc as a standalone, printable HTML page: A4 print CSS, a CJK
// font stack per language, the signature block kept on one page, and the
// signing record after it when there is one. Text is escaped by
// html/template, after control, bidirectional and invisible characters
// are spelt out visibly (\x1b, <U+202E>, see internal/safetext); the page
// loads nothing from elsewhere.
func HTML(w io.Writer, doc *Document) error {
	if doc == nil {
		return errNilDoc
	}
	doc = visible(doc)
	bw := bufio.NewWriter(w)
	data := struct {
		Doc         *Document
		Lang        string
		Title       string
		Digest      string
		Keywords    string
		HasMetaLine bool
	}{
		Doc:      doc,
		Lang:     doc.Lang,
		Title:    strings.TrimSpace(doc.Meta.Title + " " + doc.Meta.ID),
		Digest:   doc.Digest().String(),
		Keywords: strings.Join(doc.Meta.Keywords, ", "),
	}
	if data.Lang == "" {
		data.Lang = "und"
	}
	if data.Title == "" {
		data.Title = "Contract"
	}
	if err := pageTemplate().Execute(bw, data); err != nil {
		return err
	}
	return bw.Flush()
}

// pageTemplate is parsed on first use, not when a program that imports
// render starts (HTML templates were most of render's initialisation).
var pageTemplate = sync.OnceValue(newPageTemplate)

// newPageTemplate parses the page template.
func newPageTemplate() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		"align": func(as []Align, i int) string {
			if i >= len(as) {
				return ""
			}
			return map[Align]string{AlignLeft: "left", AlignRight: "right", AlignCenter: "center"}[as[i]]
		},
		"empty": func(ins []Inline) bool { return strings.TrimSpace(plain(ins)) == "" },
		// header and css: see html_site.go.
		"header": headerLabel,
		"css":    func() template.CSS { return template.CSS(narrowCSS) },
	}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{with .Doc.Meta.Author}}<meta name="author" content="{{.}}">
{{end}}{{with .Keywords}}<meta name="keywords" content="{{.}}">
{{end}}{{with .Doc.Meta.ShortDigest}}<meta name="tradepact-terms-digest" content="{{.}}">
{{end}}<meta name="tradepact-document-digest" content="{{.Digest}}">
{{with .Doc.Meta.Template}}<meta name="tradepact-template" content="{{.}}">
{{end}}<meta name="generator" content="tradepact">
<style>
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
:root { color: #111; background: #fff; }
body { margin: 0 auto; max-width: 178mm; padding: 12mm 8mm; line-height: 1.6; font-size: 11pt;
  font-family: "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK TC", "Noto Sans CJK SC", "Droid Sans Fallback", sans-serif; }
:lang(zh-Hant) body, body:lang(zh-Hant) { font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Droid Sans Fallback", sans-serif; }
:lang(zh-Hans) body, body:lang(zh-Hans) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Droid Sans Fallback", sans-serif; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 8mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3, h4 { font-size: 11pt; break-after: avoid; }
p, li { orphans: 2; widows: 2; overflow-wrap: break-word; }
code { font-family: inherit; font-size: 1em; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; break-inside: auto; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 1.5mm 2.5mm; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { white-space: nowrap; }
th { background: #f2f2f2; }
.right { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.center { text-align: center; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.keep td.sign { height: 14mm; }
.record { margin-top: 8mm; border-top: 1pt solid #444; padding-top: 3mm; font-size: 9.5pt; }
hr { border: 0; border-top: 0.5pt solid #888; }
@media print { body { padding: 0; max-width: none; } }
{{css}}
</style>
</head>
<body>
<main>
{{template "blocks" .Doc.Blocks}}
</main>
{{with .Doc.Record}}<section class="record">
{{template "blocks" .}}
</section>
{{end}}</body>
</html>
{{define "blocks"}}{{range .}}{{template "block" .}}{{end}}{{end}}
{{define "block"}}{{if eq .Kind 1}}{{if eq .Level 1}}<h1>{{template "inlines" .Inlines}}</h1>
{{else if eq .Level 2}}<h2>{{template "inlines" .Inlines}}</h2>
{{else if eq .Level 3}}<h3>{{template "inlines" .Inlines}}</h3>
{{else}}<h4>{{template "inlines" .Inlines}}</h4>
{{end}}{{else if eq .Kind 2}}<p>{{template "inlines" .Inlines}}</p>
{{else if eq .Kind 3}}{{if .Ordered}}<ol{{if ne .Start 1}} start="{{.Start}}"{{end}}>
{{range .Items}}<li>{{template "item" .}}</li>
{{end}}</ol>
{{else}}<ul>
{{range .Items}}<li>{{template "item" .}}</li>
{{end}}</ul>
{{end}}{{else if eq .Kind 4}}{{template "table" .Table}}{{else if eq .Kind 5}}<hr>
{{else if eq .Kind 6}}<section class="keep">
{{template "blocks" .Children}}</section>
{{end}}{{end}}
{{define "item"}}{{if and (eq (len .) 1) (eq (index . 0).Kind 2)}}{{template "inlines" (index . 0).Inlines}}{{else}}
{{template "blocks" .}}{{end}}{{end}}
{{define "table"}}{{$align := .Align}}{{$hdr := .Header}}<table>
<thead><tr>{{range $i, $c := .Header}}<th{{with align $align $i}} class="{{.}}"{{end}}>{{template "inlines" $c}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range $i, $c := .}}<td{{if empty $c}} class="sign"{{else}}{{with align $align $i}} class="{{.}}"{{end}}{{end}}{{with header $hdr $i}} data-label="{{.}}"{{end}}>{{template "inlines" $c}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}
{{define "inlines"}}{{range .}}{{if .Break}}<br>{{else if .Code}}<code>{{.Text}}</code>{{else if and .Bold .Italic}}<strong><em>{{.Text}}</em></strong>{{else if .Bold}}<strong>{{.Text}}</strong>{{else if .Italic}}<em>{{.Text}}</em>{{else}}{{.Text}}{{end}}{{end}}{{end}}
`))
}

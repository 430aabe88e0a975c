// Package render turns a contract document into plain text, Markdown, HTML
// and PDF. A [Document] is parsed once from the Markdown that the templates
// produce and shared by every renderer.
package render

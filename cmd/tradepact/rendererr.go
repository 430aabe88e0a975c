package main

import (
	"errors"
	"regexp"
	"strings"

	"github.com/tradepact/tradepact/render"
)

// packagePrefix matches the "render: pdf: " a library error starts with:
// the CLI prints sentences, not the path through the packages.
var packagePrefix = regexp.MustCompile(`^(?:(?:render|pdf|PDF|confirm|agreement|templates|linebreak): )+`)

// sentence returns err's message without its package prefixes.
func sentence(err error) string { return packagePrefix.ReplaceAllString(err.Error(), "") }

// renderError prints why rendering failed, in e's language where the
// error is one the CLI knows: characters a PDF cannot draw are listed once
// each, with the words around them, and a hint.
func renderError(e *env, file string, err error) {
	var mg *render.MissingGlyphsError
	if !errors.As(err, &mg) {
		e.errorf("render: %s", sentence(err))
		return
	}
	var parts []string
	seen := map[rune]bool{}
	for _, g := range mg.Glyphs {
		if seen[g.Rune] {
			continue
		}
		seen[g.Rune] = true
		near := ""
		if _, ctx, ok := strings.Cut(g.Where, `: "`); ok {
			near = e.tr("near", strings.TrimSuffix(ctx, `"`))
		}
		parts = append(parts, e.tr("glyph", g.Rune, g.Rune, e.tr(glyphReason(g.Reason)), near))
	}
	e.errorf("render: %s: %s", file, e.tr("pdf cannot draw", strings.Join(parts, e.tr("list sep"))))
	e.hintf("%s", e.tr("hint pdf glyphs"))
}

func glyphReason(r string) string {
	switch r {
	case "outside the Basic Multilingual Plane":
		return "reason bmp"
	case "control character":
		return "reason control"
	}
	return "reason font"
}

package render_test

import (
	"io"
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

// Nil inputs are errors, never panics: a backend may pass what a failed
// lookup returned.
func TestNilInputs(t *testing.T) {
	var a *agreement.Agreement
	if f := a.Validate(); len(f) != 1 || f[0].Severity != agreement.SeverityError {
		t.Errorf("Validate(nil) = %v", f)
	}
	if a.Check() == nil {
		t.Error("Check(nil) = nil")
	}
	if _, err := a.Digest(); err == nil {
		t.Error("Digest(nil)")
	}
	if _, err := a.Canonical(); err == nil {
		t.Error("Canonical(nil)")
	}
	if _, err := a.Totals(); err == nil {
		t.Error("Totals(nil)")
	}
	if _, err := render.NewDocument(nil, nil); err == nil {
		t.Error("NewDocument(nil)")
	}
	if err := templates.Default().Execute(io.Discard, nil); err == nil {
		t.Error("Execute(nil)")
	}
	var set *templates.Set
	if err := set.Execute(io.Discard, &agreement.Agreement{}); err == nil {
		t.Error("nil Set Execute")
	}
	if render.Text(io.Discard, nil) == nil || render.Markdown(io.Discard, nil) == nil ||
		render.HTML(io.Discard, nil) == nil || render.PDF(io.Discard, nil) == nil {
		t.Error("a renderer accepted a nil document")
	}
}

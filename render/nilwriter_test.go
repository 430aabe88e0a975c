package render_test

import (
	"testing"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/render"
	"github.com/tradepact/tradepact/templates"
)

// PDF with a nil writer or document returns an error, not a panic.
func TestPDFNilArguments(t *testing.T) {
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := render.NewDocument(a, templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := render.PDF(nil, doc); err == nil {
		t.Error("nil writer: no error")
	}
	if err := render.PDF(nil, nil); err == nil {
		t.Error("nil document: no error")
	}
}

package templates_test

import (
	"testing"

	"github.com/tradepact/tradepact/templates"
)

// A nil *Set answers Identity with the zero identity instead of panicking
// (issue 10 item 9), as Execute already returns an error.
func TestNilSetIdentity(t *testing.T) {
	var s *templates.Set
	if id := s.Identity(); id != (templates.Identity{}) {
		t.Errorf("nil set identity %v, want the zero Identity", id)
	}
	if err := s.Execute(nil, nil); err == nil {
		t.Error("Execute on a nil set: no error")
	}
}

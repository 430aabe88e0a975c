package templates

import (
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

// A change to a label in the Go code changes the identity of every set,
// the built-in one included: the words are part of what renders the text.
func TestIdentityCoversBuiltinWords(t *testing.T) {
	src, err := readTree(embedded, "contract")
	if err != nil {
		t.Fatal(err)
	}
	id := Identity{Name: DefaultName, Version: DefaultVersion}
	before, err := build(src, nil, id)
	if err != nil {
		t.Fatal(err)
	}
	if before.Identity() != Default().Identity() {
		t.Fatal("building the embedded sources again gives another identity")
	}
	for _, edit := range []struct {
		name string
		m    map[agreement.Locale]map[string]string
		key  string
	}{
		{"label", labels, "remedy.full_refund"},
		{"citation", citations, firstKey(citations[agreement.LocaleZHHant])},
	} {
		old := edit.m[agreement.LocaleZHHant][edit.key]
		edit.m[agreement.LocaleZHHant][edit.key] = old + "。"
		after, err := build(src, nil, id)
		edit.m[agreement.LocaleZHHant][edit.key] = old
		if err != nil {
			t.Fatal(err)
		}
		if after.Identity().Digest == before.Identity().Digest {
			t.Errorf("changing a %s left the identity %s", edit.name, before.Identity().Digest.Short())
		}
	}
}

func firstKey(m map[string]string) string {
	for k := range m {
		return k
	}
	return ""
}

package confirm_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// TestEveryTermChange changes every value in the terms of every revision,
// one at a time, and checks that the file no longer verifies.
func TestEveryTermChange(t *testing.T) {
	data := flow(t)
	for _, n := range []int{1, 3} {
		var f map[string]any
		edit(t, data, func(g map[string]any) { f = g })
		var paths []string
		leaves(entry(f, n)["terms"], "", &paths)
		if len(paths) < 30 {
			t.Fatalf("entry %d: only %d values in the terms", n, len(paths))
		}
		for _, p := range paths {
			bad := edit(t, data, func(g map[string]any) {
				setLeaf(entry(g, n)["terms"], p)
			})
			if _, err := confirm.Verify(bad); err == nil {
				t.Errorf("revision entry %d: changing %s still verifies", n, p)
			}
		}
	}
}

// TestEveryEntryFieldChange changes every field of every entry, one at a
// time (terms aside, see above), and checks that the file no longer
// verifies.
func TestEveryEntryFieldChange(t *testing.T) {
	data := flow(t)
	var f map[string]any
	edit(t, data, func(g map[string]any) { f = g })
	count := 0
	for n := 1; n <= len(entries(f)); n++ {
		var paths []string
		e := map[string]any{}
		for k, v := range entry(f, n) {
			if k != "terms" {
				e[k] = v
			}
		}
		leaves(e, "", &paths)
		for _, p := range paths {
			bad := edit(t, data, func(g map[string]any) { setLeaf(entry(g, n), p) })
			count++
			if _, err := confirm.Verify(bad); err == nil {
				t.Errorf("entry %d: changing %s still verifies", n, p)
			}
		}
	}
	if count < 40 {
		t.Fatalf("only %d fields changed", count)
	}
}

// leaves lists the paths of every scalar in v.
func leaves(v any, path string, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			leaves(x[k], path+"/"+k, out)
		}
	case []any:
		for i, e := range x {
			leaves(e, fmt.Sprintf("%s/%d", path, i), out)
		}
	default:
		*out = append(*out, path)
	}
}

// setLeaf changes the scalar at path: strings get a character more,
// numbers one more, booleans flip.
func setLeaf(v any, path string) {
	var parent any
	var key string
	cur := v
	for _, part := range splitPath(path) {
		parent, key = cur, part
		switch x := cur.(type) {
		case map[string]any:
			cur = x[part]
		case []any:
			var i int
			fmt.Sscan(part, &i)
			cur = x[i]
		}
	}
	var nv any
	switch x := cur.(type) {
	case string:
		nv = x + "1"
	case json.Number:
		nv = json.Number(x.String() + "1")
	case bool:
		nv = !x
	case nil:
		nv = "x"
	}
	switch p := parent.(type) {
	case map[string]any:
		p[key] = nv
	case []any:
		var i int
		fmt.Sscan(key, &i)
		p[i] = nv
	}
}

func splitPath(p string) []string {
	var parts []string
	start := 1
	for i := 1; i <= len(p); i++ {
		if i == len(p) || p[i] == '/' {
			parts = append(parts, p[start:i])
			start = i + 1
		}
	}
	return parts
}

package linebreak

import "testing"

// TestGroupRun: the length of the joined run that ends a string counts digit
// groups and hex groups with a digit, not words that happen to be hex.
func TestGroupRun(t *testing.T) {
	for _, c := range []struct {
		s string
		n int
	}{{"a bad deaf face 4111", 4}, {"deaf face 4111 1111 1111 1111", 19}, {"4111 1111 1111", 14}, {"+886 912", 8}, {"effd fc07", 4}, {"a432 e67a", 9}, {"add a4bc df0b", 9}, {"x", 0}, {"", 0}} {
		if g := groupRun(c.s); g != c.n {
			t.Errorf("%q: %d want %d", c.s, g, c.n)
		}
	}
}

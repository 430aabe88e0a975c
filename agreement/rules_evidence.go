package agreement

import "fmt"

// evidence checks that each file referenced by hash is listed once. The
// form of each hash (64 lower-case hex digits) is the field rule sha256.
func (r *rules) evidence() {
	seen := map[string]string{}
	for i, f := range r.a.Evidence.Files {
		if !sha256Form(f.SHA256) {
			continue // the field rule reports it
		}
		p := fmt.Sprintf("evidence.files[%d].sha256", i)
		if first, ok := seen[f.SHA256]; ok {
			r.err(p, RuleEvidenceDuplicate, first, f.SHA256)
			continue
		}
		seen[f.SHA256] = p
	}
}

// sha256Form reports whether s is 64 lower-case hexadecimal digits.
func sha256Form(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

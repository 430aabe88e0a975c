package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tp runs the CLI in-process and returns its exit status and output.
func tp(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
	return code, stdout.String(), stderr.String()
}

// mustTP runs the CLI and fails the test unless it exits with want.
func mustTP(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	code, stdout, stderr := tp(t, args...)
	if code != want {
		t.Fatalf("tradepact %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, stdout, stderr)
	}
	return stdout, stderr
}

// exampleTerms copies an example terms file into dir, with the edits given
// as old, new pairs, and returns its path.
func exampleTerms(t *testing.T, dir, name, example string, edits ...string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "terms", example))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(edits); i += 2 {
		if !bytes.Contains(b, []byte(edits[i])) {
			t.Fatalf("%s has no %q", example, edits[i])
		}
		b = bytes.Replace(b, []byte(edits[i]), []byte(edits[i+1]), 1)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The seller proposes and confirms again with a second key it made
// ("mallory"), playing the buyer. Nothing in the file tells the keys
// apart from two real parties', so verify without both keys pinned must
// not say agreed or exit 0, and must say which key is unconfirmed and how
// to check it, in the contract's language.
func TestAttackOnePersonAgreed(t *testing.T) {
	t.Parallel() // in-process and in its own directory: it overlaps the scripts, which wait on execs
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, k := range []string{"seller", "buyer", "mallory"} {
		mustTP(t, exitOK, "keygen", "-o", p(k))
	}
	terms := exampleTerms(t, dir, "terms.yaml", "secondhand-zh-Hant.yaml")
	deal := p("deal.contract.json")
	mustTP(t, exitOK, "propose", "--key", p("seller.key"), "-o", deal, "--time", "2026-11-20T09:00:00+08:00", terms)
	stdout, _ := mustTP(t, exitOK, "confirm", "--key", p("mallory.key"), "-o", deal, "--time", "2026-11-20T09:05:00+08:00", deal)
	if strings.Contains(stdout, "已成立：") || !strings.Contains(stdout, "核對公鑰指紋後才算成立") {
		t.Errorf("confirm says agreed, or does not say the keys remain to be checked:\n%s", stdout)
	}

	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		unpinned []string // roles the output must name as unpinned
	}{
		{"no pins", nil, exitUnpinned, []string{"賣方", "買方"}},
		{"seller pinned", []string{"--seller-pub", p("seller.pub")}, exitUnpinned, []string{"買方"}},
		{"buyer pinned to mallory", []string{"--buyer-pub", p("mallory.pub")}, exitUnpinned, []string{"賣方"}},
		{"real buyer pinned", []string{"--seller-pub", p("seller.pub"), "--buyer-pub", p("buyer.pub")}, exitFailure, nil},
		{"both pinned as trusted", []string{"--seller-pub", p("seller.pub"), "--buyer-pub", p("mallory.pub")}, exitOK, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{"verify"}, tc.args...), deal)
			code, stdout, stderr := tp(t, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			if tc.code != exitOK && strings.Contains(stdout, "已成立：雙方") {
				t.Errorf("says agreed:\n%s", stdout)
			}
			for _, role := range tc.unpinned {
				if !regexp.MustCompile(`注意：` + role + `公鑰 [0-9a-f ]{24} 未經指定信任`).MatchString(stdout) {
					t.Errorf("does not name the %s's key as unpinned:\n%s", role, stdout)
				}
			}
			if tc.code == exitUnpinned && (!strings.Contains(stdout, "公鑰指紋") || strings.Contains(stdout, "note:")) {
				t.Errorf("does not say, all in Chinese, how to check the fingerprint:\n%s", stdout)
			}
		})
	}
	// The JSON says the same to a script.
	stdout, _ = mustTP(t, exitUnpinned, "verify", "--json", deal)
	var v struct {
		State    string   `json:"state"`
		Agreed   bool     `json:"agreed"`
		Unpinned []string `json:"unpinned"`
	}
	if err := json.Unmarshal([]byte(stdout), &v); err != nil {
		t.Fatal(err)
	}
	if v.State != "confirmed_unpinned" || v.Agreed || len(v.Unpinned) != 2 {
		t.Errorf("JSON %+v", v)
	}
}

// cutEntries writes the first n entries of the contract file src to dst.
func cutEntries(t *testing.T, src, dst string, n int) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]json.RawMessage
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	var es []json.RawMessage
	if err := json.Unmarshal(f["entries"], &es); err != nil {
		t.Fatal(err)
	}
	f["entries"], _ = json.Marshal(es[:n])
	out, _ := json.MarshalIndent(f, "", "  ")
	if err := os.WriteFile(dst, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

var headLine = regexp.MustCompile(`(?m)^(?:History head: |记录链最新哈希：|head: )(sha256:[0-9a-f]{64})$`)

// The buyer amends to a lower price, both confirm revision 2; the seller
// keeps only the first three entries, where both confirmed revision 1 at
// the higher price. That shorter history verifies, pinned, as agreed. A
// verifier that stored the head (or knows revision 2 exists) refuses it,
// for the file and for its PDF.
func TestAttackRollback(t *testing.T) {
	t.Parallel() // in-process and in its own directory: it overlaps the scripts, which wait on execs
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	mustTP(t, exitOK, "keygen", "-o", p("seller"))
	mustTP(t, exitOK, "keygen", "-o", p("buyer"))
	terms := exampleTerms(t, dir, "terms.yaml", "secondhand-zh-Hans.yaml")
	cheaper := exampleTerms(t, dir, "cheaper.yaml", "secondhand-zh-Hans.yaml", `unit_price: "2,350"`, `unit_price: "2,200"`)
	deal := p("deal.contract.json")
	mustTP(t, exitOK, "propose", "--key", p("seller.key"), "-o", deal, "--time", "2026-11-20T09:00:00+08:00", terms)
	mustTP(t, exitOK, "confirm", "--key", p("buyer.key"), "-o", deal, "--time", "2026-11-20T09:10:00+08:00", deal)
	mustTP(t, exitOK, "amend", "--key", p("buyer.key"), "-o", deal, "--time", "2026-11-20T09:20:00+08:00", deal, cheaper)
	stdout, _ := mustTP(t, exitOK, "confirm", "--lang", "en", "--key", p("seller.key"), "-o", deal, "--time", "2026-11-20T09:30:00+08:00", deal)
	m := headLine.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("confirm prints no head:\n%s", stdout)
	}
	head := m[1]
	pins := []string{"--seller-pub", p("seller.pub"), "--buyer-pub", p("buyer.pub")}

	cut := p("cut.contract.json")
	cutEntries(t, deal, cut, 3)
	mustTP(t, exitOK, "render", "-o", p("deal.pdf"), deal)
	mustTP(t, exitOK, "render", "-o", p("cut.pdf"), cut)

	// Without knowledge of the head, the cut copy is a valid agreed history.
	stdout, _ = mustTP(t, exitOK, append(append([]string{"verify", "--lang", "en"}, pins...), cut)...)
	if !strings.Contains(stdout, "agreed: both parties confirmed revision 1") {
		t.Fatalf("the cut copy does not read as revision 1 agreed:\n%s", stdout)
	}
	for _, file := range []string{"deal.contract.json", "deal.pdf"} {
		for _, demand := range [][]string{{"--head", head}, {"--revision", "2"}} {
			mustTP(t, exitOK, append(append(append([]string{"verify"}, pins...), demand...), p(file))...)
		}
	}
	for _, file := range []string{"cut.contract.json", "cut.pdf"} {
		for _, demand := range [][]string{{"--head", head}, {"--revision", "2"}} {
			t.Run(file+" "+demand[0], func(t *testing.T) {
				_, stderr := mustTP(t, exitFailure, append(append(append([]string{"verify", "--lang", "en"}, pins...), demand...), p(file))...)
				if !strings.Contains(stderr, "older or cut copy") {
					t.Errorf("stderr does not say plainly that this is an older copy:\n%s", stderr)
				}
				code, stdout, _ := tp(t, append(append(append([]string{"verify", "--json"}, pins...), demand...), p(file))...)
				if code != exitFailure || !strings.Contains(stdout, `"problem": "rollback"`) {
					t.Errorf("--json: exit %d\n%s", code, stdout)
				}
				_, stderr = mustTP(t, exitFailure, append(append(append([]string{"verify"}, pins...), demand...), p(file))...)
				if !strings.Contains(stderr, "截短的旧副本") {
					t.Errorf("no Chinese explanation:\n%s", stderr)
				}
			})
		}
	}
	mustTP(t, exitUsage, "verify", "--head", "sha256:12", deal)
	mustTP(t, exitUsage, "verify", "--revision", "0", deal)
}

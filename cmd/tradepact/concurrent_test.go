package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tradepact/tradepact/confirm"
)

// The buyer confirms while the seller amends, both writing the file they
// read. Whatever the interleaving, every command that exits 0 has its
// update in the file, and one that lost the race says so and writes
// nothing: before the lock, 16 of 40 such runs lost an update, and once
// the buyer was told "agreed" about a file awaiting its confirmation.
func TestConcurrentAmendAndConfirm(t *testing.T) {
	t.Parallel() // in-process and in its own directory: it overlaps the scripts, which wait on execs
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	mustTP(t, exitOK, "keygen", "-o", p("seller"))
	mustTP(t, exitOK, "keygen", "-o", p("buyer"))
	terms := exampleTerms(t, dir, "terms.yaml", "secondhand-zh-Hans.yaml")
	cheaper := exampleTerms(t, dir, "cheaper.yaml", "secondhand-zh-Hans.yaml", `unit_price: "2,350"`, `unit_price: "2,200"`)
	proposal := p("proposal.json")
	mustTP(t, exitOK, "propose", "--key", p("seller.key"), "-o", proposal, "--time", "2026-11-20T09:00:00+08:00", terms)
	orig, err := os.ReadFile(proposal)
	if err != nil {
		t.Fatal(err)
	}
	runs := 40
	if testing.Short() {
		runs = 10
	}
	lost := 0
	for i := range runs {
		deal := p("deal.json")
		if err := os.WriteFile(deal, orig, 0o644); err != nil {
			t.Fatal(err)
		}
		type outcome struct {
			code   int
			stdout string
			stderr string
		}
		var confirmed, amended outcome
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			confirmed.code, confirmed.stdout, confirmed.stderr = tp(t, "confirm", "--lang", "en", "--key", p("buyer.key"), "-o", deal, deal)
		}()
		go func() {
			defer wg.Done()
			amended.code, amended.stdout, amended.stderr = tp(t, "amend", "--lang", "en", "--key", p("seller.key"), "-o", deal, deal, cheaper)
		}()
		wg.Wait()
		data, err := os.ReadFile(deal)
		if err != nil {
			t.Fatal(err)
		}
		res, err := confirm.Verify(data)
		if err != nil {
			t.Fatalf("run %d: the file does not verify: %v", i, err)
		}
		buyerConfirmed := res.Revisions[0].ConfirmedBy(confirm.Buyer) != nil || res.Latest().ConfirmedBy(confirm.Buyer) != nil
		if confirmed.code == exitOK && !buyerConfirmed {
			t.Errorf("run %d: confirm exited 0, the file has no buyer's confirmation\n%s", i, confirmed.stdout)
		}
		if amended.code == exitOK && len(res.Revisions) < 2 {
			t.Errorf("run %d: amend exited 0, the file has no revision 2\n%s", i, amended.stdout)
		}
		if confirmed.code != exitOK && amended.code != exitOK {
			t.Errorf("run %d: both failed:\n%s\n%s", i, confirmed.stderr, amended.stderr)
		}
		for _, o := range []outcome{confirmed, amended} {
			if o.code != exitOK {
				lost++
				if !strings.Contains(o.stderr, "changed while this command ran") && !strings.Contains(o.stderr, "already confirmed") {
					t.Errorf("run %d: the loser does not say why:\n%s", i, o.stderr)
				}
			}
		}
		// The buyer told that both confirmed revision 1 must find that in
		// the file: revision 1 carries the buyer's confirmation. A revision
		// 2 after it is the seller's amendment run after the confirmation
		// (the two in sequence, not lost), and the head the buyer was
		// given is then in the history.
		if strings.Contains(confirmed.stdout, "both keys on file confirmed revision 1") && res.Revisions[0].ConfirmedBy(confirm.Buyer) == nil {
			t.Errorf("run %d: the buyer was told revision 1 is confirmed by both, the file's revision 1 has no buyer's confirmation", i)
		}
		if ents, _ := filepath.Glob(p(".deal.json.tmp-*")); len(ents) > 0 {
			t.Errorf("run %d: temporary files left: %v", i, ents)
		}
	}
	t.Logf("%d runs, %d refused as the loser of a race", runs, lost)
}

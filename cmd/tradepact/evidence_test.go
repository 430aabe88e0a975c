package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tradepact/tradepact/agreement"
)

var testFiles = []agreement.EvidenceFile{
	{Kind: "photo", Description: "開箱照片 \"1\"", Name: "a.jpg", SHA256: strings.Repeat("ab", 32), Size: 10, SuppliedBy: "buyer"},
	{Kind: "chat_export", Description: "1e5", SHA256: "1" + strings.Repeat("0", 62) + "e", Size: 0, SuppliedBy: "seller"},
}

// TestInsertEvidenceText checks the in-place edit on every example and
// every init output: only lines are added (a one-line evidence mapping
// becomes a block), and the result decodes to the
// old terms plus the files, twice over (a second add appends to the list).
func TestInsertEvidenceText(t *testing.T) {
	inputs := map[string][]byte{}
	paths, _ := filepath.Glob("../../examples/terms/*.yaml")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(p)] = b
	}
	for _, k := range agreement.Kinds {
		for _, l := range agreement.Locales {
			var b bytes.Buffer
			if err := writeInit(&b, k, l, agreement.Date{Year: 2026, Month: 11, Day: 22}); err != nil {
				t.Fatal(err)
			}
			inputs["init-"+string(k)+"-"+string(l)] = b.Bytes()
		}
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			before, err := agreement.Decode(name+".yaml", data)
			if err != nil {
				t.Fatal(err)
			}
			cur := data
			want := *before
			for round := range 2 {
				out, err := insertEvidenceText(cur, testFiles[round:round+1])
				if err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
				for _, l := range strings.SplitAfter(string(cur), "\n") {
					// A one-line evidence: {keep_days: N} becomes a block.
					if l != "" && !strings.HasPrefix(l, "evidence: {") && !strings.Contains(string(out), l) {
						t.Errorf("round %d: line %q is gone", round, l)
					}
				}
				after, err := agreement.Decode(name+".yaml", out)
				if err != nil {
					t.Fatalf("round %d: %v\n%s", round, err, out)
				}
				want.Evidence.Files = append(want.Evidence.Files, testFiles[round])
				wd, _ := want.Digest()
				ad, _ := after.Digest()
				if wd != ad {
					t.Fatalf("round %d: the edited terms are not the old ones plus the file:\n%s", round, out)
				}
				cur = out
			}
		})
	}
}

// FuzzAddEvidence feeds arbitrary YAML to both edits: neither panics, and
// whatever they return either fails to decode or is checked by the caller's
// digest comparison (here: decoding must not panic either).
func FuzzAddEvidence(f *testing.F) {
	paths, _ := filepath.Glob("../../examples/terms/*.yaml")
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Add([]byte("evidence: {keep_days: 1} # }\n"))
	f.Add([]byte("evidence:\n  files:\n  - kind: x\n    # c\n  keep_days: 3\n"))
	f.Add([]byte("evidence: {keep_days: 1, files: []}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		for _, edit := range []func([]byte, []agreement.EvidenceFile) ([]byte, error){insertEvidenceText, addEvidenceYAML} {
			if out, err := edit(data, testFiles); err == nil {
				agreement.Decode("fuzz.yaml", out)
			}
		}
	})
}

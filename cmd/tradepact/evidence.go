package main

// tradepact evidence add: reference files by their SHA-256 hash in a terms
// file, editing the YAML in place so that its comments and layout stay.

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/internal/atomicfile"
)

func init() {
	register(&command{
		name:    "evidence",
		summary: "reference evidence files (photos, chat exports, snapshots) by SHA-256 in a terms file: evidence add TERMS FILE...",
		run:     runEvidence,
	})
}

func runEvidence(e *env, args []string) int {
	if len(args) == 0 || args[0] != "add" {
		if len(args) > 0 && wantsHelp(args[:1]) {
			return evidenceAdd(e, []string{"-h"})
		}
		e.errorf("evidence: the only subcommand is add: tradepact evidence add --kind KIND --by seller|buyer TERMS FILE...")
		return exitUsage
	}
	return evidenceAdd(e, args[1:])
}

func evidenceAdd(e *env, args []string) int {
	fs := newFlags(e, "evidence", "add --kind KIND --by seller|buyer [--description TEXT] TERMS.yaml FILE...")
	kind := fs.String("kind", "", "what the files are: "+strings.Join(agreement.EnumEvidenceKind.Values(), ", "))
	by := fs.String("by", "", "who supplied the files: seller or buyer")
	desc := fs.String("description", "", "what the files show (default: each file's name)")
	pos, err := parseInterspersed(e, fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if len(pos) < 2 {
		e.errorf("evidence add: want a terms file and at least one file to add")
		fs.Usage()
		return exitUsage
	}
	if _, ok := agreement.EnumEvidenceKind.Label(*kind, agreement.LocaleEN); !ok {
		e.errorf("evidence add: --kind %q: want one of %s", *kind, strings.Join(agreement.EnumEvidenceKind.Values(), ", "))
		return exitUsage
	}
	if *by != agreement.PaidBySeller && *by != agreement.PaidByBuyer {
		e.errorf("evidence add: --by %q: want seller or buyer", *by)
		return exitUsage
	}
	termsPath := pos[0]
	data, err := readLimited(termsPath, agreement.MaxSize+1)
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	if err := checkTermsFile(termsPath, data); err != nil {
		if !keyFileHint(e, err) {
			e.errorf("%v", err)
		}
		return exitFailure
	}
	if ext := strings.ToLower(filepath.Ext(termsPath)); ext == ".json" {
		e.errorf("evidence add: %s: only YAML terms files are edited in place", termsPath)
		e.hintf("write the terms as YAML (tradepact terms -o deal.yaml CONTRACT.json), or add the files to evidence.files by hand")
		return exitFailure
	}
	before, err := agreement.Decode(termsPath, data)
	if err != nil {
		e.errorf("%s: %v", termsPath, err)
		e.hintf("fix the terms first: run \"tradepact validate %s\"", termsPath)
		return exitFailure
	}
	if before.Check() != nil {
		checkTerms(e, termsPath, before)
		e.hintf("fix the terms first: evidence add changes only valid terms, and leaves them valid")
		return exitFailure
	}
	seen := map[string]bool{}
	for _, f := range before.Evidence.Files {
		seen[f.SHA256] = true
	}
	var added []agreement.EvidenceFile
	for _, p := range pos[1:] {
		f, err := hashFile(p)
		if err != nil {
			e.errorf("evidence add: %v", err)
			return exitFailure
		}
		if seen[f.SHA256] {
			e.warnf("%s: already listed (sha256 %s); not added again", p, f.SHA256)
			continue
		}
		seen[f.SHA256] = true
		f.Kind, f.SuppliedBy = *kind, *by
		f.Name = displayName(filepath.Base(p))
		f.Description = *desc
		if f.Description == "" {
			// The name says what the file is: recorded once, as its description.
			f.Description, f.Name = f.Name, ""
		}
		if f.Description == "" {
			f.Description = f.SHA256[:12]
		}
		added = append(added, f)
	}
	if len(added) == 0 {
		return exitOK
	}
	want := *before
	want.Evidence.Files = append(append([]agreement.EvidenceFile(nil), before.Evidence.Files...), added...)
	wd, err := want.Digest()
	if err != nil {
		e.errorf("evidence add: %s: %v", termsPath, err)
		return exitFailure
	}
	// The edited file must hold exactly the old terms plus the new files:
	// first try inserting the new lines into the text as it is (every other
	// byte stays), then writing the whole YAML tree back (comments stay,
	// blank lines and comment alignment do not); anything else is refused.
	var out []byte
	var after *agreement.Agreement
	for _, edit := range []func([]byte, []agreement.EvidenceFile) ([]byte, error){insertEvidenceText, addEvidenceYAML} {
		o, err := edit(data, added)
		if err != nil {
			continue
		}
		a, err := agreement.Decode(termsPath, o)
		if err != nil {
			continue
		}
		if d, err := a.Digest(); err == nil && d == wd {
			out, after = o, a
			break
		}
	}
	if out == nil {
		e.errorf("evidence add: %s: could not add the files without changing other terms; the file is unchanged", termsPath)
		e.hintf("add them to evidence.files by hand; \"tradepact validate\" checks the result")
		return exitFailure
	}
	if !checkTerms(e, termsPath, after) {
		e.errorf("evidence add: %s: left unchanged", termsPath)
		return exitFailure
	}
	perm := os.FileMode(0o644)
	if st, err := os.Stat(termsPath); err == nil {
		perm = st.Mode().Perm()
	}
	if err := atomicfile.Write(termsPath, out, perm); err != nil {
		e.errorf("evidence add: %v", err)
		return exitFailure
	}
	for _, f := range added {
		fmt.Fprintf(e.stdout, "added %s: sha256 %s, %d bytes\n", cmp.Or(f.Name, f.Description), f.SHA256, f.Size)
	}
	fmt.Fprintf(e.stdout, "terms digest %s: both parties confirm the hashes with the terms\n", wd)
	return exitOK
}

// hashFile returns the size and SHA-256 of the file at p, read as a stream,
// refusing what is not a regular file or is larger than the format records.
func hashFile(p string) (agreement.EvidenceFile, error) {
	f, err := os.Open(p)
	if err != nil {
		return agreement.EvidenceFile{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return agreement.EvidenceFile{}, err
	}
	if !st.Mode().IsRegular() {
		return agreement.EvidenceFile{}, fmt.Errorf("%s: not a regular file", p)
	}
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, agreement.MaxEvidenceSize+1))
	if err != nil {
		return agreement.EvidenceFile{}, fmt.Errorf("%s: %w", p, err)
	}
	if n > agreement.MaxEvidenceSize {
		return agreement.EvidenceFile{}, fmt.Errorf("%s: larger than %d bytes", p, int64(agreement.MaxEvidenceSize))
	}
	return agreement.EvidenceFile{SHA256: hex.EncodeToString(h.Sum(nil)), Size: int(n)}, nil
}

// displayName returns a file name fit to record: printable characters
// only (no controls, bidirectional or invisible format characters), at
// most 255 bytes; "" when nothing printable is left.
func displayName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) {
			continue
		}
		if b.Len()+len(string(r)) > 255 {
			break
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// addEvidenceYAML appends files to evidence.files of the YAML terms in
// data, creating the keys it needs, and returns the new text. It edits the
// parsed node tree and writes it back, so comments stay where they were.
func addEvidenceYAML(data []byte, files []agreement.EvidenceFile) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the terms are not a YAML mapping")
	}
	root := doc.Content[0]
	ev := mappingValue(root, "evidence")
	if ev == nil {
		ev = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		root.Content = append(root.Content, scalar("evidence", 0), ev)
	}
	if ev.Kind != yaml.MappingNode {
		return nil, errors.New("evidence is not a mapping")
	}
	ev.Style &^= yaml.FlowStyle // a block of files reads better than one long line
	list := mappingValue(ev, "files")
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		ev.Content = append(ev.Content, scalar("files", 0), list)
	}
	if list.Kind != yaml.SequenceNode {
		return nil, errors.New("evidence.files is not a list")
	}
	list.Style &^= yaml.FlowStyle
	for _, f := range files {
		list.Content = append(list.Content, fileNode(f))
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// mappingValue returns the value of key in mapping node m, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func scalar(v string, style yaml.Style) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: style}
}

// insertEvidenceText adds files to evidence.files by inserting lines into
// the text, leaving every other byte as it was: after the last item of a
// block list evidence.files, after the line of a block mapping evidence
// without files, or in place of a one-line flow mapping evidence
// ({keep_days: 365}). Other layouts return an error (the caller then
// writes the whole tree back).
func insertEvidenceText(data []byte, files []agreement.EvidenceFile) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the terms are not a YAML mapping")
	}
	root := doc.Content[0]
	var key, ev *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "evidence" {
			key, ev = root.Content[i], root.Content[i+1]
		}
	}
	if ev == nil || ev.Kind != yaml.MappingNode {
		return nil, errors.New("no evidence mapping")
	}
	lines := strings.SplitAfter(string(data), "\n")
	if !strings.HasSuffix(lines[len(lines)-1], "\n") && lines[len(lines)-1] != "" {
		lines[len(lines)-1] += "\n"
	}
	items, err := fileItems(files)
	if err != nil {
		return nil, err
	}
	insert := func(at int, text string) []byte {
		out := append([]string(nil), lines[:at]...)
		out = append(out, text)
		out = append(out, lines[at:]...)
		return []byte(strings.Join(out, ""))
	}
	list := mappingValue(ev, "files")
	switch {
	case ev.Style&yaml.FlowStyle != 0:
		if list != nil || !onLine(ev, key.Line) {
			return nil, errors.New("evidence is a flow mapping over several lines")
		}
		line := lines[key.Line-1]
		start := byteColumn(line, ev.Column)
		end := strings.LastIndexByte(line, '}')
		if start < 0 || end < start || line[start] != '{' {
			return nil, errors.New("evidence's flow mapping not found on its line")
		}
		rest := strings.TrimSpace(line[end+1:])
		if rest != "" && !strings.HasPrefix(rest, "#") {
			return nil, errors.New("text after evidence's flow mapping")
		}
		block := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: ev.Content}
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(block); err != nil {
			return nil, err
		}
		enc.Close()
		ind := strings.Repeat(" ", key.Column-1+2)
		head := strings.TrimRight(line[:start], " ")
		if rest != "" {
			head += " " + rest
		}
		text := head + "\n" + indent(buf.String(), ind) + indent("files:\n", ind) + indent(items, ind+"  ")
		lines[key.Line-1] = text
		return []byte(strings.Join(lines, "")), nil
	case list == nil:
		if len(ev.Content) == 0 {
			return nil, errors.New("empty evidence mapping")
		}
		ind := strings.Repeat(" ", ev.Content[0].Column-1)
		return insert(key.Line, indent("files:\n", ind)+indent(items, ind+"  ")), nil
	case list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle == 0 && len(list.Content) > 0:
		last := list.Content[len(list.Content)-1]
		first := list.Content[0]
		dash := byteColumn(lines[first.Line-1], first.Column) - 2
		if dash < 0 || !strings.HasPrefix(lines[first.Line-1][dash:], "- ") {
			return nil, errors.New("evidence.files items not written as \"- \"")
		}
		at := len(lines)
		for i := last.Line; i < len(lines); i++ {
			t := strings.TrimLeft(lines[i], " ")
			if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
				continue
			}
			if len(lines[i])-len(t) <= dash {
				at = i
				break
			}
		}
		for at > last.Line {
			t := strings.TrimSpace(lines[at-1])
			if t != "" && !strings.HasPrefix(t, "#") {
				break
			}
			at--
		}
		return insert(at, indent(items, lines[first.Line-1][:dash])), nil
	}
	return nil, errors.New("evidence.files is not a block list")
}

// fileItems writes files as the items of a block list, "- kind: …".
func fileItems(files []agreement.EvidenceFile) (string, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, f := range files {
		seq.Content = append(seq.Content, fileNode(f))
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(seq); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	var b strings.Builder
	for l := range strings.SplitAfterSeq(s, "\n") {
		if l != "" {
			b.WriteString(prefix + l)
		}
	}
	return b.String()
}

// onLine reports whether node n and everything in it is on line l.
func onLine(n *yaml.Node, l int) bool {
	if n.Line != l {
		return false
	}
	for _, c := range n.Content {
		if !onLine(c, l) {
			return false
		}
	}
	return true
}

// byteColumn returns the byte offset in line of the 1-based column col
// counted in characters, as the YAML parser counts them; -1 if beyond.
func byteColumn(line string, col int) int {
	n := 1
	for i := range line {
		if n == col {
			return i
		}
		n++
	}
	return -1
}

// fileNode is one evidence file as a YAML mapping.
func fileNode(f agreement.EvidenceFile) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	add := func(k string, v *yaml.Node) { m.Content = append(m.Content, scalar(k, 0), v) }
	add("kind", scalar(f.Kind, 0))
	add("description", scalar(f.Description, yaml.DoubleQuotedStyle))
	if f.Name != "" {
		add("name", scalar(f.Name, yaml.DoubleQuotedStyle))
	}
	// Quoted: a hash of digits and one e would read as a number.
	add("sha256", scalar(f.SHA256, yaml.DoubleQuotedStyle))
	add("size", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(f.Size)})
	add("supplied_by", scalar(f.SuppliedBy, 0))
	return m
}

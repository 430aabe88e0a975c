package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/tradepact/tradepact/confirm"
)

func init() {
	register(&command{
		name:    "status",
		summary: "say who must act next on a contract file, cheaply (exit 0 whatever its state, 1 if it does not verify)",
		run:     runStatus,
	})
}

// statusJSON is the JSON that status prints: confirm.Status, or for a file
// that does not verify, state "invalid" with the error.
type statusJSON struct {
	File string `json:"file"`
	*confirm.Status
	State   string `json:"state,omitempty"`
	Error   string `json:"error,omitempty"`
	Problem string `json:"problem,omitempty"`
}

func runStatus(e *env, args []string) int {
	fs := newFlags(e, "status", "[--seller-pub F] [--buyer-pub F] [--json] [--lang L] CONTRACT.json\n\n"+statusHelp)
	sellerPub := fs.String("seller-pub", "", "the seller's public key file you trust")
	buyerPub := fs.String("buyer-pub", "", "the buyer's public key file you trust")
	asJSON := fs.Bool("json", false, "print the status as JSON")
	lang := fs.String("lang", "", "language of the report: en, zh-Hans or zh-Hant (default: the contract's own)")
	if code := parseFlags(e, fs, args, 1); code >= 0 {
		return code
	}
	if *lang != "" && !validLocale(*lang) {
		e.errorf("status: --lang %q: want en, zh-Hans or zh-Hant", *lang)
		return exitUsage
	}
	path := fs.Arg(0)
	var opts []confirm.Option
	for _, p := range []struct {
		file string
		role confirm.Role
	}{{*sellerPub, confirm.Seller}, {*buyerPub, confirm.Buyer}} {
		if p.file == "" {
			continue
		}
		k, err := readPub(p.file)
		if err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		opts = append(opts, confirm.TrustKey(p.role, k))
	}
	data, err := os.ReadFile(path)
	e.lang = *lang
	if e.lang == "" {
		e.lang = localeOf(data)
	}
	var st *confirm.Status
	if err == nil {
		st, err = confirm.ReadStatus(data, opts...)
	}
	if *asJSON {
		out := statusJSON{File: path, Status: st}
		if err != nil {
			out.State, out.Error, out.Problem = "invalid", confirm.ErrorMessage(err, "en"), problem(err)
		} else {
			out.State = string(st.State)
		}
		b, _ := json.MarshalIndent(out, "", "  ")
		e.stdout.Write(append(b, '\n'))
	} else if err != nil {
		explain(e, path, err)
	} else {
		printStatus(e, path, st)
	}
	if err != nil {
		return exitFailure
	}
	return exitOK
}

const statusHelp = `It checks the history, digests, keys and signatures but does not render the
text again (tradepact verify does). The state is one of:
  agreed              both parties confirmed the latest revision, keys pinned
  confirmed_unpinned  both keys on file confirmed; not both keys pinned
  pending             the latest revision lacks a confirmation ("next" says whose)
  invalid             (--json only) the file does not verify; exit status 1`

func printStatus(e *env, path string, st *confirm.Status) {
	e.say("status state", path, st.ID, st.Revision, e.tr("state "+string(st.State)))
	if len(st.Next) > 0 {
		var who []string
		for _, r := range st.Next {
			who = append(who, e.role(r))
		}
		e.say("status next", strings.Join(who, e.tr("and")), st.Revision)
	}
	for _, r := range []confirm.Role{confirm.Seller, confirm.Buyer} {
		if k, ok := st.Keys[r]; ok {
			pin := ""
			if k.Pinned {
				pin = e.tr("pinned")
			}
			fmt.Fprintf(e.stdout, "%s%s\n", e.tr("status key", e.role(r), k.Fingerprint), pin)
		}
	}
	e.say("head", st.Head)
}

func init() {
	for k, v := range map[string][3]string{
		"status state": {"%s: contract %s, revision %d: %s", "%s：合同 %s 第 %d 版：%s", "%s：契約 %s 第 %d 版：%s"},
		"state agreed": {"agreed (both parties confirmed, keys pinned)", "已达成（双方均已确认，公钥经指定信任）", "已成立（雙方均已確認，公鑰經指定信任）"},
		"state confirmed_unpinned": {"both keys on file confirmed; compare the fingerprints with the parties and pin the keys before calling it agreed",
			"文件记录的双方公钥均已确认；须与双方核对公钥指纹并指定信任后才算达成",
			"檔案記錄的雙方公鑰均已確認；須與雙方核對公鑰指紋並指定信任後才算成立"},
		"state pending": {"awaiting a confirmation", "等待确认", "等待確認"},
		"status next":   {"next: the %s must confirm revision %d", "下一步：须由%s确认第 %d 版", "下一步：須由%s確認第 %d 版"},
		"and":           {" and the ", "和", "和"},
		"status key":    {"%s's key: %s", "%s公钥：%s", "%s公鑰：%s"},
		"pinned":        {" (pinned)", "（经指定信任）", "（經指定信任）"},
	} {
		if _, dup := messages[k]; dup {
			panic("tradepact: message defined twice: " + k)
		}
		messages[k] = v
	}
}

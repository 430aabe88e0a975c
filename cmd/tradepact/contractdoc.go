package main

// Helpers shared by the negotiation verbs (keygen, propose, amend, confirm,
// verify, diff) and the hook that lets render print a contract file.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"time"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/confirm"
	"github.com/tradepact/tradepact/internal/atomicfile"
	"github.com/tradepact/tradepact/render"
)

// verify's exit codes besides exitOK, exitFailure and exitUsage.
const (
	// exitUnconfirmed: the contract file verifies but its latest revision
	// still lacks a party's confirmation.
	exitUnconfirmed = 3
	// exitUnpinned: both keys the file records confirmed the latest
	// revision, but not both were pinned with --seller-pub/--buyer-pub, so
	// nothing shows whose keys they are.
	exitUnpinned = 4
)

// contractMessages are the messages of the negotiation verbs added here,
// in en, zh-Hans and zh-Hant, merged into messages.
// lockWait is how long a write of a contract file waits for another
// tradepact writing the same file.
const lockWait = 30 * time.Second

// errChanged marks a write refused because another process changed the
// file after this one read it.
var errChanged = errors.New("the contract file changed while this command ran")

var contractMessages = map[string][3]string{
	"dated future": {
		"--time %s is more than a day ahead of this computer's clock; every later entry will be dated no earlier",
		"--time %s 比本机时钟晚一天以上；之后的每条记录的时间都不会早于它",
		"--time %s 比本機時鐘晚一天以上；之後的每筆紀錄的時間都不會早於它"},
	"hint unchanged": {
		"to accept revision %d as it is, confirm it: tradepact confirm --key YOUR.key -o FILE FILE; to propose changes, edit the terms (tradepact terms -o new.yaml FILE) and amend with the edited file",
		"如接受第 %d 版原样内容，请确认：tradepact confirm --key 您的.key -o 文件 文件；如要修改，请先编辑条款（tradepact terms -o new.yaml 文件），再用编辑后的文件 amend",
		"如接受第 %d 版原樣內容，請確認：tradepact confirm --key 您的.key -o 檔案 檔案；如要修改，請先編輯條款（tradepact terms -o new.yaml 檔案），再以編輯後的檔案 amend"},
	"pdf verified": {
		"PDF: the pages are exactly what the embedded contract file renders to",
		"PDF：页面与所附合同文件生成的内容完全一致",
		"PDF：頁面與所附契約檔案產生的內容完全一致"},
	"dated later": {
		"the newest entry is dated %s, later than this computer's clock (%s): this entry is dated %[1]s too, as no entry may precede the one it follows. Check the dates in the contract before you rely on it",
		"最新一条记录的时间为 %s，晚于本机时钟（%s）：由于记录不得早于其前一条，本次记录同样记为 %[1]s。请先核对合同中的日期",
		"最新一筆紀錄的時間為 %s，晚於本機時鐘（%s）：由於紀錄不得早於其前一筆，本次紀錄同樣記為 %[1]s。請先核對契約中的日期"},
	"file changed": {
		"%s changed while this command ran: another amend or confirm wrote it first, so the latest revision may not be the one you saw; nothing was written",
		"%s 在本命令执行期间被改动：另一个 amend 或 confirm 先写入了它，最新版本可能已不是您看到的版本；未写入任何内容",
		"%s 在本命令執行期間遭變更：另一個 amend 或 confirm 先寫入了它，最新版本可能已不是您看到的版本；未寫入任何內容"},
	"hint changed": {
		"read the new version (tradepact render %s) and run the command again",
		"请先阅读新版本（tradepact render %s），再重新执行命令",
		"請先閱讀新版本（tradepact render %s），再重新執行命令"},
	"hint rollback": {
		"the file lacks history you know of: get the full copy from the other party or the platform; an older agreed revision does not replace a later one",
		"文件缺少您已知的历史记录：请向对方或平台索取完整副本；较早达成的版本不能取代之后的版本",
		"檔案缺少您已知的歷史紀錄：請向對方或平台索取完整副本；較早成立的版本不能取代之後的版本"},
	"unpinned key": {
		"note: the %s's key %s is not pinned: nothing shows it is the %s's; ask the %s for the fingerprint of its key over a channel you trust (in person, by phone) and, if they match, pass its .pub file with --%[4]s-pub",
		"注意：%s公钥 %s 未经指定信任，无法证明它属于%s；请通过可信的渠道（当面、电话）向%[3]s索取其公钥指纹，核对一致后用 --%[4]s-pub 指定其 .pub 文件",
		"注意：%s公鑰 %s 未經指定信任，無法證明它屬於%s；請透過可信的管道（當面、電話）向%[3]s索取其公鑰指紋，核對相符後以 --%[4]s-pub 指定其 .pub 檔案"},
	"unpinned hint": {
		"not agreed until both keys are pinned: one person holding two keys can produce this file (exit status 4)",
		"在双方公钥都经指定信任之前不算达成：一个人持有两把密钥就能做出这样的文件（退出码 4）",
		"在雙方公鑰都經指定信任之前不算成立：一個人持有兩把金鑰就能做出這樣的檔案（結束碼 4）"},
	"both confirmed unpinned": {
		"both keys on file confirmed revision %d; it is agreed once the fingerprints are checked: tradepact verify --seller-pub SELLER.pub --buyer-pub BUYER.pub %s",
		"文件记录的双方公钥均已确认第 %d 版；核对公钥指纹后才算达成：tradepact verify --seller-pub 卖方.pub --buyer-pub 买方.pub %s",
		"檔案記錄的雙方公鑰均已確認第 %d 版；核對公鑰指紋後才算成立：tradepact verify --seller-pub 賣方.pub --buyer-pub 買方.pub %s"},
}

func init() {
	for k, v := range contractMessages {
		if _, dup := messages[k]; dup {
			panic("tradepact: message defined twice: " + k)
		}
		messages[k] = v
	}
}

// loadTerms reads a terms file (YAML or JSON).
func loadTerms(path string) (*agreement.Agreement, error) { return agreement.Load(path) }

// loadChecked loads a terms file to sign and checks it. It prints what is
// wrong, every decoding error or validation finding, in the file's language.
func loadChecked(e *env, path string) (*agreement.Agreement, bool) {
	data, err := readLimited(path, agreement.MaxSize+1)
	if err != nil {
		e.errorf("%v", err)
		return nil, false
	}
	if err := checkTermsFile(path, data); err != nil {
		keyFileHint(e, err)
		return nil, false
	}
	a, err := agreement.Decode(path, data)
	if err != nil {
		fes := decodeErrors(err)
		if fes == nil {
			e.errorf("%v", err)
			return nil, false
		}
		l, _ := agreement.DetectLocale(path, data)
		for _, f := range fes {
			e.errorf("%s:%d:%d: %s%s", path, f.Line, f.Column, pathPrefix(f.Path), f.Message(l))
		}
		e.hintf("invalid terms are never signed; run \"tradepact validate %s\" for every finding", path)
		return nil, false
	}
	return a, checkTerms(e, path, a)
}

// readLimited reads at most n bytes of the file at path.
func readLimited(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

func pathPrefix(p string) string {
	if p == "" {
		return ""
	}
	return p + ": "
}

// checkTerms prints the validation errors and reports whether the terms
// may be signed: invalid terms are never proposed, amended or confirmed.
func checkTerms(e *env, path string, a *agreement.Agreement) bool {
	err := a.Check()
	if err == nil {
		printWarnings(e, path, a, a.Locale)
		return true
	}
	var ve *agreement.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			e.errorf("%s:%d:%d: %s: %s", path, f.Line, f.Column, f.Path, f.Message(a.Locale))
		}
	} else {
		e.errorf("%s: %v", path, err)
	}
	e.hintf("invalid terms are never signed; run \"tradepact validate %s\" for every finding", path)
	return false
}

// printWarnings prints the terms' warnings to standard error: they do not
// stop signing or rendering, but whoever signs should see them first.
func printWarnings(e *env, path string, a *agreement.Agreement, l agreement.Locale) {
	for _, f := range a.Validate() {
		if f.Severity == agreement.SeverityWarning {
			e.warnf("%s:%d:%d: %s: %s", path, f.Line, f.Column, f.Path, f.Message(l))
		}
	}
}

// termsLine finds the format-version key that every terms file starts with.
var termsLine = regexp.MustCompile(`(?m)^(?:tradepact[ \t]*:|[ \t{]*"tradepact"[ \t]*:)[ \t]*\d`)

// refuseClobber returns an error if -o names an existing file that a
// command writing output must not replace: a key, a contract file, or
// (unless termsOK) a terms file, or (unless pdfOK) a PDF. Other rendered
// output may be replaced.
func refuseClobber(path string, termsOK, pdfOK bool) error {
	head, err := readLimited(path, 4096)
	if err != nil {
		return nil // nothing there, or nothing readable: the write will say
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	what := ""
	switch {
	case bytes.HasPrefix(head, []byte("tradepact-private-key")) || bytes.HasPrefix(head, []byte("tradepact-public-key")):
		what = "a key file"
	case isContractFile(head):
		what = "a contract file"
	case !termsOK && termsLine.Match(head):
		what = "a terms file"
	case !pdfOK && isPDF(head):
		what = "a PDF"
	}
	if what != "" {
		return fmt.Errorf("%s is %s; not overwriting it with this output", path, what)
	}
	return nil
}

// readKey reads a private key file. It refuses a key file that others may
// read: a confirmation is only worth something if the key is its owner's
// alone.
func readKey(path string) (*confirm.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := confirm.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", path, confirm.ErrorMessage(err, "en"))
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("%s: the private key may be read by others (mode %04o); run \"chmod 600 %s\"", path, fi.Mode().Perm(), path)
	}
	return k, nil
}

// readPub reads a public key file.
func readPub(path string) (confirm.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	k, err := confirm.ParsePublicKey(string(data))
	if err != nil {
		return "", fmt.Errorf("%s: %s", path, confirm.ErrorMessage(err, "en"))
	}
	return k, nil
}

// readContract reads and parses a contract file, and sets e.lang to the
// contract's language.
func readContract(e *env, path string) (*confirm.Contract, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if err := checkKeyFile(path, data); err != nil {
		return nil, err
	}
	e.setLang(localeOf(data))
	c, err := confirm.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// writeContract writes c to path atomically. It replaces only a copy of
// the same contract whose history c continues: -o pointed by mistake at
// the terms, a key, another contract or a newer copy must not destroy it.
// c was read from the file from, whose head was then base ("" and the zero
// digest for a new contract).
//
// Two commands updating one file at once (the buyer confirms while the
// seller amends) are serialised: the checks and the rename happen under a
// lock on a sidecar file, and when path is the file c was read from and
// its head is no longer base once the lock is held, the other command
// wrote it after this one read it. This one then writes nothing and says
// so (errChanged): what it signed was the latest revision as it read it,
// which may no longer be the latest.
func writeContract(path string, c *confirm.Contract, from string, base confirm.Digest) error {
	data, err := c.Marshal()
	if err != nil {
		return err
	}
	unlock, err := atomicfile.Lock(path, lockWait)
	if err != nil {
		return err
	}
	defer unlock()
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return atomicfile.Write(path, data, 0o644)
	}
	if err != nil {
		return err
	}
	oc, err := confirm.Parse(old)
	switch {
	case !isContractFile(old) || err != nil:
		return fmt.Errorf("%s exists and is not a contract file; not overwriting it (write to a new file or to the contract file itself)", path)
	case oc.ID() != c.ID():
		return fmt.Errorf("%s holds contract %s, not %s; not overwriting it", path, oc.ID(), c.ID())
	case from != "" && samePath(path, from) && oc.Head() != base:
		return fmt.Errorf("%w: %s now ends with head %s, not %s as this command read it: another amend or confirm wrote it first. Nothing was written; read the new version (tradepact render %s) and run the command again",
			errChanged, path, oc.Head(), base, path)
	case !c.Extends(oc):
		// An older or diverging copy must not replace the history
		// there, and with it a party's confirmation.
		return fmt.Errorf("%s holds a history that the new file does not continue (it has entries this one lacks); not overwriting it: amend or confirm %s itself", path, path)
	}
	return atomicfile.Write(path, data, 0o644)
}

// note prints "tradepact: note: ..." to stderr.
func (e *env) note(msg string) { fmt.Fprintf(e.stderr, "tradepact: note: %s\n", msg) }

// reportWrite prints why writeContract failed.
func reportWrite(e *env, path string, err error) {
	if errors.Is(err, errChanged) {
		e.errorf("%s", e.tr("file changed", path))
		e.hintf("%s", e.tr("hint changed", path))
		return
	}
	e.errorf("%v", err)
}

// samePath reports whether a and b name the same file path (not the same
// inode: an atomic write gives the file a new one).
func samePath(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

// timeFlag is --time: the time to record, RFC 3339 with an offset. Without
// it the current time is used.
type timeFlag struct{ t *time.Time }

func (f *timeFlag) String() string {
	if f.t == nil {
		return ""
	}
	return f.t.Format(confirm.TimeLayout)
}

func (f *timeFlag) Set(s string) error {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return fmt.Errorf("want RFC 3339 with an offset, e.g. 2026-11-22T10:04:05+08:00")
	}
	f.t = &t
	return nil
}

func (f *timeFlag) time() time.Time {
	if f.t != nil {
		return *f.t
	}
	return time.Now()
}

// roleFlag is --as seller|buyer.
type roleFlag struct{ r confirm.Role }

func (f *roleFlag) String() string { return string(f.r) }

func (f *roleFlag) Set(s string) error {
	switch confirm.Role(s) {
	case confirm.Seller, confirm.Buyer:
		f.r = confirm.Role(s)
		return nil
	}
	return fmt.Errorf("want seller or buyer")
}

func (f *roleFlag) options() []confirm.Option {
	if f.r == "" {
		return nil
	}
	return []confirm.Option{confirm.AsRole(f.r)}
}

// refuseOverwrite reports whether path exists, after printing why that is
// a problem for a new contract file.
func refuseOverwrite(e *env, path string) bool {
	if _, err := os.Stat(path); err == nil {
		e.errorf("%s already exists", path)
		e.hintf("a new contract starts a new file; amend or confirm an existing one instead")
		return true
	}
	return false
}

// localeLine finds the locale of the terms a contract file or PDF holds,
// even in a file that does not verify.
var localeLine = regexp.MustCompile(`"locale"\s*:\s*"(en|zh-Hans|zh-Hant)"`)

// localeOf returns the language of the first terms in data, or "".
func localeOf(data []byte) string {
	if m := localeLine.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

// explain prints a verification error, in the contract's language when it
// is known, and, where it helps, a hint.
func explain(e *env, path string, err error) {
	e.errorf("%s: %s", path, confirm.ErrorMessage(err, e.lang))
	var (
		ke *confirm.KeyError
		he *confirm.HistoryError
		me *confirm.MalformedError
		rb *confirm.RollbackError
		ut *confirm.UnchangedTermsError
	)
	switch {
	case errors.As(err, &ut):
		e.hintf("%s", e.tr("hint unchanged", ut.Revision))
	case errors.As(err, &rb):
		e.hintf("%s", e.tr("hint rollback"))
	case errors.As(err, &ke):
		e.hintf("%s", e.tr("hint key"))
	case errors.As(err, &he):
		e.hintf("%s", e.tr("hint history"))
	case errors.As(err, &me):
		e.hintf("%s", e.tr("hint malformed"))
	}
}

// printChanges writes one line per change (path: old → new).
func printChanges(e *env, changes []confirm.Change) {
	if len(changes) == 0 {
		e.say("no differences")
		return
	}
	for _, c := range changes {
		fmt.Fprintln(e.stdout, c.String())
	}
}

// isContractFile reports whether data is meant as a contract file rather
// than terms: a JSON object with the top-level key "tradepact_contract",
// wherever it stands among the keys (a database or jq may sort them), found
// by reading the JSON tokens. Data cut short (the head of a file) counts if
// the key comes before the cut. Whether the file is a valid contract is for
// confirm.Parse and Verify to say.
func isContractFile(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	d := json.NewDecoder(bytes.NewReader(data))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		key, ok := tok.(string)
		if !ok {
			return false // the closing brace
		}
		if key == "tradepact_contract" {
			return true
		}
		if skipValue(d) != nil {
			return false
		}
	}
}

// skipValue reads one JSON value from d by its tokens, without keeping it.
func skipValue(d *json.Decoder) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

func isPDF(data []byte) bool { return bytes.HasPrefix(data, []byte("%PDF-")) }

// verifyPDF verifies the contract file a PDF carries and compares the PDF
// with a fresh rendering of it; confirm.VerifyPDF fails unless the pages
// are verified. The note says what the comparison found.
func verifyPDF(data []byte, opts []confirm.Option) (*confirm.Result, string, error) {
	pr, err := confirm.VerifyPDF(data, opts...)
	if err != nil {
		var pe *confirm.PDFError
		if errors.As(err, &pe) {
			return nil, pe.Note, err
		}
		return nil, "", err
	}
	return pr.Result, pr.Note, nil
}

// contractDocument verifies a contract file and returns its latest
// revision as a document carrying the signing record. render calls it for
// contract files.
func contractDocument(data []byte) (*render.Document, *confirm.Result, error) {
	res, err := confirm.Verify(data)
	if err != nil {
		return nil, nil, err
	}
	doc, err := res.Document()
	if err != nil {
		return nil, nil, err
	}
	return doc, res, nil
}

// contractPDF writes the PDF of a contract file's latest revision with the
// file embedded, so that "tradepact verify" can check the PDF later.
func contractPDF(w io.Writer, data []byte, opts ...render.PDFOption) error {
	_, err := confirm.WritePDF(w, data, confirm.WithPDFOptions(opts...))
	return err
}

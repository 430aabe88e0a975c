package confirm

import (
	"fmt"
	"time"

	"github.com/tradepact/tradepact/render"
)

// sigBlockText is what a confirmed party's cells in the signature block
// say, per language.
type sigBlockText struct {
	confirmed, key string
}

var sigBlockTexts = map[string]sigBlockText{
	"en":      {confirmed: "Electronically confirmed", key: "Key %s"},
	"zh-Hans": {confirmed: "已电子确认", key: "公钥 %s"},
	"zh-Hant": {confirmed: "已電子確認", key: "公鑰 %s"},
}

var enMonths = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// LocalTime writes a recorded time (RFC 3339 with the signer's offset, as
// a confirmation records it) as a reader of lang expects it, in the time
// zone the time was recorded in: "2026年11月20日 14:03 (UTC+8)" in Chinese,
// "20 Nov 2026 14:03 (UTC+8)" in English. No clock or time zone database
// is read, so the same file gives the same text anywhere. A time that does
// not parse is returned as it is.
func LocalTime(s, lang string) string {
	t, err := time.Parse(TimeLayout, s)
	if err != nil {
		return s
	}
	_, off := t.Zone()
	zone := "UTC"
	if off != 0 {
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		zone = fmt.Sprintf("UTC%c%d", sign, off/3600)
		if m := off % 3600 / 60; m != 0 {
			zone += fmt.Sprintf(":%02d", m)
		}
	}
	switch lang {
	case "zh-Hans", "zh-Hant":
		return fmt.Sprintf("%d年%d月%d日 %02d:%02d (%s)", t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), zone)
	}
	return fmt.Sprintf("%d %s %d %02d:%02d (%s)", t.Day(), enMonths[t.Month()-1], t.Year(), t.Hour(), t.Minute(), zone)
}

// fillSignatureBlock writes each confirmation of the latest revision into
// its party's column of the document's signature block: "electronically
// confirmed" and the key fingerprint in the signature row, the local time
// in the date row. The confirmed text (doc.Source) keeps its empty cells;
// only what is drawn changes, as it does for the signing record. The block
// is the last kept block whose table has a column per party (seller, then
// buyer) and two rows whose party cells are both empty: the first is the
// signature row, the second the date row. A text without such a block
// (another template set) is left as it is.
func (r *Result) fillSignatureBlock(doc *render.Document) {
	rev := r.Latest()
	if rev == nil || len(rev.Confirmations) == 0 {
		return
	}
	t, ok := sigBlockTexts[doc.Lang]
	if !ok {
		t = sigBlockTexts["en"]
	}
	for i := len(doc.Blocks) - 1; i >= 0; i-- {
		b := doc.Blocks[i]
		if b.Kind != render.BlockKeep {
			continue
		}
		for j, c := range b.Children {
			if c.Kind != render.BlockTable || c.Table == nil || len(c.Table.Header) != 3 {
				continue
			}
			var empty []int
			for k, row := range c.Table.Rows {
				if len(row) == 3 && len(row[1]) == 0 && len(row[2]) == 0 {
					empty = append(empty, k)
				}
			}
			if len(empty) < 2 {
				continue
			}
			tab := *c.Table
			tab.Rows = make([][][]render.Inline, len(c.Table.Rows))
			for k, row := range c.Table.Rows {
				tab.Rows[k] = append([][]render.Inline(nil), row...)
			}
			for _, conf := range rev.Confirmations {
				col := 1
				if conf.Role == Buyer {
					col = 2
				}
				tab.Rows[empty[0]][col] = []render.Inline{
					{Text: t.confirmed, Bold: true}, {Break: true},
					{Text: printable(fmt.Sprintf(t.key, conf.Key.Fingerprint()))},
				}
				tab.Rows[empty[1]][col] = []render.Inline{{Text: LocalTime(conf.Time, doc.Lang)}}
			}
			children := append([]render.Block(nil), b.Children...)
			children[j].Table = &tab
			blocks := append([]render.Block(nil), doc.Blocks...)
			blocks[i].Children = children
			doc.Blocks = blocks
			return
		}
		return
	}
}

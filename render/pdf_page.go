// PDF layout: items onto pages, and the header and footer of every page.

package render

import (
	"fmt"
)

func (l *layout) paginate() [][]op {
	var pages [][]op
	var page []op
	y := l.top
	empty := true
	place := func(it *item) {
		if empty && it.sep {
			return
		}
		if !empty {
			y += it.before
		}
		for _, o := range it.ops {
			o.y += y
			if o.kind == 'l' {
				o.y2 += y
			}
			page = append(page, o)
		}
		y += it.h
		empty = false
	}
	body := l.bottom - l.top
	// An item placed once lives on in its page: drop its own copy of the
	// ops then, so that a long document does not hold every op twice.
	// Table headers are placed again on each page and keep theirs.
	headers := map[*item]bool{}
	for _, it := range l.items {
		if it.header != nil {
			headers[it.header] = true
		}
	}
	for i := 0; i < len(l.items); i++ {
		it := l.items[i]
		need := it.h + it.before
		if it.keepNext {
			j, n := i, it.h+it.before
			for j+1 < len(l.items) && l.items[j].keepNext {
				j++
				n += l.items[j].h + l.items[j].before
			}
			if n <= body {
				need = n
			}
			// A heading goes with the whole group that follows it, if
			// one starts there (a short table or list kept together) and
			// the two fit on a page; else with the group's first line.
			if g := l.items[j].group; g != 0 && g != it.group {
				for k := j + 1; k < len(l.items) && l.items[k].group == g; k++ {
					n += l.items[k].h + l.items[k].before
				}
				if n <= body {
					need = n
				}
			}
		}
		if it.group != 0 && (i == 0 || l.items[i-1].group != it.group) {
			n := 0.0
			for j := i; j < len(l.items) && l.items[j].group == it.group; j++ {
				n += l.items[j].h + l.items[j].before
			}
			if n <= body {
				need = max(need, n)
			}
		}
		if !empty && y+need > l.bottom+1e-6 {
			pages = append(pages, page)
			page, y, empty = nil, l.top, true
			if it.header != nil {
				place(it.header)
			}
		}
		place(it)
		if !headers[it] && !l.keepItems {
			it.ops = nil
		}
	}
	if len(page) > 0 || len(pages) == 0 {
		pages = append(pages, page)
	}
	return pages
}

// furniture adds the header and footer to every page: contract number,
// short digest, page n of N.
func (l *layout) furniture(pages [][]op) {
	lb := labels[l.lang]
	fs := max(7, l.c.size*0.8)
	m := l.doc.Meta
	right := l.left + l.width
	hy := l.top - fs*1.6
	var num, dig string
	if m.ID != "" {
		num = l.clean(fmt.Sprintf(lb.number, m.ID), "meta.id")
	}
	if m.ShortDigest != "" {
		dig = l.clean(fmt.Sprintf(lb.digest, m.ShortDigest), "meta.short_digest")
	}
	var draft string
	var ds float64
	if m.Draft {
		draft = l.clean(lb.draft, "draft marker")
		ds = fs * 1.75
	}
	for i := range pages {
		foot := l.clean(fmt.Sprintf(lb.page, i+1, len(pages)), "page footer")
		var fur []op
		if num != "" {
			fur = append(fur, op{kind: 't', x: l.left, y: hy, s: num, size: fs})
		}
		if dig != "" {
			fur = append(fur, op{kind: 't', x: right - l.measure(dig, fs), y: hy, s: dig, size: fs})
		}
		if num != "" || dig != "" {
			fur = append(fur, op{kind: 'l', x: l.left, y: hy + fs*0.5, x2: right, y2: hy + fs*0.5, lw: 0.4, grey: 128})
		}
		if draft != "" {
			// Above the header line, centred, in bold: a draft can never
			// pass for a confirmed contract, whichever page is shown.
			fur = append(fur, op{kind: 't', x: l.left + (l.width-l.measure(draft, ds))/2, y: hy - fs*1.5, s: draft, size: ds, bold: true})
		}
		fy := l.bottom + fs*2.2
		fur = append(fur, op{kind: 't', x: l.left + (l.width-l.measure(foot, fs))/2, y: fy, s: foot, size: fs})
		pages[i] = append(fur, pages[i]...)
	}
}

var labels = [3]struct {
	number, digest, page, qr, draft string
}{
	{"Contract No. %s", "Digest %s", "Page %d of %d", "Digest of the agreed terms", "DRAFT – not confirmed by the parties"},
	{"契約編號 %s", "摘要 %s", "第 %d 頁，共 %d 頁", "條款摘要", "草稿（雙方尚未確認）"},
	{"合同编号 %s", "摘要 %s", "第 %d 页，共 %d 页", "条款摘要", "草稿（双方尚未确认）"},
}

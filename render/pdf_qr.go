// PDF layout: the QR code of the agreement digest.

package render

import (
	"fmt"
	"image/color"
	"sync"
	"sync/atomic"

	"github.com/boombuler/barcode/qr"
)

// qr adds the QR code of the digest, kept with the record's last lines.
// It is drawn as one filled path in module units (a rectangle per run of
// dark modules on a row), not as hundreds of separately placed boxes.
func (l *layout) qr(content string, size float64, group int) error {
	mods, err := qrModules(content)
	if err != nil {
		return fmt.Errorf("render: pdf: qr code: %w", err)
	}
	n := len(mods)
	side := min(size*9, l.width/3)
	m := side / float64(n)
	ops := []op{{kind: 'q', x: l.left, y: 0, x2: m, mods: mods}}
	// Beside the code, the digest it holds, for people checking by eye.
	cs := max(7, size*0.8)
	cx := l.left + side + size
	lab := l.clean(labels[l.lang].qr, "qr caption")
	dig := l.clean(content, "meta.qr")
	ops = append(ops, op{kind: 't', x: cx, y: cs * 1.2, s: lab, size: cs})
	lh := l.lineHeight(cs)
	for i, ln := range l.lines(dig, []span{{start: 0, end: len(dig)}}, cx, l.left+l.width-cx, textStyle{size: cs}) {
		for _, o := range ln.ops {
			o.y += lh*float64(i) + cs*1.4
			ops = append(ops, o)
		}
	}
	l.add(&item{h: side, before: l.lineHeight(size) * 0.6, ops: ops}, group)
	return nil
}

// qrCodes memoizes encoded QR codes by content: encoding searches all
// eight masks for the lowest penalty, which costs more than drawing the
// code, and a process renders one digest many times (a PDF, then the
// same PDF again to verify it). It is bounded: past qrCacheMax entries
// codes are encoded afresh. Values are never modified once stored.
var (
	qrCodes   sync.Map // string -> [][]bool
	qrEntries atomic.Int64
)

const qrCacheMax = 256

func qrModules(content string) ([][]bool, error) {
	if v, ok := qrCodes.Load(content); ok {
		return v.([][]bool), nil
	}
	code, err := qr.Encode(content, qr.M, qr.Auto)
	if err != nil {
		return nil, err
	}
	n := code.Bounds().Dx()
	mods := make([][]bool, n)
	for y := range mods {
		mods[y] = make([]bool, n)
		for x := range mods[y] {
			mods[y][x] = dark(code.At(x, y))
		}
	}
	if qrEntries.Add(1) <= qrCacheMax {
		qrCodes.Store(content, mods)
	}
	return mods, nil
}

func dark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r+g+b < 3*0x8000
}

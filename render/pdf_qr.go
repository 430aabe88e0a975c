// PDF layout: the QR code of the agreement digest.

package render

import (
	"fmt"
	"image/color"

	"github.com/boombuler/barcode/qr"
)

// qr adds the QR code of the digest, kept with the record's last lines.
func (l *layout) qr(content string, size float64, group int) error {
	code, err := qr.Encode(content, qr.M, qr.Auto)
	if err != nil {
		return fmt.Errorf("render: pdf: qr code: %w", err)
	}
	n := code.Bounds().Dx()
	side := min(size*9, l.width/3)
	m := side / float64(n)
	var ops []op
	for y := 0; y < n; y++ {
		for x := 0; x < n; {
			if !dark(code.At(x, y)) {
				x++
				continue
			}
			x0 := x
			for x < n && dark(code.At(x, y)) {
				x++
			}
			ops = append(ops, op{kind: 'f', x: l.left + float64(x0)*m, y: float64(y) * m, x2: float64(x-x0) * m, y2: m, grey: 0})
		}
	}
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

func dark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r+g+b < 3*0x8000
}

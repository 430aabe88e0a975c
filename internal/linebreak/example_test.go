package linebreak_test

import (
	"fmt"

	"github.com/tradepact/tradepact/internal/linebreak"
)

func ExampleBreak() {
	text := "合約編號 TP-2026-000123：買方應於收貨後七日內付款，逾期視為違約。"
	for _, l := range linebreak.Break(text, 20, linebreak.Columns) {
		fmt.Printf("%-2v|%s\n", l.Width, l.Text)
	}
	// Output:
	// 8 |合約編號
	// 20|TP-2026-000123：買方
	// 18|應於收貨後七日內付
	// 18|款，逾期視為違約。
}

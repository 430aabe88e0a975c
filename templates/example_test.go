package templates_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/tradepact/tradepact/agreement"
	"github.com/tradepact/tradepact/templates"
)

func ExampleSet_Execute() {
	a, err := agreement.Load("../examples/terms/gift_card-zh-Hant.yaml")
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := templates.Default().Execute(&b, a); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "## 第") || strings.Contains(line, "大寫") {
			fmt.Println(line)
		}
	}
	// Output:
	// # 禮物卡轉讓契約
	// ## 第一條　買賣標的
	// ## 第二條　價金
	// 總價大寫：**新臺幣玖佰貳拾元整**
	// ## 第三條　付款
	// ## 第四條　交付
	// ## 第五條　檢查
	// ## 第六條　退貨及退款
	// ## 第七條　契約之解除
	// ## 第八條　售後服務
	// ## 第九條　禮物卡及序號
	// ## 第十條　證據保存
	// ## 第十一條　電子形式
	// ## 第十二條　爭議處理
	// ## 第十三條　契約之變更及效力順序
}

func ExampleSet_Identity() {
	id := templates.Default().Identity()
	fmt.Println(id.Name, id.Version, strings.HasPrefix(id.Digest.String(), "sha256:"))
	// Output: tradepact 1 true
}

func ExampleLoad() {
	// A seller's own templates: one added clause, over the built-in set.
	fsys := fstest.MapFS{
		"set.json":      {Data: []byte(`{"name": "harbor-audio", "version": "2026.1"}`)},
		"en/extra.tmpl": {Data: []byte("{{define \"custom\"}}## Article {{.Article}}. Packaging\n\nEvery order ships in recycled packaging.\n{{end}}")},
	}
	set, err := templates.Load(fsys)
	if err != nil {
		panic(err)
	}
	a, err := agreement.Load("../examples/terms/goods-en.yaml")
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := set.Execute(&b, a); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "Packaging") {
			fmt.Println(line)
		}
	}
	fmt.Println(set.Identity().Name, set.Identity().Version)
	// Output:
	// ## Article 14. Packaging
	// harbor-audio 2026.1
}

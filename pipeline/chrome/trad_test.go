package chrome

import (
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/opencc"
)

// TestTraditionalChrome: a page's chrome written in traditional characters
// (相關新聞 and its list, 來源 bylines, 版權所有 footers, 分享到) is removed
// as the same page's in simplified characters is, and the kept text stays
// in its own script; the title and publisher are the text's own.
func TestTraditionalChrome(t *testing.T) {
	conv, err := opencc.New("s2tw")
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{
		"县道拓宽工程开工\n2025-09-03 10:12　来源：县政府新闻办　责任编辑：王明\n　　县政府今日举行县道拓宽工程开工仪式，本工程全长约2.9公里，计划投资3亿元，预计明年完工。\n\n相关新闻\n．南投县台14线改善工程 总经费8亿元\n．云林县今年完成道路刨铺130公里\n\n县政府　版权所有　地址：县府路1号　总机：(04)7222151\n",
		"公路局推动便民服务\n发布时间：2024-05-20　来源：公路局\n　　公路局表示，驾照换发时间由原来的30分钟缩短为10分钟，申请文件由5项减为2项，民众办事更加便利。\n分享到：微信　微博　QQ空间\n相关阅读：\n．高速公路电子收费上线\n．省道改善计划核定\n本网站所刊载资讯，版权所有，未经授权不得转载\n",
		"首页 > 新闻 > 地方新闻\n市区道路改善计划启动\n2023年10月26日 08:12　来源：市政府　责任编辑：孙晓\n　　市政府今日宣布启动市区道路改善计划，今年将改善道路约12公里，总经费约新台币4亿元，预计年底完成。\n推荐阅读\n．新建联外道路第二期动土\n．桥梁耐震补强完成\n",
		"港珠澳大桥连接路段通车\n2022年12月9日　来源：政府新闻处\n　　连接路全长约一点八公里，包括一条长约一公里的海上高架桥，工程预算合共约一百六十亿元。\n热门新闻\n．新界北运输基建规划公布\n．将军澳隧道通车满月\n【打印】【关闭】\n",
		"澳门道路重铺工程完成\n发布日期：2023-07-26　来源：新闻局\n　　工务局表示，今年已完成多条道路的路面重铺，重铺道路总长约4.3公里，工程费用约四千六百万元。\n相关链接\n．工程准照审批优化措施\n．轻轨东线工程进展\n版权所有 © 澳门特别行政区政府\n",
	}
	for _, simp := range pages {
		trad := conv.Convert(simp)
		outS, edS, metaS := Clean(simp)
		outT, edT, metaT := Clean(trad)
		if len(edS) != len(edT) {
			t.Errorf("%d edits on the simplified page, %d on its traditional form:\n%s\n---\n%s", len(edS), len(edT), outS, outT)
			continue
		}
		for i := range edS {
			if edS[i].Reason != edT[i].Reason {
				t.Errorf("edit %d: %q on the simplified page, %q on the traditional", i, edS[i].Reason, edT[i].Reason)
			}
		}
		if got := conv.Convert(outS); got != outT {
			t.Errorf("traditional output is not the simplified one converted:\n%s\n---\n%s", outT, got)
		}
		if metaT.Title != "" && !strings.Contains(trad, metaT.Title) || metaT.Publisher != "" && !strings.Contains(trad, metaT.Publisher) {
			t.Errorf("metadata not the text's own: %+v", metaT)
		}
		if metaS.Title != "" && metaT.Title == "" {
			t.Errorf("title lost on the traditional page: %+v vs %+v", metaS, metaT)
		}
	}
}

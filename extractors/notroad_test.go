package extractors

import "testing"

// The distance of a race, walk or ride held on a road is not road built:
// "举行10公里长跑" names the event after the unit. Found on a real news page
// (a square reopened, "市民在此举行10公里长跑"), written here in other words.
func TestEventDistanceNotRoad(t *testing.T) {
	checkValues(t, []valueCase{
		{"新改建的环湖公路通车当天，举办了21公里半程马拉松比赛。", nil},
		{"全县新建农村公路后，首次举办20公里徒步挑战赛。", nil},
		{"沿新开通的旅游公路，300名骑友开展了60公里骑行活动。", nil},
		{"改造完工后，约500名选手参加了10公里越野跑。", nil},
		{"道路建成后，社区组织居民进行5公里健步走。", nil},
		{"新建的滨江大道上举行了8公里长跑接力。", nil},
		// the road itself is still read
		{"今年新建农村公路120公里，并在新路上举办马拉松比赛。", []float64{120}},
		{"改造完成的马拉松赛道所在道路全长21公里。", []float64{21}},
	})
}

// A works verb found by substring inside another word is no works verb:
// "重新开放" holds 新开 but says "reopened" (重新|开放). Only where the verb
// alone, clauses back and with no road noun, would make the length a road's.
func TestWorksVerbInsideWord(t *testing.T) {
	checkValues(t, []valueCase{
		{"公园重新开放，游客可沿湖步行3公里。", nil},
		{"展馆重新开放以来，参观者排队长达1公里。", nil},
		{"景区于上月重新开放，索道全程2公里。", nil},
		{"该广场重新开放，市民在此漫步约2公里。", nil},
		{"体育中心已重新开放，环形跑道一圈1公里。", nil},
		// a works verb standing as a word still decides
		{"今年新开工项目12个，新开通道路35公里。", []float64{35}},
		{"全市重新铺设、新开辟道路共计18公里。", []float64{18}},
	})
}

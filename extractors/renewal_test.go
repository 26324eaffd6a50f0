package extractors

import "testing"

// TestRenewalWorks: renewing a road (重铺, 翻修, 翻新, 重建, 铺装) is road
// works like 改造, before the length or after it; and 打造 builds a road
// when one is named, not a belt or a circle.
func TestRenewalWorks(t *testing.T) {
	checkKinds(t, []kindCase{
		{"对县城主街4.2公里路面进行翻修。", []string{"road_length 4.2"}},
		{"重铺沥青路面6.8公里。", []string{"road_length 6.8"}},
		{"翻修老旧路段9公里，改善群众出行条件。", []string{"road_length 9"}},
		{"重建水毁道路2.6公里。", []string{"road_length 2.6"}},
		{"铺装村内道路15公里。", []string{"road_length 15"}},
		{"开展约5公里的城区道路重铺工程。", []string{"road_length 5"}},
		{"翻新背街小巷道路3.1公里。", []string{"road_length 3.1"}},
		{"打造旅游环线120公里。", []string{"road_length 120"}},
		{"全年打造美丽示范路45公里。", []string{"road_length 45"}},
		{"打造沿江30公里产业带。", nil},
		{"打造半小时通勤圈，辐射50公里。", nil},
	})
}

// TestBeltNotRoad: a length whose words after the unit name a belt, a
// corridor or a path and no road is not a road's, whatever verb built it.
func TestBeltNotRoad(t *testing.T) {
	checkKinds(t, []kindCase{
		{"建设沿江30公里产业带。", nil},
		{"建成18公里滨水景观带。", nil},
		{"打造24公里滨江风光带。", nil},
		{"建设12公里沿河生态廊道。", nil},
		{"新建9公里滨河步道和休闲广场。", nil},
		{"完成26公里环湖绿道建设。", nil},
		{"建设30公里沿江公路。", []string{"road_length 30"}},
		{"新建公路16公里带动沿线发展。", []string{"road_length 16"}},
		{"改造5公里道路两侧绿化带。", []string{"road_length 5"}},
	})
}

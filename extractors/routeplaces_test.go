package extractors

import "testing"

// TestBridgePlaceInRoute: a place named for a bridge (桥头, 大桥镇, 花桥) in
// the places a route runs through (起于…经…止于) is no bridge: the length
// after it is the road's. A bridge that is the subject still drops it.
func TestBridgePlaceInRoute(t *testing.T) {
	checkKinds(t, []kindCase{
		{"该项目起点位于大桥镇，终点接G205线，路线全长18.6公里。", []string{"road_length 18.6"}},
		{"项目途经双桥、新桥两个乡镇，止于县城北门，全长26.4公里。", []string{"road_length 26.4"}},
		{"路线起于石桥村，经枫桥镇、溪口，止于李家坝，全长12.8公里。", []string{"road_length 12.8"}},
		{"工程起自桥头堡互通，止于黄岭村，路线全长9.35公里。", []string{"road_length 9.35"}},
		{"起于城东花桥，途经周家湾、洪桥，终于临港大道，全长31.2公里。", []string{"road_length 31.2"}},
		{"项目经过板桥、柳树湾，止于县界，路线全长14.7公里。", []string{"road_length 14.7"}},
		{"黄河大桥起于北岸引道，止于南岸收费站，全长3.2公里。", nil},
		{"跨江大桥全长1.6公里，主跨420米。", nil},
	})
}

// TestDistancePlace: a place whose name begins with 离 (离岛区, 离石区)
// says no distance; 离 before a place and a length still does.
func TestDistancePlace(t *testing.T) {
	checkKinds(t, []kindCase{
		{"离岛区将进行约6公里的道路重铺工程。", []string{"road_length 6"}},
		{"离石区今年有约12公里的县道改造工程。", []string{"road_length 12"}},
		{"在离岛区开展约4公里的道路翻新工程。", []string{"road_length 4"}},
		{"离岛区约3.5公里的路面修复工程已完工。", []string{"road_length 3.5"}},
		{"离石区约8公里的农村公路提质工程年内开工。", []string{"road_length 8"}},
		{"新建道路离市区约5公里。", nil},
		{"项目距离岛区码头约3公里。", nil},
	})
}

// TestWorksExtent: the extent of works (工程范围, 施工范围 from one place
// to another) says where the road works are, not a range around a place:
// the length of the road sections after it is road.
func TestWorksExtent(t *testing.T) {
	checkKinds(t, []kindCase{
		{"工程范围由东门路口至高铁站广场，涉及路段长约2.4公里，主要包括拓宽车道。", []string{"road_length 2.4"}},
		{"施工范围西起人民路，东至滨江路，涉及道路长约3.2公里，将进行路面翻新。", []string{"road_length 3.2"}},
		{"改造范围包括解放路全线，路段长约1.8公里，主要包括重铺路面。", []string{"road_length 1.8"}},
		{"建设范围由城北立交至物流园，全长约5.6公里，采用一级公路标准。", []string{"road_length 5.6"}},
		{"工程范围北起机场路，南至港口大道，涉及路段约4.1公里，主要为加铺罩面。", []string{"road_length 4.1"}},
		{"项目辐射范围约30公里。", nil},
		{"服务范围覆盖周边20公里。", nil},
	})
}

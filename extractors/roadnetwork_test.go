package extractors

import "testing"

// TestNetworkLengthNotRoad: the length of a network (路网, 道路网络,
// 公路网) is its stock, not a road built; a project of the network named
// before its own length still counts.
func TestNetworkLengthNotRoad(t *testing.T) {
	checkKinds(t, []kindCase{
		{"新界西北区现有道路网络总长约三百七十公里。", nil},
		{"城区道路网络总长420公里，路网密度达到每平方公里7公里。", nil},
		{"我市干线路网全长约980公里，覆盖所有乡镇。", nil},
		{"该镇农村公路网总长度156公里，实现村村通。", nil},
		{"截至年底，全县骨架路网总长达到1,260公里。", nil},
		{"目前区域高速公路网总长约610公里。", nil},
		{"路网改造工程全长12.5公里，总投资3亿元。", []string{"road_length 12.5", "investment 3e+08"}},
		{"新建城市路网连接线，全长8.6公里。", []string{"road_length 8.6"}},
	})
}

// TestNewMileageReached: "里程达到" after new works is the new road's
// length; after no such verb it is the network's stock.
func TestNewMileageReached(t *testing.T) {
	checkKinds(t, []kindCase{
		{"全年新开工高速公路里程达到72公里。", []string{"road_length 72"}},
		{"新改建农村公路里程达到1,350公里。", []string{"road_length 1350"}},
		{"今年新建国省道里程达86公里。", []string{"road_length 86"}},
		{"去年完成普通国省道改建里程达到118公里。", []string{"road_length 118"}},
		{"本年度开工建设的快速路里程达到27公里。", []string{"road_length 27"}},
		{"一季度新开工农村公路里程达到430公里。", []string{"road_length 430"}},
		{"开工建设高速公路里程达到95公里，创历年新高。", []string{"road_length 95"}},
		{"全年新开工国省干线里程达64公里。", []string{"road_length 64"}},
		{"全省公路通车里程达到19.8万公里。", nil},
		{"全市高速公路里程达到560公里。", nil},
	})
}

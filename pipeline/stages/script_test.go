package stages

import "testing"

func TestScriptClassify(t *testing.T) {
	table, err := newScriptTable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Road 123 km, 45%", ""},
		{"全省农村公路发展与运输", "simplified"},
		{"全省農村公路發展與運輸", "traditional"},
		{"农村公路发展。農村公路發展", "mixed"},
		// Characters common to both scripts only.
		{"大山中", "simplified"},
		// A supplementary-plane ideograph counts as Han.
		{"𠀀", "simplified"},
		// One traditional name in a long simplified text stays simplified.
		{"交通运输部发布通知，要求各地加快推进农村公路建设，提升养护管理与运输服务水平，实现县乡村道路网络联通，國", "simplified"},
	} {
		if got := table.classify(tc.in); got != tc.want {
			t.Errorf("classify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

# Writes heldout.jsonl, the held-out test set of the figure extractors (see
# README.md). Written from the labelling policy in ../shared/realdev/README.md
# only, without reading the extractor rules or word lists; the rules must not
# be tuned on it. Run: python3 testdata/extractors/heldout.py
import json
import os

KIND = {"R": ("road_length", "km"), "I": ("investment", "CNY"), "F": ("funding", "CNY"),
        "T": ("time_cut", "%"), "M": ("material_cut", "%")}
QUAL = {"": "", "~": "approx", "+": "over", "-": "under"}


def f(k, value, raw, q="", opt=False):
    kind, unit = KIND[k]
    return {"kind": kind, "value": value, "unit": unit, "qualifier": QUAL[q], "raw": raw, "optional": opt}


def d(k, a, b, unit, raw, opt=False):
    """A cut derived from a from→to pair: (a - b) / a * 100, 4 decimals."""
    x = f(k, round((a - b) / a * 100, 4), raw, "", opt)
    x.update({"derived": True, "from": a, "to": b, "from_to_unit": unit})
    return x


E = []


def e(covers, text, *figs):
    for x in figs:
        assert x["raw"] in text, (text, x["raw"])
    E.append({"id": "ho-%03d" % (len(E) + 1), "text": text, "covers": covers, "figures": list(figs)})


# ---- simplified script: roads, investment, funding, mixed with negative cues
e("road-total-length; invest-total",
  "陇南市武都区2024年启动实施的汉王至角弓旅游公路，按三级公路标准设计，路线长度31.7公里，概算投资5.46亿元，沿线串联油橄榄种植园区和两处省级森林公园。",
  f("R", 31.7, "路线长度31.7公里"), f("I", 5.46e8, "概算投资5.46亿元"))
e("road-planned; road-wangong; invest-completed; neg-completion-pct; mixed",
  "黔东南州今年计划新改建农村公路480公里，目前已完成362.5公里，完成年度计划的75.5%，完成投资4.1亿元。",
  f("R", 480, "计划新改建农村公路480公里"), f("R", 362.5, "已完成362.5公里"), f("I", 4.1e8, "完成投资4.1亿元"))
e("road-total-length; neg-travel-time; neg-speed; mixed",
  "赤峰市至克什克腾旗高速公路全线贯通后，两地间车程将由3个半小时缩短至1个半小时，该路段主线长约136公里，设计速度100公里/小时。",
  d("T", 3.5, 1.5, "hour", "车程将由3个半小时缩短至1个半小时", opt=True), f("R", 136, "主线长约136公里", "~"))
e("road-built; invest-touru; neg-count; mixed",
  "百色市右江区2024年实施危旧桥梁改造15座，新建产业路27.4公里，投入资金1.08亿元，项目建成后将惠及沿线2.3万名群众。",
  f("R", 27.4, "新建产业路27.4公里"), f("I", 1.08e8, "投入资金1.08亿元"))
e("funding-chegoushui; funding-increase-optional",
  "凉山州争取中央车购税补助资金12.6亿元，用于支持G248线等12个国省干线项目建设，较上年增加2.1亿元。",
  f("F", 1.26e9, "争取中央车购税补助资金12.6亿元"), f("F", 2.1e8, "较上年增加2.1亿元", opt=True))
e("funding-xiada; road-maintenance-optional",
  "普洱市今年共下达农村公路养护补助资金8650万元，覆盖全市10个县（区）的养护里程1.9万公里。",
  f("F", 8.65e7, "下达农村公路养护补助资金8650万元"), f("R", 19000, "养护里程1.9万公里", opt=True))
e("invest-completed; invest-list-head; invest-other-mode; neg-growth; mixed",
  "怀化市全年完成交通固定资产投资86.3亿元，同比增长12.4%，其中公路水路完成投资71.5亿元、民航完成投资3.2亿元。",
  f("I", 8.63e9, "完成交通固定资产投资86.3亿元"), f("I", 7.15e9, "公路水路完成投资71.5亿元"), f("I", 3.2e8, "民航完成投资3.2亿元"))
e("road-maintenance; neg-rate; mixed",
  "绥化市2024年完成普通国省干线公路大中修工程64公里，修复水毁路段12处，公路优良路率达到88.6%。",
  f("R", 64, "大中修工程64公里"))
e("road-total-length; neg-distance; neg-width; mixed",
  "阿克苏地区沙雅县至新和县公路改建工程全长58.3公里，两县县城相距约62公里，项目采用二级公路标准，路基宽度12米。",
  f("R", 58.3, "改建工程全长58.3公里"))
e("road-safety; invest-total",
  "海东市乐都区实施农村公路安全生命防护工程132.6公里，完善波形护栏、标志标牌等设施，总投资4380万元。",
  f("R", 132.6, "安全生命防护工程132.6公里"), f("I", 4.38e7, "总投资4380万元"))
e("road-started; invest-total; neg-construction-period; mixed",
  "承德市今年开工建设的国道111线丰宁段改线工程，建设规模为一级公路41.2公里，估算投资约23亿元，计划工期36个月。",
  f("R", 41.2, "一级公路41.2公里"), f("I", 2.3e9, "估算投资约23亿元", "~"))
e("road-hardened; neg-rate; mixed",
  "长治市上党区2023年硬化通村道路86条共计154.8公里，全区建制村通硬化路率保持100%。",
  f("R", 154.8, "硬化通村道路86条共计154.8公里"))
e("funding-zhengqu; road-jianshelicheng",
  "六安市金寨县今年争取上级以工代赈资金3120万元，实施产业路、资源路建设项目9个，建设里程42公里。",
  f("F", 3.12e7, "争取上级以工代赈资金3120万元"), f("R", 42, "建设里程42公里"))
e("road-resurfaced; neg-network-stock; mixed",
  "丽水市景宁县完成农村公路路面改善工程73.9公里，全县农村公路总里程达到2108公里，路网密度位居全市前列。",
  f("R", 73.9, "路面改善工程73.9公里"))
e("road-upgraded; invest-list-head",
  "延边州今年实施的珲春至防川边境公路提质改造工程，改造路段长度约为52公里，总投资7.8亿元，其中路基工程4.6亿元、路面工程2.1亿元、交安设施1.1亿元。",
  f("R", 52, "改造路段长度约为52公里", "~"), f("I", 7.8e8, "总投资7.8亿元"),
  f("I", 4.6e8, "路基工程4.6亿元"), f("I", 2.1e8, "路面工程2.1亿元"), f("I", 1.1e8, "交安设施1.1亿元"))
e("invest-completed; road-built; road-list",
  "固原市原州区全年完成农村公路建设投资2.36亿元，新改建农村公路196公里，其中四级公路128公里、通组硬化路68公里。",
  f("I", 2.36e8, "完成农村公路建设投资2.36亿元"), f("R", 196, "新改建农村公路196公里"),
  f("R", 128, "四级公路128公里"), f("R", 68, "通组硬化路68公里"))
e("road-total-length; numeral-chinese; neg-completion-pct; mixed",
  "琼中县今年新建旅游公路3条，总长二十六点四公里，目前路基工程已完成约80%。",
  f("R", 26.4, "总长二十六点四公里"))
e("invest-completed; neg-growth; neg-network-stock; mixed",
  "酉阳县全年完成公路水路交通建设投资31.9亿元，比上年增长6.8%；新增高速公路通车里程40公里，全县高速公路通车里程达到178公里。",
  f("I", 3.19e9, "完成公路水路交通建设投资31.9亿元"), f("R", 40, "新增高速公路通车里程40公里", opt=True))
e("invest-planned; road-total-length; neg-bridge-tunnel-length; mixed",
  "恩施州鹤峰县至五峰县一级公路项目计划投资18.6亿元，路线全长37.15公里，其中桥梁14座长3680米、隧道5座长9.2公里。",
  f("I", 1.86e9, "计划投资18.6亿元"), f("R", 37.15, "路线全长37.15公里"), f("R", 9.2, "隧道5座长9.2公里", opt=True))
e("road-resurfaced; road-widened",
  "今年以来，天水市秦州区累计铺筑沥青路面38.5公里，对11条窄路基路面进行了加宽改造，加宽里程合计24.7公里。",
  f("R", 38.5, "铺筑沥青路面38.5公里"), f("R", 24.7, "加宽里程合计24.7公里"))
e("road-under-construction; invest-completed",
  "截至9月底，黔南州在建高速公路项目5个，在建里程约412公里，累计完成投资268亿元。",
  f("R", 412, "在建里程约412公里", "~"), f("I", 2.68e10, "累计完成投资268亿元"))
e("road-started; road-total-length; neg-speed; neg-width; mixed",
  "新余市仙女湖区环湖公路项目已于3月正式开工，项目全长19.6公里，道路红线宽度40米，设计时速60公里。",
  f("R", 19.6, "项目全长19.6公里"))
e("road-maintenance",
  "鹤岗市2023年养护农村公路1850公里，实施预防性养护工程23.6公里，公路养护资金全部足额到位。",
  f("R", 1850, "养护农村公路1850公里"), f("R", 23.6, "预防性养护工程23.6公里"))
e("road-upgraded; invest-touru; qual-over",
  "遵义市播州区今年完成通村通组公路提档升级改造217公里，总投入2.9亿余元。",
  f("R", 217, "提档升级改造217公里"), f("I", 2.9e8, "总投入2.9亿余元", "+"))
e("funding-jiangbu",
  "上饶市广信区农村公路“一事一议”项目共获得省级奖补资金1560万元。",
  f("F", 1.56e7, "获得省级奖补资金1560万元"))
e("invest-planned; road-built; qual-over; neg-count; mixed",
  "桂林市阳朔县2024年将投资9800万余元，新改建县乡道路6条共48公里，并对全县27座桥梁进行检测。",
  f("I", 9.8e7, "将投资9800万余元", "+"), f("R", 48, "新改建县乡道路6条共48公里"))
e("road-planned; road-wangong",
  "张掖市甘州区今年共建设“四好农村路”项目22个，计划建设里程119.3公里，已完成路基工程96公里、路面工程71.8公里。",
  f("R", 119.3, "计划建设里程119.3公里"), f("R", 96, "路基工程96公里"), f("R", 71.8, "路面工程71.8公里"))
e("road-widened; road-safety",
  "黄冈市红安县今年实施窄路加宽工程12条计46.5公里，实施生命防护工程68.2公里。",
  f("R", 46.5, "窄路加宽工程12条计46.5公里"), f("R", 68.2, "生命防护工程68.2公里"))
e("invest-other-mode; neg-runway-metre; mixed",
  "西宁曹家堡机场三期扩建工程概算总投资159.2亿元，新建一条3800米长的跑道和一座航站楼。",
  f("I", 1.592e10, "概算总投资159.2亿元"))
e("invest-other-mode; neg-waterway-pipeline; mixed",
  "湘江长沙至株洲段航道整治工程完成投资7.6亿元，整治航道里程78公里，可通航2000吨级船舶。",
  f("I", 7.6e8, "完成投资7.6亿元"))
e("invest-other-mode; neg-rail; neg-speed; mixed",
  "沪渝蓉高铁武汉至宜昌段正线全长约320公里，设计时速350公里，湖北段总投资约992亿元。",
  f("I", 9.92e10, "湖北段总投资约992亿元", "~"))
e("funding-xiada; road-planned",
  "贵州省交通运输厅近日下达2024年第二批农村公路建设省级补助资金5.38亿元，支持全省实施农村公路建设项目1342公里。",
  f("F", 5.38e8, "省级补助资金5.38亿元"), f("R", 1342, "实施农村公路建设项目1342公里"))
e("funding-zhuanxiangzhai",
  "荆门市东宝区申报的农村公路危桥改造项目获批地方政府专项债券资金2.4亿元。",
  f("F", 2.4e8, "获批地方政府专项债券资金2.4亿元"))
e("invest-planned; invest-completed; neg-completion-pct; mixed",
  "鄂尔多斯市本年度农村牧区公路建设计划总投资12.8亿元，截至10月底已完成投资10.1亿元，占年度计划的78.9%。",
  f("I", 1.28e9, "计划总投资12.8亿元"), f("I", 1.01e9, "已完成投资10.1亿元"))
e("funding-zhengqu; funding-list",
  "宜宾市叙州区2023年争取到位上级资金4.75亿元，其中车购税资金3.2亿元、省级补助资金1.55亿元。",
  f("F", 4.75e8, "争取到位上级资金4.75亿元"), f("F", 3.2e8, "车购税资金3.2亿元"), f("F", 1.55e8, "省级补助资金1.55亿元"))
e("funding-anpai",
  "株洲市炎陵县通过成品油税费改革转移支付资金安排农村公路养护经费2360万元。",
  f("F", 2.36e7, "安排农村公路养护经费2360万元"))
e("invest-planned; invest-list-head",
  "鞍山市2024年计划实施交通重点项目21个，年度计划投资46.7亿元，其中续建项目9个、计划投资28.3亿元，新开工项目12个、计划投资18.4亿元。",
  f("I", 4.67e9, "年度计划投资46.7亿元"), f("I", 2.83e9, "计划投资28.3亿元"), f("I", 1.84e9, "计划投资18.4亿元"))
e("invest-completed; invest-increase-optional; neg-completion-pct; mixed",
  "咸宁市通山县今年上半年完成交通投资5.2亿元，完成年度目标任务的56%，较去年同期多完成1.1亿元。",
  f("I", 5.2e8, "完成交通投资5.2亿元"), f("I", 1.1e8, "较去年同期多完成1.1亿元", opt=True))
e("invest-touru; road-upgraded; neg-count; mixed",
  "泰州市兴化市今年计划投入2.76亿元用于农村公路提档升级，计划完成提档升级里程135公里、桥梁改造46座。",
  f("I", 2.76e8, "计划投入2.76亿元"), f("R", 135, "提档升级里程135公里"))
e("funding-buzhu",
  "黔西南州晴隆县本年度获得中央预算内补助资金1.2亿元，用于县城至高铁站连接线建设。",
  f("F", 1.2e8, "获得中央预算内补助资金1.2亿元"))
e("road-xinzeng-shengchannengli; invest-completed",
  "南平市武夷山市完成国道237线改线工程新增生产能力14.2公里，累计完成投资6.3亿元。",
  f("R", 14.2, "新增生产能力14.2公里"), f("I", 6.3e8, "累计完成投资6.3亿元"))
e("invest-completed; neg-growth; neg-completion-pct; mixed",
  "今年前三季度，江苏省公路水路完成固定资产投资1386亿元，同比增长8.9%，完成年度计划的81.2%。",
  f("I", 1.386e11, "完成固定资产投资1386亿元"))
e("road-total-length; invest-total; neg-bridge-tunnel-length; mixed",
  "宁德市霞浦县沿海大通道项目一期工程路线长25.8公里，设有互通立交3处、特大桥1座（长1.6公里），项目总投资32亿元。",
  f("R", 25.8, "路线长25.8公里"), f("R", 1.6, "长1.6公里", opt=True), f("I", 3.2e9, "项目总投资32亿元"))
e("invest-total; road-built; numeral-mixed",
  "大理州宾川县今年计划投资3亿5千万元，对县乡道路进行提质改造，改造里程六十八公里，项目建成后县城到鸡足山景区的车程缩短20分钟。",
  f("I", 3.5e8, "计划投资3亿5千万元"), f("R", 68, "改造里程六十八公里"))
e("road-maintenance; invest-touru; qual-approx",
  "钦州市今年共实施国省干线养护大中修工程近90公里，投入养护资金1.6亿元。",
  f("R", 90, "大中修工程近90公里", "~"), f("I", 1.6e8, "投入养护资金1.6亿元"))
e("road-built; invest-completed; qual-over",
  "梧州市藤县新建二级公路逾35公里，完成投资超过8亿元。",
  f("R", 35, "新建二级公路逾35公里", "+"), f("I", 8e8, "完成投资超过8亿元", "+"))
e("road-jianshelicheng; invest-total; qual-under",
  "德宏州瑞丽市今年新开工建设沿边公路项目，建设里程不到20公里，总投资约6000万元。",
  f("R", 20, "建设里程不到20公里", "-"), f("I", 6e7, "总投资约6000万元", "~"))
e("road-built; neg-completion-pct; neg-network-stock; mixed",
  "今年1—10月，安康市累计完成农村公路新改建1126公里，占年度任务的94%；全市农村公路总里程已达2.38万公里。",
  f("R", 1126, "完成农村公路新改建1126公里"))
e("road-luyu; neg-volume; mixed",
  "抚州市南城县启动农村公路路域环境整治，整治里程286公里，同步清理路肩堆积物1.2万立方米。",
  f("R", 286, "整治里程286公里"))
e("funding-zhengqu; funding-list",
  "吕梁市今年共争取各类交通建设资金23.8亿元，其中中央车购税资金14.6亿元，省级交通专项资金9.2亿元。",
  f("F", 2.38e9, "争取各类交通建设资金23.8亿元"), f("F", 1.46e9, "中央车购税资金14.6亿元"), f("F", 9.2e8, "省级交通专项资金9.2亿元"))
e("funding-bofu; neg-count; mixed",
  "宿州市泗县交通运输局拨付农村公路建设补助资金1850万元，惠及全县15个乡镇。",
  f("F", 1.85e7, "拨付农村公路建设补助资金1850万元"))
e("funding-zhengqu",
  "商洛市镇安县争取中央预算内资金和省级补助共计9300万元，用于县道改造工程。",
  f("F", 9.3e7, "争取中央预算内资金和省级补助共计9300万元"))
e("funding-xiada; road-planned; numeral-chinese",
  "玉树州囊谦县今年下达的乡村道路建设资金达一亿二千三百万元，计划新建通村公路一百零五公里。",
  f("F", 1.23e8, "下达的乡村道路建设资金达一亿二千三百万元"), f("R", 105, "计划新建通村公路一百零五公里"))
e("invest-total; road-total-length; numeral-chinese",
  "营口市鲅鱼圈区疏港公路改扩建工程总投资八点六亿元，全长十五点三公里。",
  f("I", 8.6e8, "总投资八点六亿元"), f("R", 15.3, "全长十五点三公里"))
e("road-total-length; invest-total; neg-bridge-tunnel-length; mixed",
  "舟山市六横公路大桥二期工程路线全长约12.3公里，其中主桥长1.2公里，概算总投资约64亿元。",
  f("R", 12.3, "路线全长约12.3公里", "~"), f("R", 1.2, "主桥长1.2公里", opt=True), f("I", 6.4e9, "概算总投资约64亿元", "~"))
e("road-widened; neg-completion-pct; neg-rate; mixed",
  "今年以来，铜仁市完成农村公路窄路基路面拓宽改造412.8公里，完成年度目标的103.2%，全市建制村通客车率100%。",
  f("R", 412.8, "拓宽改造412.8公里"))
e("road-planned; invest-planned; neg-count; mixed",
  "驻马店市上蔡县2024年度计划实施农村公路建设项目87个，总里程263公里，计划总投资2.14亿元，已开工项目79个。",
  f("R", 263, "总里程263公里"), f("I", 2.14e8, "计划总投资2.14亿元"))
e("road-total-length; invest-total; neg-distance; mixed",
  "焦作市修武县云台山旅游环线项目估算投资9.3亿元，按照双向两车道二级公路标准建设，全长约48公里，起点距焦作市区约40公里。",
  f("I", 9.3e8, "估算投资9.3亿元"), f("R", 48, "全长约48公里", "~"))
e("road-maintenance; road-resurfaced",
  "邵阳市新邵县今年完成国省道路面修复养护工程58.6公里，同时对县内3条主干道共11.2公里进行了白改黑改造。",
  f("R", 58.6, "路面修复养护工程58.6公里"), f("R", 11.2, "3条主干道共11.2公里"))
e("road-total-length; invest-touru; neg-count; mixed",
  "黄山市歙县新安江山水画廊旅游公路建成通车，道路全长26.8公里，沿途串联18个古村落，项目总投入约5.3亿元，沿线设置观景台12处。",
  f("R", 26.8, "道路全长26.8公里"), f("I", 5.3e8, "项目总投入约5.3亿元", "~"))
e("invest-completed; invest-list-head; qual-over; neg-growth; mixed",
  "据统计，三门峡市全年交通建设完成投资48亿多元，比上年增长9.2%，其中高速公路投资31亿元。",
  f("I", 4.8e9, "完成投资48亿多元", "+"), f("I", 3.1e9, "高速公路投资31亿元"))
e("invest-touru; road-safety; numeral-chinese",
  "随州市随县本年度投入1500万元开展农村公路安全隐患整治，完成安保工程九十二公里。",
  f("I", 1.5e7, "投入1500万元"), f("R", 92, "完成安保工程九十二公里"))
e("road-built; qual-over; neg-rate; mixed",
  "阜新市今年新改建农村公路300公里以上，全市农村公路列养率保持100%。",
  f("R", 300, "新改建农村公路300公里", "+"))
e("road-jianshelicheng; invest-total; funding-zhengqu; neg-count; mixed",
  "四平市双辽市农村公路建设项目共涉及道路67条，建设总长度达到213.5公里，总投资约3.1亿元，其中争取上级补助资金1.9亿元。",
  f("R", 213.5, "建设总长度达到213.5公里"), f("I", 3.1e8, "总投资约3.1亿元", "~"), f("F", 1.9e8, "争取上级补助资金1.9亿元"))
e("road-planned; funding-anpai",
  "岳阳市平江县今年获省交通运输厅下达农村公路提质改造计划128公里，安排省补资金6400万元。",
  f("R", 128, "农村公路提质改造计划128公里"), f("F", 6.4e7, "安排省补资金6400万元"))
e("road-total-length; invest-completed; neg-share; mixed",
  "抚顺市清原县全力推进国道202线改建，项目总长41.56公里，目前已累计完成投资5.12亿元，占总投资的76%。",
  f("R", 41.56, "项目总长41.56公里"), f("I", 5.12e8, "已累计完成投资5.12亿元"))
e("invest-jihua-wancheng; invest-target",
  "惠州市惠东县今年计划完成交通基础设施投资35亿元，力争完成40亿元。",
  f("I", 3.5e9, "计划完成交通基础设施投资35亿元"), f("I", 4e9, "力争完成40亿元"))
e("road-planned; road-upgraded; invest-jihua-wancheng",
  "遂宁市射洪市今年计划新改建农村公路210公里，实施县道升级改造49公里，完成交通建设投资15.3亿元。",
  f("R", 210, "计划新改建农村公路210公里"), f("R", 49, "县道升级改造49公里"), f("I", 1.53e9, "完成交通建设投资15.3亿元"))
e("road-hardened; invest-completed; neg-count; mixed",
  "钦州市灵山县2024年共完成村道硬化工程103公里，涉及行政村42个，完成投资7900万元，群众出行难问题得到有效解决。",
  f("R", 103, "村道硬化工程103公里"), f("I", 7.9e7, "完成投资7900万元"))
e("road-upgraded; invest-total; funding-buzhu",
  "舟山市岱山县实施海岛环岛公路提升工程，提升里程约38公里，概算总投资4.26亿元，其中省级以上补助资金1.2亿元。",
  f("R", 38, "提升里程约38公里", "~"), f("I", 4.26e8, "概算总投资4.26亿元"), f("F", 1.2e8, "省级以上补助资金1.2亿元"))
e("invest-total; road-upgraded; numeral-chinese",
  "衡水市阜城县投资1.35亿元实施县乡公路改造提升工程，改造里程五十四点二公里。",
  f("I", 1.35e8, "投资1.35亿元"), f("R", 54.2, "改造里程五十四点二公里"))
e("funding-daowei; road-maintenance",
  "白山市长白县积极争取省级交通专项资金，全年到位资金1.86亿元，实施县道大修工程27公里。",
  f("F", 1.86e8, "全年到位资金1.86亿元"), f("R", 27, "县道大修工程27公里"))
e("invest-wan-yi; invest-list-head; road-wan",
  "交通运输部介绍，去年全国完成交通固定资产投资3.9万亿元，其中公路完成投资2.8万亿元，新改建农村公路17万公里。",
  f("I", 3.9e12, "完成交通固定资产投资3.9万亿元"), f("I", 2.8e12, "公路完成投资2.8万亿元"), f("R", 170000, "新改建农村公路17万公里"))
e("numeral-fullwidth; road-widened; invest-completed",
  "本年度黔江区完成农村公路“窄路加宽”改造３２．６公里，完成投资８６００万元。",
  f("R", 32.6, "改造３２．６公里"), f("I", 8.6e7, "完成投资８６００万元"))
e("road-thousands-sep; invest-thousands-sep",
  "广西今年新改建农村公路2,860公里，完成投资1,236,000万元。",
  f("R", 2860, "新改建农村公路2,860公里"), f("I", 1.236e10, "完成投资1,236,000万元"))
e("numeral-fullwidth; funding-xiada",
  "邢台市交通运输局近日下达农村公路养护工程补助资金１２５０万元，涉及养护里程共计８６公里。",
  f("F", 1.25e7, "下达农村公路养护工程补助资金１２５０万元"), f("R", 86, "养护里程共计８６公里"))
e("road-space; invest-space",
  "今年，漳州市长泰区将新改建农村公路 46.5 公里，计划投资 1.9 亿元。",
  f("R", 46.5, "新改建农村公路 46.5 公里"), f("I", 1.9e8, "计划投资 1.9 亿元"))
e("road-digit-by-digit; invest-total",
  "全省十四五期间累计新改建农村公路一七八〇公里，带动社会投资四百二十亿元。",
  f("R", 1780, "新改建农村公路一七八〇公里"), f("I", 4.2e10, "带动社会投资四百二十亿元"))

# ---- simplified script: time and material cuts
e("cut-fromto; qual-under-ignored",
  "兰州新区推行工程建设项目“拿地即开工”，审批时间由原来的90个工作日压缩至30个工作日以内。",
  d("T", 90, 30, "个工作日", "审批时间由原来的90个工作日压缩至30个工作日"))
e("cut-fromto; material-shenbao-ziliao",
  "芜湖市交通运输局将道路运输经营许可申请材料由8份精简为3份，办理时限由20个工作日缩减到5个工作日。",
  d("M", 8, 3, "份", "申请材料由8份精简为3份"), d("T", 20, 5, "个工作日", "办理时限由20个工作日缩减到5个工作日"))
e("cut-stated; neg-satisfaction; mixed",
  "临夏县涉路施工许可审批时限压缩60%，申报材料减少45%，群众满意率达到99.2%。",
  f("T", 60, "审批时限压缩60%"), f("M", 45, "申报材料减少45%"))
e("material-steps-trips; neg-speedup-untied; mixed",
  "拉萨市通过“一件事一次办”改革，开办运输企业跑动次数由4次减少至1次，办理环节由7个精简为3个，整体提速65%以上。",
  d("M", 4, 1, "次", "跑动次数由4次减少至1次"), d("M", 7, 3, "个", "办理环节由7个精简为3个"),
  f("T", 65, "整体提速65%以上", "+", opt=True))
e("cut-stated-with-pair",
  "邯郸市超限运输车辆行驶公路许可办理时间由法定的15个工作日缩短为平均1.5个工作日，压缩90%。",
  d("T", 15, 1.5, "个工作日", "由法定的15个工作日缩短为平均1.5个工作日", opt=True), f("T", 90, "压缩90%"))
e("cut-fromto-no-noun",
  "水运建设项目初步设计审批和施工图设计审批，均由45日压缩至20日。",
  d("T", 45, 20, "日", "均由45日压缩至20日"))
e("material-shenbao-ziliao; cut-jiban-optional",
  "出租汽车驾驶员从业资格证补证所需材料，由原来的6项减少为2项，办结时间由10天压缩为即时办结。",
  d("M", 6, 2, "项", "由原来的6项减少为2项"), d("T", 10, 0, "天", "办结时间由10天压缩为即时办结", opt=True))
e("cut-stated-with-pair",
  "临沂市行政审批局对交通建设项目施工许可实行容缺受理，审批时限由法定20个工作日压减至7个工作日，压减幅度65%。",
  d("T", 20, 7, "个工作日", "审批时限由法定20个工作日压减至7个工作日", opt=True), f("T", 65, "压减幅度65%"))
e("cut-fromto; material-stated-with-pair",
  "工程项目竣（交）工验收办理时限由30个工作日压缩至15个工作日，所需要件由12件减少至5件，减少了58.3%。",
  d("T", 30, 15, "个工作日", "办理时限由30个工作日压缩至15个工作日"),
  d("M", 12, 5, "件", "所需要件由12件减少至5件", opt=True), f("M", 58.3, "减少了58.3%"))
e("cut-fromto; material-cheng",
  "眉山市推进交通项目审批“容缺办理”，公路建设项目设计文件审批时间由原来的25个工作日缩短到10个工作日，申请材料精简三成。",
  d("T", 25, 10, "个工作日", "审批时间由原来的25个工作日缩短到10个工作日"), f("M", 30, "申请材料精简三成"))
e("material-steps-trips; cut-stated; qual-over",
  "毕节市推行道路运输证“跨省通办”，办事群众跑动次数由平均3次降为0次，办理时间缩短70%以上。",
  d("M", 3, 0, "次", "跑动次数由平均3次降为0次"), f("T", 70, "办理时间缩短70%", "+"))
e("cut-stated-with-pair",
  "济宁市水运工程施工许可审批承诺时限由法定的20个工作日压缩为5个工作日，压缩率75%。",
  d("T", 20, 5, "个工作日", "承诺时限由法定的20个工作日压缩为5个工作日", opt=True), f("T", 75, "压缩率75%"))
e("material-steps-trips; material-shenbao-ziliao; cut-fromto",
  "开封市推行道路货物运输驾驶员从业资格“一网通办”，办理环节从5个压减为2个，提交材料由6件减少到2件，办理时限由15日压缩到3日。",
  d("M", 5, 2, "个", "办理环节从5个压减为2个"), d("M", 6, 2, "件", "提交材料由6件减少到2件"),
  d("T", 15, 3, "日", "办理时限由15日压缩到3日"))
e("cut-stated; neg-growth; mixed",
  "丹东市交通局将公路超限运输许可审批时限平均压缩了56.7%，办件量同比增长21%。",
  f("T", 56.7, "审批时限平均压缩了56.7%"))
e("cut-fromto; neg-satisfaction; mixed",
  "珠海市将交通工程质量监督手续与施工许可合并办理，监督手续办理时间从10个工作日压缩到3个工作日，企业满意度达97.5%。",
  d("T", 10, 3, "个工作日", "办理时间从10个工作日压缩到3个工作日"))
e("cut-fromto-decimal",
  "泸州市大件运输许可办理实现“网上秒批”，平均审批时间由2个工作日压缩至0.5个工作日。",
  d("T", 2, 0.5, "个工作日", "平均审批时间由2个工作日压缩至0.5个工作日"))
e("cut-stated; material-shenbao-ziliao",
  "佛山市南海区公路路政许可事项申请材料精简了40%，承诺办结时限比法定时限平均减少65%。",
  f("M", 40, "申请材料精简了40%"), f("T", 65, "承诺办结时限比法定时限平均减少65%"))
e("material-steps-trips; material-shenbao-ziliao",
  "九江市推进“多证合一”，巡游出租车经营许可所需审批要件由9件精简为4件，审批流程由5个环节缩减为2个环节。",
  d("M", 9, 4, "件", "审批要件由9件精简为4件"), d("M", 5, 2, "个环节", "审批流程由5个环节缩减为2个环节"))
e("cut-list-fenbie",
  "黄石市交通运输领域行政许可事项的承诺时限、申请材料分别压减了68.5%和37.2%。",
  f("T", 68.5, "承诺时限、申请材料分别压减了68.5%"), f("M", 37.2, "和37.2%"))
e("cut-stated-with-pair; qual-under-ignored",
  "淮安市工程建设项目审批全流程时间由原来的平均200个工作日压缩至75个工作日以内，减少62.5%。",
  d("T", 200, 75, "个工作日", "全流程时间由原来的平均200个工作日压缩至75个工作日", opt=True), f("T", 62.5, "减少62.5%"))
e("cut-fromto; invest-threshold-optional",
  "株洲市对总投资3000万元以下的农村公路项目实行简易审批，可行性研究报告审批时限由15个工作日缩短至7个工作日。",
  f("I", 3e7, "总投资3000万元以下", "-", opt=True), d("T", 15, 7, "个工作日", "审批时限由15个工作日缩短至7个工作日"))
e("material-steps-trips; cut-fromto-chinese",
  "呼和浩特市道路运输车辆年审实行“一站式”服务，办理环节由六个减为两个，车主跑腿次数由三次减为一次。",
  d("M", 6, 2, "个", "办理环节由六个减为两个"), d("M", 3, 1, "次", "车主跑腿次数由三次减为一次"))

# ---- simplified script: negatives only
e("neg-network-stock; neg-density",
  "截至2023年底，赣州市公路总里程达到3.62万公里，其中高速公路1581公里，公路密度每百平方公里92.1公里。")
e("neg-revenue; neg-growth; neg-freight",
  "克拉玛依市2024年交通运输总收入32.6亿元，同比增长5.1%，完成公路货运量4860万吨，货物周转量112.3亿吨公里。")
e("neg-per-unit-rate",
  "据测算，渝东北山区普通国道每公里建设成本约为3800万元，部分路段每公里造价最高超过1亿元。")
e("neg-income-output; neg-savings",
  "项目建成后，预计可带动沿线农民人均年增收1200元，年均节约运输成本约3600万元。")
e("neg-rate; neg-share",
  "2024年全市政务服务事项网上可办率达到98%，即办件比例提升至42%，平均办理时长较去年下降了3.5天。")
e("material-approval-items; neg-approval-count",
  "交通运输领域行政许可事项由原来的48项精简为31项，精简比例达35.4%。",
  d("M", 48, 31, "项", "由原来的48项精简为31项", opt=True), f("M", 35.4, "精简比例达35.4%", opt=True))
e("neg-efficiency; neg-savings",
  "交通运输部门推行证照电子化，企业年审平均节省时间约2小时，办事效率提升40%。")
e("neg-metres; neg-area",
  "包头市今年公路养护工作完成路面灌缝68万延米，修补坑槽4.2万平方米，更换破损标志牌320块。")
e("neg-distance; neg-savings",
  "三亚市对营运车辆年审实行“就近办”，车主平均往返距离减少约30公里，全年累计为群众节约出行费用约260万元。")
e("road-greening-optional",
  "朔州市右玉县完成公路绿化里程96公里，栽植各类苗木18万株。",
  f("R", 96, "公路绿化里程96公里", opt=True))
e("neg-distance; neg-travel-time",
  "湛江市徐闻港至海口新海港航线距离约20海里，航行时间约1.5小时，日均运送车辆4500辆次。")
e("neg-waterway-pipeline; neg-rate",
  "长江干线宜宾至重庆段航道里程384公里，三级航道达标率95%。")
e("neg-speed; neg-traffic",
  "京沪高速公路江苏段设计速度120公里/小时，日均车流量超过8万辆。")
e("neg-network-stock; neg-share",
  "全市公交线网总长度1860公里，公交站点500米覆盖率达到100%，公共交通机动化出行分担率为52%。")
e("neg-safe-driving",
  "该公司全年累计安全行驶里程超过1.2亿公里，连续15年未发生重大责任事故，驾驶员人均安全行车60万公里。")
e("neg-vehicle-km; neg-rate",
  "今年1至8月，全市出租汽车累计运营里程达3.4亿车公里，平均里程利用率为68%。")
e("neg-km-post; neg-distance",
  "省道305线K18+500至K26+300段因山体滑坡实施交通管制，请过往车辆经县道绕行，绕行距离约12公里。")
e("neg-waterway-pipeline",
  "西气东输管道途经该县境内长度约56公里，年输气能力300亿立方米。")
e("neg-waterway-pipeline; neg-area",
  "全县灌溉渠道总长度达到420公里，有效灌溉面积38.6万亩。")
e("neg-growth; neg-share",
  "今年全市交通运输行业增加值同比增长6.3%，占全市GDP比重达到5.8%。")
e("neg-distance; neg-air",
  "芒市机场至市区距离为8公里，驾车约15分钟可达，已开通航线的航线里程累计达到2.6万公里。")
e("neg-bridge-tunnel-length; neg-count",
  "截至目前，全县公路桥梁共计412座，总长度1.86万延米，其中特大桥3座。")
e("neg-rate",
  "湖北省农村公路优良中等路率达到87.4%，比“十三五”末提高5.2个百分点。")
e("neg-speed; neg-rate",
  "全省公路网平均车速提高到每小时68公里，干线公路平均拥挤度下降12%。")
e("neg-distance; neg-travel-time",
  "该县高速公路出入口距县城中心仅有3.5公里，30分钟可到达周边4个县市。")
e("neg-count; neg-rate",
  "2024年全市共查处超限超载车辆1860辆次，卸载货物2.3万吨，超限率控制在0.5%以内。")
e("neg-savings; neg-rate",
  "交通工程项目招标平均节约资金率为8.6%，全年节约财政资金1.3亿元。")
e("neg-network-stock",
  "内蒙古自治区公路总里程达到21.6万公里，其中高速公路和一级公路里程突破1.3万公里。")
e("neg-per-unit-rate; neg-area",
  "该市每万人拥有公交车辆15.2标台，城市道路人均面积18.6平方米。")
e("neg-income-output; neg-growth",
  "今年上半年，全市港口完成集装箱吞吐量86.5万标箱，同比增长11.3%，实现营业收入4.7亿元。")

# ---- traditional script: Taiwan, Hong Kong, Macau, big5 mirrors
e("trad; taiwan; road-total-length; ntd-optional",
  "苗栗縣政府表示，台13線三義至銅鑼段拓寬工程全長約7.2公里，總經費新臺幣15億元，預計明年底完工。",
  f("R", 7.2, "全長約7.2公里", "~"), f("I", 1.5e9, "總經費新臺幣15億元", opt=True))
e("trad; taiwan; road-resurfaced; neg-count; mixed",
  "屏東縣今年度完成縣道及鄉道道路刨鋪工程共計63.4公里，改善坑洞逾2,000處。",
  f("R", 63.4, "道路刨鋪工程共計63.4公里"))
e("trad; taiwan; neg-travel-time",
  "蘇花公路改善工程通車後，蘇澳至花蓮行車時間由原本約2.5小時縮短至約1.5小時，並提升行車安全。",
  d("T", 2.5, 1.5, "hour", "行車時間由原本約2.5小時縮短至約1.5小時", opt=True))
e("trad; taiwan; ntd-optional",
  "臺東縣政府爭取中央前瞻基礎建設計畫補助經費2.3億元，辦理南迴公路沿線道路改善。",
  f("F", 2.3e8, "補助經費2.3億元", opt=True))
e("trad; hongkong; road-total-length; hkd-optional; numeral-chinese",
  "路政署表示，將軍澳至藍田的新連接路全長約四點二公里，工程造價約為一百六十億港元。",
  f("R", 4.2, "全長約四點二公里", "~"), f("I", 1.6e10, "工程造價約為一百六十億港元", "~", opt=True))
e("trad; hongkong; road-total-length; neg-metres; mixed",
  "東涌新市鎮擴展區的新建道路網絡總長約十公里，包括一段長約八百米的高架道路。",
  f("R", 10, "總長約十公里", "~"))
e("trad; road-built; invest-jihua-wancheng; qual-over",
  "貴州省今年將新建改造農村公路1.2萬公里，完成交通建設投資1100億元以上。",
  f("R", 12000, "新建改造農村公路1.2萬公里"), f("I", 1.1e11, "完成交通建設投資1100億元", "+"))
e("trad; funding-xiada",
  "四川省交通運輸廳下達2024年農村公路養護省級補助資金9.6億元。",
  f("F", 9.6e8, "農村公路養護省級補助資金9.6億元"))
e("trad; invest-total; road-total-length; numeral-chinese; neg-speed; mixed",
  "據了解，該項目估算總投資達四十二點六億元，路線全長五十三點八公里，採用雙向六車道高速公路標準建設，設計時速一百公里。",
  f("I", 4.26e9, "估算總投資達四十二點六億元"), f("R", 53.8, "路線全長五十三點八公里"))
e("trad; invest-jihua-wancheng; road-started; road-thousands-sep",
  "重慶市今年計劃完成交通投資1,050億元，新開工高速公路6條、里程約406公里。",
  f("I", 1.05e11, "計劃完成交通投資1,050億元"), f("R", 406, "里程約406公里", "~"))
e("trad; invest-list-head; qual-over",
  "廣東省交通運輸廳表示，今年全省將完成公路水路交通投資超2000億元，其中高速公路完成投資1300億元，普通國省道完成投資300億元。",
  f("I", 2e11, "完成公路水路交通投資超2000億元", "+"), f("I", 1.3e11, "高速公路完成投資1300億元"), f("I", 3e10, "普通國省道完成投資300億元"))
e("trad; cut-fromto",
  "湖南省推進工程建設項目審批制度改革，交通項目施工圖審查時限由30個工作日壓縮至15個工作日。",
  d("T", 30, 15, "個工作日", "審查時限由30個工作日壓縮至15個工作日"))
e("trad; material-shenbao-ziliao; cut-stated",
  "浙江省推行涉企證照「一件事」聯辦，申報材料由原來的25份減至9份，辦理時間壓縮75%。",
  d("M", 25, 9, "份", "申報材料由原來的25份減至9份"), f("T", 75, "辦理時間壓縮75%"))
e("trad; material-steps-trips; neg-no-baseline; mixed",
  "江西省公路客運班線經營許可辦理環節由5個減少到2個，跑動次數減為零次。",
  d("M", 5, 2, "個", "辦理環節由5個減少到2個"))
e("trad; taiwan; road-resurfaced; qual-approx; neg-count; mixed",
  "交通部公路局今年度辦理省道路面更新約120公里，並完成橋梁耐震補強27座。",
  f("R", 120, "辦理省道路面更新約120公里", "~"))
e("trad; taiwan; road-started; numeral-chinese",
  "雲林縣政府表示，縣道154線拓寬工程已於上月開工，工程長度二點八公里，預計一年半完工。",
  f("R", 2.8, "工程長度二點八公里"))
e("trad; hongkong; road-total-length; numeral-chinese",
  "屯門西繞道全長約九公里，政府將於明年向立法會申請撥款。",
  f("R", 9, "全長約九公里", "~"))
e("trad; pinyin-noise; invest-jihua-wancheng; road-built",
  "今年河南省計劃完成農村公路建設(shè)投資(zī)95億元，新改建農村公路6000公里。",
  f("I", 9.5e9, "投資(zī)95億元"), f("R", 6000, "新改建農村公路6000公里"))
e("trad; funding-chegoushui; road-upgraded; road-thousands-sep",
  "安徽省今年下達車購稅補助資金48.6億元，支持國省幹線公路改造1,120公里。",
  f("F", 4.86e9, "下達車購稅補助資金48.6億元"), f("R", 1120, "國省幹線公路改造1,120公里"))
e("trad; invest-planned; road-built; road-safety; numeral-chinese",
  "陝西省延安市今年計劃投資12億元，新改建農村公路八百公里，實施生命安全防護工程三百二十公里。",
  f("I", 1.2e9, "計劃投資12億元"), f("R", 800, "新改建農村公路八百公里"), f("R", 320, "生命安全防護工程三百二十公里"))
e("trad; road-total-length; invest-total; neg-share; mixed",
  "甘肅省文縣至康縣高速公路全長約89公里，總投資約156億元，橋隧比高達78%。",
  f("R", 89, "全長約89公里", "~"), f("I", 1.56e10, "總投資約156億元", "~"))
e("trad; funding-zhengqu; funding-increase-optional",
  "廣西壯族自治區交通運輸廳近日爭取到中央車購稅資金35.2億元，較去年同期增加4.8億元。",
  f("F", 3.52e9, "爭取到中央車購稅資金35.2億元"), f("F", 4.8e8, "較去年同期增加4.8億元", opt=True))
e("trad; invest-touru; road-planned; qual-approx",
  "海南省今年將投入約20億元，實施環島旅遊公路配套工程和農村公路提升改造工程，計劃完成改造里程500公里。",
  f("I", 2e9, "將投入約20億元", "~"), f("R", 500, "計劃完成改造里程500公里"))
e("trad; road-built; invest-completed; qual-over; neg-rate; mixed",
  "吉林省今年新建、改建農村公路4,200公里，完成投資逾80億元，農村公路列養率達100%。",
  f("R", 4200, "改建農村公路4,200公里"), f("I", 8e9, "完成投資逾80億元", "+"))
e("trad; cut-fromto; material-verbal-fraction-optional",
  "山東省推行交通建設項目「聯合審批」，初步設計審批時間由40個工作日縮減為20個工作日，審批要件減少了一半。",
  d("T", 40, 20, "個工作日", "審批時間由40個工作日縮減為20個工作日"), f("M", 50, "審批要件減少了一半", opt=True))
e("trad; material-shenbao-ziliao; cut-stated; qual-over",
  "福建省交通運輸廳將道路運輸從業資格考試報名材料由7項精簡為2項，辦理時限壓縮85%以上。",
  d("M", 7, 2, "項", "報名材料由7項精簡為2項"), f("T", 85, "辦理時限壓縮85%", "+"))
e("trad; material-steps-trips; cut-fromto; cut-stated",
  "上海市交通委推行交通建設工程施工許可「一網通辦」，辦理環節由4個減為1個，辦理時限由20個工作日縮短至5個工作日，申報材料減少60%。",
  d("M", 4, 1, "個", "辦理環節由4個減為1個"), d("T", 20, 5, "個工作日", "辦理時限由20個工作日縮短至5個工作日"), f("M", 60, "申報材料減少60%"))
e("trad; road-maintenance; invest-touru; numeral-chinese",
  "新疆烏魯木齊市今年完成農村公路養護工程三百八十六點五公里，投入養護資金一億零八百萬元。",
  f("R", 386.5, "養護工程三百八十六點五公里"), f("I", 1.08e8, "投入養護資金一億零八百萬元"))
e("trad; funding-zhengqu; road-jianshelicheng; neg-count; mixed",
  "西藏林芝市今年爭取國家和自治區交通建設補助資金27.8億元，計劃實施農村公路建設項目56個，建設里程1,036公里。",
  f("F", 2.78e9, "爭取國家和自治區交通建設補助資金27.8億元"), f("R", 1036, "建設里程1,036公里"))
e("trad; road-planned; invest-touru; neg-count; mixed",
  "黑龍江省哈爾濱市松北區今年計劃完成道路改造43.8公里，總投入約4.6億元，其中新建道路12條、改造道路9條。",
  f("R", 43.8, "計劃完成道路改造43.8公里"), f("I", 4.6e8, "總投入約4.6億元", "~"))
e("trad; invest-completed; road-built; qual-approx",
  "河北省張家口市崇禮區冬奧會配套道路建設累計完成投資23.6億元，建成冰雪旅遊公路近百公里。",
  f("I", 2.36e9, "累計完成投資23.6億元"), f("R", 100, "建成冰雪旅遊公路近百公里", "~"))
e("trad; invest-jihua-wancheng; road-list; qual-over",
  "湖北省宜昌市今年將完成交通投資超300億元，新改建普通國省道160公里、農村公路1,500公里，建成高速公路2條共計98公里。",
  f("I", 3e10, "完成交通投資超300億元", "+"), f("R", 160, "新改建普通國省道160公里"),
  f("R", 1500, "農村公路1,500公里"), f("R", 98, "建成高速公路2條共計98公里"))
e("trad; invest-planned; road-upgraded; numeral-chinese",
  "遼寧省大連市旅順口區濱海路改造工程計劃投資三億二千萬元，改造路段長十一點二公里。",
  f("I", 3.2e8, "計劃投資三億二千萬元"), f("R", 11.2, "改造路段長十一點二公里"))
e("trad; numeral-fullwidth; road-upgraded; invest-completed",
  "江蘇省蘇州市吳江區今年完成農村公路提檔升級８５．６公里，完成投資１．２３億元。",
  f("R", 85.6, "提檔升級８５．６公里"), f("I", 1.23e8, "完成投資１．２３億元"))
e("trad; funding-chegoushui; funding-buzhu",
  "青海省果洛州今年獲得中央車購稅補助資金9.35億元，省級補助資金2.1億元，用於國道和農村公路建設。",
  f("F", 9.35e8, "獲得中央車購稅補助資金9.35億元"), f("F", 2.1e8, "省級補助資金2.1億元"))
e("trad; cut-fromto; qual-under-ignored",
  "山西省太原市推行工程建設項目審批制度改革，社會投資類項目審批時限由120個工作日壓減至45個工作日以內。",
  d("T", 120, 45, "個工作日", "審批時限由120個工作日壓減至45個工作日"))
e("trad; road-planned; invest-total; numeral-chinese; neg-speed; neg-distance; mixed",
  "內蒙古自治區呼倫貝爾市今年計劃新建口岸公路二百一十公里，總投資十八億元，全線設計時速八十公里，與滿洲里市區相距約一百公里。",
  f("R", 210, "計劃新建口岸公路二百一十公里"), f("I", 1.8e9, "總投資十八億元"))
e("trad; taiwan; road-resurfaced; ntd-optional; road-sidewalk-optional",
  "台北市政府工務局去年完成市區道路人行道改善約18公里，並完成AC路面重鋪60.5公里，總經費約新臺幣9億元。",
  f("R", 18, "人行道改善約18公里", "~", opt=True), f("R", 60.5, "AC路面重鋪60.5公里"), f("I", 9e8, "總經費約新臺幣9億元", "~", opt=True))
e("trad; taiwan; road-total-length; ntd-optional",
  "桃園市航空城聯外道路工程總長約8.6公里，預計投入經費新臺幣96億元，以紓解桃園機場周邊交通壅塞。",
  f("R", 8.6, "總長約8.6公里", "~"), f("I", 9.6e9, "投入經費新臺幣96億元", opt=True))
e("trad; taiwan; road-resurfaced; numeral-chinese; neg-rate; mixed",
  "臺南市政府表示，今年度已完成市區道路巷弄鋪面改善共計一百二十三公里，全市道路平坦率達92%。",
  f("R", 123, "鋪面改善共計一百二十三公里"))
e("trad; taiwan; road-total-length; numeral-fullwidth-point",
  "新竹縣竹北市縣道117線拓寬工程全長二．三公里，已於去年動工。",
  f("R", 2.3, "全長二．三公里"))
e("trad; road-started; invest-jihua-wancheng",
  "江西省贛州市今年將新開工高速公路3條，建設里程共計186公里，計劃完成投資125億元。",
  f("R", 186, "建設里程共計186公里"), f("I", 1.25e10, "計劃完成投資125億元"))
e("trad; cut-stated-with-pair",
  "貴州省黔南州都勻市推進交通項目審批提速，建設項目用地預審時間從原來的20天壓縮到8天，壓縮率達60%。",
  d("T", 20, 8, "天", "預審時間從原來的20天壓縮到8天", opt=True), f("T", 60, "壓縮率達60%"))
e("trad; road-planned; funding-anpai; numeral-chinese; road-thousands-sep",
  "四川省甘孜州今年下達農村公路建設計劃1,850公里，安排中央和省級補助資金十五億六千萬元。",
  f("R", 1850, "農村公路建設計劃1,850公里"), f("F", 1.56e9, "安排中央和省級補助資金十五億六千萬元"))
e("trad; pinyin-noise; invest-completed; road-wan; neg-network-stock; mixed",
  "湖南省去年完成公路建設(shè)投資(zī)1,620億元，新改建農村公路1.3萬公里，公路總里程達到24萬公里。",
  f("I", 1.62e11, "投資(zī)1,620億元"), f("R", 13000, "新改建農村公路1.3萬公里"))
e("trad; hongkong; road-widened; hkd-optional",
  "路政署表示，粉嶺公路擴闊工程涉及路段長約三點六公里，工程合約金額約二十八億港元。",
  f("R", 3.6, "路段長約三點六公里", "~"), f("I", 2.8e9, "工程合約金額約二十八億港元", "~", opt=True))
e("trad; funding-zhuanxiangzhai; invest-total",
  "湖北省十堰市鄖西縣獲批地方政府專項債券資金3.6億元，用於總投資5.2億元的縣城至天河景區公路改建工程。",
  f("F", 3.6e8, "獲批地方政府專項債券資金3.6億元"), f("I", 5.2e8, "總投資5.2億元"))
e("trad; material-steps-trips; cut-fromto-no-noun",
  "廣州市道路運輸證變更業務，辦理時間均由5個工作日壓縮至1個工作日，申請人到窗口次數由2次減為1次。",
  d("T", 5, 1, "個工作日", "均由5個工作日壓縮至1個工作日"), d("M", 2, 1, "次", "窗口次數由2次減為1次"))
e("trad; road-safety; invest-touru",
  "寧夏固原市隆德縣今年實施公路安防工程117.4公里，投入資金3650萬元。",
  f("R", 117.4, "公路安防工程117.4公里"), f("I", 3.65e7, "投入資金3650萬元"))

# ---- traditional script: negatives only
e("trad; neg-network-stock; neg-rail",
  "截至去年底，雲南省高速公路通車里程突破1萬公里，位居全國第二，鐵路營業里程達到5200公里。")
e("trad; neg-income-output; neg-growth",
  "該縣去年農民人均可支配收入16850元，同比增長7.6%，城鄉居民收入比縮小至2.1比1。")
e("trad; taiwan; neg-rail; neg-speed; neg-count",
  "台灣高鐵南港至左營全長約350公里，最高營運時速300公里，每日平均運量逾20萬人次。")
e("trad; taiwan; neg-rail",
  "高雄捷運環狀輕軌全長22.1公里，共設38個車站。")
e("trad; taiwan; neg-distance; neg-travel-time",
  "臺中港至臺中市區距離約二十五公里，貨櫃車行駛時間約三十分鐘。")
e("trad; hongkong; neg-network-stock; numeral-chinese",
  "運輸署數字顯示，全港道路總長度約為二千一百九十公里，領有牌照的車輛約九十萬輛。")
e("trad; taiwan; neg-rate; neg-speed",
  "公路總局統計，去年省道事故件數較前年下降8.3%，國道平均行車速率為每小時86公里。")
e("trad; taiwan; neg-count; neg-growth; neg-network-stock",
  "新北市去年公車載客量達3.1億人次，較前年成長4.2%，公車路線總長度約4,800公里。")
e("trad; neg-distance; neg-speed",
  "廣州白雲機場至深圳寶安機場直線距離約105公里，沿江高速設計時速100公里。")
e("trad; neg-rail; neg-network-stock",
  "全省鐵路營業里程突破5000公里，其中高鐵2100公里，實現市市通高鐵。")
e("trad; hongkong; neg-rate; neg-growth",
  "運輸署表示，去年本港道路交通意外數字較前年下跌5.6%，而全港登記車輛數目增加2.1%。")
e("trad; macau; neg-rail",
  "澳門特區政府表示，輕軌東線全長約7.7公里，設六個車站。")
e("trad; neg-vehicle-km; neg-safe-driving",
  "該客運公司去年營運車輛總行駛里程達4,600萬車公里，連續八年實現安全行車零事故，優秀駕駛員安全行車里程逾一百萬公里。")
e("trad; neg-km-post; neg-width",
  "省道219線K42至K57路段實施路面維修，施工期間單向通行，路面寬度縮減至3.5米。")
e("trad; neg-per-unit-rate; neg-savings",
  "據測算，山區高速公路每公里平均造價約1.2億元，採用裝配式橋梁後每公里可節省成本約800萬元。")
e("trad; neg-share; neg-satisfaction",
  "今年交通政務服務事項全程網辦比例達到93%，企業和群眾滿意度為99.6%，即辦件佔比提升至51%。")

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout.jsonl")
with open(out, "w", encoding="utf-8") as w:
    for x in E:
        w.write(json.dumps(x, ensure_ascii=False) + "\n")
print(len(E), "texts ->", out)

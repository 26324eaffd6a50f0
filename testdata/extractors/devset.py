# Writes devset.jsonl, the hand-written development set of the extractors
# (see README.md). Run: python3 testdata/extractors/devset.py
import json
import os
R="road_length"; I="investment"; F="funding"; T="time_cut"; M="material_cut"
def f(kind, value, raw, q="", year=0, subject="", **kw):
    unit = {"road_length":"km","investment":"CNY","funding":"CNY"}.get(kind,"%")
    d={"kind":kind,"value":value,"unit":unit,"qualifier":q,"raw":raw}
    if year: d["year"]=year
    if subject: d["subject"]=subject
    d.update(kw)
    return d
E=[]
def e(id, text, *figs, covers=""):
    for x in figs:
        assert x["raw"] in text, (id, x["raw"])
    E.append({"id":id,"text":text,"covers":covers,"figures":list(figs)})

# road_length
e("road-01","2023年，全市新改建农村公路1200公里，完成投资18.6亿元。",
  f(R,1200,"新改建农村公路1200公里",year=2023,subject="农村公路"), f(I,1.86e9,"完成投资18.6亿元",year=2023), covers="road verb+noun; year in sentence")
e("road-02","完成普通国省道路面改造85.6公里、危桥加固12座。",
  f(R,85.6,"改造85.6公里",subject="普通国省道"), covers="verb adjacent, road type earlier in clause")
e("road-03","新建农村公路一百二十公里，改造危桥15座。",
  f(R,120,"新建农村公路一百二十公里",subject="农村公路"), covers="Chinese numeral")
e("road-04","2021年至2023年，累计新改建农村公路3200多公里。",
  f(R,3200,"新改建农村公路3200多公里",q="over",subject="农村公路"), covers="多; year range gives no year")
e("road-05","全年完成干线公路大中修156公里，同比增长12%。",
  f(R,156,"大中修156公里",subject="干线公路"), covers="同比增长 is no figure")
e("road-06","2024年共硬化通村公路九十八公里，惠及群众3.2万人。",
  f(R,98,"硬化通村公路九十八公里",year=2024,subject="通村公路"), covers="Chinese numeral, 共 before verb")
e("road-07","完成农村公路路面拓宽改造约260公里。",
  f(R,260,"拓宽改造约260公里",q="approx",subject="农村公路"), covers="约, adjacent verbs")
e("road-08","全年养护国省道近2000公里，优良路率达到92%。",
  f(R,2000,"养护国省道近2000公里",q="approx",subject="国省道"), covers="近")
e("road-09","建成旅游公路不到30公里，沿线景点串珠成链。",
  f(R,30,"建成旅游公路不到30公里",q="under",subject="旅游公路"), covers="不到")
e("road-10","今年计划改造提升农村公路 1,250 公里。",
  f(R,1250,"改造提升农村公路 1,250 公里",subject="农村公路"), covers="thousands separator, spaces")
e("road-11","新建农村公路１５０公里，实现村村通硬化路。",
  f(R,150,"新建农村公路１５０公里",subject="农村公路"), covers="full-width digits")
e("road-12","整治农村公路一点六万公里，清理路域垃圾3000余吨。",
  f(R,16000,"整治农村公路一点六万公里",subject="农村公路"), covers="一点六万")
e("road-13","2022年，全县完成农村公路安全生命防护工程，整治县道45公里、乡道120公里。",
  f(R,45,"整治县道45公里",year=2022,subject="县道"), f(R,120,"乡道120公里",year=2022,subject="乡道"), covers="two road types in one list")
e("road-14","投资3.2亿元，改造高速公路58公里。",
  f(I,3.2e8,"投资3.2亿元"), f(R,58,"改造高速公路58公里",subject="高速公路"), covers="investment then road")
e("road-15","完成9条共计36.5公里农村公路提档升级。",
  f(R,36.5,"36.5公里农村公路",subject="农村公路"), covers="road noun after the unit")
e("road-16","2023年新建改建城市道路21公里，打通断头路8条。",
  f(R,21,"新建改建城市道路21公里",year=2023,subject="城市道路"), covers="城市道路")
e("road-17","改造国道G308线大修工程28公里，路面状况明显改善。",
  f(R,28,"大修工程28公里",subject="国道"), covers="Latin route number, 工程 after verb")
e("road-18","新增高速公路通车里程186公里，全省高速公路总里程突破8000公里。",
  f(R,186,"新增高速公路通车里程186公里",subject="高速公路"), covers="新增 mileage is works; total mileage is not")

# road_length negatives
e("neg-road-01","该区域总面积约120平方公里，常住人口35万人。", covers="平方公里")
e("neg-road-02","驾驶员从业二十年，安全行车百万公里，被评为全省安全行车百万公里货车驾驶员。", covers="安全行车百万公里")
e("neg-road-03","项目位于城区东部，距市区30公里，距高铁站约12公里。", covers="距市区")
e("neg-road-04","该路段设计时速100公里/小时，双向四车道。", covers="公里/小时, 时速")
e("neg-road-05","新车型最高车速可达120km/h，续航里程超过500公里。", covers="km/h, vehicle range")
e("neg-road-06","全市出租车日均行驶里程达到350公里，同比增长5%。", covers="vehicle mileage")
e("neg-road-07","公交线路总长度达到1260公里，较上年增加80公里。", covers="bus route length")
e("neg-road-08","截至2024年底，全市农村公路总里程达1.86万公里。", covers="network stock is not works")
e("neg-road-09","铁路营业里程达到1500公里，其中新建高铁线路620公里。", covers="railways")
e("neg-road-10","全市公路网密度达到每百平方公里145公里。", covers="density")
e("neg-road-11","该船舶年航行里程约2万公里，运距最远可达800公里。", covers="vessel mileage")
e("neg-road-12","救援队伍连续奋战，往返行程超过600公里。", covers="travel distance")

# investment
e("inv-01","2023年，全市交通运输完成固定资产投资312.6亿元，同比增长8.5%。",
  f(I,3.126e10,"完成固定资产投资312.6亿元",year=2023), covers="固定资产投资; growth not a figure")
e("inv-02","项目总投资约12亿元，建设工期3年。",
  f(I,1.2e9,"总投资约12亿元",q="approx"), covers="generic 项目 is no subject")
e("inv-03","潍坊港中港区5万吨级通用泊位工程总投资8.6亿元。",
  f(I,8.6e8,"总投资8.6亿元",subject="潍坊港中港区5万吨级通用泊位工程"), covers="named project before keyword")
e("inv-04","计划完成投资两千余万元，用于站场改造。",
  f(I,2e7,"计划完成投资两千余万元",q="over"), covers="两千余万")
e("inv-05","十年来累计完成投资逾150亿元。",
  f(I,1.5e10,"累计完成投资逾150亿元",q="over"), covers="逾; 年来 gives no year")
e("inv-06","“十四五”期间全省交通运输计划完成投资1.2万亿元。",
  f(I,1.2e12,"计划完成投资1.2万亿元"), covers="万亿")
e("inv-07","该枢纽总投资3.5亿元左右，年底前开工。",
  f(I,3.5e8,"总投资3.5亿元",q="approx"), covers="左右")
e("inv-08","新建停车场2处，投资5000万元以上。",
  f(I,5e7,"投资5000万元",q="over"), covers="以上")
e("inv-09","改造工程总投资不到8000万元。",
  f(I,8e7,"总投资不到8000万元",q="under"), covers="不到")
e("inv-10","2025年计划完成交通投资120亿元。",
  f(I,1.2e10,"计划完成交通投资120亿元",year=2025), covers="交通投资")
e("inv-11","总投资约390亿元的23个重点项目全部开工。",
  f(I,3.9e10,"总投资约390亿元",q="approx"), covers="counted projects are no subject")
e("inv-12","总投资4.6亿元的小清河复航工程济南段顺利通过交工验收。",
  f(I,4.6e8,"总投资4.6亿元",subject="小清河复航工程济南段"), covers="X的NAME")
e("inv-13","青岛胶州湾第二隧道工程完成投资28.7亿元，占年度计划的75%。",
  f(I,2.87e9,"完成投资28.7亿元",subject="青岛胶州湾第二隧道工程"), covers="named project; share is no figure")
e("inv-14","近年来，累计完成交通投资超过800亿元。",
  f(I,8e10,"累计完成交通投资超过800亿元",q="over"), covers="超过; 近年来")
e("inv-15","2020年、2021年、2022年分别完成投资65亿元、72亿元和80亿元。",
  f(I,6.5e9,"完成投资65亿元",year=2020), f(I,7.2e9,"72亿元",year=2021), f(I,8e9,"80亿元",year=2022), covers="list aligned with years")
e("inv-16","项目投资额达到1.5亿元。",
  f(I,1.5e8,"投资额达到1.5亿元"), covers="额, 达到")
e("inv-17","工程总投资二十三点五亿元，全长18公里。",
  f(I,2.35e9,"总投资二十三点五亿元"), f(R,18,"全长18公里"), covers="Chinese decimal numeral; a project's 全长 with no other way named is a road's (realdev policy)")
e("inv-18","完成投资一亿零五百万元。",
  f(I,1.05e8,"完成投资一亿零五百万元"), covers="零 inside a numeral")
e("inv-19","全年完成公路水路投资大约45亿元。",
  f(I,4.5e9,"全年完成公路水路投资大约45亿元",q="approx"), covers="大约")
e("inv-20","总投资控制在3亿元之内。",
  f(I,3e8,"总投资控制在3亿元",q="under"), covers="之内")
e("inv-21","项目总投资12.5亿元，其中申请中央车购税资金3亿元。",
  f(I,1.25e9,"总投资12.5亿元"), f(F,3e8,"中央车购税资金3亿元"), covers="exact 12.5亿; investment and funding")

# investment negatives
e("neg-inv-01","1-10月，全市完成交通固定资产投资同比增长12.3%。", covers="growth only")
e("neg-inv-02","2024年，全市交通运输行业实现营业收入85亿元。", covers="revenue")
e("neg-inv-03","全市港口完成货物吞吐量2.1亿吨，集装箱吞吐量120万标箱。", covers="tonnage")
e("neg-inv-04","人均投资约5000元，远低于全省平均水平。", covers="per-head rate")
e("neg-inv-05","投资规模约30亿至50亿元。", covers="range: unsure")

# funding
e("fund-01","2024年，争取上级补助资金3.2亿元，同比增长20%。",
  f(F,3.2e8,"补助资金3.2亿元",year=2024), covers="补助资金")
e("fund-02","全年共争取中央车购税资金5.6亿元。",
  f(F,5.6e8,"中央车购税资金5.6亿元"), covers="fund type modifier")
e("fund-03","获得省级奖补资金800万元，用于农村公路养护。",
  f(F,8e6,"奖补资金800万元"), covers="奖补资金")
e("fund-04","落实到位资金12.3亿元，资金到位率100%。",
  f(F,1.23e9,"到位资金12.3亿元"), covers="到位资金")
e("fund-05","为出租车司机发放燃油补贴约45万元。",
  f(F,4.5e5,"燃油补贴约45万元",q="approx"), covers="补贴, 约")
e("fund-06","小清河复航工程获得资金支持1.5亿元。",
  f(F,1.5e8,"资金支持1.5亿元",subject="小清河复航工程"), covers="资金支持, subject")
e("fund-07","对上争取资金一点二亿元。",
  f(F,1.2e8,"争取资金一点二亿元"), covers="争取资金, Chinese decimal")
e("fund-08","中央财政下达补助资金2.35亿元。",
  f(F,2.35e8,"补助资金2.35亿元"), covers="补助资金")
e("fund-09","获批专项债券资金15亿元，支持城乡交通一体化项目。",
  f(F,1.5e9,"专项债券资金15亿元"), covers="专项债券")
e("fund-10","为企业兑现运输补贴1,800万元。",
  f(F,1.8e7,"运输补贴1,800万元"), covers="thousands separator")
e("fund-11","累计发放补助资金超5000万元。",
  f(F,5e7,"补助资金超5000万元",q="over"), covers="超")
e("fund-12","为受灾村庄援助20余万元，修复水毁道路。",
  f(F,2e5,"援助20余万元",q="over"), covers="援助, 余")

# funding negatives
e("neg-fund-01","农村公路养护每公里补助资金1万元。", covers="per-km rate")
e("neg-fund-02","全年节约资金1200万元，挽回经济损失300万元。", covers="savings")
e("neg-fund-03","为每位驾驶员发放防暑降温补贴每月300元。", covers="monthly rate")
e("neg-fund-04","票价由每人3元下调至2元。", covers="fares")

# time_cut
e("time-01","审批时限由20个工作日压缩至5个工作日。",
  f(T,75,"审批时限由20个工作日压缩至5个工作日",from_value=20,to_value=5,period="工作日"), covers="from/to")
e("time-02","办理时间平均压缩60%以上。",
  f(T,60,"办理时间平均压缩60%",q="over"), covers="以上, gap word")
e("time-03","行政许可事项承诺办理时限较法定时限压减85%。",
  f(T,85,"承诺办理时限较法定时限压减85%"), covers="承诺时限")
e("time-04","道路运输证办件时间从3天缩短到1天。",
  f(T,66.6667,"办件时间从3天缩短到1天",from_value=3,to_value=1,period="天"), covers="从..到, rounding")
e("time-05","审批用时减少百分之五十。",
  f(T,50,"审批用时减少百分之五十"), covers="百分之")
e("time-06","通过流程再造，压缩审批时限70%。",
  f(T,70,"压缩审批时限70%"), covers="verb before noun")
e("time-07","全省交通运输政务服务事项办理时限压缩比例达到63.2%。",
  f(T,63.2,"办理时限压缩比例达到63.2%"), covers="比例达到")
e("time-08","道路运输经营许可办理时间由原来的15天压减为3天。",
  f(T,80,"办理时间由原来的15天压减为3天",from_value=15,to_value=3,period="天"), covers="由原来的")
e("neg-time-01","审批时限压缩至法定时限的30%。", covers="reduced TO, not BY")
e("neg-time-02","船舶平均待港时间缩短25%。", covers="not processing time")
e("neg-time-03","工期由原计划的36个月缩短至30个月。", covers="construction period")
e("neg-time-04","项目建成后，通行时间缩短40%，物流成本降低15%。", covers="travel time, cost")
e("neg-time-05","49个事项办理时限压缩到10个工作日之内。", covers="no from value: unsure")

# material_cut
e("mat-01","申请材料由12份精简至4份。",
  f(M,66.6667,"申请材料由12份精简至4份",from_value=12,to_value=4,period="份"), covers="from/to counts")
e("mat-02","办事环节减少50%，群众满意度明显提升。",
  f(M,50,"办事环节减少50%"), covers="steps")
e("mat-03","申报材料压减约40%。",
  f(M,40,"申报材料压减约40%",q="approx"), covers="约")
e("mat-04","群众跑动次数由5次减少到1次。",
  f(M,80,"跑动次数由5次减少到1次",from_value=5,to_value=1,period="次"), covers="trips")
e("mat-05","全面清理规范，精简证明材料30%。",
  f(M,30,"精简证明材料30%"), covers="verb before noun")
e("neg-mat-01","建筑材料价格同比下降10%。", covers="prices")
e("neg-mat-02","材料费用降低15%，能耗下降8%。", covers="costs")
e("neg-mat-03","预计物流综合周转效率提升30%以上，货物破损率减少20%以上。", covers="efficiency, breakage")

# multi-sentence texts: year attribution across sentences
e("doc-01","2022年是“十四五”规划实施的关键之年。今年，全市计划完成交通投资80亿元。",
  f(I,8e9,"计划完成交通投资80亿元",year=2022), covers="今年 resolved in paragraph")
e("doc-02","2023年交通运输工作要点\n一、加快基础设施建设\n全年计划新建农村公路300公里，完成投资25亿元。",
  f(R,300,"新建农村公路300公里",year=2023,subject="农村公路"), f(I,2.5e9,"完成投资25亿元",year=2023), covers="year from a scope heading")
e("doc-03","2019年以来，累计完成农村公路改造2100公里。",
  f(R,2100,"改造2100公里",subject="农村公路"), covers="以来: cumulative, no year")
e("doc-04","2023年，全市完成交通投资156亿元，新改建农村公路860公里，争取上级资金补助9.8亿元。",
  f(I,1.56e10,"完成交通投资156亿元",year=2023), f(R,860,"新改建农村公路860公里",year=2023,subject="农村公路"), f(F,9.8e8,"资金补助9.8亿元",year=2023), covers="three kinds in one sentence")
e("doc-05","2021年，全市完成公路投资60亿元。新建高速公路45公里。",
  f(I,6e9,"完成公路投资60亿元",year=2021), f(R,45,"新建高速公路45公里",subject="高速公路"), covers="year not carried to the next sentence")
e("doc-06","总投资约3.6亿元的G15沈海高速改扩建工程主体完工。",
  f(I,3.6e8,"总投资约3.6亿元",q="approx",subject="G15沈海高速改扩建工程"), covers="Latin in subject")


# batch 3: negatives of the candidate-first rules (each a class, in several wordings)
e("neg3-01","全县完成造林绿化面积5.2万亩，新建绿道30公里、健身步道12公里。", covers="greenways and footpaths are not roads")
e("neg3-02","新建城市地下综合管廊12.3公里，有轨电车线路延伸6.8公里。", covers="utility tunnels, tram lines")
e("neg3-03","北环线全长约10.7公里，属铁路项目。", covers="a 全长 whose project is named a railway after it")
e("neg3-04","该隧道全长3.6公里，是省内最长的公路隧道。", covers="tunnel length")
e("neg3-05","大桥全长2.1公里，主跨580米。", covers="bridge length")
e("neg3-06","完工后往返两乡镇可少绕8公里，绕行距离缩短约12公里。", covers="detours saved are distances")
e("neg3-07","新车续航里程超过500公里，船舶年航行里程约2万公里。", covers="vehicle and vessel mileage")
e("neg3-08","全年完成固定资产投资50亿元，社会消费品零售总额80亿元，外贸进出口总额12亿元。", f(I,5e9,"全年完成固定资产投资50亿元"), covers="indicators in a clause of their own do not inherit the head")
e("neg3-09","完成投资5亿元，营业收入3亿元，实现利税1亿元。", f(I,5e8,"完成投资5亿元"), covers="income and taxes after an investment")
e("neg3-10","项目估算投资20亿元至30亿元，建设期3年。", covers="a range after the unit")
e("neg3-11","通过优化设计节约投资约1800万元，节省建设资金600万元。", covers="savings are not investment")
e("neg3-12","全市行政审批事项由256项精简至128项。", covers="approval-item counts are not material cuts")
e("neg3-13","项目建成后，两地车程由2小时缩短至40分钟，通行时间由30分钟缩短至10分钟。", covers="travel time")
e("neg3-14","全市公路总里程达到3560公里，其中高速公路120公里、国道230公里、农村公路2900公里。", covers="items of a network stock")
e("neg3-15","港铁屯马线全长56公里，设27个车站。", covers="metro line length")
e("neg3-16","全年完成公路养护1200公里；路政巡查里程共计3.5万公里。", f(R,1200,"养护1200公里"), covers="inspection mileage")
e("neg3-17","城镇居民人均可支配收入4.5万元，农村居民人均收入2.1万元。", covers="per-head income")

e("neg3-18","全港道路总长约2,100公里，行车线总长约5,000公里。", covers="a territory's road network is stock")
e("neg3-19","全县农村公路总长1286公里，路网密度达每百平方公里68公里。", covers="a county's network length and density")
e("neg3-20","截至年底，全市境内高速公路全长达420公里。", covers="a city's expressway network")
e("neg3-21","我国农村公路总长度已超过450万公里。", covers="the nation's network")
e("neg3-22","台61线西滨快速公路尚有约40公里未完成。", covers="a negated works verb")
e("neg3-23","市区道路人行道改善总长度达12.5公里，新设盲道3公里。", covers="sidewalks are not roads")

# batch 2: phrasing variants
e("road-19","全年完成农村公路新改建1560公里，新增通客车行政村12个。",
  f(R,1560,"新改建1560公里",subject="农村公路"), covers="noun then verb then number")
e("road-20","实施县乡道改造提升工程210公里。",
  f(R,210,"改造提升工程210公里",subject="县乡道"), covers="verb + 工程")
e("road-21","完成国省道路面大中修工程86.3公里。",
  f(R,86.3,"大中修工程86.3公里",subject="国省道"), covers="大中修工程")
e("road-22","建成高速公路145公里、一级公路67公里。",
  f(R,145,"建成高速公路145公里",subject="高速公路"), f(R,67,"一级公路67公里",subject="一级公路"), covers="two roads in a list")
e("road-23","全年新建和改建农村公路1000公里。",
  f(R,1000,"新建和改建农村公路1000公里",subject="农村公路"), covers="verbs joined by 和")
e("road-24","农村公路完成改造300公里，完成投资4.2亿元。",
  f(R,300,"改造300公里",subject="农村公路"), f(I,4.2e8,"完成投资4.2亿元"), covers="noun as clause subject")
e("inv-22","项目概算总投资56.8亿元，计划2026年建成。",
  f(I,5.68e9,"概算总投资56.8亿元"), covers="概算")
e("inv-23","累计完成投资46.2亿元，占总投资的68%。",
  f(I,4.62e9,"累计完成投资46.2亿元"), covers="share of total is no figure")
e("inv-24","全市交通建设完成投资135亿元，完成年度计划的108%。",
  f(I,1.35e10,"完成投资135亿元"), covers="plan completion rate is no figure")
e("inv-25","潍烟高铁招远段全长约45公里，总投资62.3亿元，计划2025年建成通车。",
  f(I,6.23e9,"总投资62.3亿元",subject="潍烟高铁招远段"), covers="subject from the sentence's first clause; rail length is not road")
e("fund-13","争取中央和省级补助资金4.3亿元。",
  f(F,4.3e8,"补助资金4.3亿元"), covers="补助资金 after a list of sources")
e("time-09","平均办理时间由7天缩短至2天。",
  f(T,71.4286,"平均办理时间由7天缩短至2天",from_value=7,to_value=2,period="天"), covers="rounding to 4 places")
e("time-10","审批时限压减 50% 以上。",
  f(T,50,"审批时限压减 50%",q="over"), covers="spaces, 以上")
e("mat-06","办事环节由8个精简为3个。",
  f(M,62.5,"办事环节由8个精简为3个",from_value=8,to_value=3,period="个"), covers="from/to steps")
e("mat-07","群众办事提交材料平均减少62%。",
  f(M,62,"提交材料平均减少62%"), covers="提交材料")
e("neg-mix-01","全市公路通车总里程达到2.3万公里，其中高速公路860公里。", covers="network stock")
e("neg-mix-02","城区至机场的车程缩短为20分钟。", covers="travel time")
e("neg-mix-03","新开通公交线路12条，线路长度186公里。", covers="bus routes")
e("neg-mix-04","事故起数同比下降12.5%，死亡人数下降8.3%。", covers="accident statistics")
e("neg-mix-05","运输成本降低约15%，车辆违法率下降20%。", covers="costs and rates")
e("neg-mix-06","完成货运周转量120亿吨公里，旅客周转量35亿人公里。", covers="ton-km and passenger-km")
e("neg-mix-07","自行车道全长12公里，串联沿线6个公园。", covers="bike lane length")
e("neg-mix-08","企业开办时间压缩至1个工作日。", covers="to-value only")

e("inv-26","1-10月，全县固定资产投资完成246.79亿元，同比增长15.3%。",
  f(I,2.4679e10,"固定资产投资完成246.79亿元"), covers="keyword before 完成")
e("inv-27","有192家企业获得投资，投资金额超过1000亿元。",
  f(I,1e11,"投资金额超过1000亿元",q="over"), covers="金额 between keyword and number")
e("doc-07","2023年是交通强市建设攻坚之年。全年交通投资与去年持平，完成投资85亿元。",
  f(I,8.5e9,"完成投资85亿元",year=2023), covers="与去年 is a comparison; 全年 resolved in paragraph")
e("doc-08","2024年，全市完成交通投资92亿元。去年同期完成农村公路改造320公里。",
  f(I,9.2e9,"完成交通投资92亿元",year=2024), f(R,320,"改造320公里",year=2023,subject="农村公路"), covers="去年 in the figure's clause")

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "devset.jsonl"), "w") as out:
    for x in E:
        out.write(json.dumps(x, ensure_ascii=False)+"\n")
import collections
c=collections.Counter(fig["kind"] for x in E for fig in x["figures"])
print(len(E), "texts", sum(c.values()), "figures", dict(c), "negatives", sum(1 for x in E if not x["figures"]))

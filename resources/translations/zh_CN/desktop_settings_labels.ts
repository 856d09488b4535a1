<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>StoreSettings</name>
    <message>
      <source>A larger car has at least</source>
      <translation>较大车型的座位数下限</translation>
    </message>
    <message>
      <source>A manager approves overrides beyond</source>
      <translation>评估师调整超过此值需经理审批</translation>
    </message>
    <message>
      <source>A quote is valid for</source>
      <translation>报价有效期</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Business licence No.</source>
      <translation>营业执照号</translation>
    </message>
    <message>
      <source>CNY</source>
      <translation>元</translation>
    </message>
    <message>
      <source>Call back a high-intent lead within</source>
      <translation>高意向客户回访时限</translation>
    </message>
    <message>
      <source>Catalogue confirmed</source>
      <translation>产品目录已确认</translation>
    </message>
    <message>
      <source>Complaint channel</source>
      <translation>投诉渠道</translation>
    </message>
    <message>
      <source>Compulsory insurance, family car</source>
      <translation>交强险（家用车）</translation>
    </message>
    <message>
      <source>Compulsory insurance, larger car</source>
      <translation>交强险（较大车型）</translation>
    </message>
    <message>
      <source>Condition factor: excellent</source>
      <translation>车况系数：优秀</translation>
    </message>
    <message>
      <source>Condition factor: fair</source>
      <translation>车况系数：一般</translation>
    </message>
    <message>
      <source>Condition factor: good</source>
      <translation>车况系数：良好</translation>
    </message>
    <message>
      <source>Condition factor: poor</source>
      <translation>车况系数：较差</translation>
    </message>
    <message>
      <source>Confirm a deal price further off than</source>
      <translation>成交价偏离超过此值需确认</translation>
    </message>
    <message>
      <source>Confirm a reference price above</source>
      <translation>参考价高于此值需确认</translation>
    </message>
    <message>
      <source>Confirm a reference price below</source>
      <translation>参考价低于此值需确认</translation>
    </message>
    <message>
      <source>Cooling-off period</source>
      <translation>冷静期</translation>
    </message>
    <message>
      <source>Cooling-off, complex products</source>
      <translation>复杂产品冷静期</translation>
    </message>
    <message>
      <source>Debt-to-income limit</source>
      <translation>负债收入比上限</translation>
    </message>
    <message>
      <source>Default highest mileage</source>
      <translation>默认最高里程</translation>
    </message>
    <message>
      <source>Default oldest vehicle</source>
      <translation>默认最长车龄</translation>
    </message>
    <message>
      <source>Delivery follow-up call within</source>
      <translation>交车回访时限</translation>
    </message>
    <message>
      <source>Depreciation a year (new-car guide)</source>
      <translation>年折旧率（按新车指导价）</translation>
    </message>
    <message>
      <source>Displacement when not given</source>
      <translation>未填写时的排量</translation>
    </message>
    <message>
      <source>Finance service fee</source>
      <translation>金融服务费</translation>
    </message>
    <message>
      <source>Financed by default</source>
      <translation>默认纳入贷款的项目</translation>
    </message>
    <message>
      <source>First visit after disbursement within</source>
      <translation>放款后首次回访时限</translation>
    </message>
    <message>
      <source>Forbidden wording</source>
      <translation>禁用词</translation>
    </message>
    <message>
      <source>GPS installation</source>
      <translation>GPS 安装费</translation>
    </message>
    <message>
      <source>Implausible above (a year)</source>
      <translation>年里程高于此值视为异常</translation>
    </message>
    <message>
      <source>Implausible below (a year)</source>
      <translation>年里程低于此值视为异常</translation>
    </message>
    <message>
      <source>LPR published on</source>
      <translation>LPR 发布日期</translation>
    </message>
    <message>
      <source>LPR, 1 year</source>
      <translation>LPR（1 年期）</translation>
    </message>
    <message>
      <source>LPR, 5 years and longer</source>
      <translation>LPR（5 年期以上）</translation>
    </message>
    <message>
      <source>Logo</source>
      <translation>标志</translation>
    </message>
    <message>
      <source>Look for duplicate applications over</source>
      <translation>重复申请检查范围</translation>
    </message>
    <message>
      <source>Low mileage adds at most</source>
      <translation>低里程最多增加</translation>
    </message>
    <message>
      <source>Low-mileage check from an age of</source>
      <translation>低里程检查的起始车龄</translation>
    </message>
    <message>
      <source>Mileage step</source>
      <translation>里程档</translation>
    </message>
    <message>
      <source>Mileage takes off at most</source>
      <translation>里程最多扣减</translation>
    </message>
    <message>
      <source>NEV purchase-tax relief</source>
      <translation>新能源车购置税减免</translation>
    </message>
    <message>
      <source>Oldest customer</source>
      <translation>客户最高年龄</translation>
    </message>
    <message>
      <source>On-road costs</source>
      <translation>落地费用</translation>
    </message>
    <message>
      <source>Online small loans: at most</source>
      <translation>网络小贷：最高金额</translation>
    </message>
    <message>
      <source>Online small loans: longest term</source>
      <translation>网络小贷：最长期限</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Plans and customers</source>
      <translation>方案与客户</translation>
    </message>
    <message>
      <source>Purchase tax</source>
      <translation>车辆购置税</translation>
    </message>
    <message>
      <source>Rates and caps</source>
      <translation>利率与上限</translation>
    </message>
    <message>
      <source>Refuse an APR above</source>
      <translation>年化利率上限（超过即拒绝）</translation>
    </message>
    <message>
      <source>Registration</source>
      <translation>上牌费</translation>
    </message>
    <message>
      <source>Seats when not given</source>
      <translation>未填写时的座位数</translation>
    </message>
    <message>
      <source>Start the plan with a down payment of</source>
      <translation>方案默认首付比例</translation>
    </message>
    <message>
      <source>Start the plan with a term of</source>
      <translation>方案默认期限</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>Store name</source>
      <translation>门店名称</translation>
    </message>
    <message>
      <source>Title transfer fee (used cars)</source>
      <translation>过户费（二手车）</translation>
    </message>
    <message>
      <source>Typical mileage a year</source>
      <translation>年均正常里程</translation>
    </message>
    <message>
      <source>VAT in the invoice price</source>
      <translation>发票价所含增值税</translation>
    </message>
    <message>
      <source>VIN model year may differ by</source>
      <translation>VIN 年款允许相差</translation>
    </message>
    <message>
      <source>Value change per mileage step</source>
      <translation>每个里程档的价值调整</translation>
    </message>
    <message>
      <source>Vehicle and vessel tax a year</source>
      <translation>车船税（每年）</translation>
    </message>
    <message>
      <source>Vehicle appraisal</source>
      <translation>车辆评估</translation>
    </message>
    <message>
      <source>Warn above (× 1-year LPR)</source>
      <translation>提醒阈值（1 年期 LPR 的倍数）</translation>
    </message>
    <message>
      <source>Youngest customer</source>
      <translation>客户最低年龄</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天</translation>
    </message>
    <message>
      <source>hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <source>km</source>
      <translation>公里</translation>
    </message>
    <message>
      <source>litres</source>
      <translation>升</translation>
    </message>
    <message>
      <source>months</source>
      <translation>个月</translation>
    </message>
    <message>
      <source>seats</source>
      <translation>座</translation>
    </message>
    <message>
      <source>times</source>
      <translation>倍</translation>
    </message>
    <message>
      <source>years</source>
      <translation>年</translation>
    </message>
    <message>
      <source>… above the largest displacement</source>
      <translation>… 超过最大排量档</translation>
    </message>
    <message>
      <source>… highest allowed</source>
      <translation>… 最高允许</translation>
    </message>
    <message>
      <source>… lowest allowed</source>
      <translation>… 最低允许</translation>
    </message>
  </context>
</TS>

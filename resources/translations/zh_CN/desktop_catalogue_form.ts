<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ProductForm</name>
    <message>
      <source>% a year</source>
      <translation>% ／年</translation>
    </message>
    <message>
      <source>% of the appraised value</source>
      <translation>% 评估价</translation>
    </message>
    <message>
      <source>% of the loan</source>
      <translation>% 贷款金额</translation>
    </message>
    <message>
      <source>% of the loan a month</source>
      <translation>% 贷款额／月</translation>
    </message>
    <message>
      <source>% of the overdue amount a day</source>
      <translation>% 逾期金额／日</translation>
    </message>
    <message>
      <source>% of the price (where each band starts)</source>
      <translation>% 车价（每档的起点）</translation>
    </message>
    <message>
      <source>% of the principal repaid early</source>
      <translation>% 提前偿还的本金</translation>
    </message>
    <message>
      <source>Account management fee</source>
      <translation>账户管理费</translation>
    </message>
    <message>
      <source>An online small loan (the store's amount and term limits apply)</source>
      <translation>网络小额贷款（适用本店的金额和期限上限）</translation>
    </message>
    <message>
      <source>Approval time</source>
      <translation>审批时效</translation>
    </message>
    <message>
      <source>Balloon: from</source>
      <translation>弹性尾款：从</translation>
    </message>
    <message>
      <source>CNY</source>
      <translation>元</translation>
    </message>
    <message>
      <source>Down-payment bands</source>
      <translation>首付档</translation>
    </message>
    <message>
      <source>Early repayment fee</source>
      <translation>提前还款手续费</translation>
    </message>
    <message>
      <source>Every fee is in the APR the customer is shown and on the disclosure sheet.</source>
      <translation>每一项费用都计入向客户展示的年化利率，并列在信息披露表上。</translation>
    </message>
    <message>
      <source>Fees</source>
      <translation>费用明细</translation>
    </message>
    <message>
      <source>Finances</source>
      <translation>适用车辆</translation>
    </message>
    <message>
      <source>General</source>
      <translation>基本信息</translation>
    </message>
    <message>
      <source>Give at least one band.</source>
      <translation>请至少填写一档。</translation>
    </message>
    <message>
      <source>Grades</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Highest mileage</source>
      <translation>最高里程</translation>
    </message>
    <message>
      <source>Interest subsidy (贴息): someone else pays the lender part of the interest</source>
      <translation>贴息：由他方向资金方支付部分利息</translation>
    </message>
    <message>
      <source>Kinds of car</source>
      <translation>动力类型</translation>
    </message>
    <message>
      <source>Lenders</source>
      <translation>资金方</translation>
    </message>
    <message>
      <source>Lends at most</source>
      <translation>最高贷款</translation>
    </message>
    <message>
      <source>List each band once, from the lowest to the highest.</source>
      <translation>每档只列一次，从低到高排列。</translation>
    </message>
    <message>
      <source>Name in Chinese</source>
      <translation>中文名称</translation>
    </message>
    <message>
      <source>Name in English</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <source>New product</source>
      <translation>新产品</translation>
    </message>
    <message>
      <source>Nominal rate a year, in percent. A customer gets the rate of the first term band that holds the term and of the highest down-payment band the down payment reaches. One band of each: one rate per grade.</source>
      <translation>名义年利率（%）。客户适用包含其期限的第一个期限档，以及其首付比例达到的最高首付档的利率。期限档和首付档各只有一档时：每个等级一个利率。</translation>
    </message>
    <message>
      <source>Offered in new plans</source>
      <translation>新方案中可选（在售）</translation>
    </message>
    <message>
      <source>Oldest car</source>
      <translation>最长车龄</translation>
    </message>
    <message>
      <source>Overdue penalty</source>
      <translation>逾期罚息</translation>
    </message>
    <message>
      <source>Paid by (Chinese)</source>
      <translation>贴息方（中文）</translation>
    </message>
    <message>
      <source>Paid by (English)</source>
      <translation>贴息方（英文）</translation>
    </message>
    <message>
      <source>Rate sheet</source>
      <translation>利率表</translation>
    </message>
    <message>
      <source>Rates</source>
      <translation>利率</translation>
    </message>
    <message>
      <source>Rates from</source>
      <translation>利率范围</translation>
    </message>
    <message>
      <source>Repayment</source>
      <translation>还款</translation>
    </message>
    <message>
      <source>Repayment methods</source>
      <translation>还款方式</translation>
    </message>
    <message>
      <source>Requires full insurance with the lender as first beneficiary (the customer picks the insurer)</source>
      <translation>要求投保车辆全险并以资金方为第一受益人（保险公司由客户自选）</translation>
    </message>
    <message>
      <source>Step-up: the payment rises by</source>
      <translation>递增还款：月供每次提高</translation>
    </message>
    <message>
      <source>Strictness</source>
      <translation>审批严格程度</translation>
    </message>
    <message>
      <source>Subsidy and add-ons</source>
      <translation>贴息与附加项目</translation>
    </message>
    <message>
      <source>Term bands</source>
      <translation>期限档</translation>
    </message>
    <message>
      <source>Terms</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>The customer pays the rates of the Rates tab (0% for an interest-free offer); the lender earns its own rate and the payer above covers the difference. The finance page shows both and what the subsidy is worth.</source>
      <translation>客户按“利率”页的利率还款（免息方案为 0%）；资金方按其实收利率计息，差额由上面的贴息方承担。金融方案页会同时显示两者以及贴息金额。</translation>
    </message>
    <message>
      <source>The lender earns</source>
      <translation>资金方实收利率</translation>
    </message>
    <message>
      <source>The lender may finance the optional add-ons (insurance, warranty, services)</source>
      <translation>资金方可将可选附加项目（保险、延保、服务）计入贷款</translation>
    </message>
    <message>
      <source>Up-front fee</source>
      <translation>前期费用</translation>
    </message>
    <message>
      <source>Vehicles</source>
      <translation>车辆</translation>
    </message>
    <message>
      <source>e.g. 0, 30, 50</source>
      <translation>例如 0, 30, 50</translation>
    </message>
    <message>
      <source>e.g. 12, 24, 36</source>
      <translation>例如 12, 24, 36</translation>
    </message>
    <message>
      <source>e.g. 24, 36, 60</source>
      <translation>例如 24, 36, 60</translation>
    </message>
    <message>
      <source>e.g. FAW-Volkswagen</source>
      <translation>例如 FAW-Volkswagen</translation>
    </message>
    <message>
      <source>e.g. 一汽-大众</source>
      <translation>例如 一汽-大众</translation>
    </message>
    <message>
      <source>km</source>
      <translation>公里</translation>
    </message>
    <message>
      <source>months</source>
      <translation>个月</translation>
    </message>
    <message>
      <source>months (the longest term of each band)</source>
      <translation>个月（每档的最长期限）</translation>
    </message>
    <message>
      <source>working days</source>
      <translation>个工作日</translation>
    </message>
    <message>
      <source>years</source>
      <translation>年</translation>
    </message>
    <message>
      <source>… every</source>
      <translation>……间隔</translation>
    </message>
    <message>
      <source>… plus</source>
      <translation>……另加</translation>
    </message>
  </context>
</TS>

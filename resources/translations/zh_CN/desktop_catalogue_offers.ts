<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CardInstalmentForm</name>
    <message>
      <source>Add term</source>
      <translation>添加期限</translation>
    </message>
    <message>
      <source>CNY</source>
      <translation>元</translation>
    </message>
    <message>
      <source>Card instalment</source>
      <translation>信用卡分期</translation>
    </message>
    <message>
      <source>Card limit</source>
      <translation>分期额度</translation>
    </message>
    <message>
      <source>New card instalment</source>
      <translation>新信用卡分期</translation>
    </message>
    <message>
      <source>No interest: the bank charges a flat fee for the whole term, in equal parts with each payment. The true APR is what that fee costs a year on the money still owed; the customer is shown it, and a term above the store's cap cannot be saved.</source>
      <translation>不收利息：银行按整个分期收取一笔固定手续费，随每期还款平均收取。真实年化利率是该手续费按尚欠金额折算的年成本；会向客户展示，超过本店上限的期限无法保存。</translation>
    </message>
    <message>
      <source>Remove term</source>
      <translation>删除期限</translation>
    </message>
    <message>
      <source>Terms and fees</source>
      <translation>期限与手续费</translation>
    </message>
  </context>
  <context>
    <name>CatalogueEditor</name>
    <message>
      <source>A discount on the rate</source>
      <translation>利率折扣</translation>
    </message>
    <message>
      <source>Lenders</source>
      <translation>资金方</translation>
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
      <source>Offered in new plans</source>
      <translation>新方案中可选（在售）</translation>
    </message>
    <message>
      <source>The monthly fees waived</source>
      <translation>免月服务费</translation>
    </message>
  </context>
  <context>
    <name>ConsumerCreditForm</name>
    <message>
      <source>% a year</source>
      <translation>% ／年</translation>
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
      <source>% of the principal repaid early</source>
      <translation>% 提前偿还的本金</translation>
    </message>
    <message>
      <source>% off the rate (50: half the rate)</source>
      <translation>% 利率减免（50 即利率减半）</translation>
    </message>
    <message>
      <source>A first-loan promotion for new customers</source>
      <translation>新客户首贷优惠</translation>
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
      <source>CNY</source>
      <translation>元</translation>
    </message>
    <message>
      <source>Credit line</source>
      <translation>授信额度</translation>
    </message>
    <message>
      <source>Each accepted grade's nominal rate a year (inside the APR range) and monthly fee (inside the fee range): every customer of the same grade gets the same price.</source>
      <translation>每个接受评级的名义年利率（在年化利率范围内）和月服务费率（在费率范围内）：同一评级的客户价格相同。</translation>
    </message>
    <message>
      <source>Early repayment fee</source>
      <translation>提前还款手续费</translation>
    </message>
    <message>
      <source>For a customer's first loan with this lender, during the months given.</source>
      <translation>适用于客户在该资金方的首笔贷款，在所填月数内有效。</translation>
    </message>
    <message>
      <source>For the first</source>
      <translation>前</translation>
    </message>
    <message>
      <source>General</source>
      <translation>基本信息</translation>
    </message>
    <message>
      <source>Grades</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Limits and fees</source>
      <translation>额度与费用</translation>
    </message>
    <message>
      <source>Monthly fee</source>
      <translation>月服务费率</translation>
    </message>
    <message>
      <source>New consumer credit line</source>
      <translation>新消费信贷产品</translation>
    </message>
    <message>
      <source>Overdue penalty</source>
      <translation>逾期罚息</translation>
    </message>
    <message>
      <source>Promotion</source>
      <translation>首贷优惠</translation>
    </message>
    <message>
      <source>Rate discount</source>
      <translation>利率折扣</translation>
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
      <source>Repayment methods</source>
      <translation>还款方式</translation>
    </message>
    <message>
      <source>Terms</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>e.g. 12, 24, 36</source>
      <translation>例如 12, 24, 36</translation>
    </message>
    <message>
      <source>months</source>
      <translation>个月</translation>
    </message>
    <message>
      <source>working days</source>
      <translation>个工作日</translation>
    </message>
  </context>
</TS>

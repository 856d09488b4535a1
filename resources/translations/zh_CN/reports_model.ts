<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReportModel</name>
    <message>
      <source>Add-on attach rate</source>
      <translation>附加产品渗透率</translation>
    </message>
    <message>
      <source>Add-on attach rate = signed loans with at least one optional add-on (insurance the lender does not require, warranty, service package); lender-required insurance is shown apart.</source>
      <translation>附加产品渗透率 = 含至少一项自选附加产品（贷款机构未要求的保险、延保、服务包）的已签约贷款占比；贷款机构要求的保险单独列示。</translation>
    </message>
    <message>
      <source>All salespeople</source>
      <translation>全体销售顾问</translation>
    </message>
    <message>
      <source>Approval rate</source>
      <translation>审批通过率</translation>
    </message>
    <message>
      <source>Approval rate = approved / (approved + declined by the lender), as recorded on the signing step; applications the customer withdrew and consultations we refused ourselves are counted apart, not as declines.</source>
      <translation>审批通过率 = 批准 /（批准 + 贷款机构拒绝），以签约步骤的记录为准；客户撤回的申请和我方拒绝的咨询单独统计，不算作拒绝。</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>审批通过</translation>
    </message>
    <message>
      <source>Average APR is weighted by loan amount: sum(APR x amount) / sum(amount).</source>
      <translation>平均年化利率按贷款金额加权：Σ(年化利率 × 金额) / Σ金额。</translation>
    </message>
    <message>
      <source>Blacklist hit</source>
      <translation>命中黑名单</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>接触</translation>
    </message>
    <message>
      <source>Customer satisfaction</source>
      <translation>客户满意度</translation>
    </message>
    <message>
      <source>Declined</source>
      <translation>已拒绝</translation>
    </message>
    <message>
      <source>Declined by the lender</source>
      <translation>贷款机构拒绝</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>已交车</translation>
    </message>
    <message>
      <source>Disbursed</source>
      <translation>已放款</translation>
    </message>
    <message>
      <source>Funnel and channel figures follow the consultations first contacted in the period to the furthest stage they have reached so far.</source>
      <translation>漏斗与渠道指标跟踪本期间首次接触的咨询，统计其截至目前到达的最远阶段。</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Loan amount</source>
      <translation>贷款金额</translation>
    </message>
    <message>
      <source>Loans closed</source>
      <translation>成交笔数</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>已流失</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>Needs confirmed</source>
      <translation>需求确认</translation>
    </message>
    <message>
      <source>Not recorded</source>
      <translation>未记录</translation>
    </message>
    <message>
      <source>Online platform</source>
      <translation>线上平台</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>进行中</translation>
    </message>
    <message>
      <source>Partner dealer</source>
      <translation>合作车商</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Plan offered</source>
      <translation>已出方案</translation>
    </message>
    <message>
      <source>Qualification refused</source>
      <translation>资质未通过</translation>
    </message>
    <message>
      <source>Qualified</source>
      <translation>资质通过</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>转介绍</translation>
    </message>
    <message>
      <source>Referrals</source>
      <translation>转介绍数</translation>
    </message>
    <message>
      <source>Referrals are new consultations that name a referring customer or came through the referral channel, credited to the consultant who served them.</source>
      <translation>转介绍数：登记了推荐客户或来自转介绍渠道的新咨询，计入接待该客户的销售顾问。</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>已签约</translation>
    </message>
    <message>
      <source>Social media</source>
      <translation>社交媒体</translation>
    </message>
    <message>
      <source>Summary and salesperson figures count each event in the period in which it happened.</source>
      <translation>汇总与销售顾问指标按事件发生的日期计入所在期间。</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Unassigned</source>
      <translation>未分配</translation>
    </message>
    <message>
      <source>Vehicle refused</source>
      <translation>车辆不予受理</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>到店</translation>
    </message>
    <message>
      <source>Withdrawn by the customer</source>
      <translation>客户撤回申请</translation>
    </message>
  </context>
</TS>

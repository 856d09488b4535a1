<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReportModel</name>
    <message>
      <source>All salespeople</source>
      <translation>全体销售顾问</translation>
    </message>
    <message>
      <source>Approval rate</source>
      <translation>审批通过率</translation>
    </message>
    <message>
      <source>Approval rate = approved / (approved + declined by the lender), as recorded on the signing step; a customer who withdrew the application is not a decline.</source>
      <translation>审批通过率 = 通过数 / （通过数 + 资方拒绝数），以签约步骤中登记的资方审批结果为准；客户撤回申请不计为拒绝。</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>审批通过</translation>
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
      <source>Delivered</source>
      <translation>已交车</translation>
    </message>
    <message>
      <source>Disbursed</source>
      <translation>已放款</translation>
    </message>
    <message>
      <source>Equal installment</source>
      <translation>等额本息</translation>
    </message>
    <message>
      <source>Equal principal</source>
      <translation>等额本金</translation>
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
      <source>Insurance attach rate</source>
      <translation>保险渗透率</translation>
    </message>
    <message>
      <source>Interest first</source>
      <translation>先息后本</translation>
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
      <source>Step-up</source>
      <translation>递增还款</translation>
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
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DashboardDialog</name>
    <message>
      <source>(loading…)</source>
      <translation>（正在加载…）</translation>
    </message>
    <message>
      <source>Add-on attach rate</source>
      <translation>附加产品渗透率</translation>
    </message>
    <message>
      <source>All stores (group)</source>
      <translation>全部门店（集团）</translation>
    </message>
    <message>
      <source>Approval rate</source>
      <translation>审批通过率</translation>
    </message>
    <message>
      <source>Click a figure or a bar to list its consultations.</source>
      <translation>点击数字或条形图，列出其背后的咨询。</translation>
    </message>
    <message>
      <source>Consultations with a follow-up due today</source>
      <translation>今日有待回访的咨询</translation>
    </message>
    <message>
      <source>Consultations with an overdue follow-up</source>
      <translation>回访已逾期的咨询</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>经营看板</translation>
    </message>
    <message>
      <source>Decided by the lender</source>
      <translation>贷款机构已审批</translation>
    </message>
    <message>
      <source>Follow-ups</source>
      <translation>回访跟进</translation>
    </message>
    <message>
      <source>Funnel this month</source>
      <translation>本月销售漏斗</translation>
    </message>
    <message>
      <source>Last month: {value}</source>
      <translation>上月：{value}</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Loan amount (CNY)</source>
      <translation>贷款金额（元）</translation>
    </message>
    <message>
      <source>Loans overdue 1 day or more (M1+), latest status</source>
      <translation>逾期 1 天以上的贷款（M1+，最新状态）</translation>
    </message>
    <message>
      <source>Loans overdue 61 days or more (M3+), latest status</source>
      <translation>逾期 61 天以上的贷款（M3+，最新状态）</translation>
    </message>
    <message>
      <source>M1+ {rate}</source>
      <translation>M1+ {rate}</translation>
    </message>
    <message>
      <source>M3+ {rate}</source>
      <translation>M3+ {rate}</translation>
    </message>
    <message>
      <source>New consultations</source>
      <translation>新增咨询</translation>
    </message>
    <message>
      <source>No post-loan status imported yet (import-loan-status).</source>
      <translation>尚未导入贷后状态（import-loan-status）。</translation>
    </message>
    <message>
      <source>Overdue (lenders' files)</source>
      <translation>逾期（贷款机构数据）</translation>
    </message>
    <message>
      <source>Product mix this month</source>
      <translation>本月产品结构</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>已签约</translation>
    </message>
    <message>
      <source>Signed with an optional add-on</source>
      <translation>含自选附加产品的签约</translation>
    </message>
    <message>
      <source>last month</source>
      <translation>上月</translation>
    </message>
    <message>
      <source>this month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>{n} due today</source>
      <translation>今日待回访 {n}</translation>
    </message>
    <message>
      <source>{n} of {loans} loans being repaid, as of {day}</source>
      <translation>还款中贷款 {loans} 笔中的 {n} 笔，数据日期 {day}</translation>
    </message>
    <message>
      <source>{n} overdue</source>
      <translation>已逾期 {n}</translation>
    </message>
    <message>
      <source>{this} so far against {last}; as of {day}</source>
      <translation>{this} 截至目前与 {last} 对比；数据截至 {day}</translation>
    </message>
    <message>
      <source>{what} — consultations: {n}</source>
      <translation>{what}：{n} 条咨询</translation>
    </message>
    <message>
      <source>{what}, {month}</source>
      <translation>{month}{what}</translation>
    </message>
  </context>
  <context>
    <name>DrillModel</name>
    <message>
      <source>Consultant</source>
      <translation>销售顾问</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>First contact</source>
      <translation>首次接触</translation>
    </message>
    <message>
      <source>Loan amount</source>
      <translation>贷款金额</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>已签约</translation>
    </message>
    <message>
      <source>Stage reached</source>
      <translation>到达阶段</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ExcelExport</name>
    <message>
      <source>Cannot write to the folder {folder}; choose another place.</source>
      <translation>无法写入文件夹 {folder}，请选择其他位置。</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <source>The report file name must end in .xlsx, got '{name}'.</source>
      <translation>报表文件名必须以 .xlsx 结尾，当前为“{name}”。</translation>
    </message>
    <message>
      <source>{name} is open in another program (Excel or LibreOffice); close it and try again, or choose another file name.</source>
      <translation>{name} 已在其他程序（Excel 或 LibreOffice）中打开，请关闭后重试，或换一个文件名。</translation>
    </message>
    <message>
      <source>{path} is a folder; give a file name ending in .xlsx.</source>
      <translation>{path} 是一个文件夹，请提供以 .xlsx 结尾的文件名。</translation>
    </message>
  </context>
  <context>
    <name>ExcelReport</name>
    <message>
      <source>(no reason given)</source>
      <translation>（未填写原因）</translation>
    </message>
    <message>
      <source>APR</source>
      <translation>年化利率</translation>
    </message>
    <message>
      <source>Achievement (actual / target)</source>
      <translation>达成率（实际 / 目标）</translation>
    </message>
    <message>
      <source>Achievement per salesperson (100 = every target met)</source>
      <translation>各销售顾问达成率（100 = 全部达标）</translation>
    </message>
    <message>
      <source>Add-on attach rate (optional add-ons)</source>
      <translation>附加产品渗透率（自选项目）</translation>
    </message>
    <message>
      <source>Add-on attach rate: {kind}</source>
      <translation>附加产品渗透率：{kind}</translation>
    </message>
    <message>
      <source>Approval rate (approved / decided by the lender)</source>
      <translation>审批通过率（批准 / 贷款机构已决定）</translation>
    </message>
    <message>
      <source>Approved by the lender</source>
      <translation>贷款机构批准</translation>
    </message>
    <message>
      <source>Average APR (weighted by loan amount)</source>
      <translation>平均年化利率（按贷款金额加权）</translation>
    </message>
    <message>
      <source>Average days to close</source>
      <translation>平均成交天数</translation>
    </message>
    <message>
      <source>Average term (months)</source>
      <translation>平均期限（月）</translation>
    </message>
    <message>
      <source>By lender and repayment method</source>
      <translation>按贷款机构和还款方式</translation>
    </message>
    <message>
      <source>By month</source>
      <translation>按月</translation>
    </message>
    <message>
      <source>Channels</source>
      <translation>客户来源渠道</translation>
    </message>
    <message>
      <source>Consultant</source>
      <translation>销售顾问</translation>
    </message>
    <message>
      <source>Consultations</source>
      <translation>咨询明细</translation>
    </message>
    <message>
      <source>Consultations first contacted in the period, by the furthest stage reached.</source>
      <translation>本期间首次接触的咨询，按到达的最远阶段统计。</translation>
    </message>
    <message>
      <source>Contact to signed</source>
      <translation>接触至签约转化率</translation>
    </message>
    <message>
      <source>Conversion</source>
      <translation>转化率</translation>
    </message>
    <message>
      <source>Conversion from contact</source>
      <translation>较接触转化率</translation>
    </message>
    <message>
      <source>Conversion from previous stage</source>
      <translation>较上一阶段转化率</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
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
      <source>Done late</source>
      <translation>逾期完成</translation>
    </message>
    <message>
      <source>Done on time</source>
      <translation>按时完成</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>应回访</translation>
    </message>
    <message>
      <source>Each signed loan's latest status from the lenders' files up to {end} (as of {dates}); rate = overdue loans / loans being repaid.</source>
      <translation>每笔已签约贷款截至 {end} 的最新贷后状态（数据日期 {dates}）；逾期率 = 逾期贷款 / 还款中贷款。</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>First contact</source>
      <translation>首次接触</translation>
    </message>
    <message>
      <source>First payment (CNY)</source>
      <translation>首期月供（元）</translation>
    </message>
    <message>
      <source>Follow-ups</source>
      <translation>回访跟进</translation>
    </message>
    <message>
      <source>Follow-ups due in the period; on time = done by the end of the day it was due.</source>
      <translation>本期间到期的回访；按时 = 在到期当天结束前完成。</translation>
    </message>
    <message>
      <source>Funnel</source>
      <translation>销售漏斗</translation>
    </message>
    <message>
      <source>Generated at</source>
      <translation>生成时间</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Insurance</source>
      <translation>保险</translation>
    </message>
    <message>
      <source>Intent</source>
      <translation>意向程度</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Leads</source>
      <translation>线索数</translation>
    </message>
    <message>
      <source>Leads and signed loans by channel</source>
      <translation>各渠道线索与签约</translation>
    </message>
    <message>
      <source>Leads first contacted in the period and how many of them signed.</source>
      <translation>本期间首次接触的线索及其中签约的数量。</translation>
    </message>
    <message>
      <source>Lender</source>
      <translation>贷款机构</translation>
    </message>
    <message>
      <source>Lender's decision</source>
      <translation>贷款机构审批结果</translation>
    </message>
    <message>
      <source>Lender-required insurance</source>
      <translation>贷款机构要求的保险</translation>
    </message>
    <message>
      <source>Loan amount (CNY)</source>
      <translation>贷款金额（元）</translation>
    </message>
    <message>
      <source>Loans</source>
      <translation>笔数</translation>
    </message>
    <message>
      <source>Loans being repaid</source>
      <translation>还款中贷款</translation>
    </message>
    <message>
      <source>Loans signed in the period.</source>
      <translation>本期间签约的贷款。</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>已流失</translation>
    </message>
    <message>
      <source>Lost reason</source>
      <translation>流失原因</translation>
    </message>
    <message>
      <source>Lost reason: note</source>
      <translation>流失原因：备注</translation>
    </message>
    <message>
      <source>Lost, refused or blocked in the period.</source>
      <translation>本期间流失、被拒或受阻的咨询。</translation>
    </message>
    <message>
      <source>M1+ rate</source>
      <translation>M1+ 逾期率</translation>
    </message>
    <message>
      <source>M3+ rate</source>
      <translation>M3+ 逾期率</translation>
    </message>
    <message>
      <source>Missed</source>
      <translation>未完成</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Monthly income (CNY)</source>
      <translation>月收入（元）</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>No post-loan status imported yet: import the lenders' files under Tools → Import lender status….</source>
      <translation>尚未导入贷后状态：请在“工具 → 导入贷后状态…”中导入贷款机构的文件。</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>On-time rate</source>
      <translation>按时完成率</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>Overdue M1+ (1+ days)</source>
      <translation>M1+ 逾期（1 天以上）</translation>
    </message>
    <message>
      <source>Overdue M3+ (61+ days)</source>
      <translation>M3+ 逾期（61 天以上）</translation>
    </message>
    <message>
      <source>Owner report</source>
      <translation>经营报表</translation>
    </message>
    <message>
      <source>Page {page} of {pages}</source>
      <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <source>Personal data</source>
      <translation>个人信息</translation>
    </message>
    <message>
      <source>Personal data masked.</source>
      <translation>个人信息已脱敏。</translation>
    </message>
    <message>
      <source>Plans offered</source>
      <translation>已出方案</translation>
    </message>
    <message>
      <source>Plans priced</source>
      <translation>方案测算数</translation>
    </message>
    <message>
      <source>Potential</source>
      <translation>潜在客户</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Product mix: share of loans</source>
      <translation>产品结构：笔数占比</translation>
    </message>
    <message>
      <source>Products and lenders</source>
      <translation>产品与资方</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Refused by us</source>
      <translation>我方拒绝</translation>
    </message>
    <message>
      <source>Refused by us (eligibility, suspected fraud)</source>
      <translation>我方拒绝（资质不符、疑似欺诈）</translation>
    </message>
    <message>
      <source>Regular</source>
      <translation>普通客户</translation>
    </message>
    <message>
      <source>Rejections and losses</source>
      <translation>拒绝与流失</translation>
    </message>
    <message>
      <source>Repayment method</source>
      <translation>还款方式</translation>
    </message>
    <message>
      <source>Sales funnel</source>
      <translation>销售漏斗</translation>
    </message>
    <message>
      <source>Salesperson</source>
      <translation>销售顾问</translation>
    </message>
    <message>
      <source>Salesperson KPIs</source>
      <translation>销售顾问考核</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>Settled</source>
      <translation>已结清</translation>
    </message>
    <message>
      <source>Share of amount</source>
      <translation>金额占比</translation>
    </message>
    <message>
      <source>Share of loans</source>
      <translation>笔数占比</translation>
    </message>
    <message>
      <source>Share within kind</source>
      <translation>类别内占比</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>已签约</translation>
    </message>
    <message>
      <source>Source channel</source>
      <translation>来源渠道</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Stage reached</source>
      <translation>到达阶段</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Still open</source>
      <translation>待完成</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>汇总</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Target (per salesperson)</source>
      <translation>目标（每位销售顾问）</translation>
    </message>
    <message>
      <source>Term (months)</source>
      <translation>期限（月）</translation>
    </message>
    <message>
      <source>The lender's decisions and the time to close</source>
      <translation>贷款机构审批结果与成交用时</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>客户等级</translation>
    </message>
    <message>
      <source>Unmasked personal data: handle under the store's privacy rules.</source>
      <translation>含未脱敏个人信息：请按门店隐私制度妥善保管。</translation>
    </message>
    <message>
      <source>VIP</source>
      <translation>VIP 客户</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Weighted score</source>
      <translation>加权得分</translation>
    </message>
    <message>
      <source>Weights: {weights}. Monthly targets x {months} months; achievement counts up to {cap}% in the score.</source>
      <translation>权重：{weights}。月度目标 × {months} 个月；单项达成率计入得分的上限为 {cap}%。</translation>
    </message>
    <message>
      <source>Withdrawn by the customer</source>
      <translation>客户撤回申请</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>masked</source>
      <translation>已脱敏</translation>
    </message>
    <message>
      <source>unmasked (owner export)</source>
      <translation>未脱敏（店主导出）</translation>
    </message>
    <message>
      <source>{a}, {b}</source>
      <translation>{a}、{b}</translation>
    </message>
    <message>
      <source>{start} to {end}</source>
      <translation>{start} 至 {end}</translation>
    </message>
    <message>
      <source>{store}, {start} to {end}</source>
      <translation>{store}，{start} 至 {end}</translation>
    </message>
  </context>
</TS>

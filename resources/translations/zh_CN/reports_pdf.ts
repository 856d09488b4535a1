<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>pdf</name>
    <message>
      <source> + required insurance {insurance} ({years} years)</source>
      <translation> + 贷款机构要求的保险 {insurance}（{years} 年）</translation>
    </message>
    <message>
      <source> - the finance service fee {fee}, which is in the loan's fees and counted once</source>
      <translation> - 金融服务费 {fee}（已计入贷款费用，只计一次）</translation>
    </message>
    <message>
      <source>(chosen)</source>
      <translation>（已选）</translation>
    </message>
    <message>
      <source>(set by the appraiser)</source>
      <translation>（评估师调整）</translation>
    </message>
    <message>
      <source>. Optional items are not included.</source>
      <translation>。不含可选项目。</translation>
    </message>
    <message>
      <source>; a loan fee, included in the APR</source>
      <translation>；属于贷款费用，已计入年化利率</translation>
    </message>
    <message>
      <source>; e.g. settling after payment {period}: {principal} principal, fee {fee}</source>
      <translation>；例如在第 {period} 期还款后结清：剩余本金 {principal}，手续费 {fee}</translation>
    </message>
    <message>
      <source>; e.g. {amount} overdue for {days} days: {penalty}</source>
      <translation>；例如 {amount} 逾期 {days} 天：{penalty}</translation>
    </message>
    <message>
      <source>A fixed {fixed}, paid at the start</source>
      <translation>固定 {fixed}，放款时收取</translation>
    </message>
    <message>
      <source>APR (IRR)</source>
      <translation>年化利率（IRR）</translation>
    </message>
    <message>
      <source>APR (true annual rate, IRR)</source>
      <translation>年化利率（IRR 真实年化）</translation>
    </message>
    <message>
      <source>Account management fee</source>
      <translation>账户管理费</translation>
    </message>
    <message>
      <source>Add-ons financed with the loan</source>
      <translation>计入贷款的附加项目</translation>
    </message>
    <message>
      <source>Affordability</source>
      <translation>还款能力提示</translation>
    </message>
    <message>
      <source>Affordability: your monthly debt payments, this loan included, should not exceed {limit}% of your monthly income.</source>
      <translation>还款能力提示：包括本笔贷款在内，您每月的债务还款额不应超过月收入的 {limit}%。</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Amount (CNY)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <source>Amounts in CNY</source>
      <translation>金额单位：元</translation>
    </message>
    <message>
      <source>Appraised value</source>
      <translation>评估价</translation>
    </message>
    <message>
      <source>Approval time</source>
      <translation>审批时效</translation>
    </message>
    <message>
      <source>Ask the store manager on duty first. You can also call the lender's customer service, or the consumer hotline of the financial regulator, 12378.</source>
      <translation>请先联系门店值班经理；您也可以拨打贷款机构的客服电话，或金融监管部门消费者投诉热线 12378。</translation>
    </message>
    <message>
      <source>Balance</source>
      <translation>剩余本金</translation>
    </message>
    <message>
      <source>Balloon (with the last payment)</source>
      <translation>尾款（随最后一期支付）</translation>
    </message>
    <message>
      <source>Balloon {amount}, due {date} with the last payment</source>
      <translation>尾款 {amount}，于 {date} 随最后一期支付</translation>
    </message>
    <message>
      <source>Business licence No. {number}</source>
      <translation>营业执照号：{number}</translation>
    </message>
    <message>
      <source>CNY</source>
      <translation>元</translation>
    </message>
    <message>
      <source>Car loan quote</source>
      <translation>汽车贷款报价单</translation>
    </message>
    <message>
      <source>Charged by the dealer for arranging the loan; financed with the loan</source>
      <translation>经销商办理贷款收取，计入贷款金额</translation>
    </message>
    <message>
      <source>Charged by the dealer for arranging the loan; paid at the start</source>
      <translation>经销商办理贷款收取，于放款时支付</translation>
    </message>
    <message>
      <source>Chosen plan</source>
      <translation>已选方案</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉渠道</translation>
    </message>
    <message>
      <source>Condition</source>
      <translation>车况</translation>
    </message>
    <message>
      <source>Consultant</source>
      <translation>销售顾问</translation>
    </message>
    <message>
      <source>Consultant: {name}</source>
      <translation>销售顾问：{name}</translation>
    </message>
    <message>
      <source>Consultant: {name}   Signature: ______________</source>
      <translation>销售顾问：{name}   签字：______________</translation>
    </message>
    <message>
      <source>Cooling-off period</source>
      <translation>冷静期</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Customer signature: ____________  Date: ________</source>
      <translation>客户签字：____________  日期：________</translation>
    </message>
    <message>
      <source>Customer signature: ____________________</source>
      <translation>客户签字：____________________</translation>
    </message>
    <message>
      <source>Date: ____________</source>
      <translation>日期：____________</translation>
    </message>
    <message>
      <source>Date: {date}</source>
      <translation>日期：{date}</translation>
    </message>
    <message>
      <source>Down payment</source>
      <translation>首付</translation>
    </message>
    <message>
      <source>Down payment (trade-in included)</source>
      <translation>首付（含置换抵扣）</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>还款日</translation>
    </message>
    <message>
      <source>Each payment is due on the date shown. Payment = principal + interest + fee; the balance is the principal still owed after the payment.</source>
      <translation>请于表中所列还款日按时还款。月供 = 本金 + 利息 + 费用；剩余本金为该期还款后尚欠的本金。</translation>
    </message>
    <message>
      <source>Early repayment fee</source>
      <translation>提前还款手续费</translation>
    </message>
    <message>
      <source>Effective annual rate</source>
      <translation>按月复利的实际年利率</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>费用</translation>
    </message>
    <message>
      <source>Fees</source>
      <translation>费用明细</translation>
    </message>
    <message>
      <source>Finance service fee (dealer)</source>
      <translation>金融服务费（经销商）</translation>
    </message>
    <message>
      <source>Financed (loan amount)</source>
      <translation>贷款金额</translation>
    </message>
    <message>
      <source>First due date</source>
      <translation>首期还款日</translation>
    </message>
    <message>
      <source>First payment {first}; highest payment {max}; last payment {last}, due {date}.</source>
      <translation>首期还款 {first}；最高一期 {max}；末期还款 {last}，到期日 {date}。</translation>
    </message>
    <message>
      <source>First registration</source>
      <translation>初次登记日期</translation>
    </message>
    <message>
      <source>How it is paid</source>
      <translation>支付方式</translation>
    </message>
    <message>
      <source>How it is worked out</source>
      <translation>计算方式</translation>
    </message>
    <message>
      <source>I have read and understood these key facts and received a copy.</source>
      <translation>本人已阅读并理解上述关键信息，并已收到本披露书副本。</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Insurance and add-ons</source>
      <translation>保险及附加产品</translation>
    </message>
    <message>
      <source>Insurance and add-ons (priced separately)</source>
      <translation>保险与附加产品（单独定价）</translation>
    </message>
    <message>
      <source>Interest</source>
      <translation>利息</translation>
    </message>
    <message>
      <source>Interest only each month; the whole principal is repaid with the last payment.</source>
      <translation>每月只还利息，最后一期归还全部本金。</translation>
    </message>
    <message>
      <source>Issued {date}</source>
      <translation>出具日期：{date}</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Items marked optional are not required: declining them does not change the approval or the rate of your loan.</source>
      <translation>标为“自愿选购”的项目不是贷款条件：不购买不影响贷款审批和利率。</translation>
    </message>
    <message>
      <source>Key facts statement</source>
      <translation>贷款关键信息披露书</translation>
    </message>
    <message>
      <source>Lender</source>
      <translation>贷款机构</translation>
    </message>
    <message>
      <source>Lender, product and loan</source>
      <translation>贷款机构、产品与贷款信息</translation>
    </message>
    <message>
      <source>Loan amount</source>
      <translation>贷款金额</translation>
    </message>
    <message>
      <source>Loan start date</source>
      <translation>起息日</translation>
    </message>
    <message>
      <source>Loan still owed on the trade-in (settled by the dealer)</source>
      <translation>置换车辆剩余贷款（由经销商结清）</translation>
    </message>
    <message>
      <source>Mileage</source>
      <translation>行驶里程</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Monthly payment</source>
      <translation>月供</translation>
    </message>
    <message>
      <source>No. {number}</source>
      <translation>编号：{number}</translation>
    </message>
    <message>
      <source>Nominal annual rate</source>
      <translation>名义年利率</translation>
    </message>
    <message>
      <source>Not charged for this loan.</source>
      <translation>本笔贷款不收取。</translation>
    </message>
    <message>
      <source>On-the-road price</source>
      <translation>落地价</translation>
    </message>
    <message>
      <source>On-the-road price and what you pay today</source>
      <translation>落地价与今日支付</translation>
    </message>
    <message>
      <source>Optional add-ons offered to you: {items}.</source>
      <translation>向您推荐的可选附加产品：{items}。</translation>
    </message>
    <message>
      <source>Optional items can be declined without changing the approval or the rate of your loan.</source>
      <translation>自愿选购项目可以不购买，不影响贷款审批和利率。</translation>
    </message>
    <message>
      <source>Overdue penalty interest</source>
      <translation>逾期罚息</translation>
    </message>
    <message>
      <source>Page {page} of {pages}</source>
      <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
      <source>Paid today</source>
      <translation>今日支付</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>还款额</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期数</translation>
    </message>
    <message>
      <source>Phone: {phones}.</source>
      <translation>电话：{phones}。</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>方案</translation>
    </message>
    <message>
      <source>Plans compared</source>
      <translation>方案对比</translation>
    </message>
    <message>
      <source>Please note</source>
      <translation>重要提示</translation>
    </message>
    <message>
      <source>Price (CNY)</source>
      <translation>价格（元）</translation>
    </message>
    <message>
      <source>Price of the loan</source>
      <translation>贷款价格</translation>
    </message>
    <message>
      <source>Principal</source>
      <translation>本金</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Quote date</source>
      <translation>报价日期</translation>
    </message>
    <message>
      <source>Reference price</source>
      <translation>参考价</translation>
    </message>
    <message>
      <source>Repayment method</source>
      <translation>还款方式</translation>
    </message>
    <message>
      <source>Repayment plan</source>
      <translation>还款计划表</translation>
    </message>
    <message>
      <source>Reprint</source>
      <translation>重印</translation>
    </message>
    <message>
      <source>Required by the lender for the whole term, with the lender as first beneficiary; you choose the insurer: {items}.</source>
      <translation>贷款机构要求在整个贷款期限内投保，并以贷款机构为第一受益人；保险公司由您自行选择：{items}。</translation>
    </message>
    <message>
      <source>Required by the lender, quoted for you: {items}.</source>
      <translation>贷款机构要求的项目（供您参考的报价）：{items}。</translation>
    </message>
    <message>
      <source>Required insurance (a year × years)</source>
      <translation>必需保险（每年 × 年数）</translation>
    </message>
    <message>
      <source>Required: full vehicle insurance for every year of the loan, the lender as first beneficiary; prices are for one year.</source>
      <translation>贷款机构要求：贷款期内每年投保车辆全险，以贷款机构为第一受益人；所列保险价格为一年期价格。</translation>
    </message>
    <message>
      <source>Sample data — not an offer</source>
      <translation>样例数据，非正式报价</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>性质</translation>
    </message>
    <message>
      <source>Subsidised by</source>
      <translation>贴息方</translation>
    </message>
    <message>
      <source>Tel. {phone}</source>
      <translation>电话：{phone}</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>贷款期限</translation>
    </message>
    <message>
      <source>The APR is the true annual cost of the loan, worked out from the amount you actually receive and every payment including fees (IRR method).</source>
      <translation>年化利率是贷款的真实年化成本，按您实际到手金额和包含费用在内的每期还款计算（IRR 法）。</translation>
    </message>
    <message>
      <source>The check uses this plan's largest payment: {amount} (payment {period}, due {date}).</source>
      <translation>本方案按最高一期还款额计算：{amount}（第{period}期，{date}到期）。</translation>
    </message>
    <message>
      <source>The effective annual rate with monthly compounding, {ear}, is for reference only; compare loans by the APR.</source>
      <translation>按月复利的实际年利率为{ear}，仅供参考；比较贷款成本请以年化利率（APR）为准。</translation>
    </message>
    <message>
      <source>The lender does not require any insurance for this loan.</source>
      <translation>本笔贷款贷款机构不要求投保任何保险。</translation>
    </message>
    <message>
      <source>The lender requires full vehicle insurance for the whole term, with the lender as first beneficiary. You choose the insurer.</source>
      <translation>贷款机构要求在整个贷款期限内投保车辆全险，并以贷款机构为第一受益人。保险公司由您自行选择。</translation>
    </message>
    <message>
      <source>The lender requires full vehicle insurance with the lender as first beneficiary. You choose the insurer.</source>
      <translation>贷款机构要求投保车辆全险，并以贷款机构为第一受益人；保险公司由您自行选择。</translation>
    </message>
    <message>
      <source>The nominal annual rate is {rate}. The APR of {apr} is the true annual cost: it is worked out by the IRR method from what you actually receive ({net}, the loan less the up-front fee) and every payment including fees.</source>
      <translation>名义年利率为 {rate}。年化利率 {apr} 是贷款的真实年化成本：按内部收益率（IRR）法，根据您实际到手的金额（{net}，即贷款金额扣除前期费用）和包含各项费用在内的每期还款计算得出。</translation>
    </message>
    <message>
      <source>The payment rises by {percent} every {months} months.</source>
      <translation>月供每 {months} 个月递增 {percent}。</translation>
    </message>
    <message>
      <source>The product of this plan is no longer in the catalogue, so its fees cannot be disclosed. Save the plan again with a current product.</source>
      <translation>该方案的产品已不在产品目录中，无法披露其费用。请选择现有产品重新保存方案。</translation>
    </message>
    <message>
      <source>The rate of {product} is subsidised by {by}: you pay a nominal {rate} a year, an APR of {apr} with every fee; {by} pays the lender the difference.</source>
      <translation>{product}的利率由{by}贴息：您承担的名义年利率为 {rate}，含全部费用的年化利率为 {apr}；差额由{by}支付给贷款机构。</translation>
    </message>
    <message>
      <source>The same payment every month except the last, which settles the rounding.</source>
      <translation>除最后一期（用于结清尾差）外，每期还款额相同。</translation>
    </message>
    <message>
      <source>The same payment every month, and a balloon of {balloon} paid with the last payment on {date}.</source>
      <translation>每月还款额相同，尾款 {balloon} 于 {date} 随最后一期一并支付。</translation>
    </message>
    <message>
      <source>The same payment every month.</source>
      <translation>每月还款金额相同。</translation>
    </message>
    <message>
      <source>The same principal every month (the last one settles the rounding); the payment falls over time.</source>
      <translation>每期归还相同本金（最后一期结清尾差），还款额逐期递减。</translation>
    </message>
    <message>
      <source>This plan is for reference; the loan contract signed with the lender governs.</source>
      <translation>本计划仅供参考，以与贷款机构签订的贷款合同为准。</translation>
    </message>
    <message>
      <source>This plan was saved by a newer version of LoanDesk; update the program to print it.</source>
      <translation>该方案由更新版本的车贷助手保存；请先升级程序再打印。</translation>
    </message>
    <message>
      <source>This quote is valid until {date} and subject to the lender's approval. The loan contract governs.</source>
      <translation>本报价有效期至 {date}，须经贷款机构审批，最终以贷款合同为准。</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Total cost of the car</source>
      <translation>购车总成本</translation>
    </message>
    <message>
      <source>Total cost of the car {total} = down payment {down} + total repayment {repayment} + on-road lines paid in cash {cash}</source>
      <translation>购车总成本 {total} = 首付 {down} + 还款总额 {repayment} + 现金支付的落地费用 {cash}</translation>
    </message>
    <message>
      <source>Total cost of the car {total} = down payment {down} + total repayment {repayment} + required insurance {insurance} ({years} years). Optional items are not included.</source>
      <translation>购车总成本 {total} = 首付 {down} + 还款总额 {repayment} + 贷款机构要求的保险 {insurance}（{years} 年）。不含自愿选购项目。</translation>
    </message>
    <message>
      <source>Total cost of the car {total} = down payment {down} + total repayment {repayment}. Optional items are not included.</source>
      <translation>购车总成本 {total} = 首付 {down} + 还款总额 {repayment}。不含自愿选购项目。</translation>
    </message>
    <message>
      <source>Total fees</source>
      <translation>费用总额</translation>
    </message>
    <message>
      <source>Total fees over the loan: {total}. No other fee is charged.</source>
      <translation>贷款期间费用合计：{total}。除上述费用外不收取任何其他费用。</translation>
    </message>
    <message>
      <source>Total interest</source>
      <translation>利息总额</translation>
    </message>
    <message>
      <source>Total repayment</source>
      <translation>还款总额</translation>
    </message>
    <message>
      <source>Total repayment {total} = the installments above {installments} + the up-front fee {upfront}.</source>
      <translation>还款总额 {total} = 上表各期还款合计 {installments} + 前期费用 {upfront}。</translation>
    </message>
    <message>
      <source>Trade-in towards the down payment</source>
      <translation>置换抵扣首付</translation>
    </message>
    <message>
      <source>Trade-in value</source>
      <translation>置换车辆估值</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Up-front account fee</source>
      <translation>前期账户费</translation>
    </message>
    <message>
      <source>Up-front fee</source>
      <translation>前期费用</translation>
    </message>
    <message>
      <source>VIN</source>
      <translation>车架号（VIN）</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Vehicle</source>
      <translation>车辆</translation>
    </message>
    <message>
      <source>Vehicle and appraisal</source>
      <translation>车辆与评估</translation>
    </message>
    <message>
      <source>Vehicle price</source>
      <translation>车辆售价</translation>
    </message>
    <message>
      <source>Warning: {reason}</source>
      <translation>风险提示：{reason}</translation>
    </message>
    <message>
      <source>You may withdraw from the loan within {period} after signing, without giving a reason, by telling the store or the lender.</source>
      <translation>签约后{period}内，您可通知门店或贷款机构无理由撤回本笔贷款。</translation>
    </message>
    <message>
      <source>Your monthly debt payments, this loan included, should not exceed {limit}% of your monthly income.</source>
      <translation>包括本笔贷款在内，您每月的债务还款额不应超过月收入的 {limit}%。</translation>
    </message>
    <message>
      <source>by formula</source>
      <translation>按公式计算</translation>
    </message>
    <message>
      <source>down payment - trade-in + lines paid in cash</source>
      <translation>首付 - 置换抵扣 + 现金支付的费用</translation>
    </message>
    <message>
      <source>down payment and loan</source>
      <translation>首付及贷款</translation>
    </message>
    <message>
      <source>every month</source>
      <translation>每月相同</translation>
    </message>
    <message>
      <source>financed</source>
      <translation>计入贷款</translation>
    </message>
    <message>
      <source>first month, then see the plan</source>
      <translation>首月，之后见还款计划</translation>
    </message>
    <message>
      <source>last payment {last}</source>
      <translation>最后一期 {last}</translation>
    </message>
    <message>
      <source>months</source>
      <translation>个月</translation>
    </message>
    <message>
      <source>nominal rate {rate}</source>
      <translation>名义年利率 {rate}</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>自愿选购</translation>
    </message>
    <message>
      <source>paid in cash</source>
      <translation>现金支付</translation>
    </message>
    <message>
      <source>price and financed lines {total} - down payment</source>
      <translation>车价及计入贷款的费用 {total} - 首付</translation>
    </message>
    <message>
      <source>required by the lender</source>
      <translation>贷款机构要求</translation>
    </message>
    <message>
      <source>required by the lender; you choose the insurer</source>
      <translation>贷款机构要求；保险公司自选</translation>
    </message>
    <message>
      <source>same day</source>
      <translation>当天</translation>
    </message>
    <message>
      <source>true annual rate</source>
      <translation>真实年化成本</translation>
    </message>
    <message>
      <source>{amount} / month</source>
      <translation>{amount} / 月</translation>
    </message>
    <message>
      <source>{amount} a year</source>
      <translation>{amount}/年</translation>
    </message>
    <message>
      <source>{first} first, falling to {last}</source>
      <translation>首月 {first}，逐月递减至 {last}</translation>
    </message>
    <message>
      <source>{first} first, rising to {max}</source>
      <translation>首月 {first}，递增至 {max}</translation>
    </message>
    <message>
      <source>{first}; balloon {balloon} at the end</source>
      <translation>{first}；期末尾款 {balloon}</translation>
    </message>
    <message>
      <source>{first}; last payment {last}</source>
      <translation>{first}；末期 {last}</translation>
    </message>
    <message>
      <source>{fixed} + {percent} of the loan amount, paid at the start</source>
      <translation>{fixed} + 贷款金额的 {percent}，放款时收取</translation>
    </message>
    <message>
      <source>{km} km</source>
      <translation>{km} 公里</translation>
    </message>
    <message>
      <source>{lender} customer service: {phone}</source>
      <translation>{lender}客服：{phone}</translation>
    </message>
    <message>
      <source>{min}-{max} working days</source>
      <translation>{min}-{max} 个工作日</translation>
    </message>
    <message>
      <source>{name}: {price} a year × {years} years = {total}</source>
      <translation>{name}：每年 {price} × {years} 年 = {total}</translation>
    </message>
    <message>
      <source>{n} days</source>
      <translation>{n} 天</translation>
    </message>
    <message>
      <source>{n} hours</source>
      <translation>{n} 小时</translation>
    </message>
    <message>
      <source>{percent} of the loan amount, paid at the start</source>
      <translation>贷款金额的 {percent}，放款时收取</translation>
    </message>
    <message>
      <source>{percent} of the original principal every month; {total} over the term</source>
      <translation>每月按初始本金的 {percent} 收取；整个期限合计 {total}</translation>
    </message>
    <message>
      <source>{percent} of the overdue amount per day</source>
      <translation>按逾期金额每日 {percent} 计收</translation>
    </message>
    <message>
      <source>{percent} of the principal repaid early</source>
      <translation>按提前归还本金的 {percent} 收取</translation>
    </message>
    <message>
      <source>{reprint}, printed {date}</source>
      <translation>{reprint}，打印日期 {date}</translation>
    </message>
    <message>
      <source>{store}: {phone}</source>
      <translation>{store}：{phone}</translation>
    </message>
  </context>
</TS>

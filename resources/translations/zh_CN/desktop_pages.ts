<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ActionDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>AddOnsTab</name>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>.</source>
      <translation>。</translation>
    </message>
    <message>
      <source>A line of the on-road costs above: charged there, not again here.</source>
      <translation>已作为上方落地费用中的一项收取，此处不再重复收费。</translation>
    </message>
    <message>
      <source>Add-on</source>
      <translation>附加项目</translation>
    </message>
    <message>
      <source>Add-ons total: {total} CNY, of which {financed} CNY in the loan (the rest is paid apart).</source>
      <translation>附加项目合计：{total} 元，其中 {financed} 元计入贷款（其余另行支付）。</translation>
    </message>
    <message>
      <source>As in the store's on-road costs</source>
      <translation>按本店落地费用设置</translation>
    </message>
    <message>
      <source>Enter an amount in yuan, e.g. 3,500.</source>
      <translation>请输入金额（元），例如 3,500。</translation>
    </message>
    <message>
      <source>Enter the price of this line.</source>
      <translation>请输入该项价格。</translation>
    </message>
    <message>
      <source>Finance with the loan</source>
      <translation>计入贷款</translation>
    </message>
    <message>
      <source>Financed</source>
      <translation>计入贷款</translation>
    </message>
    <message>
      <source>Fixed price</source>
      <translation>固定价格</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Optional.</source>
      <translation>可选。</translation>
    </message>
    <message>
      <source>Price (CNY)</source>
      <translation>价格（元）</translation>
    </message>
    <message>
      <source>Quoted at the counter: type the price.</source>
      <translation>柜台现场报价：请输入价格。</translation>
    </message>
    <message>
      <source>Quoted price</source>
      <translation>现场报价</translation>
    </message>
    <message>
      <source>Required by {lenders}.</source>
      <translation>要求购买的资金方：{lenders}。</translation>
    </message>
    <message>
      <source>Required by {lender} for this loan: it stays in the plan.</source>
      <translation>本笔贷款的资金方{lender}要求购买：须保留在方案中。</translation>
    </message>
    <message>
      <source>The price cannot be negative.</source>
      <translation>价格不能为负数。</translation>
    </message>
    <message>
      <source>The store has no active add-ons (the owner adds them under Tools, Add-ons…).</source>
      <translation>本店没有启用的附加项目（由店主在“工具 → 附加项目…”中添加）。</translation>
    </message>
    <message>
      <source>The store's add-ons, each with its own price. The customer may say no to any of them, except one the lender requires for this loan.</source>
      <translation>本店的附加项目，每项单独标价。除本笔贷款资金方要求的项目外，客户可以拒绝任何一项。</translation>
    </message>
    <message>
      <source>This add-on may not be financed: paid apart from the loan.</source>
      <translation>该附加项目不可纳入贷款：需在贷款之外另行支付。</translation>
    </message>
    <message>
      <source>This lender requires full vehicle insurance with the lender as first beneficiary. The customer chooses the insurer; the price is theirs to compare.</source>
      <translation>该贷款机构要求投保车辆全险，并以贷款机构为第一受益人。保险公司由客户自选，价格可自行比较。</translation>
    </message>
    <message>
      <source>This product does not finance add-ons: paid apart from the loan.</source>
      <translation>该产品不能将附加项目计入贷款：需在贷款之外另行支付。</translation>
    </message>
    <message>
      <source>{percent}% of the car's price</source>
      <translation>车价的 {percent}%</translation>
    </message>
  </context>
  <context>
    <name>AppraisalFigures</name>
    <message>
      <source>Age</source>
      <translation>车龄</translation>
    </message>
    <message>
      <source>Approved by {manager} on {when}.</source>
      <translation>已由 {manager} 于 {when} 批准。</translation>
    </message>
    <message>
      <source>Condition</source>
      <translation>车况</translation>
    </message>
    <message>
      <source>Enter first registration, mileage, condition and the reference price to see the value.</source>
      <translation>填写初次登记日期、行驶里程、车况和参考价后显示评估价。</translation>
    </message>
    <message>
      <source>Mileage</source>
      <translation>行驶里程</translation>
    </message>
    <message>
      <source>More than {limit}% from the computed value: a manager must approve it. Until then the computed value is used and no finance plan can be chosen.</source>
      <translation>与计算评估价相差超过 {limit}%：须经理批准。批准前使用计算评估价，且不能选择金融方案。</translation>
    </message>
    <message>
      <source>Reference price</source>
      <translation>参考价</translation>
    </message>
    <message>
      <source>Reference price ({kind})</source>
      <translation>参考价（{kind}）</translation>
    </message>
    <message>
      <source>Refused by {manager} on {when}: {note} The computed value is used.</source>
      <translation>已由 {manager} 于 {when} 驳回：{note} 使用计算评估价。</translation>
    </message>
    <message>
      <source>The registration certificate does not match the car: it cannot be financed until this is cleared up.</source>
      <translation>登记证书与车辆不符：核实清楚之前不能办理贷款。</translation>
    </message>
    <message>
      <source>Value used for lending: {value}</source>
      <translation>用于贷款的评估价：{value}</translation>
    </message>
    <message>
      <source>Value used for lending: {value} (override; computed {computed})</source>
      <translation>用于贷款的评估价：{value}（人工调整；计算值 {computed}）</translation>
    </message>
    <message>
      <source>Value used for lending: {value} (the computed value; the override {override} is not approved)</source>
      <translation>用于贷款的评估价：{value}（计算评估价；调整价 {override} 未获批准）</translation>
    </message>
    <message>
      <source>{change} from the computed value</source>
      <translation>与计算评估价相差 {change}</translation>
    </message>
  </context>
  <context>
    <name>AppraisalPage</name>
    <message>
      <source>17 characters, from the registration certificate</source>
      <translation>17 位，见机动车登记证书</translation>
    </message>
    <message>
      <source>Accident</source>
      <translation>事故车</translation>
    </message>
    <message>
      <source>Add record</source>
      <translation>添加记录</translation>
    </message>
    <message>
      <source>Appraisal value</source>
      <translation>评估价值</translation>
    </message>
    <message>
      <source>Brand</source>
      <translation>品牌</translation>
    </message>
    <message>
      <source>Check the flagged figures, then tick the box to confirm them.</source>
      <translation>请核对标出的数字，然后勾选确认。</translation>
    </message>
    <message>
      <source>Choose...</source>
      <translation>请选择…</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <source>Computed value</source>
      <translation>计算评估价</translation>
    </message>
    <message>
      <source>Condition</source>
      <translation>车况</translation>
    </message>
    <message>
      <source>Damage history</source>
      <translation>损伤记录</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Does NOT match the car</source>
      <translation>与车辆不符</translation>
    </message>
    <message>
      <source>Energy</source>
      <translation>能源类型</translation>
    </message>
    <message>
      <source>Enter the mileage in whole km, e.g. 45000.</source>
      <translation>请输入整数公里数，例如 45000。</translation>
    </message>
    <message>
      <source>Fire</source>
      <translation>火烧车</translation>
    </message>
    <message>
      <source>First registration</source>
      <translation>初次登记日期</translation>
    </message>
    <message>
      <source>Flood</source>
      <translation>泡水车</translation>
    </message>
    <message>
      <source>I have checked these figures</source>
      <translation>我已核对以上数字</translation>
    </message>
    <message>
      <source>In your words, required with an override</source>
      <translation>具体说明，调整时必填</translation>
    </message>
    <message>
      <source>Leave empty to use the computed value</source>
      <translation>留空则使用计算评估价</translation>
    </message>
    <message>
      <source>Maintenance mileage history</source>
      <translation>保养里程记录</translation>
    </message>
    <message>
      <source>Manager approval…</source>
      <translation>经理审批…</translation>
    </message>
    <message>
      <source>Matches the car</source>
      <translation>与车辆一致</translation>
    </message>
    <message>
      <source>Mileage (km)</source>
      <translation>表显里程（公里）</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>车型</translation>
    </message>
    <message>
      <source>Not checked yet</source>
      <translation>尚未核对</translation>
    </message>
    <message>
      <source>Override (appraiser)</source>
      <translation>人工调整（评估师）</translation>
    </message>
    <message>
      <source>Prices</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>Reference price</source>
      <translation>参考价</translation>
    </message>
    <message>
      <source>Registration certificate</source>
      <translation>机动车登记证书</translation>
    </message>
    <message>
      <source>Remove selected</source>
      <translation>删除所选</translation>
    </message>
    <message>
      <source>Row {row}: {problem}</source>
      <translation>第 {row} 行：{problem}</translation>
    </message>
    <message>
      <source>Selling price</source>
      <translation>成交价</translation>
    </message>
    <message>
      <source>The appraiser's value {value} is {change} from the computed {computed} ({reason}: {details}). A manager of this store approves or refuses it with their own user name and password.</source>
      <translation>评估师调整价 {value} 与计算评估价 {computed} 相差 {change}（{reason}：{details}）。请本店经理用自己的用户名和密码批准或驳回。</translation>
    </message>
    <message>
      <source>The price of the car new: its age is taken off as well.</source>
      <translation>新车价格：还要扣除车龄折旧。</translation>
    </message>
    <message>
      <source>The price of this model and year with typical mileage: only mileage and condition adjust it.</source>
      <translation>同款同年份、正常里程车辆的价格：只按里程和车况调整。</translation>
    </message>
    <message>
      <source>The reference price is</source>
      <translation>参考价类型</translation>
    </message>
    <message>
      <source>This is not a date: type it like 2023-03-01 or pick it from the calendar.</source>
      <translation>这不是有效日期：请按 2023-03-01 的样式输入，或从日历中选择。</translation>
    </message>
    <message>
      <source>Type the date or pick it from the calendar (the arrow)</source>
      <translation>可直接输入日期，或点击箭头从日历中选择</translation>
    </message>
    <message>
      <source>VIN</source>
      <translation>车架号（VIN）</translation>
    </message>
    <message>
      <source>Valid VIN: {manufacturer}, model year {year}</source>
      <translation>VIN 有效：{manufacturer}，{year} 年款</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>价值</translation>
    </message>
    <message>
      <source>Vehicle</source>
      <translation>车辆</translation>
    </message>
    <message>
      <source>Vehicle appraisal</source>
      <translation>车辆评估</translation>
    </message>
    <message>
      <source>What the customer pays for the car</source>
      <translation>客户购车成交价</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>调整原因</translation>
    </message>
    <message>
      <source>e.g. Lavida 1.5L</source>
      <translation>例如 朗逸 1.5L</translation>
    </message>
    <message>
      <source>e.g. Volkswagen</source>
      <translation>例如 大众</translation>
    </message>
    <message>
      <source>in CNY</source>
      <translation>单位：元</translation>
    </message>
    <message>
      <source>km on the odometer today</source>
      <translation>今日表显公里数</translation>
    </message>
    <message>
      <source>manufacturer code {wmi} not in the table</source>
      <translation>厂商代码 {wmi} 不在列表中</translation>
    </message>
    <message>
      <source>{n} of 17 characters</source>
      <translation>已输入 {n} / 17 位</translation>
    </message>
  </context>
  <context>
    <name>CardOffersLabel</name>
    <message>
      <source>Bank card instalment (paid off the customer's credit card, for comparison):</source>
      <translation>信用卡分期（通过客户信用卡还款，仅供比较）：</translation>
    </message>
    <message>
      <source>• {name}: not possible. {why}</source>
      <translation>• {name}：无法办理。{why}</translation>
    </message>
    <message>
      <source>• {name}: {months} months, {payment} CNY a month, fee {fee} CNY, true APR {apr}</source>
      <translation>• {name}：{months} 期，每月 {payment} 元，手续费 {fee} 元，真实年化利率 {apr}</translation>
    </message>
  </context>
  <context>
    <name>ChosenPanel</name>
    <message>
      <source>Chosen product: {name}</source>
      <translation>已选产品：{name}</translation>
    </message>
    <message>
      <source>Chosen product: {name} (cannot be offered as set up)</source>
      <translation>已选产品：{name}（按当前设置无法办理）</translation>
    </message>
    <message>
      <source>No product chosen.</source>
      <translation>尚未选择产品。</translation>
    </message>
    <message>
      <source>Subsidised by {by}: the customer pays {rate}% a year (APR {apr}% with the fees), the lender earns {lender}%; the subsidy is worth {value} CNY.</source>
      <translation>由{by}贴息：客户承担年利率 {rate}%（含费用年化利率 {apr}%），贷款机构收益率 {lender}%；贴息金额 {value} 元。</translation>
    </message>
  </context>
  <context>
    <name>ComparisonModel</name>
    <message>
      <source>APR (true, IRR)</source>
      <translation>年化利率（IRR 真实利率）</translation>
    </message>
    <message>
      <source>Approval likelihood</source>
      <translation>通过概率</translation>
    </message>
    <message>
      <source>Approval time</source>
      <translation>审批时效</translation>
    </message>
    <message>
      <source>Can be offered</source>
      <translation>可办理</translation>
    </message>
    <message>
      <source>Loan amount</source>
      <translation>贷款金额</translation>
    </message>
    <message>
      <source>Maximum loan</source>
      <translation>最高可贷</translation>
    </message>
    <message>
      <source>Minimum down payment</source>
      <translation>最低首付</translation>
    </message>
    <message>
      <source>Monthly payment</source>
      <translation>月供</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Same day</source>
      <translation>当天</translation>
    </message>
    <message>
      <source>Total cost of the car</source>
      <translation>购车总成本</translation>
    </message>
    <message>
      <source>Total fees</source>
      <translation>费用总额</translation>
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
      <source>Why not / notes</source>
      <translation>原因 / 提示</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>{first} (rising to {max})</source>
      <translation>{first}（递增至 {max}）</translation>
    </message>
    <message>
      <source>{first} (then falling)</source>
      <translation>{first}（逐月递减）</translation>
    </message>
    <message>
      <source>{lo}-{hi} working days</source>
      <translation>{lo}–{hi} 个工作日</translation>
    </message>
  </context>
  <context>
    <name>DatedConfirmDialog</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
  </context>
  <context>
    <name>DealPanel</name>
    <message>
      <source> seats</source>
      <translation> 座</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Diesel</source>
      <translation>柴油</translation>
    </message>
    <message>
      <source>Down payment (trade-in included)</source>
      <translation>首付（含置换抵扣）</translation>
    </message>
    <message>
      <source>Financed</source>
      <translation>计入贷款</translation>
    </message>
    <message>
      <source>Financed (loan amount)</source>
      <translation>贷款金额</translation>
    </message>
    <message>
      <source>Hybrid (not plug-in)</source>
      <translation>混合动力（非插电）</translation>
    </message>
    <message>
      <source>Litres</source>
      <translation>排量（升）</translation>
    </message>
    <message>
      <source>Loan still owed on it</source>
      <translation>剩余未还贷款</translation>
    </message>
    <message>
      <source>New car</source>
      <translation>新车</translation>
    </message>
    <message>
      <source>New energy (NEV)</source>
      <translation>新能源</translation>
    </message>
    <message>
      <source>On-road lines financed</source>
      <translation>计入贷款的落地费用</translation>
    </message>
    <message>
      <source>On-road lines paid in cash</source>
      <translation>现金支付的落地费用</translation>
    </message>
    <message>
      <source>On-the-road price</source>
      <translation>落地价</translation>
    </message>
    <message>
      <source>Paid today</source>
      <translation>今日支付</translation>
    </message>
    <message>
      <source>Paid today = down payment {down} − trade-in {trade} + cash lines {cash}.</source>
      <translation>今日支付 = 首付 {down} − 置换抵扣 {trade} + 现金支付的费用 {cash}。</translation>
    </message>
    <message>
      <source>Petrol</source>
      <translation>汽油</translation>
    </message>
    <message>
      <source>Price and financed lines</source>
      <translation>车价及计入贷款的费用</translation>
    </message>
    <message>
      <source>Solve the down payment</source>
      <translation>测算首付</translation>
    </message>
    <message>
      <source>Subsidy (e.g. scrap-and-buy)</source>
      <translation>补贴（如报废更新）</translation>
    </message>
    <message>
      <source>Target monthly payment</source>
      <translation>目标月供</translation>
    </message>
    <message>
      <source>The finance service fee of {fee} is a loan fee: it is in every product's APR.</source>
      <translation>金融服务费 {fee} 属于贷款费用，已计入每个产品的年化利率。</translation>
    </message>
    <message>
      <source>The trade-in is worth more than the down payment: raise the down payment or pay the difference to the customer.</source>
      <translation>置换抵扣高于首付：请提高首付，或将差额退还客户。</translation>
    </message>
    <message>
      <source>The whole deal (on-the-road price)</source>
      <translation>整体购车方案（落地价）</translation>
    </message>
    <message>
      <source>Towards the down payment</source>
      <translation>抵扣首付</translation>
    </message>
    <message>
      <source>Trade-in</source>
      <translation>置换</translation>
    </message>
    <message>
      <source>Trade-in value</source>
      <translation>置换车辆估值</translation>
    </message>
    <message>
      <source>Used car</source>
      <translation>二手车</translation>
    </message>
    <message>
      <source>Value in CNY</source>
      <translation>估值（元）</translation>
    </message>
    <message>
      <source>Vehicle price</source>
      <translation>车辆售价</translation>
    </message>
    <message>
      <source>e.g. 3,000</source>
      <translation>例如 3,000</translation>
    </message>
  </context>
  <context>
    <name>GridTab</name>
    <message>
      <source>Monthly payment of the chosen product. Green: can be offered; grey: cannot (point at the cell to see why). Click a cell to use its down payment and term.</source>
      <translation>所选产品的月供。绿色：可办理；灰色：不可办理（鼠标停在格子上可查看原因）。点击格子即采用该首付和期限。</translation>
    </message>
  </context>
  <context>
    <name>LenderDecisionDialog</name>
    <message>
      <source>Approved</source>
      <translation>审批通过</translation>
    </message>
    <message>
      <source>Approved amount (CNY)</source>
      <translation>批准金额（元）</translation>
    </message>
    <message>
      <source>Approved annual rate (%)</source>
      <translation>批准年利率（%）</translation>
    </message>
    <message>
      <source>Choose...</source>
      <translation>请选择…</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>审批结果</translation>
    </message>
    <message>
      <source>Declined</source>
      <translation>已拒绝</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Only if the lender changed it</source>
      <translation>仅在资方调整时填写</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Record what the lender answered to the application. A customer who withdrew is not counted as declined.</source>
      <translation>登记资方对申请的答复。客户主动撤回申请不计为拒绝。</translation>
    </message>
    <message>
      <source>The lender's decision</source>
      <translation>资方审批结果</translation>
    </message>
    <message>
      <source>What the lender said (optional)</source>
      <translation>资方的说明（选填）</translation>
    </message>
    <message>
      <source>Why declined</source>
      <translation>拒绝原因</translation>
    </message>
    <message>
      <source>Withdrawn by the customer</source>
      <translation>客户撤回申请</translation>
    </message>
  </context>
  <context>
    <name>MaintenanceModel</name>
    <message>
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Enter the odometer reading in whole km.</source>
      <translation>请输入整数公里读数。</translation>
    </message>
    <message>
      <source>Odometer (km)</source>
      <translation>表显里程（公里）</translation>
    </message>
    <message>
      <source>Possible tampering</source>
      <translation>疑似调表</translation>
    </message>
    <message>
      <source>Service date</source>
      <translation>保养日期</translation>
    </message>
    <message>
      <source>This is not a date: type it like 2023-03-01 or pick it from the calendar.</source>
      <translation>这不是有效日期：请按 2023-03-01 的样式输入，或从日历中选择。</translation>
    </message>
  </context>
  <context>
    <name>ManagerApprovalDialog</name>
    <message>
      <source>Approve</source>
      <translation>批准</translation>
    </message>
    <message>
      <source>Enter the manager's password.</source>
      <translation>请输入经理的密码。</translation>
    </message>
    <message>
      <source>Enter the manager's user name.</source>
      <translation>请输入经理的用户名。</translation>
    </message>
    <message>
      <source>Manager approval</source>
      <translation>经理审批</translation>
    </message>
    <message>
      <source>Manager's user name</source>
      <translation>经理用户名</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Refuse</source>
      <translation>驳回</translation>
    </message>
    <message>
      <source>Required when refusing</source>
      <translation>驳回时必填</translation>
    </message>
    <message>
      <source>Say why the override is refused.</source>
      <translation>请说明驳回的原因。</translation>
    </message>
    <message>
      <source>{user} may not approve overrides in this store: only a manager of the store or the owner can.</source>
      <translation>{user} 无权审批本店的评估价调整：只有本店经理或店主可以。</translation>
    </message>
  </context>
  <context>
    <name>PaymentGridModel</name>
    <message>
      <source>Can be offered. Click to pick this down payment and term.</source>
      <translation>可办理。点击选用此首付和期限。</translation>
    </message>
    <message>
      <source>Now: {amount} ({p}%)</source>
      <translation>当前：{amount}（{p}%）</translation>
    </message>
    <message>
      <source>{n} months</source>
      <translation>{n} 个月</translation>
    </message>
    <message>
      <source>{p}% down ({amount})</source>
      <translation>首付 {p}%（{amount}）</translation>
    </message>
  </context>
  <context>
    <name>PlanFigures</name>
    <message>
      <source>= {amount} CNY, due {date}</source>
      <translation>= {amount} 元，{date} 到期</translation>
    </message>
    <message>
      <source>Down payment {down} CNY: with {product} every monthly payment is at most {target} (highest {max}).</source>
      <translation>首付 {down} 元：选择{product}，每期月供不超过 {target}（最高 {max}）。</translation>
    </message>
    <message>
      <source>The balloon of {balloon} is paid apart, on {date}.</source>
      <translation>尾款 {balloon} 于 {date} 另行支付。</translation>
    </message>
  </context>
  <context>
    <name>PlanPage</name>
    <message>
      <source> CNY</source>
      <translation> 元</translation>
    </message>
    <message>
      <source>% of the loan</source>
      <translation>% 贷款金额</translation>
    </message>
    <message>
      <source>(selling price from the appraisal)</source>
      <translation>（车辆评估中的售价）</translation>
    </message>
    <message>
      <source>Add-ons</source>
      <translation>附加项目</translation>
    </message>
    <message>
      <source>All products for this customer and this car. Click a column to choose a product.</source>
      <translation>该客户和该车辆适用的全部产品。点击某一列选择产品。</translation>
    </message>
    <message>
      <source>Balloon</source>
      <translation>弹性尾款</translation>
    </message>
    <message>
      <source>Choose a product in the comparison first.</source>
      <translation>请先在对比表中选择产品。</translation>
    </message>
    <message>
      <source>Choose this plan for signing</source>
      <translation>选定此方案签约</translation>
    </message>
    <message>
      <source>Complete the qualification step first: the rate depends on the customer's grade.</source>
      <translation>请先完成资质评估：利率取决于客户评级。</translation>
    </message>
    <message>
      <source>Complete the vehicle appraisal first.</source>
      <translation>请先完成车辆评估。</translation>
    </message>
    <message>
      <source>Down payment</source>
      <translation>首付</translation>
    </message>
    <message>
      <source>Early settlement</source>
      <translation>提前还款</translation>
    </message>
    <message>
      <source>Enter the monthly payment the customer can afford.</source>
      <translation>请输入客户可承受的月供。</translation>
    </message>
    <message>
      <source>Enter the selling price in the vehicle appraisal step.</source>
      <translation>请在车辆评估中填写成交价。</translation>
    </message>
    <message>
      <source>Finance plan</source>
      <translation>金融方案</translation>
    </message>
    <message>
      <source>Keep for comparison</source>
      <translation>保留以便对比</translation>
    </message>
    <message>
      <source>Monthly payment grid</source>
      <translation>月供速查表</translation>
    </message>
    <message>
      <source>Repayment method</source>
      <translation>还款方式</translation>
    </message>
    <message>
      <source>Repayment schedule</source>
      <translation>还款计划</translation>
    </message>
    <message>
      <source>Saved plans</source>
      <translation>已保存方案</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>贷款期限</translation>
    </message>
    <message>
      <source>The appraiser's value of the car ({value}) is more than the store allows away from the computed value ({computed}), so a manager has to approve it first. Ask a manager to approve or refuse it on the appraisal page, or under Tools, Overrides awaiting approval; then the plan can be chosen.</source>
      <translation>评估师调整后的车辆评估价（{value}）与计算评估价（{computed}）的差距超过本店允许的范围，须先经经理批准。请经理在车辆评估页面或“工具 &gt; 待审批的评估价调整”中批准或驳回，之后即可选择方案。</translation>
    </message>
    <message>
      <source>The customer is on a blacklist: no plan can be offered. Please refer to the manager.</source>
      <translation>该客户在黑名单上：不能提供任何方案。请转交店长处理。</translation>
    </message>
    <message>
      <source>{n} months</source>
      <translation>{n} 个月</translation>
    </message>
  </context>
  <context>
    <name>QualificationPage</name>
    <message>
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <source> months</source>
      <translation> 个月</translation>
    </message>
    <message>
      <source>Age the customer gave (optional)</source>
      <translation>客户自报年龄（选填）</translation>
    </message>
    <message>
      <source>Approval likelihood for grade {grade} (product catalogue):</source>
      <translation>{grade} 级客户预计审批通过率（按产品目录）：</translation>
    </message>
    <message>
      <source>Average on the bank statements</source>
      <translation>银行流水月均收入</translation>
    </message>
    <message>
      <source>Bank statement average (CNY)</source>
      <translation>流水月均收入（元）</translation>
    </message>
    <message>
      <source>CNY per month</source>
      <translation>元/月</translation>
    </message>
    <message>
      <source>Card utilisation (%)</source>
      <translation>信用卡使用率（%）</translation>
    </message>
    <message>
      <source>Card, mortgage, car loan ... (optional)</source>
      <translation>信用卡、房贷、车贷等（选填）</translation>
    </message>
    <message>
      <source>Credit applications (3 months)</source>
      <translation>近 3 个月征信查询次数</translation>
    </message>
    <message>
      <source>Credit report</source>
      <translation>征信报告</translation>
    </message>
    <message>
      <source>Declared age</source>
      <translation>自报年龄</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>资料</translation>
    </message>
    <message>
      <source>Enter a number of 0 or more.</source>
      <translation>请输入不小于 0 的数字。</translation>
    </message>
    <message>
      <source>Enter a number.</source>
      <translation>请输入数字。</translation>
    </message>
    <message>
      <source>Enter a whole number of 0 or more.</source>
      <translation>请输入不小于 0 的整数。</translation>
    </message>
    <message>
      <source>Enter the customer's monthly income.</source>
      <translation>请输入客户月收入。</translation>
    </message>
    <message>
      <source>Existing monthly debt payments (CNY)</source>
      <translation>现有每月还款额（元）</translation>
    </message>
    <message>
      <source>ID card</source>
      <translation>身份证</translation>
    </message>
    <message>
      <source>ID card seen and matches the ID number</source>
      <translation>已核验身份证原件，与证件号一致</translation>
    </message>
    <message>
      <source>Income</source>
      <translation>收入</translation>
    </message>
    <message>
      <source>Income proof (payslips or bank statements)</source>
      <translation>收入证明（工资条或银行流水）</translation>
    </message>
    <message>
      <source>Kinds of credit accounts</source>
      <translation>信贷账户种类数</translation>
    </message>
    <message>
      <source>Labour contract or business licence</source>
      <translation>劳动合同或营业执照</translation>
    </message>
    <message>
      <source>Length of credit history</source>
      <translation>信用记录年限</translation>
    </message>
    <message>
      <source>Monthly income (CNY)</source>
      <translation>月收入（元）</translation>
    </message>
    <message>
      <source>No grade until the requirements below are met.</source>
      <translation>下列条件满足后才会评级。</translation>
    </message>
    <message>
      <source>No product in the catalogue is offered to grade {grade}: there is no loan to offer this customer.</source>
      <translation>产品目录中没有面向 {grade} 级客户的产品：目前无法为该客户提供贷款。</translation>
    </message>
    <message>
      <source>Not eligible yet. Tell the customer:</source>
      <translation>暂不符合条件。可以这样告诉客户：</translation>
    </message>
    <message>
      <source>Outstanding debt (CNY)</source>
      <translation>未结清负债（元）</translation>
    </message>
    <message>
      <source>Overdue payments (24 months)</source>
      <translation>近 24 个月逾期次数</translation>
    </message>
    <message>
      <source>Property deed or lease</source>
      <translation>房产证或租赁合同</translation>
    </message>
    <message>
      <source>Qualification</source>
      <translation>资质评估</translation>
    </message>
    <message>
      <source>Residence proof</source>
      <translation>居住证明</translation>
    </message>
    <message>
      <source>Risk grade</source>
      <translation>风险评级</translation>
    </message>
    <message>
      <source>Saved: {masked} (hidden for your role; type to change)</source>
      <translation>已保存：{masked}（您的角色不可查看；输入新值即可修改）</translation>
    </message>
    <message>
      <source>Score {score} of 100</source>
      <translation>评分 {score} / 100</translation>
    </message>
    <message>
      <source>The customer's ID number is not stored yet. Record the consent and the ID number in Reception first: the age comes from the ID.</source>
      <translation>尚未保存客户身份证号。请先在接待中记录授权同意并填写身份证号：年龄由身份证号得出。</translation>
    </message>
    <message>
      <source>Why this grade</source>
      <translation>评级依据</translation>
    </message>
    <message>
      <source>Work proof</source>
      <translation>工作证明</translation>
    </message>
    <message>
      <source>Worst overdue</source>
      <translation>最长逾期</translation>
    </message>
    <message>
      <source>Years (optional)</source>
      <translation>年（选填）</translation>
    </message>
    <message>
      <source>{product}: {low}-{high}%</source>
      <translation>{product}：{low}-{high}%</translation>
    </message>
  </context>
  <context>
    <name>ReceptionPage</name>
    <message>
      <source>11 digits, e.g. 138 1234 5678</source>
      <translation>11 位数字，例如 138 1234 5678</translation>
    </message>
    <message>
      <source>18 characters; the last may be X</source>
      <translation>18 位，最后一位可以是 X</translation>
    </message>
    <message>
      <source>Blacklist: the {matched} matches the {source} ({why}) added at {store} on {date}. Please talk to the manager before going on; no finance plan can be offered.</source>
      <translation>黑名单：{matched}与{store}于 {date} 录入的{source}记录相符（{why}）。请先与店长沟通再继续；不能提供金融方案。</translation>
    </message>
    <message>
      <source>Blacklist: the {matched} matches the {source} ({why}). Please talk to the manager before going on; no finance plan can be offered.</source>
      <translation>黑名单：{matched}与{source}记录相符（{why}）。请先与店长沟通再继续；不能提供金融方案。</translation>
    </message>
    <message>
      <source>Blacklist: this customer matches the {source} ({why}) added at {store} on {date}. Please talk to the manager before going on; no finance plan can be offered.</source>
      <translation>黑名单：该客户与{store}于 {date} 录入的{source}记录相符（{why}）。请先与店长沟通再继续；不能提供金融方案。</translation>
    </message>
    <message>
      <source>Blacklist: this customer matches the {source} ({why}). Please talk to the manager before going on; no finance plan can be offered.</source>
      <translation>黑名单：该客户与{source}记录相符（{why}）。请先与店长沟通再继续；不能提供金融方案。</translation>
    </message>
    <message>
      <source>Born {birth}, {sex}, {age} years old today.</source>
      <translation>出生于 {birth}，{sex}，今年 {age} 周岁。</translation>
    </message>
    <message>
      <source>Budget (CNY)</source>
      <translation>购车预算（元）</translation>
    </message>
    <message>
      <source>CNY per month, e.g. 3,500</source>
      <translation>元/月，例如 3,500</translation>
    </message>
    <message>
      <source>CNY, e.g. 150,000</source>
      <translation>元，例如 150,000</translation>
    </message>
    <message>
      <source>CNY, e.g. 40,000</source>
      <translation>元，例如 40,000</translation>
    </message>
    <message>
      <source>Choose...</source>
      <translation>请选择…</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>授权同意</translation>
    </message>
    <message>
      <source>Consent recorded on {when}.</source>
      <translation>已于 {when} 记录授权同意。</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Customer tier</source>
      <translation>客户等级</translation>
    </message>
    <message>
      <source>Enter the customer's name.</source>
      <translation>请输入客户姓名。</translation>
    </message>
    <message>
      <source>Full name as on the ID card</source>
      <translation>与身份证一致的姓名</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Intent</source>
      <translation>意向程度</translation>
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
      <source>Mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Needs</source>
      <translation>购车需求</translation>
    </message>
    <message>
      <source>Online platform</source>
      <translation>线上平台</translation>
    </message>
    <message>
      <source>Only for roles allowed to see personal data. Each view is recorded.</source>
      <translation>仅限有权查看个人信息的角色。每次查看都会被记录。</translation>
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
      <source>Potential</source>
      <translation>潜在客户</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>用途</translation>
    </message>
    <message>
      <source>Reception</source>
      <translation>接待</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>转介绍</translation>
    </message>
    <message>
      <source>Regular</source>
      <translation>普通客户</translation>
    </message>
    <message>
      <source>Required before the ID number can be stored.</source>
      <translation>保存身份证号之前必须勾选。</translation>
    </message>
    <message>
      <source>Saved: {masked} (type to change)</source>
      <translation>已保存：{masked}（输入新值即可修改）</translation>
    </message>
    <message>
      <source>Show full mobile and ID number</source>
      <translation>显示完整手机号和身份证号</translation>
    </message>
    <message>
      <source>Shown in full; this view was recorded.</source>
      <translation>已完整显示；本次查看已记录。</translation>
    </message>
    <message>
      <source>Social media</source>
      <translation>社交媒体</translation>
    </message>
    <message>
      <source>Source channel</source>
      <translation>来源渠道</translation>
    </message>
    <message>
      <source>The customer agrees that we process their personal information to assess and arrange vehicle financing and to contact them about this application.</source>
      <translation>客户同意我们为评估和办理车辆贷款、以及就本次申请与其联系而处理其个人信息。</translation>
    </message>
    <message>
      <source>The customer gives consent</source>
      <translation>客户已授权同意</translation>
    </message>
    <message>
      <source>This customer is on a blacklist. Please talk to the manager before going on; no finance plan can be offered.</source>
      <translation>该客户在黑名单上。请先与店长沟通再继续；不能提供金融方案。</translation>
    </message>
    <message>
      <source>Tick the consent box before the ID number is stored.</source>
      <translation>保存身份证号之前，请先勾选授权同意。</translation>
    </message>
    <message>
      <source>VIP</source>
      <translation>VIP 客户</translation>
    </message>
    <message>
      <source>Valid mainland mobile number.</source>
      <translation>有效的大陆手机号。</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>到店</translation>
    </message>
    <message>
      <source>Wished down payment (CNY)</source>
      <translation>期望首付（元）</translation>
    </message>
    <message>
      <source>Wished monthly payment (CNY)</source>
      <translation>期望月供（元）</translation>
    </message>
    <message>
      <source>e.g. family car for commuting</source>
      <translation>例如 家用通勤</translation>
    </message>
    <message>
      <source>female</source>
      <translation>女</translation>
    </message>
    <message>
      <source>male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>{n} of 11 digits</source>
      <translation>已输入 {n} / 11 位</translation>
    </message>
    <message>
      <source>{n} of 18 characters</source>
      <translation>已输入 {n} / 18 位</translation>
    </message>
  </context>
  <context>
    <name>SavedPlansTab</name>
    <message>
      <source>[chosen] </source>
      <translation>[已选定] </translation>
    </message>
    <message>
      <source>{mark}{product}: loan {amount}, {term} months, {method}, monthly {monthly}, APR {apr}%</source>
      <translation>{mark}{product}：贷款 {amount}，{term} 期，{method}，月供 {monthly}，年化利率 {apr}%</translation>
    </message>
  </context>
  <context>
    <name>ScheduleModel</name>
    <message>
      <source>Balance after</source>
      <translation>剩余本金</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>还款日</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>费用</translation>
    </message>
    <message>
      <source>Interest</source>
      <translation>利息</translation>
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
      <source>Principal</source>
      <translation>本金</translation>
    </message>
  </context>
  <context>
    <name>ScheduleTab</name>
    <message>
      <source>Loan {amount} at {rate}% a year, {months} months. Total interest {interest}, total fees {fees}, total repayment {total}. True APR {apr}% (effective {ear}% a year).</source>
      <translation>贷款 {amount}，年利率 {rate}%，{months} 期。利息合计 {interest}，费用合计 {fees}，总还款额 {total}。真实年化利率 {apr}%（实际年利率 {ear}%）。</translation>
    </message>
    <message>
      <source>This product cannot be priced as set up.</source>
      <translation>按当前设置无法为该产品定价。</translation>
    </message>
  </context>
  <context>
    <name>SettlementTab</name>
    <message>
      <source>Early-repayment fee</source>
      <translation>提前还款手续费</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>费用</translation>
    </message>
    <message>
      <source>Interest accrued</source>
      <translation>应计利息</translation>
    </message>
    <message>
      <source>Interest saved</source>
      <translation>节省利息</translation>
    </message>
    <message>
      <source>Net saving</source>
      <translation>净节省</translation>
    </message>
    <message>
      <source>Remaining principal</source>
      <translation>剩余本金</translation>
    </message>
    <message>
      <source>Settle after payment no.</source>
      <translation>在第几期还款后结清</translation>
    </message>
    <message>
      <source>Total to pay</source>
      <translation>应付合计</translation>
    </message>
    <message>
      <source>{fee}% of the remaining principal</source>
      <translation>剩余本金的 {fee}%</translation>
    </message>
  </context>
  <context>
    <name>SigningPage</name>
    <message>
      <source>After signing</source>
      <translation>签约之后</translation>
    </message>
    <message>
      <source>Anti-fraud screen passed</source>
      <translation>反欺诈筛查已通过</translation>
    </message>
    <message>
      <source>Approved on {date} (recorded by {who}).</source>
      <translation>{date} 已批准（登记人：{who}）。</translation>
    </message>
    <message>
      <source>Audio and video recording of the signing done (dual recording)</source>
      <translation>已完成签约录音录像（双录）</translation>
    </message>
    <message>
      <source>Bank statements (6 months)</source>
      <translation>银行流水（6 个月）</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>核查</translation>
    </message>
    <message>
      <source>Choose the plan the customer signs first.</source>
      <translation>请先选定客户签约的方案。</translation>
    </message>
    <message>
      <source>Customer has read the full contract</source>
      <translation>客户已阅读完整合同</translation>
    </message>
    <message>
      <source>Declined on {date}: {why} (recorded by {who}).</source>
      <translation>{date} 被拒绝：{why}（登记人：{who}）。</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>已交车</translation>
    </message>
    <message>
      <source>Delivered. Follow-up call due {due}.</source>
      <translation>已交车。回访电话应于 {due} 前完成。</translation>
    </message>
    <message>
      <source>Disbursed</source>
      <translation>已放款</translation>
    </message>
    <message>
      <source>Disbursed. Revisit follow-up due {due}.</source>
      <translation>已放款。首次回访应于 {due} 前完成。</translation>
    </message>
    <message>
      <source>Documents received</source>
      <translation>已收资料</translation>
    </message>
    <message>
      <source>Driving licence</source>
      <translation>驾驶证</translation>
    </message>
    <message>
      <source>Early repayment terms and fee</source>
      <translation>提前还款条款及手续费</translation>
    </message>
    <message>
      <source>ID card</source>
      <translation>身份证</translation>
    </message>
    <message>
      <source>Identity verified in person</source>
      <translation>已当面核实身份</translation>
    </message>
    <message>
      <source>Income proof</source>
      <translation>收入证明</translation>
    </message>
    <message>
      <source>Insurance policy</source>
      <translation>保险单</translation>
    </message>
    <message>
      <source>Insurance requirement</source>
      <translation>保险要求</translation>
    </message>
    <message>
      <source>Key clauses the customer confirmed</source>
      <translation>客户已确认的关键条款</translation>
    </message>
    <message>
      <source>Loan amount and term</source>
      <translation>贷款金额和期限</translation>
    </message>
    <message>
      <source>Loan proceeds go to the dealer's account only (never a personal account)</source>
      <translation>贷款资金只打入车商对公账户（绝不打入个人账户）</translation>
    </message>
    <message>
      <source>Manager: take back the last recorded step</source>
      <translation>店长：撤销最近登记的一步</translation>
    </message>
    <message>
      <source>Mark signed</source>
      <translation>标记为已签约</translation>
    </message>
    <message>
      <source>Mark the contract signed</source>
      <translation>确认合同已签署</translation>
    </message>
    <message>
      <source>Next: second review, disbursement after the down payment arrives, title transfer and mortgage registration, then delivery.</source>
      <translation>下一步：二次审核，首付到账后放款，办理过户和抵押登记，然后交车。</translation>
    </message>
    <message>
      <source>No decision recorded yet.</source>
      <translation>尚未登记审批结果。</translation>
    </message>
    <message>
      <source>Plan to sign: {product}, loan {amount} CNY over {term} months, monthly payment {monthly} CNY, true APR {apr}%.</source>
      <translation>签约方案：{product}，贷款 {amount} 元，{term} 期，月供 {monthly} 元，真实年化利率 {apr}%。</translation>
    </message>
    <message>
      <source>Record delivery</source>
      <translation>登记交车</translation>
    </message>
    <message>
      <source>Record disbursement</source>
      <translation>登记放款</translation>
    </message>
    <message>
      <source>Record the decision…</source>
      <translation>登记审批结果…</translation>
    </message>
    <message>
      <source>Record the delivery</source>
      <translation>登记交车</translation>
    </message>
    <message>
      <source>Record the disbursement</source>
      <translation>登记放款</translation>
    </message>
    <message>
      <source>Repayment duty and due dates</source>
      <translation>还款义务和还款日</translation>
    </message>
    <message>
      <source>Residence proof</source>
      <translation>居住证明</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>已签约</translation>
    </message>
    <message>
      <source>Signed on {when}.</source>
      <translation>已于 {when} 签约。</translation>
    </message>
    <message>
      <source>Signing checklist</source>
      <translation>签约清单</translation>
    </message>
    <message>
      <source>Tell the customer: they may withdraw within the cooling-off period of {hours} hours ({days} days for some complex products), and how to complain.</source>
      <translation>请告知客户：可在 {hours} 小时冷静期内撤回（部分复杂产品为 {days} 天），以及投诉渠道。</translation>
    </message>
    <message>
      <source>The customer signed the contract for {plan}. Every checklist item is ticked; this completes the signing step and cannot be undone by you (a manager can).</source>
      <translation>客户已签署合同：{plan}。清单各项均已勾选；确认后签约步骤完成，您本人无法撤销（店长可以撤销）。</translation>
    </message>
    <message>
      <source>The customer took the car. This closes the consultation.</source>
      <translation>客户已提车，本次咨询随之结束。</translation>
    </message>
    <message>
      <source>The customer withdrew the application on {date} (recorded by {who}).</source>
      <translation>客户于 {date} 撤回申请（登记人：{who}）。</translation>
    </message>
    <message>
      <source>The lender changed: {what}.</source>
      <translation>资方调整了：{what}。</translation>
    </message>
    <message>
      <source>The lender paid the loan to the dealer's account.</source>
      <translation>资方已将贷款支付到经销商账户。</translation>
    </message>
    <message>
      <source>The lender's decision</source>
      <translation>资方审批结果</translation>
    </message>
    <message>
      <source>Undo the last step…</source>
      <translation>撤销最近一步…</translation>
    </message>
    <message>
      <source>Vehicle mortgage to the lender</source>
      <translation>车辆抵押给贷款机构</translation>
    </message>
    <message>
      <source>Vehicle registration certificate</source>
      <translation>机动车登记证书</translation>
    </message>
    <message>
      <source>Work proof</source>
      <translation>工作证明</translation>
    </message>
    <message>
      <source>amount {amount} CNY</source>
      <translation>金额 {amount} 元</translation>
    </message>
    <message>
      <source>rate {rate}% a year</source>
      <translation>年利率 {rate}%</translation>
    </message>
    <message>
      <source>{done} of {total} items done</source>
      <translation>已完成 {done} / {total} 项</translation>
    </message>
  </context>
  <context>
    <name>StepPage</name>
    <message>
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cannot reach the database; this page will load when it is back.</source>
      <translation>无法连接数据库；数据库恢复后将自动载入本页。</translation>
    </message>
    <message>
      <source>Cannot reach the database; your changes are kept and will be saved when it is back.</source>
      <translation>无法连接数据库；您的修改已保留，数据库恢复后将自动保存。</translation>
    </message>
    <message>
      <source>Discard my changes and reload</source>
      <translation>放弃我的修改并重新载入</translation>
    </message>
    <message>
      <source>Hide</source>
      <translation>隐藏</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Not trying any more. Your changes are still in the form.</source>
      <translation>已停止重试。您的修改仍保留在表单中。</translation>
    </message>
    <message>
      <source>Overwrite with mine</source>
      <translation>用我的内容覆盖</translation>
    </message>
    <message>
      <source>Overwrite with mine…</source>
      <translation>用我的内容覆盖…</translation>
    </message>
    <message>
      <source>Reload this page with the saved version?</source>
      <translation>用已保存的版本重新载入本页？</translation>
    </message>
    <message>
      <source>Reloaded with the saved version. Your form held, where it differs:</source>
      <translation>已按保存的版本重新载入。重新载入前您表单中与之不同的内容：</translation>
    </message>
    <message>
      <source>Reload…</source>
      <translation>重新载入…</translation>
    </message>
    <message>
      <source>Save your form over the other changes?</source>
      <translation>用您表单中的内容覆盖对方的修改吗？</translation>
    </message>
    <message>
      <source>Stop trying</source>
      <translation>停止重试</translation>
    </message>
    <message>
      <source>The database is back; your changes were saved.</source>
      <translation>数据库已恢复，您的修改已保存。</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <source>Try now</source>
      <translation>立即重试</translation>
    </message>
    <message>
      <source>Trying again in {seconds} s (attempt {n}).</source>
      <translation>{seconds} 秒后重试（第 {n} 次）。</translation>
    </message>
    <message>
      <source>Trying again…</source>
      <translation>正在重试…</translation>
    </message>
    <message>
      <source>What the other counter saved on this page is replaced by what your form holds. Their changes on other pages stay.</source>
      <translation>对方在本页保存的内容将被您表单中的内容替换；对方在其他页面的修改保持不变。</translation>
    </message>
    <message>
      <source>What you typed on this page will be replaced by what is saved now. Note down anything you want to enter again.</source>
      <translation>您在本页填写的内容将被当前已保存的内容替换。需要重新填写的内容请先记下。</translation>
    </message>
    <message>
      <source>Your changes on this page were not saved. Look at what you typed, then reload to continue from the saved version.</source>
      <translation>您在本页的修改尚未保存。请先核对您填写的内容，再重新载入，从已保存的版本继续。</translation>
    </message>
    <message>
      <source>{label}: {value}</source>
      <translation>{label}：{value}</translation>
    </message>
  </context>
  <context>
    <name>UndoDialog</name>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>The date recorded for “{what}” is cleared and the change is written to the audit log with your name and reason.</source>
      <translation>将清除“{what}”登记的日期，并以您的姓名和原因记入审计日志。</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Undo: {what}</source>
      <translation>撤销：{what}</translation>
    </message>
    <message>
      <source>Why, in a few words</source>
      <translation>简要说明原因</translation>
    </message>
  </context>
</TS>

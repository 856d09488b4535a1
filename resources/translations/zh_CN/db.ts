<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CatalogueIO</name>
    <message>
      <source> (and {n} more)</source>
      <translation>（另有 {n} 处）</translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>APR from (%)</source>
      <translation>年化利率下限（%）</translation>
    </message>
    <message>
      <source>APR up to (%)</source>
      <translation>年化利率上限（%）</translation>
    </message>
    <message>
      <source>About</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Add-ons</source>
      <translation>附加项目</translation>
    </message>
    <message>
      <source>Annual rate (%)</source>
      <translation>年利率（%）</translation>
    </message>
    <message>
      <source>Approval from (working days)</source>
      <translation>审批最短（工作日）</translation>
    </message>
    <message>
      <source>Approval likelihood from (%)</source>
      <translation>通过概率下限（%）</translation>
    </message>
    <message>
      <source>Approval likelihood up to (%)</source>
      <translation>通过概率上限（%）</translation>
    </message>
    <message>
      <source>Approval up to (working days)</source>
      <translation>审批最长（工作日）</translation>
    </message>
    <message>
      <source>Balloon from (% of the loan)</source>
      <translation>弹性尾款最低（占贷款额 %）</translation>
    </message>
    <message>
      <source>Balloon up to (% of the loan)</source>
      <translation>弹性尾款最高（占贷款额 %）</translation>
    </message>
    <message>
      <source>Car loans</source>
      <translation>车贷产品</translation>
    </message>
    <message>
      <source>Change, add or remove rows on the other sheets and import the file again. A product, lender or add-on left out is deactivated, never deleted. Keep the first row of each sheet; the columns may be in any order.</source>
      <translation>在其他工作表中修改、添加或删除行，然后重新导入本文件。文件中没有的产品、资金方或附加项目会被停用，绝不会被删除。请保留每个工作表的第一行；各列顺序可以调整。</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Complaint channel</source>
      <translation>投诉渠道</translation>
    </message>
    <message>
      <source>Consumer credit</source>
      <translation>消费信贷</translation>
    </message>
    <message>
      <source>Credit line from (CNY)</source>
      <translation>额度下限（元）</translation>
    </message>
    <message>
      <source>Credit line up to (CNY)</source>
      <translation>额度上限（元）</translation>
    </message>
    <message>
      <source>Down payment from (%)</source>
      <translation>首付比例起（%）</translation>
    </message>
    <message>
      <source>Early repayment fee (%)</source>
      <translation>提前还款费率（%）</translation>
    </message>
    <message>
      <source>Early repayment fee from (%)</source>
      <translation>提前还款费率下限（%）</translation>
    </message>
    <message>
      <source>Early repayment fee up to (%)</source>
      <translation>提前还款费率上限（%）</translation>
    </message>
    <message>
      <source>Exported at</source>
      <translation>导出时间</translation>
    </message>
    <message>
      <source>Exported by</source>
      <translation>导出人</translation>
    </message>
    <message>
      <source>Finances the add-ons</source>
      <translation>附加项目可计入贷款</translation>
    </message>
    <message>
      <source>Financing ratio up to (%)</source>
      <translation>最高融资比例（%）</translation>
    </message>
    <message>
      <source>First-loan promotion</source>
      <translation>首贷优惠</translation>
    </message>
    <message>
      <source>Fuel types (separated by ;)</source>
      <translation>能源类型（以 ; 分隔）</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Highest mileage (km)</source>
      <translation>最高里程（公里）</translation>
    </message>
    <message>
      <source>How to edit</source>
      <translation>如何编辑</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Lender name</source>
      <translation>机构名称</translation>
    </message>
    <message>
      <source>Lenders</source>
      <translation>资金方</translation>
    </message>
    <message>
      <source>Lenders (separated by ;)</source>
      <translation>资金方（以 ; 分隔）</translation>
    </message>
    <message>
      <source>Lists</source>
      <translation>列表</translation>
    </message>
    <message>
      <source>Longest term (months)</source>
      <translation>最长期限（月）</translation>
    </message>
    <message>
      <source>May be financed</source>
      <translation>可纳入贷款</translation>
    </message>
    <message>
      <source>Monthly fee (% of the loan)</source>
      <translation>月服务费率（占贷款额 %）</translation>
    </message>
    <message>
      <source>Monthly fee for the grade (%)</source>
      <translation>该评级月服务费率（%）</translation>
    </message>
    <message>
      <source>Monthly fee from (%)</source>
      <translation>月服务费率下限（%）</translation>
    </message>
    <message>
      <source>Monthly fee up to (%)</source>
      <translation>月服务费率上限（%）</translation>
    </message>
    <message>
      <source>Name (Chinese)</source>
      <translation>名称（中文）</translation>
    </message>
    <message>
      <source>Name (English)</source>
      <translation>名称（英文）</translation>
    </message>
    <message>
      <source>New or used (separated by ;)</source>
      <translation>新车或二手车（以 ; 分隔）</translation>
    </message>
    <message>
      <source>Oldest vehicle (years)</source>
      <translation>最高车龄（年）</translation>
    </message>
    <message>
      <source>One row per product and risk grade: the product's code, the grade and the annual rate every customer of that grade gets.</source>
      <translation>每个产品的每个风险评级一行：产品代码、评级，以及该评级所有客户适用的年利率。</translation>
    </message>
    <message>
      <source>Online small loan</source>
      <translation>网络小额贷款</translation>
    </message>
    <message>
      <source>Overdue penalty (% a day)</source>
      <translation>逾期罚息（每日 %）</translation>
    </message>
    <message>
      <source>Overdue penalty from (% a day)</source>
      <translation>逾期罚息下限（每日 %）</translation>
    </message>
    <message>
      <source>Overdue penalty up to (% a day)</source>
      <translation>逾期罚息上限（每日 %）</translation>
    </message>
    <message>
      <source>Payout account rules</source>
      <translation>放款账户规则</translation>
    </message>
    <message>
      <source>Price (CNY) or percentage</source>
      <translation>价格（元）或比例（%）</translation>
    </message>
    <message>
      <source>Price rule</source>
      <translation>定价方式</translation>
    </message>
    <message>
      <source>Product code</source>
      <translation>产品代码</translation>
    </message>
    <message>
      <source>Promotion periods</source>
      <translation>优惠期数</translation>
    </message>
    <message>
      <source>Promotion rate discount (%)</source>
      <translation>优惠利率折扣（%）</translation>
    </message>
    <message>
      <source>Rate sheet</source>
      <translation>利率表</translation>
    </message>
    <message>
      <source>Rates by grade</source>
      <translation>分级利率</translation>
    </message>
    <message>
      <source>Repayment methods</source>
      <translation>还款方式</translation>
    </message>
    <message>
      <source>Required by lenders (separated by ;)</source>
      <translation>要求购买的资金方（以 ; 分隔）</translation>
    </message>
    <message>
      <source>Requires full insurance</source>
      <translation>要求全险</translation>
    </message>
    <message>
      <source>Service phone</source>
      <translation>客服电话</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Several methods or terms in one cell are separated by commas (12, 24, 36); several lenders by semicolons.</source>
      <translation>一个单元格中的多个还款方式或期限用逗号分隔（12, 24, 36）；多个资金方用分号分隔。</translation>
    </message>
    <message>
      <source>Shortest term (months)</source>
      <translation>最短期限（月）</translation>
    </message>
    <message>
      <source>Step-up: every (months)</source>
      <translation>递增还款：间隔（月）</translation>
    </message>
    <message>
      <source>Step-up: rise (%)</source>
      <translation>递增还款：每次增幅（%）</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>Store settings</source>
      <translation>门店设置</translation>
    </message>
    <message>
      <source>Strictness</source>
      <translation>审批严格程度</translation>
    </message>
    <message>
      <source>Subsidy paid by (Chinese)</source>
      <translation>贴息方（中文）</translation>
    </message>
    <message>
      <source>Subsidy paid by (English)</source>
      <translation>贴息方（英文）</translation>
    </message>
    <message>
      <source>Subsidy: the lender's rate (%)</source>
      <translation>贴息：资金方实收利率（%）</translation>
    </message>
    <message>
      <source>Terms offered (months)</source>
      <translation>可选期限（月）</translation>
    </message>
    <message>
      <source>The file</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>This workbook holds the catalogue only; the store settings travel in the .json export.</source>
      <translation>本工作簿只包含产品目录；门店设置请使用 .json 导出文件。</translation>
    </message>
    <message>
      <source>Up-front fee (% of the loan)</source>
      <translation>前期手续费（占贷款额 %）</translation>
    </message>
    <message>
      <source>Up-front fee (CNY)</source>
      <translation>前期手续费（元）</translation>
    </message>
    <message>
      <source>row {row}</source>
      <translation>第 {row} 行</translation>
    </message>
    <message>
      <source>{n} problems, nothing was changed: {problems}</source>
      <translation>共 {n} 处问题，未做任何更改：{problems}</translation>
    </message>
    <message>
      <source>{problem} Nothing was changed.</source>
      <translation>{problem}未做任何更改。</translation>
    </message>
    <message>
      <source>{where}: {text}</source>
      <translation>{where}：{text}</translation>
    </message>
  </context>
  <context>
    <name>Reason</name>
    <message>
      <source>'{column}' is not a column of this sheet.</source>
      <translation>“{column}”不是此工作表的列。</translation>
    </message>
    <message>
      <source>'{given}' is not a known field.</source>
      <translation>“{given}”不是已知字段。</translation>
    </message>
    <message>
      <source>'{given}' is not a setting LoanDesk knows.</source>
      <translation>“{given}”不是车贷助手的设置项。</translation>
    </message>
    <message>
      <source>'{part}' is missing.</source>
      <translation>缺少“{part}”。</translation>
    </message>
    <message>
      <source>'{value}' is not a number.</source>
      <translation>“{value}”不是数字。</translation>
    </message>
    <message>
      <source>'{value}' is not a whole number.</source>
      <translation>“{value}”不是整数。</translation>
    </message>
    <message>
      <source>'{value}' is not one of: {choices}.</source>
      <translation>“{value}”不在可选项中：{choices}。</translation>
    </message>
    <message>
      <source>'{value}' is not readable here (JSON).</source>
      <translation>此处无法读取“{value}”（JSON）。</translation>
    </message>
    <message>
      <source>A customer with this ID number already exists (customer {other}).</source>
      <translation>已有使用该身份证号的客户（客户 {other}）。</translation>
    </message>
    <message>
      <source>A delivered consultation cannot be marked lost.</source>
      <translation>已交车的咨询不能标记为流失。</translation>
    </message>
    <message>
      <source>A finance plan cannot be offered while the blacklist hit is open.</source>
      <translation>黑名单命中尚未处理，不能提供金融方案。</translation>
    </message>
    <message>
      <source>A lender needs a name of at most {n} characters.</source>
      <translation>资金方须有名称，最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>A name has at most 100 characters.</source>
      <translation>姓名最多 100 个字符。</translation>
    </message>
    <message>
      <source>A password cannot be only spaces.</source>
      <translation>密码不能全是空格。</translation>
    </message>
    <message>
      <source>A password needs at least {n} characters.</source>
      <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>A product of another kind already has this code.</source>
      <translation>已有其他类型的产品使用此代码。</translation>
    </message>
    <message>
      <source>Another store of the group already has this name.</source>
      <translation>集团内已有门店使用此名称。</translation>
    </message>
    <message>
      <source>At most {max} characters.</source>
      <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
      <source>At most {max} subsidy lines.</source>
      <translation>补贴项目最多 {max} 项。</translation>
    </message>
    <message>
      <source>At most {n} characters.</source>
      <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>At most {n} rows.</source>
      <translation>最多 {n} 行。</translation>
    </message>
    <message>
      <source>Bought elsewhere</source>
      <translation>已在别处购买</translation>
    </message>
    <message>
      <source>Choose VIP, regular or potential.</source>
      <translation>请选择 VIP、普通或潜在客户。</translation>
    </message>
    <message>
      <source>Choose a .csv or .xlsx file.</source>
      <translation>请选择 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
      <source>Choose a day from today on.</source>
      <translation>请选择今天或以后的日期。</translation>
    </message>
    <message>
      <source>Choose a source channel from the list.</source>
      <translation>请从列表中选择客户来源渠道。</translation>
    </message>
    <message>
      <source>Choose an active product from the catalogue.</source>
      <translation>请从产品目录中选择一个在售产品。</translation>
    </message>
    <message>
      <source>Choose one of the listed options.</source>
      <translation>请从列出的选项中选择一项。</translation>
    </message>
    <message>
      <source>Choose the lender's decision.</source>
      <translation>请选择资方的审批结果。</translation>
    </message>
    <message>
      <source>Choose the plan that was submitted to the lender first.</source>
      <translation>请先选定提交给资方的方案。</translation>
    </message>
    <message>
      <source>Choose the plan the customer signs first.</source>
      <translation>请先选定客户签约的方案。</translation>
    </message>
    <message>
      <source>Choose why the lender declined.</source>
      <translation>请选择资方拒绝的原因。</translation>
    </message>
    <message>
      <source>Complete the qualification step first.</source>
      <translation>请先完成资质审核步骤。</translation>
    </message>
    <message>
      <source>Complete the signing checklist first.</source>
      <translation>请先完成签约清单。</translation>
    </message>
    <message>
      <source>Complete the vehicle appraisal first.</source>
      <translation>请先完成车辆评估。</translation>
    </message>
    <message>
      <source>Credit history</source>
      <translation>征信记录</translation>
    </message>
    <message>
      <source>Documents missing or inconsistent</source>
      <translation>资料缺失或不一致</translation>
    </message>
    <message>
      <source>Enter a date as YYYY-MM-DD.</source>
      <translation>请按“年-月-日”输入日期，如 2024-03-01。</translation>
    </message>
    <message>
      <source>Enter a whole number.</source>
      <translation>请输入整数。</translation>
    </message>
    <message>
      <source>Enter text here, not '{value}'.</source>
      <translation>此处请填写文字，而不是“{value}”。</translation>
    </message>
    <message>
      <source>Enter the amount in yuan, e.g. 150000, 150,000 or 15万, with at most two decimals.</source>
      <translation>请输入以元为单位的金额，例如 150000、150,000 或 15万，最多两位小数。</translation>
    </message>
    <message>
      <source>Enter the customer's name.</source>
      <translation>请输入客户姓名。</translation>
    </message>
    <message>
      <source>Enter the utilisation in percent (0-1000).</source>
      <translation>请输入信用卡使用率百分比（0-1000）。</translation>
    </message>
    <message>
      <source>Enter the vehicle price (or save it in the appraisal step).</source>
      <translation>请输入车辆售价（或在车辆评估步骤中保存）。</translation>
    </message>
    <message>
      <source>Enter yes or no (TRUE / FALSE, 是 / 否), not '{value}'.</source>
      <translation>请填写是或否（TRUE / FALSE、是 / 否），而不是“{value}”。</translation>
    </message>
    <message>
      <source>Give the subsidy line a name.</source>
      <translation>请填写补贴项目名称。</translation>
    </message>
    <message>
      <source>Income or debt too high</source>
      <translation>收入不足或负债过高</translation>
    </message>
    <message>
      <source>Keep the outcome under 500 characters.</source>
      <translation>跟进结果请控制在 500 字以内。</translation>
    </message>
    <message>
      <source>Lender policy (region, age, profession)</source>
      <translation>资方政策（地区、年龄、职业）</translation>
    </message>
    <message>
      <source>Line {line}: '{value}' is not a date (write it like 2026-11-30).</source>
      <translation>第 {line} 行：“{value}”不是日期（格式如 2026-11-30）。</translation>
    </message>
    <message>
      <source>Line {line}: no as-of date; the file has no date column, so give the date with --as-of.</source>
      <translation>第 {line} 行：没有数据日期；文件没有日期列，请用 --as-of 指定日期。</translation>
    </message>
    <message>
      <source>Line {line}: the loan is overdue but the file gives no overdue days.</source>
      <translation>第 {line} 行：贷款已逾期，但文件未给出逾期天数。</translation>
    </message>
    <message>
      <source>Line {line}: the loan {reference} is on line {first} already for the same date.</source>
      <translation>第 {line} 行：贷款 {reference} 在第 {first} 行已有同一日期的记录。</translation>
    </message>
    <message>
      <source>Line {line}: the overdue days '{value}' are not a whole number.</source>
      <translation>第 {line} 行：逾期天数“{value}”不是整数。</translation>
    </message>
    <message>
      <source>Line {line}: the reference is empty.</source>
      <translation>第 {line} 行：编号为空。</translation>
    </message>
    <message>
      <source>Line {line}: the status '{value}' is not one the {lender} mapping knows ({known}).</source>
      <translation>第 {line} 行：状态“{value}”不在 {lender} 列映射中（可用：{known}）。</translation>
    </message>
    <message>
      <source>Neither an ID number nor a mobile number.</source>
      <translation>既没有身份证号也没有手机号。</translation>
    </message>
    <message>
      <source>No longer interested</source>
      <translation>不再感兴趣</translation>
    </message>
    <message>
      <source>No override of the vehicle value is waiting for approval.</source>
      <translation>没有等待审批的评估价调整。</translation>
    </message>
    <message>
      <source>Only approval, disbursement and delivery are recorded here.</source>
      <translation>这里只登记审批通过、放款和交车。</translation>
    </message>
    <message>
      <source>Only signing, disbursement and delivery can be undone.</source>
      <translation>只能撤销签约、放款和交车。</translation>
    </message>
    <message>
      <source>Other reason</source>
      <translation>其他原因</translation>
    </message>
    <message>
      <source>Price or monthly payment too high</source>
      <translation>价格或月供过高</translation>
    </message>
    <message>
      <source>Record the customer's consent to personal-information processing before storing the ID number.</source>
      <translation>保存身份证号之前，请先记录客户对个人信息处理的同意。</translation>
    </message>
    <message>
      <source>Refused by us (eligibility)</source>
      <translation>我方拒绝（不符合条件）</translation>
    </message>
    <message>
      <source>Refused by us (suspected fraud)</source>
      <translation>我方拒绝（疑似欺诈）</translation>
    </message>
    <message>
      <source>Rejected by the lender</source>
      <translation>被贷款机构拒绝</translation>
    </message>
    <message>
      <source>Row {row} of the sheet '{sheet}' holds a control character a workbook cannot keep; export as .json, or correct the name.</source>
      <translation>工作表“{sheet}”第 {row} 行含有工作簿无法保存的控制字符；请导出为 .json，或修改该名称。</translation>
    </message>
    <message>
      <source>Say in a few words why the customer was lost.</source>
      <translation>请简要说明客户流失的原因。</translation>
    </message>
    <message>
      <source>Say what the consent is for.</source>
      <translation>请说明同意的用途。</translation>
    </message>
    <message>
      <source>Say what the follow-up is for.</source>
      <translation>请说明跟进的内容。</translation>
    </message>
    <message>
      <source>Say why the entry is lifted.</source>
      <translation>请说明解除原因。</translation>
    </message>
    <message>
      <source>Say why this is undone (at least 5 characters).</source>
      <translation>请说明撤销原因（至少 5 个字）。</translation>
    </message>
    <message>
      <source>Someone else saved this record a moment ago. Reload it to see their changes; what you typed is still in the form.</source>
      <translation>刚刚有其他人保存了这条记录。请重新载入查看对方的修改；您填写的内容仍保留在表单中。</translation>
    </message>
    <message>
      <source>Store the customer's ID number (with consent) before the qualification.</source>
      <translation>资质评估前，请先（在客户同意后）保存客户的身份证号。</translation>
    </message>
    <message>
      <source>The amount cannot be negative.</source>
      <translation>金额不能为负数。</translation>
    </message>
    <message>
      <source>The appraiser's value of {value} ({percent}% from the computed {computed}) awaits a manager's approval: no finance plan can be chosen until a manager approves or refuses it.</source>
      <translation>评估师调整后的评估价 {value}（较计算评估价 {computed} 相差 {percent}%）等待经理审批：经理批准或驳回前不能选择金融方案。</translation>
    </message>
    <message>
      <source>The balloon must be at least 0% and below 100% of the loan.</source>
      <translation>尾款必须不低于贷款金额的 0%，且低于 100%。</translation>
    </message>
    <message>
      <source>The cell holds more than {n} characters.</source>
      <translation>单元格内容超过 {n} 个字符。</translation>
    </message>
    <message>
      <source>The column '{column}' appears twice.</source>
      <translation>“{column}”列出现了两次。</translation>
    </message>
    <message>
      <source>The column '{column}' is missing.</source>
      <translation>缺少“{column}”列。</translation>
    </message>
    <message>
      <source>The column mapping {name} cannot be used: {why}.</source>
      <translation>列映射 {name} 无法使用：{why}。</translation>
    </message>
    <message>
      <source>The consultation is already marked lost.</source>
      <translation>该咨询已经标记为流失。</translation>
    </message>
    <message>
      <source>The consultation is marked lost; reopen it first.</source>
      <translation>该咨询已标记为流失，请先重新打开。</translation>
    </message>
    <message>
      <source>The contract is already signed.</source>
      <translation>合同已经签署。</translation>
    </message>
    <message>
      <source>The contract is already signed; undo the signing first.</source>
      <translation>合同已签署，请先撤销签约。</translation>
    </message>
    <message>
      <source>The customer does not meet the basic requirements yet.</source>
      <translation>客户尚未满足基本条件。</translation>
    </message>
    <message>
      <source>The customer has no ID number or mobile on file to put on the blacklist.</source>
      <translation>该客户没有登记身份证号或手机号，无法加入黑名单。</translation>
    </message>
    <message>
      <source>The database cannot be reached right now, so nothing was saved. Try again when it is back.</source>
      <translation>暂时无法连接数据库，本次未保存任何内容。请在数据库恢复后重试。</translation>
    </message>
    <message>
      <source>The database {server} holds other data, not LoanDesk's. Nothing was changed; check the database name.</source>
      <translation>数据库 {server} 中是其他数据，不是车贷助手的数据。未做任何更改；请检查数据库名。</translation>
    </message>
    <message>
      <source>The date cannot be before the customer's first contact ({day}).</source>
      <translation>日期不能早于客户首次接触的日期（{day}）。</translation>
    </message>
    <message>
      <source>The date cannot be in the future.</source>
      <translation>日期不能晚于今天。</translation>
    </message>
    <message>
      <source>The displacement must be between 0.1 and 10 litres.</source>
      <translation>排量必须在 0.1 到 10 升之间。</translation>
    </message>
    <message>
      <source>The down payment cannot be more than the budget.</source>
      <translation>首付不能高于预算。</translation>
    </message>
    <message>
      <source>The file cannot be read: {why}.</source>
      <translation>无法读取文件：{why}。</translation>
    </message>
    <message>
      <source>The file is empty.</source>
      <translation>文件为空。</translation>
    </message>
    <message>
      <source>The file is not UTF-8 or GB18030 text.</source>
      <translation>文件不是 UTF-8 或 GB18030 编码的文本。</translation>
    </message>
    <message>
      <source>The file is not an Excel workbook (.xlsx).</source>
      <translation>文件不是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
      <source>The file is not readable JSON: {why}</source>
      <translation>文件不是可读取的 JSON：{why}</translation>
    </message>
    <message>
      <source>The file name must end in .json or .xlsx.</source>
      <translation>文件名须以 .json 或 .xlsx 结尾。</translation>
    </message>
    <message>
      <source>The file was made by a newer LoanDesk; update LoanDesk first.</source>
      <translation>该文件由更新版本的车贷助手生成；请先升级车贷助手。</translation>
    </message>
    <message>
      <source>The file {name} cannot be read: {why}.</source>
      <translation>无法读取文件 {name}：{why}。</translation>
    </message>
    <message>
      <source>The file's format version '{version}' is not one LoanDesk knows.</source>
      <translation>文件的格式版本“{version}”无法识别。</translation>
    </message>
    <message>
      <source>The first row must name an id_number (身份证号) and/or a phone (手机号) column.</source>
      <translation>第一行必须包含 id_number（身份证号）和/或 phone（手机号）列。</translation>
    </message>
    <message>
      <source>The key '{given}' appears twice in one object.</source>
      <translation>同一对象中键“{given}”出现了两次。</translation>
    </message>
    <message>
      <source>The key could not be saved on this computer: {why}</source>
      <translation>无法在本机保存密钥：{why}</translation>
    </message>
    <message>
      <source>The lender '{given}' is listed twice.</source>
      <translation>资金方“{given}”列了两次。</translation>
    </message>
    <message>
      <source>The lender '{given}' is not on the lenders list.</source>
      <translation>资金方“{given}”不在资金方列表中。</translation>
    </message>
    <message>
      <source>The number cannot be negative.</source>
      <translation>数字不能为负数。</translation>
    </message>
    <message>
      <source>The number of seats must be between 1 and 60.</source>
      <translation>座位数必须在 1 到 60 之间。</translation>
    </message>
    <message>
      <source>The product '{given}' is under {kind} in this store; it cannot move to another kind.</source>
      <translation>产品“{given}”在本店属于{kind}，不能改为其他类别。</translation>
    </message>
    <message>
      <source>The same ID number was used on an application at {store} on {date} (within the last {days} days). Check that this is not a duplicate application.</source>
      <translation>相同的身份证号于 {date} 在{store}用于一笔申请（最近 {days} 天内）。请核实这不是重复申请。</translation>
    </message>
    <message>
      <source>The same ID number was used on another application in the last {days} days (consultation {other}). Check that this is not a duplicate application.</source>
      <translation>相同的身份证号在最近 {days} 天内已用于另一笔申请（咨询 {other}）。请核实这不是重复申请。</translation>
    </message>
    <message>
      <source>The same mobile number was used on an application at {store} on {date} (within the last {days} days). Check that this is not a duplicate application.</source>
      <translation>相同的手机号于 {date} 在{store}用于一笔申请（最近 {days} 天内）。请核实这不是重复申请。</translation>
    </message>
    <message>
      <source>The same mobile number was used on another application in the last {days} days (consultation {other}). Check that this is not a duplicate application.</source>
      <translation>相同的手机号在最近 {days} 天内已用于另一笔申请（咨询 {other}）。请核实这不是重复申请。</translation>
    </message>
    <message>
      <source>The server asks for the password. It is not saved on this computer: enter it and connect.</source>
      <translation>服务器需要密码。密码不会保存在本机：请输入密码后连接。</translation>
    </message>
    <message>
      <source>The server cannot be used: {detail}</source>
      <translation>无法使用该服务器：{detail}</translation>
    </message>
    <message>
      <source>The server does not let this computer or this user in. Ask your IT person to allow it (pg_hba.conf on the server).</source>
      <translation>服务器不允许本机或该用户连接。请联系 IT 人员开通（服务器上的 pg_hba.conf）。</translation>
    </message>
    <message>
      <source>The server refused the user name or password. Check them with your IT person.</source>
      <translation>服务器拒绝了该用户名或密码。请与 IT 人员核对。</translation>
    </message>
    <message>
      <source>The server {server} does not answer. Check the address and port, that the server is running and that this computer is on the dealership's network.</source>
      <translation>服务器 {server} 没有响应。请检查地址和端口、服务器是否已启动，以及本机是否连在门店网络上。</translation>
    </message>
    <message>
      <source>The server's database was written by a newer LoanDesk. Install the newer LoanDesk on this counter.</source>
      <translation>服务器上的数据库由更新版本的车贷助手写入。请在本柜台安装新版本的车贷助手。</translation>
    </message>
    <message>
      <source>The sheet '{sheet}' is missing.</source>
      <translation>缺少工作表“{sheet}”。</translation>
    </message>
    <message>
      <source>The signed plan cannot be deleted.</source>
      <translation>已签约的方案不能删除。</translation>
    </message>
    <message>
      <source>The target monthly payment must be greater than zero.</source>
      <translation>目标月供必须大于零。</translation>
    </message>
    <message>
      <source>The value cannot be read as this setting.</source>
      <translation>该值无法作为此设置读取。</translation>
    </message>
    <message>
      <source>The vehicle cannot be financed: {why}.</source>
      <translation>该车辆无法办理贷款：{why}。</translation>
    </message>
    <message>
      <source>The workbook unpacks to more than {mb} MB; it is not a catalogue.</source>
      <translation>该工作簿解压后超过 {mb} MB，不是产品目录。</translation>
    </message>
    <message>
      <source>There is no column mapping called '{key}'; known: {known}.</source>
      <translation>没有名为“{key}”的列映射；可用：{known}。</translation>
    </message>
    <message>
      <source>There is no database {server}. Check the database name.</source>
      <translation>没有数据库 {server}。请检查数据库名。</translation>
    </message>
    <message>
      <source>There is no product '{given}' on the product sheets.</source>
      <translation>产品工作表中没有产品“{given}”。</translation>
    </message>
    <message>
      <source>These active products have no other lender: {products}. Give them another lender or deactivate them first.</source>
      <translation>以下在售产品没有其他资金方：{products}。请先为它们添加其他资金方，或先停用这些产品。</translation>
    </message>
    <message>
      <source>This cannot be left empty.</source>
      <translation>此项不能为空。</translation>
    </message>
    <message>
      <source>This column takes {kind}.</source>
      <translation>此列只接受 {kind}。</translation>
    </message>
    <message>
      <source>This consultation was changed at another counter at {when}. Reload it to see the changes; what you typed is still in the form.</source>
      <translation>这笔咨询已于 {when} 在另一台柜台电脑上被修改。请重新载入查看修改内容；您填写的内容仍保留在表单中。</translation>
    </message>
    <message>
      <source>This consultation was changed by {who} at {when}. Reload it to see their changes; what you typed is still in the form.</source>
      <translation>这笔咨询已被 {who} 于 {when} 修改。请重新载入查看对方的修改；您填写的内容仍保留在表单中。</translation>
    </message>
    <message>
      <source>This counter does not have the dealer group's encryption key yet. Import the key file the owner exported ({program} key export on the first counter).</source>
      <translation>本柜台还没有集团的加密密钥。请导入店主导出的密钥文件（在第一台柜台上运行 {program} key export）。</translation>
    </message>
    <message>
      <source>This customer matches an entry on the {source} blacklist ({reason}) added at {store} on {date}. The consultation cannot go on to a finance plan; please refer to the manager.</source>
      <translation>该客户与{source}黑名单中的一条记录匹配（{reason}），该记录由{store}于 {date} 添加。本次咨询不能进入金融方案，请提交经理处理。</translation>
    </message>
    <message>
      <source>This customer matches an entry on the {source} blacklist ({reason}). The consultation cannot go on to a finance plan; please refer to the manager.</source>
      <translation>该客户与{source}黑名单中的一条记录匹配（{reason}）。本次咨询不能进入金融方案，请提交经理处理。</translation>
    </message>
    <message>
      <source>This customer's details were changed at another counter at {when}. Reload them to see the changes; what you typed is still in the form.</source>
      <translation>该客户资料已于 {when} 在另一台柜台电脑上被修改。请重新载入查看修改内容；您填写的内容仍保留在表单中。</translation>
    </message>
    <message>
      <source>This customer's details were changed by {who} at {when}. Reload them to see their changes; what you typed is still in the form.</source>
      <translation>该客户资料已被 {who} 于 {when} 修改。请重新载入查看对方的修改；您填写的内容仍保留在表单中。</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>此项为必填项。</translation>
    </message>
    <message>
      <source>This file was made by a newer LoanDesk (format {version}); update LoanDesk first.</source>
      <translation>此文件由更新版本的车贷助手生成（格式 {version}），请先升级车贷助手。</translation>
    </message>
    <message>
      <source>This follow-up is already done.</source>
      <translation>该回访已经完成。</translation>
    </message>
    <message>
      <source>This is not a LoanDesk catalogue file.</source>
      <translation>这不是车贷助手的产品目录文件。</translation>
    </message>
    <message>
      <source>This is not a database address LoanDesk can use.</source>
      <translation>这不是车贷助手可以使用的数据库地址。</translation>
    </message>
    <message>
      <source>This is not a valid ID number.</source>
      <translation>这不是有效的身份证号。</translation>
    </message>
    <message>
      <source>This is not a valid VIN.</source>
      <translation>这不是有效的车架号（VIN）。</translation>
    </message>
    <message>
      <source>This is not a valid mobile number.</source>
      <translation>这不是有效的手机号。</translation>
    </message>
    <message>
      <source>This key belongs to another database, not to the server's. Nothing was changed; ask the owner for the right key file.</source>
      <translation>该密钥属于另一个数据库，不是服务器上的数据库。未做任何更改；请向店主索取正确的密钥文件。</translation>
    </message>
    <message>
      <source>This must be a list.</source>
      <translation>此处须为列表。</translation>
    </message>
    <message>
      <source>This password is one of the most common passwords and is guessed first; choose another.</source>
      <translation>此密码属于最常见的密码，最先被人猜中；请换一个。</translation>
    </message>
    <message>
      <source>This plan cannot be priced.</source>
      <translation>该方案无法报价。</translation>
    </message>
    <message>
      <source>This plan's documents were printed for the customer, so the plan is kept.</source>
      <translation>该方案的文件已打印交给客户，因此方案予以保留。</translation>
    </message>
    <message>
      <source>This product cannot be read; it can only be deactivated.</source>
      <translation>无法读取此产品，只能停用。</translation>
    </message>
    <message>
      <source>This product has no rate for the customer's grade, so no down payment can be worked out for the target.</source>
      <translation>该产品对客户的评级没有利率，无法按目标月供测算首付。</translation>
    </message>
    <message>
      <source>This step was not recorded, so there is nothing to undo.</source>
      <translation>这一步尚未登记，无需撤销。</translation>
    </message>
    <message>
      <source>Tick this item before the contract is marked signed.</source>
      <translation>标记已签约前，请先勾选此项。</translation>
    </message>
    <message>
      <source>Undo the later step first ({later}).</source>
      <translation>请先撤销后面的步骤（{later}）。</translation>
    </message>
    <message>
      <source>Unknown checklist item.</source>
      <translation>未知的清单项目。</translation>
    </message>
    <message>
      <source>Use both letters and digits in the password.</source>
      <translation>密码中须同时包含字母和数字。</translation>
    </message>
    <message>
      <source>Vehicle not accepted</source>
      <translation>车辆不符合要求</translation>
    </message>
    <message>
      <source>Wrong passphrase, or the file is damaged. Nothing was changed.</source>
      <translation>口令错误，或文件已损坏。未做任何更改。</translation>
    </message>
    <message>
      <source>You entered this override yourself: another manager has to approve or refuse it.</source>
      <translation>此调整由您本人录入，须由另一位经理批准或驳回。</translation>
    </message>
    <message>
      <source>no plan with this reference in this store</source>
      <translation>本店没有此编号的方案</translation>
    </message>
    <message>
      <source>not a LoanDesk plan reference (like P-000123-45)</source>
      <translation>不是车贷助手的方案编号（如 P-000123-45）</translation>
    </message>
    <message>
      <source>the loan is with {lender}, not a lender of this mapping</source>
      <translation>该贷款属于 {lender}，不是此列映射对应的贷款机构</translation>
    </message>
    <message>
      <source>the plan is not the signed plan of a signed consultation</source>
      <translation>该方案不是已签约咨询的签约方案</translation>
    </message>
    <message>
      <source>{add_on} may not be financed: it is paid apart from the loan.</source>
      <translation>{add_on}不可纳入贷款：需在贷款之外另行支付。</translation>
    </message>
    <message>
      <source>{lender} requires {add_on} with every loan: keep it in the plan.</source>
      <translation>{lender}要求每笔贷款都必须包含{add_on}：请保留在方案中。</translation>
    </message>
    <message>
      <source>{name} has neither a status column nor an overdue-days column (the {lender} mapping looks for: {headings}).</source>
      <translation>{name} 既没有状态列，也没有逾期天数列（{lender} 列映射查找：{headings}）。</translation>
    </message>
    <message>
      <source>{name} has no column for {field} (the {lender} mapping looks for: {headings}).</source>
      <translation>{name} 缺少 {field} 列（{lender} 列映射查找：{headings}）。</translation>
    </message>
    <message>
      <source>{name} has no heading row.</source>
      <translation>{name} 没有标题行。</translation>
    </message>
    <message>
      <source>{name} holds no rows under its headings.</source>
      <translation>{name} 的标题行下没有数据。</translation>
    </message>
    <message>
      <source>{name} is neither a CSV file nor an Excel workbook (.csv, .xlsx).</source>
      <translation>{name} 不是 CSV 文件或 Excel 工作簿（.csv、.xlsx）。</translation>
    </message>
    <message>
      <source>{name} is not UTF-8 or GB18030 text.</source>
      <translation>{name} 不是 UTF-8 或 GB18030 编码的文本。</translation>
    </message>
    <message>
      <source>{path} exists and is not a catalogue export; choose another file name.</source>
      <translation>{path} 已存在且不是产品目录导出文件，请换一个文件名。</translation>
    </message>
    <message>
      <source>{text}</source>
      <translation>{text}</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>, {n} settings</source>
      <translation>、{n} 项设置</translation>
    </message>
    <message>
      <source>--role must be one of {roles}, got '{value}'.</source>
      <translation>--role 必须是 {roles} 之一，收到的是“{value}”。</translation>
    </message>
    <message>
      <source>--store needs the name of the store to create.</source>
      <translation>--store 需要填写要创建的门店名称。</translation>
    </message>
    <message>
      <source>--username needs a user name.</source>
      <translation>--username 需要填写用户名。</translation>
    </message>
    <message>
      <source>A different key is already installed at {path}; nothing was changed. Add --replace to replace it (the old key is kept beside it).</source>
      <translation>{path} 已安装了另一把密钥；未做任何更改。如需替换请加 --replace（旧密钥会保留在同一文件夹）。</translation>
    </message>
    <message>
      <source>A store named '{name}' already exists.</source>
      <translation>已有名为“{name}”的门店。</translation>
    </message>
    <message>
      <source>A user name has at most 64 characters and no spaces.</source>
      <translation>用户名最多 64 个字符，且不能包含空格。</translation>
    </message>
    <message>
      <source>Add-ons: {counts}.</source>
      <translation>附加项目：{counts}。</translation>
    </message>
    <message>
      <source>Added store {id}: {name}</source>
      <translation>已添加门店 {id}：{name}</translation>
    </message>
    <message>
      <source>Added {role} {name} to store {store}.</source>
      <translation>已将{role} {name} 添加到门店 {store}。</translation>
    </message>
    <message>
      <source>An in-memory database cannot be backed up or restored.</source>
      <translation>内存数据库无法备份或恢复。</translation>
    </message>
    <message>
      <source>Backup written to {path} ({size} MB, schema {revision}); verified.</source>
      <translation>备份已写入 {path}（{size} MB，数据结构版本 {revision}），校验通过。</translation>
    </message>
    <message>
      <source>Carry the file and, separately, the passphrase to each counter and run there: {program} key import --from FILE --user NAME</source>
      <translation>请将该文件和口令分开带到每台柜台电脑，并在那里运行：{program} key import --from 文件 --user 用户名</translation>
    </message>
    <message>
      <source>Catalogue written to {path}: {lenders} lenders, {products} products, {add_ons} add-ons</source>
      <translation>产品目录已写入 {path}：{lenders} 家资金方、{products} 个产品、{add_ons} 个附加项目</translation>
    </message>
    <message>
      <source>Created store {store} with its owner {name}; from now on log in with --user {name}.</source>
      <translation>已创建门店 {store} 及其店主 {name}；今后请用 --user {name} 登录。</translation>
    </message>
    <message>
      <source>Demo staff accounts {names} use the password {password}.</source>
      <translation>演示员工账号 {names} 的密码均为 {password}。</translation>
    </message>
    <message>
      <source>Imported {file}.</source>
      <translation>已导入 {file}。</translation>
    </message>
    <message>
      <source>It matches the database {db}.</source>
      <translation>与数据库 {db} 匹配。</translation>
    </message>
    <message>
      <source>Keep a copy of the key file {key} with your backups: without it the customers' protected data cannot be read ({program} key export --out FILE writes a passphrase-protected copy).</source>
      <translation>请将密钥文件 {key} 与备份一起妥善保存：没有它就无法读取客户的受保护数据（{program} key export --out 文件 可生成一份由口令保护的副本）。</translation>
    </message>
    <message>
      <source>Key exported to {path} (fingerprint {fingerprint}).</source>
      <translation>密钥已导出到 {path}（指纹 {fingerprint}）。</translation>
    </message>
    <message>
      <source>Key file {path}, fingerprint {fingerprint}</source>
      <translation>密钥文件 {path}，指纹 {fingerprint}</translation>
    </message>
    <message>
      <source>Key installed at {path} (fingerprint {fingerprint}).</source>
      <translation>密钥已安装到 {path}（指纹 {fingerprint}）。</translation>
    </message>
    <message>
      <source>Lenders: {counts}.</source>
      <translation>资金方：{counts}。</translation>
    </message>
    <message>
      <source>Loaded {consultations} consultations ({customers} customers, {plans} plans, {follow_ups} follow-ups) in {seconds:.1f} s (seed {seed}).</source>
      <translation>已载入 {consultations} 条咨询（{customers} 位客户、{plans} 个金融方案、{follow_ups} 条回访），用时 {seconds:.1f} 秒（随机种子 {seed}）。</translation>
    </message>
    <message>
      <source>New plans use the imported catalogue; saved plans keep theirs.</source>
      <translation>新方案使用导入的产品目录；已保存的方案保持原样。</translation>
    </message>
    <message>
      <source>No backup was made.</source>
      <translation>未进行备份。</translation>
    </message>
    <message>
      <source>No passphrase given; nothing was written.</source>
      <translation>未输入口令；未写入任何内容。</translation>
    </message>
    <message>
      <source>No password given; nothing was done.</source>
      <translation>未输入密码；未执行任何操作。</translation>
    </message>
    <message>
      <source>No password given; nothing was written.</source>
      <translation>未输入密码；未写入任何内容。</translation>
    </message>
    <message>
      <source>No terminal to ask the passphrase: use --passphrase-file FILE.</source>
      <translation>没有可输入口令的终端：请使用 --passphrase-file 文件。</translation>
    </message>
    <message>
      <source>No terminal to ask the password: use --new-password-file FILE.</source>
      <translation>没有可输入密码的终端：请使用 --new-password-file 文件。</translation>
    </message>
    <message>
      <source>No terminal to ask the password: use --password-file FILE.</source>
      <translation>没有可输入密码的终端：请使用 --password-file 文件。</translation>
    </message>
    <message>
      <source>Nothing was backed up. To go back to an earlier backup, use: {program} restore --from BACKUP_FILE</source>
      <translation>未进行任何备份。如需回到以前的备份，请使用：{program} restore --from 备份文件</translation>
    </message>
    <message>
      <source>Nothing was restored; the current database is unchanged.</source>
      <translation>未恢复任何内容，当前数据库保持不变。</translation>
    </message>
    <message>
      <source>Passphrase: </source>
      <translation>口令：</translation>
    </message>
    <message>
      <source>Password for the new account {name}: </source>
      <translation>新账号 {name} 的密码：</translation>
    </message>
    <message>
      <source>Password for {user}: </source>
      <translation>{user} 的密码：</translation>
    </message>
    <message>
      <source>Products: {counts}.</source>
      <translation>产品：{counts}。</translation>
    </message>
    <message>
      <source>Repeat the new password: </source>
      <translation>再次输入新密码：</translation>
    </message>
    <message>
      <source>Repeat the passphrase: </source>
      <translation>再次输入口令：</translation>
    </message>
    <message>
      <source>Restored {source} into {path} (schema {revision}).</source>
      <translation>已将 {source} 恢复到 {path}（数据结构版本 {revision}）。</translation>
    </message>
    <message>
      <source>Restoring a backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <source>Settings changed: {n}.</source>
      <translation>已修改的设置：{n} 项。</translation>
    </message>
    <message>
      <source>Store {store} does not exist (see: {program} store list).</source>
      <translation>门店 {store} 不存在（见：{program} store list）。</translation>
    </message>
    <message>
      <source>The account was not added: {why}</source>
      <translation>未添加该账号：{why}</translation>
    </message>
    <message>
      <source>The backup could not be copied: {why}.</source>
      <translation>备份无法复制：{why}。</translation>
    </message>
    <message>
      <source>The backup could not be written: {why}.</source>
      <translation>备份无法写入：{why}。</translation>
    </message>
    <message>
      <source>The backup file must not be the database itself.</source>
      <translation>备份文件不能是数据库文件本身。</translation>
    </message>
    <message>
      <source>The backup folder {path} has no free name for a new backup.</source>
      <translation>备份文件夹 {path} 中已没有可用于新备份的文件名。</translation>
    </message>
    <message>
      <source>The backup to restore is the database itself; choose a backup file.</source>
      <translation>要恢复的文件就是数据库本身，请选择一个备份文件。</translation>
    </message>
    <message>
      <source>The backup was restored, but the database could not be opened again: {why} Close LoanDesk and start it again.</source>
      <translation>备份已恢复，但数据库未能重新打开：{why} 请关闭车贷助手后重新启动。</translation>
    </message>
    <message>
      <source>The backup was written but failed verification, so it was discarded: {why}</source>
      <translation>备份已写入但校验未通过，已丢弃：{why}</translation>
    </message>
    <message>
      <source>The encryption key file {path} does not belong to this database: the database was encrypted with a different key, so customer data cannot be read. Import the key file from the first counter: {program} key import --from FILE --replace --user NAME</source>
      <translation>加密密钥文件 {path} 不属于此数据库：此数据库使用了另一个密钥加密，因此无法读取客户数据。请从第一台柜台电脑导入密钥文件：{program} key import --from 文件 --replace --user 用户名</translation>
    </message>
    <message>
      <source>The encryption key file {path} is missing, so protected customer data cannot be read. Import the key file from the first counter ({program} key import --from FILE --user NAME) or restore it from your backup.</source>
      <translation>加密密钥文件 {path} 不存在，因此无法读取受保护的客户数据。请从第一台柜台电脑导入密钥文件（{program} key import --from 文件 --user 用户名），或从备份中恢复。</translation>
    </message>
    <message>
      <source>The file {path} cannot be read ({why}).</source>
      <translation>无法读取文件 {path}（{why}）。</translation>
    </message>
    <message>
      <source>The file {path} does not exist.</source>
      <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
      <source>The first owner of a new database needs --store NAME, the name of the store to create (everyone after that: log in with --user).</source>
      <translation>新数据库的第一位店主需要 --store 名称，即要创建的门店名称（之后的所有人：请用 --user 登录）。</translation>
    </message>
    <message>
      <source>The folder {path} does not exist.</source>
      <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
      <source>The key could not be written to {path}: {why}.</source>
      <translation>无法将密钥写入 {path}：{why}。</translation>
    </message>
    <message>
      <source>The key file {key} does not belong to the database {db}.</source>
      <translation>密钥文件 {key} 与数据库 {db} 不匹配。</translation>
    </message>
    <message>
      <source>The key file {key} does not belong to the database {db}; nothing was exported.</source>
      <translation>密钥文件 {key} 与数据库 {db} 不匹配；未导出任何内容。</translation>
    </message>
    <message>
      <source>The key file {path} cannot be read ({why}).</source>
      <translation>无法读取密钥文件 {path}（{why}）。</translation>
    </message>
    <message>
      <source>The key file {path} is damaged or not a LoanDesk key file.</source>
      <translation>密钥文件 {path} 已损坏，或不是车贷助手密钥文件。</translation>
    </message>
    <message>
      <source>The key file {path} is damaged. Restore the key file from your backup.</source>
      <translation>密钥文件 {path} 已损坏。请从备份中恢复密钥文件。</translation>
    </message>
    <message>
      <source>The key file {path} is not a LoanDesk key file. Restore the key file from your backup.</source>
      <translation>密钥文件 {path} 不是车贷助手的密钥文件。请从备份中恢复密钥文件。</translation>
    </message>
    <message>
      <source>The passphrase needs at least {n} characters.</source>
      <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The previous key was kept as {path}.</source>
      <translation>原密钥已保留为 {path}。</translation>
    </message>
    <message>
      <source>The store's name is not valid: {why}</source>
      <translation>门店名称无效：{why}</translation>
    </message>
    <message>
      <source>The two passphrases differ; nothing was written.</source>
      <translation>两次输入的口令不一致；未写入任何内容。</translation>
    </message>
    <message>
      <source>The two passwords differ; nothing was written.</source>
      <translation>两次输入的密码不一致；未写入任何内容。</translation>
    </message>
    <message>
      <source>The user name {name} is already taken.</source>
      <translation>用户名 {name} 已被使用。</translation>
    </message>
    <message>
      <source>There is no LoanDesk database at {path}.</source>
      <translation>{path} 处没有车贷助手数据库。</translation>
    </message>
    <message>
      <source>There is no database at {path} to back up.</source>
      <translation>{path} 处没有可备份的数据库。</translation>
    </message>
    <message>
      <source>There is no key file at {path} on this counter.</source>
      <translation>本柜台电脑上没有密钥文件 {path}。</translation>
    </message>
    <message>
      <source>This account is disabled. Ask the owner.</source>
      <translation>该账号已停用，请联系店主。</translation>
    </message>
    <message>
      <source>This account is locked after too many wrong passwords. Try again after {time} ({date}), or ask the owner to unlock it.</source>
      <translation>密码错误次数过多，账号已被锁定。请在 {date} {time} 之后重试，或请店主解锁。</translation>
    </message>
    <message>
      <source>This counter already has this key ({path}, fingerprint {fingerprint}).</source>
      <translation>本柜台已有此密钥（{path}，指纹 {fingerprint}）。</translation>
    </message>
    <message>
      <source>This database is on a server (not an SQLite file): back it up with the server's own tools (pg_dump for PostgreSQL); the backup and restore commands only handle SQLite files.</source>
      <translation>该数据库位于服务器上（不是 SQLite 文件）：请使用服务器自带的工具备份（PostgreSQL 使用 pg_dump）；backup 和 restore 命令只处理 SQLite 文件。</translation>
    </message>
    <message>
      <source>This key (fingerprint {fingerprint}) does not belong to the database {db}; nothing was changed.</source>
      <translation>此密钥（指纹 {fingerprint}）与数据库 {db} 不匹配；未做任何更改。</translation>
    </message>
    <message>
      <source>Wrong passphrase for {path}, or the file is damaged; nothing was changed.</source>
      <translation>{path} 的口令错误，或文件已损坏；未做任何更改。</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>Wrong user name or password. {left} attempt(s) left before the account is locked for {minutes} minutes.</source>
      <translation>用户名或密码错误。还可以再试 {left} 次，之后账号将被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
      <source>active</source>
      <translation>在用</translation>
    </message>
    <message>
      <source>demo-data</source>
      <translation>导入演示数据</translation>
    </message>
    <message>
      <source>demo-data: {done} of {total} consultations ({seconds:.0f} s)</source>
      <translation>演示数据：已生成 {done} / {total} 条咨询（{seconds:.0f} 秒）</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>not an ordinary file</source>
      <translation>不是普通文件</translation>
    </message>
    <message>
      <source>not readable</source>
      <translation>无法读取</translation>
    </message>
    <message>
      <source>the database server</source>
      <translation>数据库服务器</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>磁盘已满</translation>
    </message>
    <message>
      <source>too big</source>
      <translation>文件过大</translation>
    </message>
    <message>
      <source>{added} added, {changed} changed, {deactivated} deactivated</source>
      <translation>新增 {added}，修改 {changed}，停用 {deactivated}</translation>
    </message>
    <message>
      <source>{id}	{name}	{staff} staff</source>
      <translation>{id}	{name}	{staff} 名员工</translation>
    </message>
    <message>
      <source>{option} needs a file name.</source>
      <translation>{option} 需要指定文件名。</translation>
    </message>
    <message>
      <source>{path} already exists; choose another file name.</source>
      <translation>{path} 已存在；请换一个文件名。</translation>
    </message>
    <message>
      <source>{path} is a folder; give a file name for the backup.</source>
      <translation>{path} 是文件夹，请为备份指定文件名。</translation>
    </message>
    <message>
      <source>{path} is an SQLite database but not a LoanDesk database.</source>
      <translation>{path} 是 SQLite 数据库，但不是 LoanDesk 数据库。</translation>
    </message>
    <message>
      <source>{path} is damaged: the integrity check failed.</source>
      <translation>{path} 已损坏：完整性检查未通过。</translation>
    </message>
    <message>
      <source>{path} is empty, not a LoanDesk database.</source>
      <translation>{path} 是空文件，不是 LoanDesk 数据库。</translation>
    </message>
    <message>
      <source>{path} is not a LoanDesk database (it is not an SQLite database file).</source>
      <translation>{path} 不是 LoanDesk 数据库（它不是 SQLite 数据库文件）。</translation>
    </message>
    <message>
      <source>{path} is not a LoanDesk database, so restore will not replace it. Give LoanDesk's database with --db, or a file name that does not exist yet.</source>
      <translation>{path} 不是车贷助手数据库，恢复不会覆盖它。请用 --db 指定车贷助手的数据库，或给出一个尚不存在的文件名。</translation>
    </message>
    <message>
      <source>{path} is not a LoanDesk key export file.</source>
      <translation>{path} 不是车贷助手密钥导出文件。</translation>
    </message>
    <message>
      <source>{path} is not one of this database's backups; nothing was restored.</source>
      <translation>{path} 不是该数据库的备份之一；未恢复任何内容。</translation>
    </message>
    <message>
      <source>{path} was encrypted with a different key than this computer's key file, so its customer data could not be read. Put the key file that belongs to the backup in place first.</source>
      <translation>{path} 使用的加密密钥与本机密钥文件不同，其中的客户数据将无法读取。请先放回与该备份配套的密钥文件。</translation>
    </message>
    <message>
      <source>{path} was made by a newer LoanDesk; update LoanDesk on this counter first.</source>
      <translation>{path} 由更新版本的车贷助手生成；请先升级本柜台的车贷助手。</translation>
    </message>
    <message>
      <source>{path} was made by a newer version of LoanDesk (schema {revision}). Install that version to restore it.</source>
      <translation>{path} 由更新版本的 LoanDesk 创建（数据结构版本 {revision}）。请安装该版本后再恢复。</translation>
    </message>
    <message>
      <source>{user} ({role}) may not do this; log in as a member of staff who may.</source>
      <translation>{user}（{role}）无权执行此操作；请以有权限的员工身份登录。</translation>
    </message>
    <message>
      <source>{what} needs a login to the LoanDesk database this key belongs to: give it with --db PATH or --database-url URL.</source>
      <translation>{what} 需要登录到此密钥所属的 LoanDesk 数据库：请用 --db 路径 或 --database-url 地址 指定。</translation>
    </message>
    <message>
      <source>{what} needs a login: add --user NAME (the password is asked, or read with --password-file FILE).</source>
      <translation>{what} 需要登录：请加上 --user 用户名（随后询问密码，或用 --password-file 文件 读取）。</translation>
    </message>
  </context>
  <context>
    <name>database</name>
    <message>
      <source>LoanDesk does not know the database kind {kind}</source>
      <translation>车贷助手不认识数据库类型 {kind}</translation>
    </message>
    <message>
      <source>SQLite reports: {why}</source>
      <translation>SQLite 报告：{why}</translation>
    </message>
    <message>
      <source>The database address is not valid: {why}. Give one like postgresql+psycopg://user@host/dbname, or an SQLite file with --db.</source>
      <translation>数据库地址无效：{why}。请填写形如 postgresql+psycopg://user@host/dbname 的地址，或用 --db 指定 SQLite 文件。</translation>
    </message>
    <message>
      <source>The database file cannot be used: {why}</source>
      <translation>无法使用该数据库文件：{why}</translation>
    </message>
    <message>
      <source>The database file {path} was replaced (restored from a backup, or copied over) while LoanDesk had it open, so nothing more is written into it. Close LoanDesk and start it again.</source>
      <translation>数据库文件 {path} 在车贷助手打开期间被替换（从备份恢复或被复制覆盖），因此不再向其中写入任何内容。请关闭车贷助手后重新启动。</translation>
    </message>
    <message>
      <source>The disk holding {folder} is full, so the database cannot be used now. Free some space and start LoanDesk again; the database was not changed and is not damaged.</source>
      <translation>{folder} 所在的磁盘已满，目前无法使用数据库。请释放一些空间后重新启动车贷助手；数据库未被更改，也没有损坏。</translation>
    </message>
    <message>
      <source>There is no LoanDesk database at {path}.</source>
      <translation>{path} 处没有车贷助手数据库。</translation>
    </message>
    <message>
      <source>Upgrading the database to this LoanDesk version</source>
      <translation>将数据库升级到此版本的车贷助手</translation>
    </message>
    <message>
      <source>it cannot be read as an address</source>
      <translation>无法识别为地址</translation>
    </message>
    <message>
      <source>it cannot be read: {why}</source>
      <translation>无法读取：{why}</translation>
    </message>
    <message>
      <source>it is damaged: {problem}</source>
      <translation>文件已损坏：{problem}</translation>
    </message>
    <message>
      <source>it is damaged: {problem} and {n} more problems</source>
      <translation>文件已损坏：{problem}，另有 {n} 处问题</translation>
    </message>
    <message>
      <source>it is not an SQLite database file</source>
      <translation>它不是 SQLite 数据库文件</translation>
    </message>
    <message>
      <source>it is too long or holds characters no address has</source>
      <translation>地址太长或含有地址中不会出现的字符</translation>
    </message>
    <message>
      <source>it is truncated</source>
      <translation>文件不完整</translation>
    </message>
    <message>
      <source>its header is damaged</source>
      <translation>文件头已损坏</translation>
    </message>
    <message>
      <source>the port must be a number from 1 to 65535</source>
      <translation>端口必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
      <source>{path} is a folder, pipe or device, not a database file; nothing was changed. Choose LoanDesk's database file with --db.</source>
      <translation>{path} 是文件夹、管道或设备，不是数据库文件；未做任何改动。请用 --db 选择车贷助手的数据库文件。</translation>
    </message>
    <message>
      <source>{path} is not a LoanDesk database (it belongs to another program); the file was not changed. Choose LoanDesk's own database file with --db.</source>
      <translation>{path} 不是车贷助手数据库（它属于其他程序），文件未被更改。请用 --db 选择车贷助手自己的数据库文件。</translation>
    </message>
    <message>
      <source>{path} is not a usable LoanDesk database ({why}). The file was not changed. Choose another file with --db, or restore a backup with: {program} restore --from BACKUP_FILE</source>
      <translation>{path} 不是可用的车贷助手数据库（{why}）。文件未被改动。请用 --db 选择其他文件，或恢复备份：{program} restore --from 备份文件</translation>
    </message>
  </context>
  <context>
    <name>files</name>
    <message>
      <source>A file name is needed.</source>
      <translation>需要填写文件名。</translation>
    </message>
    <message>
      <source>LoanDesk may not write {path}; nothing was written. Choose a folder you may write to.</source>
      <translation>车贷助手无权写入 {path}，未写入任何内容。请选择您有写入权限的文件夹。</translation>
    </message>
    <message>
      <source>The disk holding {folder} is full; nothing was written. Free some space or choose another place.</source>
      <translation>{folder} 所在的磁盘已满，未写入任何内容。请释放一些空间或选择其他位置。</translation>
    </message>
    <message>
      <source>The file name {name} is too long; nothing was written. Choose a shorter name.</source>
      <translation>文件名 {name} 太长，未写入任何内容。请选择更短的名称。</translation>
    </message>
    <message>
      <source>The folder {path} does not exist.</source>
      <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
      <source>There is no file {path}.</source>
      <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
      <source>{path} cannot be read ({why}).</source>
      <translation>无法读取 {path}（{why}）。</translation>
    </message>
    <message>
      <source>{path} could not be written ({why}); nothing was written.</source>
      <translation>无法写入 {path}（{why}），未写入任何内容。</translation>
    </message>
    <message>
      <source>{path} is LoanDesk's own database or key file and must not be overwritten; choose another file name.</source>
      <translation>{path} 是车贷助手自己的数据库或密钥文件，不得覆盖，请选择其他文件名。</translation>
    </message>
    <message>
      <source>{path} is a folder; give a file name.</source>
      <translation>{path} 是一个文件夹，请给出文件名。</translation>
    </message>
    <message>
      <source>{path} is not a text file (UTF-8).</source>
      <translation>{path} 不是文本文件（UTF-8）。</translation>
    </message>
    <message>
      <source>{path} is not an ordinary file (a device, pipe or socket); nothing was written. Choose a file name.</source>
      <translation>{path} 不是普通文件（而是设备、管道或套接字），未写入任何内容。请选择一个文件名。</translation>
    </message>
    <message>
      <source>{path} is not an ordinary file (a folder, device, pipe or socket); give a file.</source>
      <translation>{path} 不是普通文件（而是文件夹、设备、管道或套接字）；请指定一个文件。</translation>
    </message>
    <message>
      <source>{path} is too big for this (more than {size} bytes).</source>
      <translation>{path} 太大（超过 {size} 字节）。</translation>
    </message>
  </context>
  <context>
    <name>lease</name>
    <message>
      <source>The database {path} is being restored, created or upgraded by another LoanDesk; try again in a minute.</source>
      <translation>另一个车贷助手正在恢复、创建或升级数据库 {path}，请稍后再试。</translation>
    </message>
    <message>
      <source>another LoanDesk</source>
      <translation>另一个车贷助手</translation>
    </message>
    <message>
      <source>{user} on {host} (process {pid})</source>
      <translation>{host} 上的 {user}（进程 {pid}）</translation>
    </message>
    <message>
      <source>{what} needs the database {path} to itself, but it is open in LoanDesk: {who}. Close LoanDesk there and try again; nothing was changed.</source>
      <translation>{what}需要独占数据库 {path}，但它正在车贷助手中打开：{who}。请先关闭那里的车贷助手再试；未做任何更改。</translation>
    </message>
  </context>
</TS>

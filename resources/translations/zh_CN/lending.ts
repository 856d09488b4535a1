<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Reason</name>
    <message>
      <source>'{field}' is not a field of an add-on.</source>
      <translation>“{field}”不是附加项目的字段。</translation>
    </message>
    <message>
      <source>'{key}' is not a known setting.</source>
      <translation>“{key}”不是已知的设置项。</translation>
    </message>
    <message>
      <source>'{lender}' is listed twice.</source>
      <translation>“{lender}”列了两次。</translation>
    </message>
    <message>
      <source>'{name}' is not one of the store's active lenders.</source>
      <translation>“{name}”不是本店在用的资金方。</translation>
    </message>
    <message>
      <source>'{value}' cannot be negative.</source>
      <translation>“{value}”不能为负数。</translation>
    </message>
    <message>
      <source>'{value}' has more than two decimals (fen).</source>
      <translation>“{value}”超过两位小数（精确到分）。</translation>
    </message>
    <message>
      <source>'{value}' has too many decimals.</source>
      <translation>“{value}”的小数位数太多。</translation>
    </message>
    <message>
      <source>'{value}' holds characters that cannot be part of a name.</source>
      <translation>“{value}”含有不能用于名称的字符。</translation>
    </message>
    <message>
      <source>'{value}' is above the largest amount LoanDesk takes ({max} yuan).</source>
      <translation>“{value}”超过车贷助手允许的最大金额（{max} 元）。</translation>
    </message>
    <message>
      <source>'{value}' is not a date like 2026-11-22.</source>
      <translation>“{value}”不是日期，格式应如 2026-11-22。</translation>
    </message>
    <message>
      <source>'{value}' is not a file name (it holds a NUL character).</source>
      <translation>“{value}”不是有效的文件名（含有空字符）。</translation>
    </message>
    <message>
      <source>'{value}' is not a number.</source>
      <translation>“{value}”不是数字。</translation>
    </message>
    <message>
      <source>'{value}' is not a record number (a whole number from 1 to {max}).</source>
      <translation>“{value}”不是有效的编号（应为 1 到 {max} 之间的整数）。</translation>
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
      <source>'{value}' is out of range: give a number from {lo} to {hi}.</source>
      <translation>“{value}”超出范围：请填写 {lo} 到 {hi} 之间的数字。</translation>
    </message>
    <message>
      <source>'{value}' is out of range: give a whole number from {lo} to {hi}.</source>
      <translation>“{value}”超出范围：请填写 {lo} 到 {hi} 之间的整数。</translation>
    </message>
    <message>
      <source>'{value}' is outside the dates LoanDesk takes ({lo} to {hi}).</source>
      <translation>“{value}”超出车贷助手允许的日期范围（{lo} 至 {hi}）。</translation>
    </message>
    <message>
      <source>'{value}' is the name of a database's side file (-wal, -shm, -journal, .lease), not of a database.</source>
      <translation>“{value}”是数据库的附属文件名（-wal、-shm、-journal、.lease），不是数据库。</translation>
    </message>
    <message>
      <source>'{value}' is too large.</source>
      <translation>“{value}”太大。</translation>
    </message>
    <message>
      <source>'{value}' is too large: give at most {hi}.</source>
      <translation>“{value}”太大：最多为 {hi}。</translation>
    </message>
    <message>
      <source>'{value}' is too long to be a number.</source>
      <translation>“{value}”太长，不是有效的数字。</translation>
    </message>
    <message>
      <source>'{value}' is too long: at most {max} characters.</source>
      <translation>“{value}”太长：最多 {max} 个字符。</translation>
    </message>
    <message>
      <source>'{value}' is too small: give at least {lo}.</source>
      <translation>“{value}”太小：至少为 {lo}。</translation>
    </message>
    <message>
      <source>'{value}' starts with ~ but there is no such user on this computer.</source>
      <translation>“{value}”以 ~ 开头，但这台电脑上没有这个用户。</translation>
    </message>
    <message>
      <source>'{word}' is in the list twice.</source>
      <translation>“{word}”在列表中重复出现。</translation>
    </message>
    <message>
      <source>A balloon payment only applies to the balloon method.</source>
      <translation>尾款只适用于弹性尾款还款方式。</translation>
    </message>
    <message>
      <source>A file name is needed.</source>
      <translation>需要填写文件名。</translation>
    </message>
    <message>
      <source>A fixed price needs the amount in CNY.</source>
      <translation>固定价格须填写金额（元）。</translation>
    </message>
    <message>
      <source>A forbidden word or phrase cannot be empty.</source>
      <translation>禁用词不能为空。</translation>
    </message>
    <message>
      <source>A monthly income above zero is required.</source>
      <translation>月收入必须大于零。</translation>
    </message>
    <message>
      <source>A name is one line of printable characters.</source>
      <translation>名称须为一行可打印的字符。</translation>
    </message>
    <message>
      <source>A percentage of the price needs the percentage.</source>
      <translation>按车价比例定价须填写比例。</translation>
    </message>
    <message>
      <source>A rate discount needs a discount above 0.</source>
      <translation>利率优惠须填写大于 0 的优惠幅度。</translation>
    </message>
    <message>
      <source>A reference price of {price} is outside the usual {min} to {max}; please confirm it.</source>
      <translation>参考价 {price} 超出常见范围 {min} 至 {max}，请确认。</translation>
    </message>
    <message>
      <source>A score below {min} limits the grade to C.</source>
      <translation>评分低于{min}分，评级最高只能为C级。</translation>
    </message>
    <message>
      <source>A service phone is digits, spaces, - and + only (e.g. 95588 or 400-820-8888).</source>
      <translation>客服电话只能包含数字、空格、- 和 +（例如 95588 或 400-820-8888）。</translation>
    </message>
    <message>
      <source>A term is a whole number of months from 1 to {max}, not {value}.</source>
      <translation>期限须为 1 到 {max} 之间的整月数，而不是 {value}。</translation>
    </message>
    <message>
      <source>A valid ID card is required.</source>
      <translation>需提供有效的身份证。</translation>
    </message>
    <message>
      <source>A yearly tax cannot be negative.</source>
      <translation>年税额不能为负数。</translation>
    </message>
    <message>
      <source>Accept at least one risk grade.</source>
      <translation>请至少接受一个风险等级。</translation>
    </message>
    <message>
      <source>Accident vehicles cannot be financed.</source>
      <translation>事故车不能办理贷款。</translation>
    </message>
    <message>
      <source>Age {years} years at {rate}% a year from the new-car guide price</source>
      <translation>车龄 {years} 年，按新车指导价每年折旧 {rate}%</translation>
    </message>
    <message>
      <source>An online small loan can be at most {max} CNY; {amount} CNY was asked for.</source>
      <translation>网络小额贷款金额最高为{max}元，本次申请金额为{amount}元。</translation>
    </message>
    <message>
      <source>An online small loan can run at most {max} months; {months} months were asked for.</source>
      <translation>网络小额贷款期限最长为{max}个月，本次申请期限为{months}个月。</translation>
    </message>
    <message>
      <source>An overdue of {days} days (more than {limit}) limits the grade to C.</source>
      <translation>有一笔逾期{days}天（超过{limit}天）的记录，评级最高只能为C级。</translation>
    </message>
    <message>
      <source>Another lender of the store is already called '{name}'.</source>
      <translation>本店已有名为“{name}”的资金方。</translation>
    </message>
    <message>
      <source>At most {n} add-ons.</source>
      <translation>最多 {n} 个附加项目。</translation>
    </message>
    <message>
      <source>At most {n} characters.</source>
      <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>Balloon: the last payment of {amount} CNY, due {date}, includes the balloon of {balloon} CNY.</source>
      <translation>弹性尾款：最后一期还款 {amount} 元（{date} 到期），其中含尾款 {balloon} 元。</translation>
    </message>
    <message>
      <source>Choose at least one kind of car (petrol, diesel, hybrid, new-energy).</source>
      <translation>请至少选择一种车型（汽油、柴油、混合动力、新能源）。</translation>
    </message>
    <message>
      <source>Choose at least one lender.</source>
      <translation>请至少选择一家资金方。</translation>
    </message>
    <message>
      <source>Choose at least one repayment method.</source>
      <translation>请至少选择一种还款方式。</translation>
    </message>
    <message>
      <source>Choose from the list why the value is overridden.</source>
      <translation>请从列表中选择调整评估价的原因。</translation>
    </message>
    <message>
      <source>Choose new cars, used cars or both.</source>
      <translation>请选择新车、二手车或两者。</translation>
    </message>
    <message>
      <source>Choose one of: {choices}.</source>
      <translation>请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
      <source>Compulsory traffic insurance</source>
      <translation>交强险</translation>
    </message>
    <message>
      <source>Credit history length not given ({points} of 15 points, neutral).</source>
      <translation>未提供信用记录时长（按中性计，得{points}分，满分15分）。</translation>
    </message>
    <message>
      <source>Credit history of {years} years ({points} of 15 points).</source>
      <translation>信用记录时长{years}年（得{points}分，满分15分）。</translation>
    </message>
    <message>
      <source>Credit mix not given ({points} of 10 points, neutral).</source>
      <translation>未提供信贷账户类型（按中性计，得{points}分，满分10分）。</translation>
    </message>
    <message>
      <source>Debt level: existing payments are {dti}% of income, card utilisation {utilisation}%, outstanding debt {debt} CNY ({points} of 30 points).</source>
      <translation>负债水平：现有月还款额占收入的{dti}%，信用卡使用率{utilisation}%，未结清负债{debt}元（得{points}分，满分30分）。</translation>
    </message>
    <message>
      <source>Declared income does not match the bank statements, which keeps the grade below A.</source>
      <translation>申报收入与银行流水不符，评级无法达到A级。</translation>
    </message>
    <message>
      <source>Declared income of {declared} CNY differs from the bank statement average of {statement} CNY by {diff}%.</source>
      <translation>申报收入{declared}元与银行流水月均{statement}元相差{diff}%。</translation>
    </message>
    <message>
      <source>Early settlement is possible after period 0 to {last} of this plan.</source>
      <translation>本方案可在第0期至第{last}期还款后办理提前结清。</translation>
    </message>
    <message>
      <source>Enter a date as year-month-day, e.g. {example}.</source>
      <translation>请按“年-月-日”输入日期，例如 {example}。</translation>
    </message>
    <message>
      <source>Enter a number, e.g. {example}.</source>
      <translation>请输入数字，例如 {example}。</translation>
    </message>
    <message>
      <source>Enter a percentage above 0 and at most 100.</source>
      <translation>请输入大于 0、不超过 100 的比例。</translation>
    </message>
    <message>
      <source>Enter a value above {min} and at most {max}.</source>
      <translation>请输入大于 {min}、不超过 {max} 的数值。</translation>
    </message>
    <message>
      <source>Enter a value above {min}.</source>
      <translation>请输入大于 {min} 的数值。</translation>
    </message>
    <message>
      <source>Enter a value from {min} to {max}.</source>
      <translation>请输入 {min} 到 {max} 之间的数值。</translation>
    </message>
    <message>
      <source>Enter a value of at least {min}.</source>
      <translation>请输入不小于 {min} 的数值。</translation>
    </message>
    <message>
      <source>Enter a whole number, e.g. {example}.</source>
      <translation>请输入整数，例如 {example}。</translation>
    </message>
    <message>
      <source>Enter an amount from 0 to {max} CNY, to the fen.</source>
      <translation>请输入 0 到 {max} 元之间的金额，精确到分。</translation>
    </message>
    <message>
      <source>Enter at least one term in months, e.g. 12, 24, 36.</source>
      <translation>请至少填写一个期限（月），例如 12, 24, 36。</translation>
    </message>
    <message>
      <source>Enter at least {lo}, not {value}.</source>
      <translation>请输入不小于 {lo} 的值，而不是 {value}。</translation>
    </message>
    <message>
      <source>Enter at most {hi}, not {value}.</source>
      <translation>请输入不大于 {hi} 的值，而不是 {value}。</translation>
    </message>
    <message>
      <source>Enter text here.</source>
      <translation>请在此填写文字。</translation>
    </message>
    <message>
      <source>Enter the lender's name in Chinese.</source>
      <translation>请填写资金方的中文名称。</translation>
    </message>
    <message>
      <source>Enter the lender's name in English.</source>
      <translation>请填写资金方的英文名称。</translation>
    </message>
    <message>
      <source>Enter the product's name in Chinese.</source>
      <translation>请填写产品的中文名称。</translation>
    </message>
    <message>
      <source>Enter the product's name in English.</source>
      <translation>请填写产品的英文名称。</translation>
    </message>
    <message>
      <source>Enter who pays the subsidy, in Chinese (e.g. 一汽-大众).</source>
      <translation>请填写贴息方的中文名称（例如 一汽-大众）。</translation>
    </message>
    <message>
      <source>Enter who pays the subsidy, in English (e.g. FAW-Volkswagen).</source>
      <translation>请填写贴息方的英文名称（例如 FAW-Volkswagen）。</translation>
    </message>
    <message>
      <source>Enter yes or no, not {value}.</source>
      <translation>请填写“是”或“否”，而不是 {value}。</translation>
    </message>
    <message>
      <source>Enter yes or no.</source>
      <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
      <source>Excellent condition</source>
      <translation>车况优秀</translation>
    </message>
    <message>
      <source>Fair condition</source>
      <translation>车况一般</translation>
    </message>
    <message>
      <source>Fees cannot be negative.</source>
      <translation>费用不能为负数。</translation>
    </message>
    <message>
      <source>Finance service fee</source>
      <translation>金融服务费</translation>
    </message>
    <message>
      <source>Fire-damaged vehicles cannot be financed.</source>
      <translation>火烧车不能办理贷款。</translation>
    </message>
    <message>
      <source>Flood-damaged vehicles cannot be financed.</source>
      <translation>泡水车不能办理贷款。</translation>
    </message>
    <message>
      <source>GPS installation</source>
      <translation>GPS 安装费</translation>
    </message>
    <message>
      <source>Give at least one term with its fee.</source>
      <translation>请至少填写一个期限及其手续费。</translation>
    </message>
    <message>
      <source>Give the largest balloon (more than 0% of the loan).</source>
      <translation>请填写弹性尾款的上限（大于贷款额的 0%）。</translation>
    </message>
    <message>
      <source>Give the rate discount (more than 0%).</source>
      <translation>请填写利率折扣（大于 0%）。</translation>
    </message>
    <message>
      <source>Give the step: how much the payment rises (more than 0%) and how often.</source>
      <translation>请填写递增幅度（大于 0%）和递增间隔。</translation>
    </message>
    <message>
      <source>Given, but {method} is not one of the repayment methods.</source>
      <translation>已填写，但 {method} 不是该产品的还款方式。</translation>
    </message>
    <message>
      <source>Good condition</source>
      <translation>车况良好</translation>
    </message>
    <message>
      <source>Grade A: score {score} of 100, good credit and stable income.</source>
      <translation>A级：评分{score}分（满分100分），征信良好，收入稳定。</translation>
    </message>
    <message>
      <source>Grade B: score {score} of 100, minor blemishes or fluctuating income.</source>
      <translation>B级：评分{score}分（满分100分），征信有轻微瑕疵或收入有波动。</translation>
    </message>
    <message>
      <source>Grade C: score {score} of 100, overdue records or weak income.</source>
      <translation>C级：评分{score}分（满分100分），有逾期记录或收入证明较弱。</translation>
    </message>
    <message>
      <source>Grade C: suggest a higher down payment to lower the loan amount.</source>
      <translation>C级：建议提高首付，降低贷款金额。</translation>
    </message>
    <message>
      <source>Grade C: suggest a shorter term to improve approval chances.</source>
      <translation>C级：建议缩短贷款期限，提高审批通过率。</translation>
    </message>
    <message>
      <source>Grade {grade} is listed twice.</source>
      <translation>{grade} 级列了两次。</translation>
    </message>
    <message>
      <source>Grade {grade} needs its monthly fee rate (%).</source>
      <translation>{grade} 级须填写月服务费率（%）。</translation>
    </message>
    <message>
      <source>Grade {grade}: an approval likelihood is a percentage from 0 to 100.</source>
      <translation>{grade} 级：通过概率是 0 到 100 之间的百分比。</translation>
    </message>
    <message>
      <source>Grade {grade}: enter the monthly fee (% of the loan a month).</source>
      <translation>{grade} 级：请填写月服务费率（每月占贷款额 %）。</translation>
    </message>
    <message>
      <source>Grade {grade}: the lower approval likelihood ({lo}%) is above the higher ({hi}%).</source>
      <translation>{grade} 级：通过概率下限（{lo}%）高于上限（{hi}%）。</translation>
    </message>
    <message>
      <source>Grade {grade}: the monthly fee {fee}% is outside the fee range {lo}-{hi}%.</source>
      <translation>{grade} 级：月服务费率 {fee}% 超出费率范围 {lo}%–{hi}%。</translation>
    </message>
    <message>
      <source>Implausible mileage: {km} km in {years} years is less than {limit} km a year; check for odometer tampering.</source>
      <translation>行驶里程异常：{years}年仅行驶{km}公里，平均每年不足{limit}公里，请核查是否调表。</translation>
    </message>
    <message>
      <source>Implausible mileage: {km} km in {years} years is more than {limit} km a year.</source>
      <translation>行驶里程异常：{years}年行驶{km}公里，平均每年超过{limit}公里。</translation>
    </message>
    <message>
      <source>Income proof covers {months} months; {required} months of payslips or bank statements are required.</source>
      <translation>收入证明只覆盖{months}个月，需提供{required}个月的工资单或银行流水。</translation>
    </message>
    <message>
      <source>Interest-first: the final payment of {amount} CNY, due {date}, is large: it repays the whole principal.</source>
      <translation>先息后本：最后一期还款额{amount}元（{date}到期）金额较大，需一次性归还全部本金。</translation>
    </message>
    <message>
      <source>List each once, in increasing order.</source>
      <translation>请按从小到大排列，每项只列一次。</translation>
    </message>
    <message>
      <source>List each term once, from the shortest to the longest.</source>
      <translation>每个期限只列一次，从短到长排列。</translation>
    </message>
    <message>
      <source>List the lenders by name.</source>
      <translation>请按名称列出资金方。</translation>
    </message>
    <message>
      <source>Mainland mobile numbers start with 13 to 19; this one starts with {prefix}.</source>
      <translation>大陆手机号码以13至19开头，该号码以{prefix}开头。</translation>
    </message>
    <message>
      <source>Monthly debt payments would be {ratio}% of monthly income, above the {limit}% limit.</source>
      <translation>每月还款总额将占月收入的{ratio}%，超过{limit}%的上限。</translation>
    </message>
    <message>
      <source>Monthly debt payments would be {ratio}% of monthly income, within the {limit}% limit.</source>
      <translation>每月还款总额将占月收入的{ratio}%，在{limit}%的上限以内。</translation>
    </message>
    <message>
      <source>Monthly income is missing or zero, so the debt-to-income ratio cannot be checked.</source>
      <translation>月收入未填写或为零，无法核算负债收入比。</translation>
    </message>
    <message>
      <source>Monthly payments and debts cannot be negative.</source>
      <translation>月还款额和负债金额不能为负数。</translation>
    </message>
    <message>
      <source>Must lie within its own lower and upper limit: {min} to {max}.</source>
      <translation>须在其下限与上限之间：{min} 到 {max}。</translation>
    </message>
    <message>
      <source>Needed when step-up is one of the repayment methods.</source>
      <translation>还款方式含递增还款时须填写此项。</translation>
    </message>
    <message>
      <source>No down payment reaches a monthly payment of {target} or less with these terms.</source>
      <translation>按这些条件，任何首付都无法使月供不超过 {target}。</translation>
    </message>
    <message>
      <source>None of this product's lenders is active in this store: the owner has to activate one (Tools, Products and lenders) before it can be offered.</source>
      <translation>该产品的资金方在本店均已停用：须由店主（工具 → 产品与资金方）启用其中一家后才能提供。</translation>
    </message>
    <message>
      <source>Only compulsory insurance and GPS are priced as the store's on-road line.</source>
      <translation>只有交强险和 GPS 可按门店落地费用项定价。</translation>
    </message>
    <message>
      <source>Only digits, spaces and + - ( ) in a phone number.</source>
      <translation>电话号码只能包含数字、空格和 + - ( )。</translation>
    </message>
    <message>
      <source>Overdue payments in the last 24 months keep the grade below A.</source>
      <translation>近24个月内有逾期记录，评级无法达到A级。</translation>
    </message>
    <message>
      <source>Overriding the appraisal value needs a written reason.</source>
      <translation>调整评估价须填写书面理由。</translation>
    </message>
    <message>
      <source>Payment history: {count} overdue payments in 24 months, worst {days} days ({points} of 35 points).</source>
      <translation>还款记录：近24个月逾期{count}次，最长逾期{days}天（得{points}分，满分35分）。</translation>
    </message>
    <message>
      <source>Payments can step up every 1 to {max} months.</source>
      <translation>月供递增间隔可设为1至{max}个月。</translation>
    </message>
    <message>
      <source>Please enter the ID card number.</source>
      <translation>请输入身份证号码。</translation>
    </message>
    <message>
      <source>Please enter the VIN (vehicle identification number).</source>
      <translation>请输入车辆识别代号（VIN）。</translation>
    </message>
    <message>
      <source>Please enter the mobile number.</source>
      <translation>请输入手机号码。</translation>
    </message>
    <message>
      <source>Poor condition</source>
      <translation>车况较差</translation>
    </message>
    <message>
      <source>Possible odometer tampering: the maintenance record of {date} shows {km} km, fewer than the {earlier_km} km recorded on {earlier_date}.</source>
      <translation>疑似调表：{date}的保养记录显示{km}公里，少于{earlier_date}记录的{earlier_km}公里。</translation>
    </message>
    <message>
      <source>Possible odometer tampering: the odometer shows {km} km, fewer than the {record_km} km in the maintenance record of {record_date}.</source>
      <translation>疑似调表：里程表显示{km}公里，少于{record_date}保养记录中的{record_km}公里。</translation>
    </message>
    <message>
      <source>Printed for customers, so it may not contain: {words}.</source>
      <translation>此名称会打印给客户，不得包含：{words}。</translation>
    </message>
    <message>
      <source>Proof of residence (property deed or lease) is required.</source>
      <translation>需提供居住证明（房产证或租赁合同）。</translation>
    </message>
    <message>
      <source>Proof of work (labour contract or business licence) is required.</source>
      <translation>需提供工作证明（劳动合同或营业执照）。</translation>
    </message>
    <message>
      <source>Purchase tax</source>
      <translation>车辆购置税</translation>
    </message>
    <message>
      <source>Registration</source>
      <translation>上牌费</translation>
    </message>
    <message>
      <source>Step-up repayment is not offered for consumer credit.</source>
      <translation>消费信贷不提供阶梯还款。</translation>
    </message>
    <message>
      <source>Step-up settings only apply to the step-up method.</source>
      <translation>递增设置仅适用于递增还款方式。</translation>
    </message>
    <message>
      <source>The APR cannot be negative (got {apr}%).</source>
      <translation>年化利率（APR）不能为负数（当前为{apr}%）。</translation>
    </message>
    <message>
      <source>The APR of this loan is {apr}%. This is above {multiple} times the 1-year LPR ({limit}%) and within the legal cap of {cap}%.</source>
      <translation>本笔贷款的年化利率（APR）为{apr}%，高于1年期贷款市场报价利率（LPR）的{multiple}倍（{limit}%），在{cap}%的法定上限以内。</translation>
    </message>
    <message>
      <source>The APR of {apr}% is above the legal cap of {cap}%; this plan cannot be offered.</source>
      <translation>年化利率（APR）{apr}%超过{cap}%的法定上限，不能提供此方案。</translation>
    </message>
    <message>
      <source>The APR of {apr}% is above {multiple} times the 1-year LPR ({limit}%); explain the cost carefully and get the manager's approval.</source>
      <translation>年化利率（APR）{apr}%超过1年期贷款市场报价利率（LPR）的{multiple}倍（{limit}%），请向客户详细说明融资成本，并报店长审批。</translation>
    </message>
    <message>
      <source>The APR of {apr}% is within the allowed limits.</source>
      <translation>年化利率（APR）{apr}%在允许范围内。</translation>
    </message>
    <message>
      <source>The ID number does not pass the check on its last character; one of the characters was probably mistyped. Please compare it with the ID card.</source>
      <translation>身份证号码末位校验码不符，可能有字符输错，请与身份证原件核对。</translation>
    </message>
    <message>
      <source>The ID number gives {birth} as the birth date, which is not a possible date of birth. Please check characters 7 to 14 against the ID card.</source>
      <translation>身份证号码中的出生日期为{birth}，不是有效日期，请与身份证核对第7至14位。</translation>
    </message>
    <message>
      <source>The ID number has '{char}' at position {position}; it may only contain digits, with X allowed as the last character.</source>
      <translation>身份证号码第{position}位为“{char}”；号码只能由数字组成，仅末位可以是X。</translation>
    </message>
    <message>
      <source>The ID number has {length} characters; a resident ID number has 18.</source>
      <translation>该身份证号码为{length}位，居民身份证号码应为18位。</translation>
    </message>
    <message>
      <source>The VIN has '{char}' at position {position}; only digits and the letters A to Z (except I, O and Q) are allowed.</source>
      <translation>车辆识别代号（VIN）第{position}位为“{char}”；只能使用数字和字母A至Z（不含I、O、Q）。</translation>
    </message>
    <message>
      <source>The VIN has the letter {char} at position {position}; VINs never use I, O or Q. It is probably the digit {digit}.</source>
      <translation>车辆识别代号（VIN）第{position}位为字母{char}；VIN中不会出现I、O、Q，这里应该是数字{digit}。</translation>
    </message>
    <message>
      <source>The VIN has {length} characters; a VIN has 17.</source>
      <translation>该车辆识别代号（VIN）为{length}位，VIN应为17位。</translation>
    </message>
    <message>
      <source>The VIN says model year {model_year}, but the car was first registered in {year}; check the VIN and the registration certificate.</source>
      <translation>车架号显示车型年份为 {model_year}，但车辆于 {year} 年首次登记，请核对车架号和登记证书。</translation>
    </message>
    <message>
      <source>The VIN's check character (position 9) is {found}, but the other characters give {expected}; one of them was probably mistyped. Please compare it with the registration certificate.</source>
      <translation>车辆识别代号（VIN）第9位校验码为{found}，但按其他字符算出的校验码应为{expected}，可能有字符输错，请与机动车登记证书核对。</translation>
    </message>
    <message>
      <source>The amount of '{line}' cannot be negative.</source>
      <translation>“{line}”的金额不能为负数。</translation>
    </message>
    <message>
      <source>The amount {amount} CNY is above the card's limit of {line} CNY.</source>
      <translation>金额 {amount} 元超过信用卡分期额度 {line} 元。</translation>
    </message>
    <message>
      <source>The applicant is {age} on {on}; lenders accept ages {minimum} to {maximum}.</source>
      <translation>截至{on}，申请人为{age}岁；贷款机构受理的年龄为{minimum}至{maximum}岁。</translation>
    </message>
    <message>
      <source>The balloon must be between 0% and 100% of the loan.</source>
      <translation>尾款必须在贷款金额的 0% 到 100% 之间。</translation>
    </message>
    <message>
      <source>The balloon payment cannot be negative.</source>
      <translation>尾款不能为负数。</translation>
    </message>
    <message>
      <source>The balloon payment must be less than the loan amount.</source>
      <translation>尾款必须小于贷款金额。</translation>
    </message>
    <message>
      <source>The birth date {birth} is after {on}; please check the dates.</source>
      <translation>出生日期{birth}晚于{on}，请核对日期。</translation>
    </message>
    <message>
      <source>The card instalment offers {terms} months, not {months}.</source>
      <translation>该信用卡分期提供 {terms} 期，不提供 {months} 期。</translation>
    </message>
    <message>
      <source>The code '{given}' is used by two add-ons.</source>
      <translation>代码“{given}”被两个附加项目使用。</translation>
    </message>
    <message>
      <source>The code {value} is used twice.</source>
      <translation>代码 {value} 用了两次。</translation>
    </message>
    <message>
      <source>The customer has not passed qualification, so no product can be offered.</source>
      <translation>客户未通过资质评估，无法提供任何贷款产品。</translation>
    </message>
    <message>
      <source>The customer is on a blacklist, so no plan can be offered.</source>
      <translation>客户在黑名单中，无法提供金融方案。</translation>
    </message>
    <message>
      <source>The customer is {age} years old on the application date; applicants must be between {min} and {max}.</source>
      <translation>客户在申请日为{age}岁，申请人年龄须在{min}至{max}岁之间。</translation>
    </message>
    <message>
      <source>The deal price {deal} is more than {percent}% away from the appraised value {value}; please confirm it.</source>
      <translation>成交价 {deal} 与评估价 {value} 相差超过 {percent}%，请确认。</translation>
    </message>
    <message>
      <source>The declared age ({declared}) does not match the age on the ID ({actual}).</source>
      <translation>客户自报年龄（{declared}岁）与身份证上的年龄（{actual}岁）不符。</translation>
    </message>
    <message>
      <source>The depreciation rate per 20,000 km of {rate}% must be between {min}% and {max}%.</source>
      <translation>每 2 万公里折旧率 {rate}% 须在 {min}% 至 {max}% 之间。</translation>
    </message>
    <message>
      <source>The displacement must be between 0.1 and 10 litres.</source>
      <translation>排量必须在 0.1 到 10 升之间。</translation>
    </message>
    <message>
      <source>The displacements must be above 0 and grow from one row to the next.</source>
      <translation>排量须大于 0，且逐行递增。</translation>
    </message>
    <message>
      <source>The down payment cannot be negative.</source>
      <translation>首付不能为负数。</translation>
    </message>
    <message>
      <source>The down payment covers the whole price, so there is nothing to finance.</source>
      <translation>首付已覆盖全部车价，无需贷款。</translation>
    </message>
    <message>
      <source>The down payment must be at least 0 and less than the financed total {total}.</source>
      <translation>首付不能小于 0，且必须小于融资总额 {total}。</translation>
    </message>
    <message>
      <source>The early-repayment fee cannot be negative.</source>
      <translation>提前还款手续费不能为负数。</translation>
    </message>
    <message>
      <source>The final payment of {amount} CNY, due {date}, is large: more than {factor} times any other payment.</source>
      <translation>最后一期还款额{amount}元（{date}到期）金额较大，超过其他任何一期的{factor}倍。</translation>
    </message>
    <message>
      <source>The first registration date ({registered}) is after the appraisal date ({appraised}).</source>
      <translation>首次登记日期（{registered}）晚于评估日期（{appraised}）。</translation>
    </message>
    <message>
      <source>The instalment amount must be greater than zero.</source>
      <translation>分期金额必须大于零。</translation>
    </message>
    <message>
      <source>The instalment fee cannot be negative.</source>
      <translation>分期手续费不能为负数。</translation>
    </message>
    <message>
      <source>The instalment term must be between 1 and 60 months.</source>
      <translation>分期期数必须在 1 到 60 个月之间。</translation>
    </message>
    <message>
      <source>The interest rate cannot be negative.</source>
      <translation>利率不能为负数。</translation>
    </message>
    <message>
      <source>The lender's rate ({lender}%) cannot be below the customer's rate ({customer}%).</source>
      <translation>资金方利率（{lender}%）不能低于客户利率（{customer}%）。</translation>
    </message>
    <message>
      <source>The lender's rate ({lender}%) is below the customer's rate of {rate}% (grade {grade}): a subsidy pays the lender the difference, so the customer's rate must be below the lender's.</source>
      <translation>资金方实收利率（{lender}%）低于 {grade} 级客户利率 {rate}%：贴息是向资金方补足差额，因此客户利率必须低于资金方实收利率。</translation>
    </message>
    <message>
      <source>The lender's rate is the customer's rate for every grade: there is nothing to subsidise. Raise the lender's rate or untick the subsidy.</source>
      <translation>各评级的客户利率都等于资金方实收利率，没有可贴息的部分。请提高资金方实收利率，或取消勾选贴息。</translation>
    </message>
    <message>
      <source>The lender's rate {rate}% is below the customer's rate of grade {grades}.</source>
      <translation>资金方利率 {rate}% 低于 {grades} 级客户的利率。</translation>
    </message>
    <message>
      <source>The loan amount must be greater than zero.</source>
      <translation>贷款金额必须大于零。</translation>
    </message>
    <message>
      <source>The loan of {amount} CNY is above this product's maximum of {max} CNY ({ratio}% of the appraised value of {value} CNY); the down payment must be at least {min_down} CNY.</source>
      <translation>贷款金额{amount}元超过本产品的最高额度{max}元（评估价{value}元的{ratio}%），首付至少为{min_down}元。</translation>
    </message>
    <message>
      <source>The loan still owed on the trade-in cannot be negative.</source>
      <translation>置换车辆的剩余贷款不能为负数。</translation>
    </message>
    <message>
      <source>The logo may be at most {kb} KB; use a smaller picture.</source>
      <translation>标志图片最大 {kb} KB，请换一张较小的图片。</translation>
    </message>
    <message>
      <source>The logo must be a PNG or JPEG picture.</source>
      <translation>标志图片须为 PNG 或 JPEG 格式。</translation>
    </message>
    <message>
      <source>The longest term band of the rate sheet ends at {band} months; the product offers {term} months.</source>
      <translation>利率表最长的期限档到 {band} 个月为止，而该产品提供 {term} 个月的期限。</translation>
    </message>
    <message>
      <source>The lower limit cannot be above the upper limit ({max}).</source>
      <translation>下限不能高于上限（{max}）。</translation>
    </message>
    <message>
      <source>The lower limit must be below the upper limit ({max}).</source>
      <translation>下限必须低于上限（{max}）。</translation>
    </message>
    <message>
      <source>The lowest down-payment band must start at 0% so that every down payment has a rate.</source>
      <translation>最低的首付档必须从 0% 开始，这样每个首付比例都有对应的利率。</translation>
    </message>
    <message>
      <source>The lowest value ({lo}) is above the highest ({hi}).</source>
      <translation>下限（{lo}）高于上限（{hi}）。</translation>
    </message>
    <message>
      <source>The maintenance record of {date} is dated after the appraisal date; check it.</source>
      <translation>{date}的保养记录日期晚于评估日期，请核实。</translation>
    </message>
    <message>
      <source>The manufacturer code {wmi} is not in the table.</source>
      <translation>厂商代码 {wmi} 不在厂商表中。</translation>
    </message>
    <message>
      <source>The market reference price must be greater than zero.</source>
      <translation>市场参考价必须大于零。</translation>
    </message>
    <message>
      <source>The mileage cannot be negative.</source>
      <translation>行驶里程不能为负数。</translation>
    </message>
    <message>
      <source>The mobile number contains '{char}'; only digits are allowed (spaces, dashes and +86 are fine).</source>
      <translation>手机号码中含有“{char}”；只能填写数字（可以带空格、短横线和+86）。</translation>
    </message>
    <message>
      <source>The mobile number has {length} digits; a mainland mobile number has 11.</source>
      <translation>该手机号码为{length}位，大陆手机号码应为11位。</translation>
    </message>
    <message>
      <source>The monthly fee {fee}% for grade {grade} is outside {lo}-{hi}%.</source>
      <translation>{grade} 级的月服务费率 {fee}% 超出 {lo}%–{hi}% 的范围。</translation>
    </message>
    <message>
      <source>The name '{value}' is too long: a file or folder name has at most {max} bytes.</source>
      <translation>名称“{value}”太长：文件名或文件夹名最多 {max} 个字节。</translation>
    </message>
    <message>
      <source>The number of seats must be between 1 and 60.</source>
      <translation>座位数必须在 1 到 60 之间。</translation>
    </message>
    <message>
      <source>The override is {percent}% from the computed value {computed}; more than {limit}% needs a manager's approval.</source>
      <translation>人工改价与评估计算值 {computed} 相差 {percent}%，超过 {limit}% 需经理批准。</translation>
    </message>
    <message>
      <source>The override value cannot be negative.</source>
      <translation>调整后的评估价不能为负数。</translation>
    </message>
    <message>
      <source>The path '{value}' is too long: at most {max} bytes in all.</source>
      <translation>路径“{value}”太长：总共最多 {max} 个字节。</translation>
    </message>
    <message>
      <source>The promotion lasts {periods} months, longer than the longest term ({term} months).</source>
      <translation>优惠期为 {periods} 个月，超过最长期限（{term} 个月）。</translation>
    </message>
    <message>
      <source>The rate sheet has no rate for grade {grade}, terms up to {term} months, a down payment from {down}%.</source>
      <translation>利率表缺少 {grade} 级、期限不超过 {term} 个月、首付 {down}% 起的利率。</translation>
    </message>
    <message>
      <source>The rate sheet has no rates for grade {grade}.</source>
      <translation>利率表中没有 {grade} 级的利率。</translation>
    </message>
    <message>
      <source>The rate sheet has rates for grade {grade}, which the product does not accept.</source>
      <translation>利率表中有 {grade} 级的利率，但该产品不接受这一等级的客户。</translation>
    </message>
    <message>
      <source>The rate sheet lists grade {grade}, terms up to {term} months, a down payment from {down}% twice.</source>
      <translation>利率表中 {grade} 级、期限不超过 {term} 个月、首付 {down}% 起的利率出现了两次。</translation>
    </message>
    <message>
      <source>The rate {rate}% (grade {grade}, terms up to {term} months, a down payment from {down}%) is outside the APR range {lo}-{hi}%.</source>
      <translation>利率 {rate}%（{grade} 级、期限不超过 {term} 个月、首付 {down}% 起）超出年化利率范围 {lo}%–{hi}%。</translation>
    </message>
    <message>
      <source>The rate {rate}% for grade {grade} is outside the APR range {lo}-{hi}%.</source>
      <translation>{grade} 级的利率 {rate}% 超出年化利率范围 {lo}%–{hi}%。</translation>
    </message>
    <message>
      <source>The relief from {start} to {end} has a negative cap.</source>
      <translation>{start} 至 {end} 的减免上限为负数。</translation>
    </message>
    <message>
      <source>The relief from {start} to {end} is not valid: the end is before the start, or the reduction is not between 0 and 100 %.</source>
      <translation>{start} 至 {end} 的减免无效：结束日期早于开始日期，或减免比例不在 0 到 100% 之间。</translation>
    </message>
    <message>
      <source>The settlement date must be between {earliest} and {latest}.</source>
      <translation>结清日期须在{earliest}至{latest}之间。</translation>
    </message>
    <message>
      <source>The step-up percentage cannot be negative.</source>
      <translation>递增比例不能为负数。</translation>
    </message>
    <message>
      <source>The store refuses an APR above {cap}% (Store settings); the highest rate cannot be above it.</source>
      <translation>本店拒绝年化利率高于 {cap}% 的方案（门店设置）；利率上限不能高于此值。</translation>
    </message>
    <message>
      <source>The stored value cannot be read; enter it again.</source>
      <translation>已保存的数值无法读取，请重新输入。</translation>
    </message>
    <message>
      <source>The target monthly payment must be greater than zero.</source>
      <translation>目标月供必须大于零。</translation>
    </message>
    <message>
      <source>The term must be a whole number of months from 1 to {max}, not '{value}'.</source>
      <translation>期限必须是 1 到 {max} 之间的整月数，不能是“{value}”。</translation>
    </message>
    <message>
      <source>The term must be between 1 and {max} months.</source>
      <translation>贷款期限须在1至{max}个月之间。</translation>
    </message>
    <message>
      <source>The terms {terms} are outside {lo}-{hi} months.</source>
      <translation>期限 {terms} 超出 {lo}–{hi} 个月的范围。</translation>
    </message>
    <message>
      <source>The text contains forbidden wording: {words}.</source>
      <translation>文本中含有禁用表述：{words}。</translation>
    </message>
    <message>
      <source>The trade-in value cannot be negative.</source>
      <translation>置换车辆的价值不能为负数。</translation>
    </message>
    <message>
      <source>The up-front fee must be less than the loan amount.</source>
      <translation>前期费用必须低于贷款金额。</translation>
    </message>
    <message>
      <source>The vehicle has {km} km; the limit is {max} km.</source>
      <translation>车辆行驶里程为{km}公里，上限为{max}公里。</translation>
    </message>
    <message>
      <source>The vehicle is excluded from financing (accident, flood or fire damage).</source>
      <translation>该车辆不能办理贷款（事故车、泡水车或火烧车）。</translation>
    </message>
    <message>
      <source>The vehicle is {age} years old; the limit is {max} years.</source>
      <translation>车龄为{age}年，上限为{max}年。</translation>
    </message>
    <message>
      <source>The vehicle price must be greater than zero.</source>
      <translation>车价必须大于零。</translation>
    </message>
    <message>
      <source>The yearly depreciation rate of {rate}% must be between {min}% and {max}%.</source>
      <translation>年折旧率 {rate}% 须在 {min}% 至 {max}% 之间。</translation>
    </message>
    <message>
      <source>The {months}-month fee of {fee}% comes to a true APR of {apr}%, above the {cap}% the store refuses (Store settings).</source>
      <translation>{months} 期手续费 {fee}% 折合真实年化利率 {apr}%，超过本店拒绝的 {cap}%（门店设置）。</translation>
    </message>
    <message>
      <source>There is no lender '{lender}' in this store's catalogue.</source>
      <translation>本店产品目录中没有资金方“{lender}”。</translation>
    </message>
    <message>
      <source>There is no on-road cost line '{line}'.</source>
      <translation>没有“{line}”这一落地费用项目。</translation>
    </message>
    <message>
      <source>This cannot be empty.</source>
      <translation>此项不能为空。</translation>
    </message>
    <message>
      <source>This cannot be left empty.</source>
      <translation>此项不能为空。</translation>
    </message>
    <message>
      <source>This is missing.</source>
      <translation>缺少此项。</translation>
    </message>
    <message>
      <source>This is not a field LoanDesk knows.</source>
      <translation>这不是车贷助手认识的字段。</translation>
    </message>
    <message>
      <source>This must be a list, not {value}.</source>
      <translation>此处须为一个列表，而不是 {value}。</translation>
    </message>
    <message>
      <source>This must be a record (an object), not {value}.</source>
      <translation>此处须为一条记录（对象），而不是 {value}。</translation>
    </message>
    <message>
      <source>This must be text, not {value}.</source>
      <translation>此处须为文字，而不是 {value}。</translation>
    </message>
    <message>
      <source>This price rule takes no amount; leave it empty.</source>
      <translation>此定价方式不需要金额，请留空。</translation>
    </message>
    <message>
      <source>This product accepts customers of grade {grades} only; the customer is grade {grade}.</source>
      <translation>本产品只受理{grades}级客户，该客户为{grade}级。</translation>
    </message>
    <message>
      <source>This product allows a balloon of at most {max}% of the loan; {percent}% was asked for.</source>
      <translation>该产品的尾款最多为贷款金额的 {max}%，本次申请为 {percent}%。</translation>
    </message>
    <message>
      <source>This product does not finance (non plug-in) hybrid cars.</source>
      <translation>该产品不为（非插电式）混合动力车提供贷款。</translation>
    </message>
    <message>
      <source>This product does not finance diesel cars.</source>
      <translation>该产品不为柴油车提供贷款。</translation>
    </message>
    <message>
      <source>This product does not finance new cars.</source>
      <translation>该产品不为新车提供贷款。</translation>
    </message>
    <message>
      <source>This product does not finance new-energy vehicles.</source>
      <translation>该产品不为新能源汽车提供贷款。</translation>
    </message>
    <message>
      <source>This product does not finance petrol cars.</source>
      <translation>该产品不为汽油车提供贷款。</translation>
    </message>
    <message>
      <source>This product does not finance used cars.</source>
      <translation>该产品不为二手车提供贷款。</translation>
    </message>
    <message>
      <source>This product does not offer the chosen repayment method.</source>
      <translation>本产品不支持所选的还款方式。</translation>
    </message>
    <message>
      <source>This product is currently not offered.</source>
      <translation>本产品目前暂停办理。</translation>
    </message>
    <message>
      <source>This product needs a balloon of at least {min}% of the loan; {percent}% was asked for.</source>
      <translation>该产品的弹性尾款至少为贷款额的 {min}%，本次为 {percent}%。</translation>
    </message>
    <message>
      <source>This product offers terms of {terms} months; {term} months was asked for.</source>
      <translation>本产品可选期限为{terms}个月，本次申请期限为{term}个月。</translation>
    </message>
    <message>
      <source>Title transfer fee</source>
      <translation>过户费</translation>
    </message>
    <message>
      <source>Two NEV tax reliefs overlap in time.</source>
      <translation>两条新能源车购置税减免的时间段重叠。</translation>
    </message>
    <message>
      <source>Typical mileage for the age ({typical} km)</source>
      <translation>里程符合该车龄的常规里程（{typical} 公里）</translation>
    </message>
    <message>
      <source>Use 1 to 40 lower-case letters, digits and _, starting with a letter.</source>
      <translation>请用 1 到 40 个小写字母、数字或 _，并以字母开头。</translation>
    </message>
    <message>
      <source>Use lower-case letters, digits and _ (not {value}).</source>
      <translation>请只用小写字母、数字和 _（而不是 {value}）。</translation>
    </message>
    <message>
      <source>Vehicle and vessel tax</source>
      <translation>车船税</translation>
    </message>
    <message>
      <source>{count} credit applications in the last 3 months ({points} of 10 points).</source>
      <translation>近3个月有{count}次信贷申请（得{points}分，满分10分）。</translation>
    </message>
    <message>
      <source>{count} credit applications in the last 3 months: ask why, lenders see this as a risk sign.</source>
      <translation>近3个月有{count}次信贷申请：请询问原因，贷款机构会将此视为风险信号。</translation>
    </message>
    <message>
      <source>{kinds} kinds of credit accounts ({points} of 10 points).</source>
      <translation>有{kinds}类信贷账户（得{points}分，满分10分）。</translation>
    </message>
    <message>
      <source>{km} km above the typical {typical} km for the age, {rate}% per {step} km</source>
      <translation>比该车龄的常规里程 {typical} 公里多 {km} 公里，每 {step} 公里 {rate}%</translation>
    </message>
    <message>
      <source>{km} km below the typical {typical} km for the age, {rate}% per {step} km</source>
      <translation>比该车龄的常规里程 {typical} 公里少 {km} 公里，每 {step} 公里 {rate}%</translation>
    </message>
    <message>
      <source>{lo_field} ({lo}) is above {hi_field} ({hi}).</source>
      <translation>{lo_field}（{lo}）高于{hi_field}（{hi}）。</translation>
    </message>
    <message>
      <source>{lo_field} is above {hi_field}.</source>
      <translation>{lo_field}高于{hi_field}。</translation>
    </message>
    <message>
      <source>{value} is listed twice.</source>
      <translation>{value} 列了两次。</translation>
    </message>
    <message>
      <source>{value} is not a number.</source>
      <translation>{value} 不是数字。</translation>
    </message>
    <message>
      <source>{value} is not a whole number.</source>
      <translation>{value} 不是整数。</translation>
    </message>
    <message>
      <source>{value} is not one of: {choices}.</source>
      <translation>{value} 不在可选范围内：{choices}。</translation>
    </message>
  </context>
  <context>
    <name>Vocabulary</name>
    <message>
      <source>Balloon</source>
      <translation>弹性尾款</translation>
    </message>
    <message>
      <source>Condition not covered by the grade</source>
      <translation>车况等级未能反映的情况</translation>
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
      <source>Excellent</source>
      <translation>优秀</translation>
    </message>
    <message>
      <source>Extended warranty</source>
      <translation>延长保修</translation>
    </message>
    <message>
      <source>Fair</source>
      <translation>一般</translation>
    </message>
    <message>
      <source>Full service history</source>
      <translation>保养记录齐全</translation>
    </message>
    <message>
      <source>Good</source>
      <translation>良好</translation>
    </message>
    <message>
      <source>Insurance</source>
      <translation>保险</translation>
    </message>
    <message>
      <source>Interest first</source>
      <translation>先息后本</translation>
    </message>
    <message>
      <source>New-car guide price</source>
      <translation>新车指导价</translation>
    </message>
    <message>
      <source>Options or equipment</source>
      <translation>选装配置</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Poor</source>
      <translation>较差</translation>
    </message>
    <message>
      <source>Recent sales of the same car</source>
      <translation>同款车近期成交价</translation>
    </message>
    <message>
      <source>Repairs or damage found</source>
      <translation>发现维修或损伤</translation>
    </message>
    <message>
      <source>Service package</source>
      <translation>保养套餐</translation>
    </message>
    <message>
      <source>Step-up</source>
      <translation>递增还款</translation>
    </message>
    <message>
      <source>Used-car market price (this model and year)</source>
      <translation>同款同年份二手车市场价</translation>
    </message>
  </context>
</TS>

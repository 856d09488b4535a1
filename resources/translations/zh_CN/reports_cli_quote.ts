<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>cli</name>
    <message>
      <source>--balloon and --balloon-percent only apply to the balloon method.</source>
      <translation>--balloon 和 --balloon-percent 只适用于 balloon（弹性尾款）还款方式。</translation>
    </message>
    <message>
      <source>--balloon-percent must be at least 0 and below 100.</source>
      <translation>--balloon-percent 必须不小于 0 且小于 100。</translation>
    </message>
    <message>
      <source>--lender-rate ({lender}%) cannot be below the customer's --annual-rate ({customer}%).</source>
      <translation>--lender-rate（{lender}%）不能低于客户的 --annual-rate（{customer}%）。</translation>
    </message>
    <message>
      <source>--price and --target-payment must be greater than zero.</source>
      <translation>--price 和 --target-payment 必须大于零。</translation>
    </message>
    <message>
      <source>--price goes with --target-payment; give --amount for a loan.</source>
      <translation>--price 需与 --target-payment 一起使用；直接报价请用 --amount 给出贷款金额。</translation>
    </message>
    <message>
      <source>--step-percent and --step-months only apply to the step_up method.</source>
      <translation>--step-percent 和 --step-months 只适用于递增还款（step_up）。</translation>
    </message>
    <message>
      <source>--target-payment needs the vehicle price (--price).</source>
      <translation>--target-payment 需要车价（--price）。</translation>
    </message>
    <message>
      <source>--target-payment solves the loan amount: give --price, not --amount.</source>
      <translation>--target-payment 会求出贷款金额：请给出 --price，而不是 --amount。</translation>
    </message>
    <message>
      <source>APR (true annual rate, IRR)</source>
      <translation>年化利率（IRR 真实年化）</translation>
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
      <source>Down payment</source>
      <translation>首付</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>还款日</translation>
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
      <source>First payment</source>
      <translation>首期还款</translation>
    </message>
    <message>
      <source>Give --amount, or --price with --target-payment.</source>
      <translation>请给出 --amount，或者给出 --price 和 --target-payment。</translation>
    </message>
    <message>
      <source>Interest</source>
      <translation>利息</translation>
    </message>
    <message>
      <source>Lender's rate</source>
      <translation>资金方利率</translation>
    </message>
    <message>
      <source>Loan amount</source>
      <translation>贷款金额</translation>
    </message>
    <message>
      <source>Nominal annual rate</source>
      <translation>名义年利率</translation>
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
    <message>
      <source>Repayment method</source>
      <translation>还款方式</translation>
    </message>
    <message>
      <source>Subsidy value</source>
      <translation>贴息金额</translation>
    </message>
    <message>
      <source>Target monthly payment</source>
      <translation>目标月供</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>贷款期限</translation>
    </message>
    <message>
      <source>The balloon method needs either --balloon or --balloon-percent.</source>
      <translation>balloon（弹性尾款）还款方式需要 --balloon 或 --balloon-percent 二者之一。</translation>
    </message>
    <message>
      <source>The step_up method needs --step-percent (and optionally --step-months).</source>
      <translation>递增还款（step_up）需要 --step-percent（可选 --step-months）。</translation>
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
      <source>Vehicle price</source>
      <translation>车辆售价</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>cli</name>
    <message>
      <source>--amount can have at most two decimals (fen).</source>
      <translation>--amount 最多两位小数（精确到分）。</translation>
    </message>
    <message>
      <source>--start-date must be a date like 2026-11-22, got '{value}'.</source>
      <translation>--start-date 必须是形如 2026-11-22 的日期，收到的是“{value}”。</translation>
    </message>
    <message>
      <source>--step-percent and --step-months only apply to the step_up method.</source>
      <translation>--step-percent 和 --step-months 只适用于递增还款（step_up）。</translation>
    </message>
    <message>
      <source>--term must be between 1 and {max} months, got {value}.</source>
      <translation>--term 贷款期限必须在 1 到 {max} 个月之间，收到的是 {value}。</translation>
    </message>
    <message>
      <source>--upfront-fee can have at most two decimals (fen).</source>
      <translation>--upfront-fee 最多两位小数（精确到分）。</translation>
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
      <source>Interest</source>
      <translation>利息</translation>
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
      <source>Term</source>
      <translation>贷款期限</translation>
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
      <source>Unknown repayment method '{value}'; use one of: {choices}.</source>
      <translation>未知的还款方式“{value}”，请使用以下之一：{choices}。</translation>
    </message>
    <message>
      <source>{option} must be a number, got '{value}'.</source>
      <translation>{option} 必须是数字，收到的是“{value}”。</translation>
    </message>
    <message>
      <source>{option} must be a whole number of months, got '{value}'.</source>
      <translation>{option} 必须是整数个月，收到的是“{value}”。</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CardFeeModel</name>
    <message>
      <source>Enter the fee.</source>
      <translation>请填写手续费。</translation>
    </message>
    <message>
      <source>Enter the term.</source>
      <translation>请填写期限。</translation>
    </message>
    <message>
      <source>Fee (% of the amount)</source>
      <translation>手续费（占分期金额 %）</translation>
    </message>
    <message>
      <source>Row {row}: {why}</source>
      <translation>第 {row} 行：{why}</translation>
    </message>
    <message>
      <source>Term (months)</source>
      <translation>期限（月）</translation>
    </message>
    <message>
      <source>True APR</source>
      <translation>真实年化利率</translation>
    </message>
  </context>
  <context>
    <name>GradesModel</name>
    <message>
      <source>Accepted</source>
      <translation>接受</translation>
    </message>
    <message>
      <source>Approval likelihood from (%)</source>
      <translation>通过概率下限（%）</translation>
    </message>
    <message>
      <source>Grade {grade}</source>
      <translation>{grade} 级</translation>
    </message>
    <message>
      <source>Grade {grade}: {why}</source>
      <translation>{grade} 级：{why}</translation>
    </message>
    <message>
      <source>Monthly fee (%)</source>
      <translation>月服务费率（%）</translation>
    </message>
    <message>
      <source>Rate (% a year)</source>
      <translation>年利率（%）</translation>
    </message>
    <message>
      <source>to (%)</source>
      <translation>上限（%）</translation>
    </message>
  </context>
  <context>
    <name>RateSheetModel</name>
    <message>
      <source>Enter a rate.</source>
      <translation>请填写利率。</translation>
    </message>
    <message>
      <source>Grade {grade}</source>
      <translation>{grade} 级</translation>
    </message>
    <message>
      <source>Grade {grade}, up to {months} months, from {percent}% down: {why}</source>
      <translation>{grade} 级、期限至 {months} 个月、首付 {percent}% 起：{why}</translation>
    </message>
    <message>
      <source>up to {months} months
from {percent}% down</source>
      <translation>期限至 {months} 个月
首付 {percent}% 起</translation>
    </message>
  </context>
</TS>

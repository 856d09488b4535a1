<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>MainWindow</name>
    <message>
      <source>About LoanDesk</source>
      <translation>关于车贷助手</translation>
    </message>
    <message>
      <source>LoanDesk — the loan assistant for the dealership counter.
Quotes show the true APR (IRR method) with every fee.</source>
      <translation>车贷助手 — 车商门店的贷款咨询工具。
报价按 IRR 法显示真实年化利率，并列明全部费用。</translation>
    </message>
    <message>
      <source>Store: {store}</source>
      <translation>门店：{store}</translation>
    </message>
  </context>
</TS>

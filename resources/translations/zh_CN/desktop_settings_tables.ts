<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>StoreSettings</name>
    <message>
      <source>Cap (CNY)</source>
      <translation>减免上限（元）</translation>
    </message>
    <message>
      <source>Displacement up to (litres)</source>
      <translation>排量上限（升）</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Tax reduced by (%)</source>
      <translation>减免比例（%）</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Yearly tax (CNY)</source>
      <translation>年税额（元）</translation>
    </message>
  </context>
</TS>

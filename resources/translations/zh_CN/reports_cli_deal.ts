<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>cli</name>
    <message>
      <source>--line takes CODE=AMOUNT, got '{value}'.</source>
      <translation>--line 的格式是 代码=金额，输入的是“{value}”。</translation>
    </message>
    <message>
      <source>Cash lines</source>
      <translation>现金支付项目合计</translation>
    </message>
    <message>
      <source>Financed lines</source>
      <translation>贷款支付项目合计</translation>
    </message>
    <message>
      <source>On-the-road price</source>
      <translation>落地价</translation>
    </message>
    <message>
      <source>Reference price ({kind})</source>
      <translation>参考价（{kind}）</translation>
    </message>
    <message>
      <source>VIN {vin}: {manufacturer}, model year {year}</source>
      <translation>车架号 {vin}：{manufacturer}，车型年份 {year}</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>评估价</translation>
    </message>
    <message>
      <source>Vehicle price</source>
      <translation>车辆售价</translation>
    </message>
    <message>
      <source>cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <source>financed</source>
      <translation>计入贷款</translation>
    </message>
    <message>
      <source>new-car guide price</source>
      <translation>新车指导价</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>used-market price</source>
      <translation>二手车市场价</translation>
    </message>
  </context>
</TS>

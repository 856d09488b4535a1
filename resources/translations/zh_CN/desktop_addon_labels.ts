<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AddOnEditor</name>
    <message>
      <source>As in the on-road costs</source>
      <translation>按落地费用设置</translation>
    </message>
    <message>
      <source>Commercial insurance</source>
      <translation>商业险</translation>
    </message>
    <message>
      <source>Compulsory insurance</source>
      <translation>交强险</translation>
    </message>
    <message>
      <source>Extended warranty</source>
      <translation>延长保修</translation>
    </message>
    <message>
      <source>Fixed price</source>
      <translation>固定价格</translation>
    </message>
    <message>
      <source>GPS</source>
      <translation>GPS</translation>
    </message>
    <message>
      <source>Maintenance</source>
      <translation>保养</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Quoted at the counter</source>
      <translation>柜台现场报价</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>Share of the car price</source>
      <translation>按车价比例</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CatalogueEditor</name>
    <message>
      <source>Diesel</source>
      <translation>柴油</translation>
    </message>
    <message>
      <source>Hybrid (not plug-in)</source>
      <translation>混合动力（非插电）</translation>
    </message>
    <message>
      <source>Lenient</source>
      <translation>宽松</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>New cars</source>
      <translation>新车</translation>
    </message>
    <message>
      <source>New-energy (NEV)</source>
      <translation>新能源</translation>
    </message>
    <message>
      <source>Petrol</source>
      <translation>汽油</translation>
    </message>
    <message>
      <source>Strict (bank)</source>
      <translation>严格（银行）</translation>
    </message>
    <message>
      <source>Used cars</source>
      <translation>二手车</translation>
    </message>
  </context>
</TS>

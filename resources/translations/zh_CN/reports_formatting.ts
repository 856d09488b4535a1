<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Vocabulary</name>
    <message>
      <source>{n} months</source>
      <translation>{n} 个月</translation>
    </message>
  </context>
</TS>

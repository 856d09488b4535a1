<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CatalogueEditor</name>
    <message>
      <source>(not active)</source>
      <translation>（已停用）</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>{name} · saved plans made with it: {n} (they keep their figures)</source>
      <translation>{name} · 用它制作的已存方案：{n} 个（保持原有数字）</translation>
    </message>
  </context>
</TS>

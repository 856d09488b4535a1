<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>cli</name>
    <message>
      <source>{option} can have at most two decimals (fen).</source>
      <translation>{option} 最多两位小数（精确到分）。</translation>
    </message>
    <message>
      <source>{option} cannot be negative.</source>
      <translation>{option} 不能为负数。</translation>
    </message>
    <message>
      <source>{option} must be a date like 2026-11-22, got '{value}'.</source>
      <translation>{option} 必须是 2026-11-22 这样的日期，输入的是“{value}”。</translation>
    </message>
    <message>
      <source>{option} must be a number, got '{value}'.</source>
      <translation>{option} 必须是数字，输入的是“{value}”。</translation>
    </message>
    <message>
      <source>{option} must be a whole number, got '{value}'.</source>
      <translation>{option} 必须是整数，输入的是“{value}”。</translation>
    </message>
    <message>
      <source>{option} must be one of: {choices}; got '{value}'.</source>
      <translation>{option} 必须是以下之一：{choices}；输入的是“{value}”。</translation>
    </message>
  </context>
</TS>

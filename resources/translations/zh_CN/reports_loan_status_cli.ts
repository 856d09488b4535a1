<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LoanStatusCli</name>
    <message>
      <source>  ... and {n} more (--unmatched FILE.csv lists them all)</source>
      <translation>  ……另有 {n} 行（--unmatched 文件.csv 可列出全部）</translation>
    </message>
    <message>
      <source>  line {line}: {reference} - {why}</source>
      <translation>  第 {line} 行：{reference} - {why}</translation>
    </message>
    <message>
      <source>As of: {dates}</source>
      <translation>数据日期：{dates}</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <source>There is no file {path}.</source>
      <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
      <source>Unmatched rows written to {path}</source>
      <translation>未匹配的行已写入 {path}</translation>
    </message>
    <message>
      <source>line</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>reference</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>{rows} rows read: {matched} stored ({replaced} replacing an earlier import), {unmatched} unmatched.</source>
      <translation>读取 {rows} 行：保存 {matched} 行（其中 {replaced} 行替换了之前的导入），{unmatched} 行未匹配。</translation>
    </message>
  </context>
</TS>

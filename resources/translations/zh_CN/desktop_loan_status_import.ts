<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LoanStatusImportDialog</name>
    <message>
      <source>Another lender: a mapping file of my own…</source>
      <translation>其他贷款机构：使用自己的列映射文件…</translation>
    </message>
    <message>
      <source>As of: {dates}</source>
      <translation>数据日期：{dates}</translation>
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation>CSV（*.csv）</translation>
    </message>
    <message>
      <source>CSV or Excel (*.csv *.xlsx)</source>
      <translation>CSV 或 Excel（*.csv *.xlsx）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose the lender's file first.</source>
      <translation>请先选择贷款机构的文件。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Column mapping</source>
      <translation>列映射</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Give the mapping file for this lender.</source>
      <translation>请指定此贷款机构的列映射文件。</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was stored.</source>
      <translation>已取消导入，未保存任何数据。</translation>
    </message>
    <message>
      <source>Import lender status</source>
      <translation>导入贷后状态</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Mapping file (.json), see README</source>
      <translation>列映射文件（.json），见 README</translation>
    </message>
    <message>
      <source>Nothing was stored.</source>
      <translation>未保存任何数据。</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Save the unmatched rows</source>
      <translation>保存未匹配的行</translation>
    </message>
    <message>
      <source>Save the unmatched rows…</source>
      <translation>保存未匹配的行…</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>已保存：{path}</translation>
    </message>
    <message>
      <source>The file has no date column; its figures are as of</source>
      <translation>文件没有日期列，数据日期为</translation>
    </message>
    <message>
      <source>The lender's export: .csv or .xlsx</source>
      <translation>贷款机构导出的文件：.csv 或 .xlsx</translation>
    </message>
    <message>
      <source>The lender's status file</source>
      <translation>贷款机构的贷后状态文件</translation>
    </message>
    <message>
      <source>Why it matched no loan</source>
      <translation>未匹配原因</translation>
    </message>
    <message>
      <source>{rows} rows read: {matched} stored ({replaced} replacing an earlier import), {unmatched} unmatched.</source>
      <translation>读取 {rows} 行：保存 {matched} 行（其中 {replaced} 行替换了之前的导入），{unmatched} 行未匹配。</translation>
    </message>
  </context>
</TS>

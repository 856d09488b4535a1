<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ExportDialog</name>
    <message>
      <source>All stores (group)</source>
      <translation>全部门店（集团）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose where to save the report.</source>
      <translation>请选择报表的保存位置。</translation>
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
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>导出已取消，没有生成文件。</translation>
    </message>
    <message>
      <source>Export report</source>
      <translation>导出报表</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Include full mobile and ID numbers (recorded in the audit log)</source>
      <translation>包含完整手机号和身份证号（将记入审计日志）</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>保存为</translation>
    </message>
    <message>
      <source>Save report as</source>
      <translation>报表另存为</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>已保存：{path}</translation>
    </message>
    <message>
      <source>Stores</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>The end date is before the start date.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束日期</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ExcelCli</name>
    <message>
      <source>--to ({end}) is before --from ({start}).</source>
      <translation>--to（{end}）早于 --from（{start}）。</translation>
    </message>
    <message>
      <source>LoanDesk is not set up yet: start the program once to create the owner account.</source>
      <translation>车贷助手尚未完成设置：请先启动一次程序并创建店主账号。</translation>
    </message>
    <message>
      <source>Report written to {path}</source>
      <translation>报表已保存至 {path}</translation>
    </message>
    <message>
      <source>Store {store} does not exist (--store takes a store's number or name from: {program} store list).</source>
      <translation>门店 {store} 不存在（--store 可填门店编号或名称，见：{program} store list）。</translation>
    </message>
    <message>
      <source>The workbook holds unmasked personal data; the export was logged.</source>
      <translation>该工作簿含未脱敏个人信息，本次导出已记入审计日志。</translation>
    </message>
    <message>
      <source>There is no LoanDesk database at {path}.</source>
      <translation>{path} 处没有车贷助手数据库。</translation>
    </message>
  </context>
</TS>

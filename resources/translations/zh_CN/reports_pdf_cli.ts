<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PdfCli</name>
    <message>
      <source>--lang must be zh_CN or en, got '{value}'.</source>
      <translation>--lang 必须是 zh_CN 或 en，收到的是“{value}”。</translation>
    </message>
    <message>
      <source>--out must be a file name, but {path} is a folder.</source>
      <translation>--out 必须是文件名，但 {path} 是一个文件夹。</translation>
    </message>
    <message>
      <source>Consultation {id} does not exist.</source>
      <translation>咨询单 {id} 不存在。</translation>
    </message>
    <message>
      <source>Consultation {id} has no finance plan yet.</source>
      <translation>咨询单 {id} 还没有金融方案。</translation>
    </message>
    <message>
      <source>Consultation {id} has no plan {plan}.</source>
      <translation>咨询单 {id} 中没有方案 {plan}。</translation>
    </message>
    <message>
      <source>The folder {path} does not exist.</source>
      <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
      <source>There is no LoanDesk database at {path}.</source>
      <translation>{path} 处没有车贷助手数据库。</translation>
    </message>
    <message>
      <source>Unknown document '{value}'; use one of: {choices}.</source>
      <translation>未知的文档“{value}”，请使用以下之一：{choices}。</translation>
    </message>
    <message>
      <source>Written {path}</source>
      <translation>已生成 {path}</translation>
    </message>
  </context>
</TS>

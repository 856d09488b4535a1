<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Application</name>
    <message>
      <source>LoanDesk</source>
      <translation>车贷助手</translation>
    </message>
    <message>
      <source>LoanDesk cannot start</source>
      <translation>车贷助手无法启动</translation>
    </message>
    <message>
      <source>Opening the database…</source>
      <translation>正在打开数据库…</translation>
    </message>
    <message>
      <source>The backup of {when} was restored.</source>
      <translation>已恢复 {when} 的备份。</translation>
    </message>
  </context>
</TS>

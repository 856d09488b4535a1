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
      <source>Other users of this computer can read the key file {path}, which unlocks the customers' personal data. Make it private: chmod 600 {path}</source>
      <translation>本机其他用户可以读取密钥文件 {path}，该文件可解开客户的个人信息。请将其设为仅本人可读：chmod 600 {path}</translation>
    </message>
    <message>
      <source>The backup of {when} was restored.</source>
      <translation>已恢复 {when} 的备份。</translation>
    </message>
  </context>
</TS>

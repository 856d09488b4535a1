<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LoginDialog</name>
    <message>
      <source>Change connection…</source>
      <translation>更改连接…</translation>
    </message>
    <message>
      <source>Enter your user name and password.</source>
      <translation>请输入用户名和密码。</translation>
    </message>
    <message>
      <source>LoanDesk</source>
      <translation>车贷助手</translation>
    </message>
    <message>
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Log in to LoanDesk</source>
      <translation>登录车贷助手</translation>
    </message>
    <message>
      <source>Opening the database…</source>
      <translation>正在打开数据库…</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Server: {server}</source>
      <translation>服务器：{server}</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>The owner may work in any store; staff always work in their own store.</source>
      <translation>店主可以进入任一门店；员工始终在自己所属的门店工作。</translation>
    </message>
    <message>
      <source>This account is disabled. Ask the owner.</source>
      <translation>该账号已停用，请联系店主。</translation>
    </message>
    <message>
      <source>This account is locked after too many wrong passwords. Try again after {time} ({date}), or ask the owner to unlock it.</source>
      <translation>密码错误次数过多，账号已被锁定。请在 {date} {time} 之后重试，或请店主解锁。</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>Wrong user name or password. {left} attempt(s) left before the account is locked for {minutes} minutes.</source>
      <translation>用户名或密码错误。还可以再试 {left} 次，之后账号将被锁定 {minutes} 分钟。</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>连接</translation>
    </message>
    <message>
      <source>Connect to the dealer group's server</source>
      <translation>连接集团的数据库服务器</translation>
    </message>
    <message>
      <source>The database {server} is empty. Set it up from the first-run dialog of a counter that has no database yet, or check the database name.</source>
      <translation>数据库 {server} 是空的。请在一台尚无数据库的柜台上通过首次设置对话框建立它，或检查数据库名。</translation>
    </message>
    <message>
      <source>Use this counter's own database</source>
      <translation>使用本柜台自己的数据库</translation>
    </message>
  </context>
  <context>
    <name>KeyImportDialog</name>
    <message>
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose the key file.</source>
      <translation>请选择密钥文件。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Enter the key file's passphrase.</source>
      <translation>请输入密钥文件的口令。</translation>
    </message>
    <message>
      <source>Import and connect</source>
      <translation>导入并连接</translation>
    </message>
    <message>
      <source>Import the key file</source>
      <translation>导入密钥文件</translation>
    </message>
    <message>
      <source>Key file</source>
      <translation>密钥文件</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>口令</translation>
    </message>
    <message>
      <source>The .key file from the first counter</source>
      <translation>第一台柜台导出的密钥文件</translation>
    </message>
    <message>
      <source>The owner makes the key file on the first counter with {program} key export and tells you its passphrase separately.</source>
      <translation>店主在第一台柜台上用 {program} key export 生成密钥文件，并另行告知您口令。</translation>
    </message>
  </context>
  <context>
    <name>ServerForm</name>
    <message>
      <source>A connection URL looks like {example}.</source>
      <translation>连接地址的格式类似 {example}。</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>数据库名</translation>
    </message>
    <message>
      <source>Enter the name of the database on the server.</source>
      <translation>请输入服务器上的数据库名。</translation>
    </message>
    <message>
      <source>Enter the server's address.</source>
      <translation>请输入服务器地址。</translation>
    </message>
    <message>
      <source>Import the key file…</source>
      <translation>导入密钥文件…</translation>
    </message>
    <message>
      <source>Optional. When filled in, the fields above are not used.</source>
      <translation>可选。填写后将不使用上面的各项。</translation>
    </message>
    <message>
      <source>Or a connection URL</source>
      <translation>或连接地址（URL）</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>端口</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Several counters share one PostgreSQL server. Enter what your IT person gave you. The password is not saved on this computer; LoanDesk asks for it again when it needs it.</source>
      <translation>多个柜台共用一台 PostgreSQL 服务器。请填写 IT 人员提供的连接信息。密码不会保存在本机，需要时车贷助手会再次询问。</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>e.g. 192.168.1.20 or db.hengtong.local</source>
      <translation>例如 192.168.1.20 或 db.hengtong.local</translation>
    </message>
  </context>
</TS>

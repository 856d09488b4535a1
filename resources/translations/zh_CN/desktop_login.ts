<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Application</name>
    <message>
      <source>LoanDesk cannot start</source>
      <translation>车贷助手无法启动</translation>
    </message>
  </context>
  <context>
    <name>Passwords</name>
    <message>
      <source>At least {n} characters, with both letters and digits; not a common password.</source>
      <translation>至少 {n} 个字符，须同时包含字母和数字，且不能是常见密码。</translation>
    </message>
  </context>
  <context>
    <name>SetupDialog</name>
    <message>
      <source>A user name has at most 64 characters and no spaces.</source>
      <translation>用户名最多 64 个字符，且不能包含空格。</translation>
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
      <source>Connected to {server}. Its database is new: enter the name of the dealer group's first store and create the owner account. The owner can add stores and staff accounts later.</source>
      <translation>已连接 {server}。这是一个新的数据库：请输入集团第一家门店的名称并创建店主账号。店主之后可以添加门店和员工账号。</translation>
    </message>
    <message>
      <source>Create store and owner</source>
      <translation>创建门店和店主账号</translation>
    </message>
    <message>
      <source>Enter a user name.</source>
      <translation>请输入用户名。</translation>
    </message>
    <message>
      <source>Enter the store's name.</source>
      <translation>请输入门店名称。</translation>
    </message>
    <message>
      <source>Owner user name</source>
      <translation>店主用户名</translation>
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
      <source>Repeat password</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>Set up LoanDesk</source>
      <translation>设置车贷助手</translation>
    </message>
    <message>
      <source>Set up this counter's own database</source>
      <translation>为本柜台建立自己的数据库</translation>
    </message>
    <message>
      <source>Shown in the status bar and on reports</source>
      <translation>显示在状态栏和报表上</translation>
    </message>
    <message>
      <source>Store name</source>
      <translation>门店名称</translation>
    </message>
    <message>
      <source>The two passwords are not the same.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Welcome. Before the first consultation, enter your store's name and create the owner account. The owner can add staff accounts later.</source>
      <translation>欢迎使用。开始第一次咨询前，请填写门店名称并创建店主账号。店主之后可以为员工添加账号。</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>您的姓名</translation>
    </message>
    <message>
      <source>e.g. Hengtong Used Cars, Chaoyang store</source>
      <translation>例如：恒通二手车朝阳店</translation>
    </message>
  </context>
  <context>
    <name>StartupError</name>
    <message>
      <source>The encryption key file {path} is damaged. Import the key file from the first counter ({program} key import --from FILE --replace --user NAME) or restore it from your backup.</source>
      <translation>加密密钥文件 {path} 已损坏。请从第一台柜台电脑导入密钥文件（{program} key import --from 文件 --replace --user 用户名），或从备份中恢复。</translation>
    </message>
    <message>
      <source>The encryption key file {path} is missing, so customer data cannot be read. Import the key file from the first counter ({program} key import --from FILE --user NAME) or restore it from your backup.</source>
      <translation>加密密钥文件 {path} 不存在，因此无法读取客户数据。请从第一台柜台电脑导入密钥文件（{program} key import --from 文件 --user 用户名），或从备份中恢复。</translation>
    </message>
    <message>
      <source>This database was encrypted with a different key than this computer's key file {path}, so customer data cannot be read. Import the key file from the first counter: {program} key import --from FILE --replace --user NAME</source>
      <translation>此数据库使用的加密密钥与本机密钥文件 {path} 不同，因此无法读取客户数据。请从第一台柜台电脑导入密钥文件：{program} key import --from 文件 --replace --user 用户名</translation>
    </message>
  </context>
</TS>

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
    <name>LoginDialog</name>
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
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
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
  <context>
    <name>SetupDialog</name>
    <message>
      <source>A password needs at least {n} characters.</source>
      <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>A user name has at most 64 characters and no spaces.</source>
      <translation>用户名最多 64 个字符，且不能包含空格。</translation>
    </message>
    <message>
      <source>At least {n} characters, with both letters and digits.</source>
      <translation>至少 {n} 个字符，须同时包含字母和数字。</translation>
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
      <source>Use both letters and digits in the password.</source>
      <translation>密码须同时包含字母和数字。</translation>
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
      <source>The encryption key file {path} is damaged. Import the key file from the first counter (python main.py key import --from FILE --replace) or restore it from your backup.</source>
      <translation>加密密钥文件 {path} 已损坏。请从第一台柜台电脑导入密钥文件（python main.py key import --from 文件 --replace），或从备份中恢复。</translation>
    </message>
    <message>
      <source>The encryption key file {path} is missing, so customer data cannot be read. Import the key file from the first counter (python main.py key import --from FILE) or restore it from your backup.</source>
      <translation>加密密钥文件 {path} 不存在，无法读取客户数据。请从第一台柜台电脑导入密钥文件（python main.py key import --from 文件），或从备份中恢复。</translation>
    </message>
    <message>
      <source>This database was encrypted with a different key than this computer's key file {path}, so customer data cannot be read. Import the key file from the first counter: python main.py key import --from FILE --replace</source>
      <translation>此数据库使用的加密密钥与本机密钥文件 {path} 不同，无法读取客户数据。请从第一台柜台电脑导入密钥文件：python main.py key import --from 文件 --replace</translation>
    </message>
  </context>
</TS>

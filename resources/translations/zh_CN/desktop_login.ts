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
      <source>The file was made by a newer LoanDesk; update LoanDesk first.</source>
      <translation>该文件由更新版本的车贷助手生成；请先升级车贷助手。</translation>
    </message>
    <message>
      <source>The key could not be saved on this computer: {why}</source>
      <translation>无法在本机保存密钥：{why}</translation>
    </message>
    <message>
      <source>The owner makes the key file on the first counter with python main.py key export and tells you its passphrase separately.</source>
      <translation>店主在第一台柜台上用 python main.py key export 生成密钥文件，并另行告知您口令。</translation>
    </message>
    <message>
      <source>This is not a LoanDesk key file (or it cannot be read).</source>
      <translation>这不是车贷助手的密钥文件（或无法读取）。</translation>
    </message>
    <message>
      <source>This key belongs to another database, not to the server's. Nothing was changed; ask the owner for the right key file.</source>
      <translation>该密钥属于另一个数据库，不是服务器上的数据库。未做任何更改；请向店主索取正确的密钥文件。</translation>
    </message>
    <message>
      <source>Wrong passphrase, or the file is damaged. Nothing was changed.</source>
      <translation>口令错误，或文件已损坏。未做任何更改。</translation>
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
      <source>The database {server} holds other data, not LoanDesk's. Nothing was changed; check the database name.</source>
      <translation>数据库 {server} 中是其他数据，不是车贷助手的数据。未做任何更改；请检查数据库名。</translation>
    </message>
    <message>
      <source>The server asks for the password. It is not saved on this computer: enter it and connect.</source>
      <translation>服务器需要密码。密码不会保存在本机：请输入密码后连接。</translation>
    </message>
    <message>
      <source>The server cannot be used: {detail}</source>
      <translation>无法使用该服务器：{detail}</translation>
    </message>
    <message>
      <source>The server does not let this computer or this user in. Ask your IT person to allow it (pg_hba.conf on the server).</source>
      <translation>服务器不允许本机或该用户连接。请联系 IT 人员开通（服务器上的 pg_hba.conf）。</translation>
    </message>
    <message>
      <source>The server refused the user name or password. Check them with your IT person.</source>
      <translation>服务器拒绝了该用户名或密码。请与 IT 人员核对。</translation>
    </message>
    <message>
      <source>The server {server} does not answer. Check the address and port, that the server is running and that this computer is on the dealership's network.</source>
      <translation>服务器 {server} 没有响应。请检查地址和端口、服务器是否已启动，以及本机是否连在门店网络上。</translation>
    </message>
    <message>
      <source>The server's customer data was encrypted with the dealer group's key, and this counter has a different key. Import the key file the owner exported (python main.py key export on the first counter).</source>
      <translation>服务器上的客户资料使用集团的密钥加密，而本柜台的密钥与之不同。请导入店主导出的密钥文件（在第一台柜台上运行 python main.py key export）。</translation>
    </message>
    <message>
      <source>The server's database was written by a newer LoanDesk. Install the newer LoanDesk on this counter.</source>
      <translation>服务器上的数据库由更新版本的车贷助手写入。请在本柜台安装新版本的车贷助手。</translation>
    </message>
    <message>
      <source>There is no database {server}. Check the database name.</source>
      <translation>没有数据库 {server}。请检查数据库名。</translation>
    </message>
    <message>
      <source>This counter does not have the dealer group's encryption key yet. Import the key file the owner exported (python main.py key export on the first counter).</source>
      <translation>本柜台还没有集团的加密密钥。请导入店主导出的密钥文件（在第一台柜台上运行 python main.py key export）。</translation>
    </message>
    <message>
      <source>This is not a database address LoanDesk can use.</source>
      <translation>这不是车贷助手可以使用的数据库地址。</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>e.g. 192.168.1.20 or db.hengtong.local</source>
      <translation>例如 192.168.1.20 或 db.hengtong.local</translation>
    </message>
    <message>
      <source>the database server</source>
      <translation>数据库服务器</translation>
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
      <source>The encryption key file {path} is damaged. Import the key file from the first counter (python main.py key import --from FILE --replace --user NAME) or restore it from your backup.</source>
      <translation>加密密钥文件 {path} 已损坏。请从第一台柜台电脑导入密钥文件（python main.py key import --from 文件 --replace --user 用户名），或从备份中恢复。</translation>
    </message>
    <message>
      <source>The encryption key file {path} is missing, so customer data cannot be read. Import the key file from the first counter (python main.py key import --from FILE --user NAME) or restore it from your backup.</source>
      <translation>加密密钥文件 {path} 不存在，因此无法读取客户数据。请从第一台柜台电脑导入密钥文件（python main.py key import --from 文件 --user 用户名），或从备份中恢复。</translation>
    </message>
    <message>
      <source>This database was encrypted with a different key than this computer's key file {path}, so customer data cannot be read. Import the key file from the first counter: python main.py key import --from FILE --replace --user NAME</source>
      <translation>此数据库使用的加密密钥与本机密钥文件 {path} 不同，因此无法读取客户数据。请从第一台柜台电脑导入密钥文件：python main.py key import --from 文件 --replace --user 用户名</translation>
    </message>
  </context>
</TS>

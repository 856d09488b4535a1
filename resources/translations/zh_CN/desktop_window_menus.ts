<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>工具(&amp;T)</translation>
    </message>
    <message>
      <source>About LoanDesk</source>
      <translation>关于车贷助手</translation>
    </message>
    <message>
      <source>Add-ons…</source>
      <translation>附加项目…</translation>
    </message>
    <message>
      <source>Backups…</source>
      <translation>备份…</translation>
    </message>
    <message>
      <source>Blacklist…</source>
      <translation>黑名单…</translation>
    </message>
    <message>
      <source>Copy the set-up…</source>
      <translation>复制门店配置…</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>经营看板</translation>
    </message>
    <message>
      <source>Export report…</source>
      <translation>导出报表…</translation>
    </message>
    <message>
      <source>Find customer</source>
      <translation>查找客户</translation>
    </message>
    <message>
      <source>Guided start…</source>
      <translation>入门向导…</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>首页</translation>
    </message>
    <message>
      <source>Import lender status…</source>
      <translation>导入贷后状态…</translation>
    </message>
    <message>
      <source>Log out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <source>New consultation</source>
      <translation>新建咨询</translation>
    </message>
    <message>
      <source>Overrides awaiting approval…</source>
      <translation>待审批的评估价调整…</translation>
    </message>
    <message>
      <source>Products and lenders…</source>
      <translation>产品与资方…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <source>Signed in: {name} ({role})</source>
      <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
      <source>Staff and stores…</source>
      <translation>员工与门店…</translation>
    </message>
    <message>
      <source>Store settings…</source>
      <translation>门店设置…</translation>
    </message>
    <message>
      <source>Store: {store}</source>
      <translation>门店：{store}</translation>
    </message>
  </context>
</TS>

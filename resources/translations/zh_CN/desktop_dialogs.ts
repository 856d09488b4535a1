<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>NewConsultationDialog</name>
    <message>
      <source>11 digits, e.g. 138 1234 5678 (optional)</source>
      <translation>11 位数字，例如 138 1234 5678（选填）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Customer name</source>
      <translation>客户姓名</translation>
    </message>
    <message>
      <source>Enter the customer's name and mobile number. If the mobile number belongs to a known customer, the consultation is opened for them.</source>
      <translation>请输入客户姓名和手机号。如果该手机号属于已有客户，将直接为该客户新建咨询。</translation>
    </message>
    <message>
      <source>Enter the customer's name.</source>
      <translation>请输入客户姓名。</translation>
    </message>
    <message>
      <source>Full name as on the ID card</source>
      <translation>与身份证一致的姓名</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>New consultation</source>
      <translation>新建咨询</translation>
    </message>
    <message>
      <source>Start consultation</source>
      <translation>开始咨询</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Language / 语言</source>
      <translation>语言 / Language</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>The window is rebuilt in the new language; your open consultation stays open.</source>
      <translation>窗口将以新语言重新显示，正在办理的咨询不会关闭。</translation>
    </message>
  </context>
</TS>

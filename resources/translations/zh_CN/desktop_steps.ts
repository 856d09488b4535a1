<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>FlowView</name>
    <message>
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Enter</translation>
    </message>
    <message>
      <source>Ctrl+S</source>
      <translation>Ctrl+S</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save and next step »</source>
      <translation>保存并进入下一步 »</translation>
    </message>
    <message>
      <source>Steps</source>
      <translation>办理步骤</translation>
    </message>
    <message>
      <source>« Previous step</source>
      <translation>« 上一步</translation>
    </message>
  </context>
  <context>
    <name>PlaceholderPage</name>
    <message>
      <source>The “{step}” page is not available in this version.</source>
      <translation>此版本暂不提供“{step}”页面。</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ConnectionIndicator</name>
    <message>
      <source>Database unreachable: changes are kept, retrying</source>
      <translation>数据库无法连接：修改已保留，正在重试</translation>
    </message>
    <message>
      <source>The database cannot be reached. Unsaved changes stay in their forms and are saved as soon as the connection is back.</source>
      <translation>无法连接数据库。未保存的修改保留在各自的表单中，连接恢复后立即保存。</translation>
    </message>
  </context>
</TS>

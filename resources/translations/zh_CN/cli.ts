<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>cli</name>
    <message>
      <source>The key file {path} can be read by other users of this computer; make it private with: chmod 600 {path}</source>
      <translation>本机其他用户可以读取密钥文件 {path}；请用以下命令设为仅本人可读：chmod 600 {path}</translation>
    </message>
    <message>
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>interrupted</source>
      <translation>已中断</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>警告</translation>
    </message>
  </context>
</TS>

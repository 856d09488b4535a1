<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Crash</name>
    <message>
      <source>A report for support was written to:
{path}</source>
      <translation>已为技术支持生成错误报告：
{path}</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>已复制</translation>
    </message>
    <message>
      <source>Copy details</source>
      <translation>复制详情</translation>
    </message>
    <message>
      <source>LoanDesk - unexpected error</source>
      <translation>车贷助手 — 意外错误</translation>
    </message>
    <message>
      <source>Something went wrong inside LoanDesk; the last action did not finish.</source>
      <translation>程序内部出错，刚才的操作没有完成。</translation>
    </message>
    <message>
      <source>The report could not be written to a file; use Copy details.</source>
      <translation>错误报告无法写入文件，请点击“复制详情”。</translation>
    </message>
    <message>
      <source>What was saved before is safe. Check the page, then try again.</source>
      <translation>此前已保存的内容不受影响。请检查当前页面后重试。</translation>
    </message>
  </context>
</TS>

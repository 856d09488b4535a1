<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DocumentDialog</name>
    <message>
      <source>Cannot save in {folder}: {error}. Choose a folder you may write to.</source>
      <translation>无法保存到 {folder}：{error}。请选择有写入权限的文件夹。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Could not save {path}: {error}. Nothing was written.</source>
      <translation>无法保存 {path}：{error}。未写入任何文件。</translation>
    </message>
    <message>
      <source>Customer documents</source>
      <translation>客户文件</translation>
    </message>
    <message>
      <source>Disclosure sheet</source>
      <translation>关键信息披露书</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>适合宽度</translation>
    </message>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Page {page} of {count}</source>
      <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
      <source>Preparing the {document}…</source>
      <translation>正在生成{document}…</translation>
    </message>
    <message>
      <source>Print {document}</source>
      <translation>打印{document}</translation>
    </message>
    <message>
      <source>Printing page {page} of {count}…</source>
      <translation>正在打印第 {page} 页，共 {count} 页…</translation>
    </message>
    <message>
      <source>Printing stopped: {error}</source>
      <translation>打印已中止：{error}</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>报价单</translation>
    </message>
    <message>
      <source>Repayment plan</source>
      <translation>还款计划表</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>另存为 PDF…</translation>
    </message>
    <message>
      <source>Save {document} as</source>
      <translation>将{document}另存为</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
    <message>
      <source>Sent {count} page(s) to the printer.</source>
      <translation>已将 {count} 页发送到打印机。</translation>
    </message>
    <message>
      <source>Sent {count} page(s) to {printer}.</source>
      <translation>已将 {count} 页发送到 {printer}。</translation>
    </message>
    <message>
      <source>Show the whole width of the page</source>
      <translation>按页面宽度显示</translation>
    </message>
    <message>
      <source>The chosen page range holds no page of this document.</source>
      <translation>所选页码范围内没有本文件的页面。</translation>
    </message>
    <message>
      <source>The consultation or its plan could not be found; it may have been deleted. Reopen the consultation and try again.</source>
      <translation>找不到该咨询或其方案，可能已被删除。请重新打开该咨询后再试。</translation>
    </message>
    <message>
      <source>The document could not be made ({error}). Please try again; if it happens again, tell the store owner.</source>
      <translation>文件生成失败（{error}）。请重试；如仍失败，请告知店长。</translation>
    </message>
    <message>
      <source>The document was made but cannot be shown. Please try again.</source>
      <translation>文件已生成，但无法显示。请重试。</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist. Choose another place to save.</source>
      <translation>文件夹 {folder} 不存在。请选择其他保存位置。</translation>
    </message>
    <message>
      <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
      <translation>无法启动打印机。请检查打印机是否已开机并连接，然后重试。</translation>
    </message>
    <message>
      <source>This consultation has no finance plan yet. Choose a plan on the Finance plan page first, then open the documents again.</source>
      <translation>该咨询尚无金融方案。请先在“金融方案”页选定方案，再打开客户文件。</translation>
    </message>
    <message>
      <source>This document cannot be printed because it would contain wording that must not be used with customers: {words}. Change the product, add-on or store name that holds it, then try again.</source>
      <translation>该文件含有不得向客户使用的用语：{words}，因此无法打印。请修改含有该用语的产品、附加项目或门店名称后再试。</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <source>You may not print the documents of this consultation.</source>
      <translation>您无权打印该咨询的客户文件。</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>page {page} could not be drawn</source>
      <translation>第 {page} 页无法绘制</translation>
    </message>
    <message>
      <source>the printer refused a new page</source>
      <translation>打印机拒绝了新的一页</translation>
    </message>
    <message>
      <source>{path} is a folder. Choose a file name.</source>
      <translation>{path} 是一个文件夹。请输入文件名。</translation>
    </message>
  </context>
  <context>
    <name>DocumentsButton</name>
    <message>
      <source>Customer documents</source>
      <translation>客户文件</translation>
    </message>
    <message>
      <source>Disclosure sheet…</source>
      <translation>关键信息披露书…</translation>
    </message>
    <message>
      <source>Preview, print or save the customer's documents</source>
      <translation>预览、打印或保存客户文件</translation>
    </message>
    <message>
      <source>Quote…</source>
      <translation>报价单…</translation>
    </message>
    <message>
      <source>Repayment plan…</source>
      <translation>还款计划表…</translation>
    </message>
  </context>
</TS>

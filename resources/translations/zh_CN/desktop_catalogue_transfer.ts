<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CatalogueTransferDialog</name>
    <message>
      <source>A .json file holds the catalogue and every store setting. An Excel workbook (.xlsx) holds the catalogue, one sheet per table with headings in Chinese and English, for you to edit and import again.</source>
      <translation>.json 文件包含产品目录和全部门店设置。Excel 工作簿（.xlsx）只包含产品目录，每张表一个工作表，表头为中英文，可编辑后再导入。</translation>
    </message>
    <message>
      <source>Add-ons: {counts}.</source>
      <translation>附加项目：{counts}。</translation>
    </message>
    <message>
      <source>Also take the store profile (address, phone, licence No., logo, complaints)</source>
      <translation>同时导入门店资料（地址、电话、执照号、标志、投诉渠道）</translation>
    </message>
    <message>
      <source>Catalogue and settings (*.json)</source>
      <translation>产品目录和设置 (*.json)</translation>
    </message>
    <message>
      <source>Catalogue as an Excel workbook (*.xlsx)</source>
      <translation>产品目录 Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Catalogue files (*.json *.xlsx)</source>
      <translation>产品目录文件 (*.json *.xlsx)</translation>
    </message>
    <message>
      <source>Choose a file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Copy the set-up</source>
      <translation>复制门店配置</translation>
    </message>
    <message>
      <source>Copy this store's catalogue - lenders, products with their rates by grade, add-ons - and its settings to a file, to set up another store the same way.</source>
      <translation>将本店的产品目录（资金方、含分级利率的产品、附加项目）和门店设置复制到文件中，用来以同样方式配置另一家门店。</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Export the set-up</source>
      <translation>导出门店配置</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Import a set-up</source>
      <translation>导入门店配置</translation>
    </message>
    <message>
      <source>Imported {file}.</source>
      <translation>已导入 {file}。</translation>
    </message>
    <message>
      <source>Lenders: {counts}.</source>
      <translation>资金方：{counts}。</translation>
    </message>
    <message>
      <source>New plans use the imported catalogue; saved plans keep theirs.</source>
      <translation>新方案使用导入的产品目录；已保存的方案保持原样。</translation>
    </message>
    <message>
      <source>No file chosen</source>
      <translation>未选择文件</translation>
    </message>
    <message>
      <source>Only the owner can export or import the set-up.</source>
      <translation>只有店主可以导出或导入门店配置。</translation>
    </message>
    <message>
      <source>Products: {counts}.</source>
      <translation>产品：{counts}。</translation>
    </message>
    <message>
      <source>Settings changed: {n}.</source>
      <translation>已修改的设置：{n} 项。</translation>
    </message>
    <message>
      <source>The file was not imported: {n} problem(s), listed below. Nothing was changed.</source>
      <translation>文件未导入：共 {n} 处问题，见下方列表。未做任何更改。</translation>
    </message>
    <message>
      <source>The file's catalogue replaces this store's: products, lenders and add-ons that the file does not hold are deactivated, never deleted, and saved plans keep theirs. A .json file also brings its settings. The whole file is checked first; if anything is wrong, nothing changes.</source>
      <translation>文件中的产品目录将替换本店的产品目录：文件中没有的产品、资金方和附加项目会被停用而不会被删除，已保存的方案保持不变。.json 文件还会带入其中的设置。导入前会先检查整个文件；只要有任何问题，就不做任何更改。</translation>
    </message>
    <message>
      <source>What customer paper prints about the store. The store always keeps its own name.</source>
      <translation>即客户文件上打印的门店信息。门店名称始终保持不变。</translation>
    </message>
    <message>
      <source>With {n} store settings.</source>
      <translation>另含 {n} 项门店设置。</translation>
    </message>
    <message>
      <source>Written to {path}: {lenders} lenders, {products} products, {add_ons} add-ons.</source>
      <translation>已写入 {path}：{lenders} 家资金方、{products} 个产品、{add_ons} 个附加项目。</translation>
    </message>
    <message>
      <source>{added} added, {changed} changed, {deactivated} deactivated</source>
      <translation>新增 {added}，修改 {changed}，停用 {deactivated}</translation>
    </message>
  </context>
</TS>

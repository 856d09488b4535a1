<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AddOnDialog</name>
    <message>
      <source>A lender may require an add-on for its loans (full insurance with the lender as first beneficiary); the customer still chooses the insurer. Everything else is optional.</source>
      <translation>资金方可要求贷款客户购买某个附加项目（如以资金方为第一受益人的全险），但保险公司仍由客户自选。其余项目均为自愿选购。</translation>
    </message>
    <message>
      <source>Add an add-on</source>
      <translation>新增附加项目</translation>
    </message>
    <message>
      <source>Add-ons</source>
      <translation>附加项目</translation>
    </message>
    <message>
      <source>Changes apply to new plans; saved plans keep the add-ons they were offered. Every change is recorded with who made it and when.</source>
      <translation>更改只适用于新方案，已保存的方案保留当时的附加项目。每次更改都会记录操作人和时间。</translation>
    </message>
    <message>
      <source>Choose an add-on to see which lenders require it.</source>
      <translation>选择一个附加项目，查看哪些资金方要求购买。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Lenders that require {add_on}:</source>
      <translation>要求购买“{add_on}”的资金方：</translation>
    </message>
    <message>
      <source>Names the add-on in an exported catalogue; fixed once the add-on is saved.</source>
      <translation>在导出的产品目录中标识该附加项目；保存后不可更改。</translation>
    </message>
    <message>
      <source>Nothing was saved: correct the cells marked in red.</source>
      <translation>未保存任何内容：请更正标红的单元格。</translation>
    </message>
    <message>
      <source>Only a row not saved yet can be removed; untick Active to stop offering a saved add-on (plans that offered it keep it).</source>
      <translation>只能删除尚未保存的行；如不再提供已保存的附加项目，请取消勾选“启用”（已包含它的方案保持不变）。</translation>
    </message>
    <message>
      <source>Only the owner can change the add-ons.</source>
      <translation>只有店主可以修改附加项目。</translation>
    </message>
    <message>
      <source>Only the owner can change the add-ons; you can read them here.</source>
      <translation>只有店主可以修改附加项目；您可以在此查看。</translation>
    </message>
    <message>
      <source>Remove the new row</source>
      <translation>删除新增行</translation>
    </message>
    <message>
      <source>Row {row}, {column}</source>
      <translation>第 {row} 行，{column}</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Saved. New plans offer these add-ons from now on.</source>
      <translation>已保存。今后新方案将提供这些附加项目。</translation>
    </message>
    <message>
      <source>{where}: {why}</source>
      <translation>{where}：{why}</translation>
    </message>
  </context>
  <context>
    <name>AddOnEditor</name>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>As in the store settings' on-road costs.</source>
      <translation>按门店设置中的落地费用。</translation>
    </message>
    <message>
      <source>As in the store settings' on-road costs: {small} CNY for a car with fewer than {seats} seats, {large} CNY from {seats} seats.</source>
      <translation>按门店设置中的落地费用：{seats} 座以下 {small} 元，{seats} 座及以上 {large} 元。</translation>
    </message>
    <message>
      <source>Chinese name</source>
      <translation>中文名称</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>May be financed</source>
      <translation>可纳入贷款</translation>
    </message>
    <message>
      <source>Price (CNY) or %</source>
      <translation>价格（元）或比例（%）</translation>
    </message>
    <message>
      <source>Price rule</source>
      <translation>定价方式</translation>
    </message>
    <message>
      <source>Priced at the counter for each customer (an insurer's quote).</source>
      <translation>在柜台为每位客户单独报价（以保险公司报价为准）。</translation>
    </message>
    <message>
      <source>Required by</source>
      <translation>要求购买的资金方</translation>
    </message>
    <message>
      <source>at the counter</source>
      <translation>现场报价</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>{small} / {large}</source>
      <translation>{small} / {large}</translation>
    </message>
  </context>
</TS>

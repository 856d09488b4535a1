<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CatalogueEditorDialog</name>
    <message>
      <source>Activate</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Add lender</source>
      <translation>新增资金方</translation>
    </message>
    <message>
      <source>Add product</source>
      <translation>新增产品</translation>
    </message>
    <message>
      <source>Car loan</source>
      <translation>汽车贷款</translation>
    </message>
    <message>
      <source>Card instalment</source>
      <translation>信用卡分期</translation>
    </message>
    <message>
      <source>Changes apply to new plans; saved plans keep their figures and print as they were. Nothing is deleted: deactivate what is no longer offered. Every change is recorded with who made it and when.</source>
      <translation>修改只适用于新方案；已存方案保持原有数字，打印内容不变。不会删除任何内容：不再提供的请停用。每次修改都会记录修改人和时间。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Consumer credit line</source>
      <translation>消费信贷产品</translation>
    </message>
    <message>
      <source>Copied as {name}. The copy is not offered until you tick "Offered in new plans" and save it.</source>
      <translation>已复制为 {name}。勾选“新方案中可选（在售）”并保存之前，副本不会提供给客户。</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Deactivate</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Lender saved.</source>
      <translation>资金方已保存。</translation>
    </message>
    <message>
      <source>Lenders</source>
      <translation>资金方</translation>
    </message>
    <message>
      <source>No longer offered in new plans. Saved plans keep it and still print.</source>
      <translation>新方案中不再提供。已存方案保留该产品，仍可打印。</translation>
    </message>
    <message>
      <source>Nothing was saved: correct the fields marked in red.</source>
      <translation>未保存任何内容：请更正标红的字段。</translation>
    </message>
    <message>
      <source>Offer again</source>
      <translation>重新启用</translation>
    </message>
    <message>
      <source>Offered in new plans again.</source>
      <translation>已重新在新方案中提供。</translation>
    </message>
    <message>
      <source>Only the owner can change products and lenders.</source>
      <translation>只有店主可以修改产品和资金方。</translation>
    </message>
    <message>
      <source>Only the owner can change products and lenders; you can read them here.</source>
      <translation>只有店主可以修改产品和资金方；您可以在这里查看。</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Products and lenders</source>
      <translation>产品与资方</translation>
    </message>
    <message>
      <source>Save lender</source>
      <translation>保存资金方</translation>
    </message>
    <message>
      <source>Save product</source>
      <translation>保存产品</translation>
    </message>
    <message>
      <source>Saved. New plans use it from now on; saved plans keep theirs.</source>
      <translation>已保存。新方案从现在起使用；已存方案保持不变。</translation>
    </message>
    <message>
      <source>The changes to {name} are not saved. Discard them?</source>
      <translation>对“{name}”的修改尚未保存。要放弃这些修改吗？</translation>
    </message>
    <message>
      <source>The kind of product Add product adds</source>
      <translation>“新增产品”所新增的产品类型</translation>
    </message>
    <message>
      <source>The lender is active again.</source>
      <translation>资金方已重新启用。</translation>
    </message>
    <message>
      <source>The lender is no longer chosen for products.</source>
      <translation>该资金方不再用于产品。</translation>
    </message>
    <message>
      <source>Undo changes</source>
      <translation>撤销修改</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
    <message>
      <source>the new product</source>
      <translation>新产品</translation>
    </message>
    <message>
      <source>{name} cannot be read; it can be deactivated or offered again.</source>
      <translation>无法读取“{name}”；可以停用或重新上架。</translation>
    </message>
  </context>
  <context>
    <name>LenderForm</name>
    <message>
      <source>Complaint channel</source>
      <translation>投诉渠道</translation>
    </message>
    <message>
      <source>Name in Chinese</source>
      <translation>中文名称</translation>
    </message>
    <message>
      <source>Name in English</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <source>New lender</source>
      <translation>新资金方</translation>
    </message>
    <message>
      <source>Payout account rules</source>
      <translation>放款账户规则</translation>
    </message>
    <message>
      <source>Products and plans name a lender by its English name; the customer's papers print the name in their language and the service phone.</source>
      <translation>产品和方案按英文名称记录资金方；客户拿到的单据上印的是客户所用语言的名称和客服电话。</translation>
    </message>
    <message>
      <source>Service phone</source>
      <translation>客服电话</translation>
    </message>
    <message>
      <source>e.g. 95588</source>
      <translation>例如 95588</translation>
    </message>
    <message>
      <source>e.g. 95588, or the banking regulator's hotline 12378</source>
      <translation>例如 95588，或银行业监管投诉热线 12378</translation>
    </message>
    <message>
      <source>e.g. paid to the dealer's account only, after the invoice and the mortgage registration</source>
      <translation>例如：只放款到经销商账户，须在开票和抵押登记之后</translation>
    </message>
  </context>
  <context>
    <name>LenderListModel</name>
    <message>
      <source>Chinese name</source>
      <translation>中文名称</translation>
    </message>
    <message>
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>在用</translation>
    </message>
    <message>
      <source>Not active</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Products: {names}</source>
      <translation>产品：{names}</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
  </context>
  <context>
    <name>ProductListModel</name>
    <message>
      <source>Lenders: {names}</source>
      <translation>资金方：{names}</translation>
    </message>
    <message>
      <source>Not offered</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Offered</source>
      <translation>在售</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Saved plans</source>
      <translation>已保存方案</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>card instalment</source>
      <translation>信用卡分期</translation>
    </message>
    <message>
      <source>consumer credit</source>
      <translation>消费信贷</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>SettingsEditor</name>
    <message>
      <source>Add phrase</source>
      <translation>添加词语</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>添加一行</translation>
    </message>
    <message>
      <source>An empty cap: the reduction has no upper limit.</source>
      <translation>减免上限留空：不设上限。</translation>
    </message>
    <message>
      <source>Check the lenders, products, rates and fees first. Once you confirm that they are your store's real offer, documents print without the "sample data" watermark.</source>
      <translation>请先核对资金方、产品、利率和费用。确认它们是本店的正式报价后，单据打印时不再带“样例数据”水印。</translation>
    </message>
    <message>
      <source>Choose picture…</source>
      <translation>选择图片…</translation>
    </message>
    <message>
      <source>Choose the store's logo</source>
      <translation>选择门店标志</translation>
    </message>
    <message>
      <source>Confirmed: quotes, plans and disclosure sheets print without the watermark.</source>
      <translation>已确认：报价单、还款计划和信息披露表打印时不带水印。</translation>
    </message>
    <message>
      <source>Default: {value}</source>
      <translation>默认值：{value}</translation>
    </message>
    <message>
      <source>No logo</source>
      <translation>无标志</translation>
    </message>
    <message>
      <source>Not confirmed yet: every document printed carries the "sample data - not an offer" watermark.</source>
      <translation>尚未确认：打印的每份单据都带有“样例数据，非正式报价”水印。</translation>
    </message>
    <message>
      <source>Nothing printed for a customer may contain these words or phrases (case, spaces, hyphens and full-width forms do not matter). A document that would contain one is not printed.</source>
      <translation>给客户打印的任何内容都不得包含这些词语（不区分大小写、空格、连字符和全角半角）。含有禁用词的单据不会被打印。</translation>
    </message>
    <message>
      <source>PNG or JPEG, at most {kb} KB; printed beside the store's name.</source>
      <translation>PNG 或 JPEG，最大 {kb} KB；打印在门店名称旁。</translation>
    </message>
    <message>
      <source>Pictures (*.png *.jpg *.jpeg)</source>
      <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Product catalogue</source>
      <translation>产品目录</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Remove phrase</source>
      <translation>删除词语</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>删除一行</translation>
    </message>
    <message>
      <source>The catalogue is our real offer</source>
      <translation>产品目录是本店的正式报价</translation>
    </message>
    <message>
      <source>The logo may be at most {kb} KB; use a smaller picture.</source>
      <translation>标志图片最大 {kb} KB，请换一张较小的图片。</translation>
    </message>
    <message>
      <source>The picture cannot be read: {why}</source>
      <translation>无法读取图片：{why}</translation>
    </message>
  </context>
  <context>
    <name>StoreSettingsDialog</name>
    <message>
      <source>Changes apply to new plans and documents; saved plans keep the figures they were made with. Every change is recorded with who made it and when.</source>
      <translation>修改只适用于新方案和新单据；已保存的方案保留当时的数据。每次修改都会记录修改人和时间。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Nothing has changed.</source>
      <translation>没有任何修改。</translation>
    </message>
    <message>
      <source>Nothing was saved: correct the fields marked in red.</source>
      <translation>未保存任何内容：请更正标红的字段。</translation>
    </message>
    <message>
      <source>Only the owner can change these settings.</source>
      <translation>只有店主可以修改这些设置。</translation>
    </message>
    <message>
      <source>Only the owner can change these settings; you can read them here.</source>
      <translation>只有店主可以修改这些设置，您可以在此查看。</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Saved {n} change(s). New plans and documents use them from now on.</source>
      <translation>已保存 {n} 项修改。新方案和新单据从现在起使用这些设置。</translation>
    </message>
    <message>
      <source>Store settings</source>
      <translation>门店设置</translation>
    </message>
  </context>
</TS>

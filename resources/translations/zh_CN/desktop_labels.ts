<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Labels</name>
    <message>
      <source>Blacklist</source>
      <translation>黑名单</translation>
    </message>
    <message>
      <source>Blocked</source>
      <translation>受阻</translation>
    </message>
    <message>
      <source>Blocked at: {step}</source>
      <translation>受阻于：{step}</translation>
    </message>
    <message>
      <source>Call back a high-intent lead</source>
      <translation>回访高意向客户</translation>
    </message>
    <message>
      <source>Complete</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>已交车</translation>
    </message>
    <message>
      <source>Delivery follow-up call</source>
      <translation>交车回访电话</translation>
    </message>
    <message>
      <source>Fake documents</source>
      <translation>虚假材料</translation>
    </message>
    <message>
      <source>Finance plan</source>
      <translation>金融方案</translation>
    </message>
    <message>
      <source>Finance specialist</source>
      <translation>金融专员</translation>
    </message>
    <message>
      <source>First visit after disbursement</source>
      <translation>放款后首次回访</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Fraud</source>
      <translation>欺诈</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>进行中</translation>
    </message>
    <message>
      <source>Industry blacklist</source>
      <translation>行业黑名单</translation>
    </message>
    <message>
      <source>Industry list</source>
      <translation>行业名单</translation>
    </message>
    <message>
      <source>Internal blacklist</source>
      <translation>内部黑名单</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>已流失</translation>
    </message>
    <message>
      <source>Not started</source>
      <translation>未开始</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>店主</translation>
    </message>
    <message>
      <source>Potential</source>
      <translation>潜在客户</translation>
    </message>
    <message>
      <source>Qualification</source>
      <translation>资质评估</translation>
    </message>
    <message>
      <source>Reception</source>
      <translation>接待</translation>
    </message>
    <message>
      <source>Regular</source>
      <translation>普通客户</translation>
    </message>
    <message>
      <source>Sales consultant</source>
      <translation>销售顾问</translation>
    </message>
    <message>
      <source>Serious default</source>
      <translation>严重违约</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>已签约</translation>
    </message>
    <message>
      <source>Signing checklist</source>
      <translation>签约清单</translation>
    </message>
    <message>
      <source>Store manager</source>
      <translation>店长</translation>
    </message>
    <message>
      <source>VIP</source>
      <translation>VIP 客户</translation>
    </message>
    <message>
      <source>Vehicle appraisal</source>
      <translation>车辆评估</translation>
    </message>
    <message>
      <source>industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>internal</source>
      <translation>内部</translation>
    </message>
  </context>
</TS>

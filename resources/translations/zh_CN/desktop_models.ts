<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CustomerSearchModel</name>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>客户等级</translation>
    </message>
  </context>
  <context>
    <name>FollowUpModel</name>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>应回访时间</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>What to do</source>
      <translation>回访事项</translation>
    </message>
    <message>
      <source>{time} (coming)</source>
      <translation>{time}（即将到期）</translation>
    </message>
    <message>
      <source>{time} (overdue)</source>
      <translation>{time}（已逾期）</translation>
    </message>
  </context>
  <context>
    <name>RecentConsultationsModel</name>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Last change</source>
      <translation>最后更新</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>进度</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AdminDialog</name>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>员工</translation>
    </message>
    <message>
      <source>Staff and stores</source>
      <translation>员工与门店</translation>
    </message>
    <message>
      <source>Stores</source>
      <translation>门店</translation>
    </message>
  </context>
  <context>
    <name>StaffTab</name>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Add staff…</source>
      <translation>添加员工…</translation>
    </message>
    <message>
      <source>Added {name} ({user}) as {role}. They can log in now.</source>
      <translation>已添加 {name}（{user}），角色为{role}。现在即可登录。</translation>
    </message>
    <message>
      <source>Change role…</source>
      <translation>更改角色…</translation>
    </message>
    <message>
      <source>Disable account</source>
      <translation>停用账号</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Enable account</source>
      <translation>启用账号</translation>
    </message>
    <message>
      <source>Locked until {time}</source>
      <translation>锁定至 {time}</translation>
    </message>
    <message>
      <source>New password set for {user}; the account is unlocked.</source>
      <translation>已为 {user} 设置新密码，账号已解除锁定。</translation>
    </message>
    <message>
      <source>Reset password…</source>
      <translation>重置密码…</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解除锁定</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>You cannot demote or disable your own account.</source>
      <translation>不能降低自己账号的角色，也不能停用自己的账号。</translation>
    </message>
    <message>
      <source>{user} can log in again.</source>
      <translation>{user} 已启用，可以重新登录。</translation>
    </message>
    <message>
      <source>{user} is disabled and can no longer log in.</source>
      <translation>{user} 已停用，不能再登录。</translation>
    </message>
    <message>
      <source>{user} is now {role}.</source>
      <translation>{user} 的角色已改为{role}。</translation>
    </message>
    <message>
      <source>{user} is unlocked and can log in again.</source>
      <translation>{user} 已解除锁定，可以重新登录。</translation>
    </message>
  </context>
  <context>
    <name>StoresTab</name>
    <message>
      <source>Active staff</source>
      <translation>在职员工数</translation>
    </message>
    <message>
      <source>Add store…</source>
      <translation>添加门店…</translation>
    </message>
    <message>
      <source>Added on</source>
      <translation>添加日期</translation>
    </message>
    <message>
      <source>Added the store {name}. Add its staff on the Staff tab.</source>
      <translation>已添加门店“{name}”。请在“员工”页为其添加员工。</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>门店</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AddStaffDialog</name>
    <message>
      <source>A display name has at most {n} characters.</source>
      <translation>姓名最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>Add staff</source>
      <translation>添加员工</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Confirm password</source>
      <translation>确认密码</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Full name, e.g. Li Na (optional)</source>
      <translation>姓名，例如 李娜（可不填）</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>门店</translation>
    </message>
    <message>
      <source>Used to log in, e.g. lina</source>
      <translation>用于登录，例如 lina</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
  </context>
  <context>
    <name>AddStoreDialog</name>
    <message>
      <source>A store name has at most {n} characters.</source>
      <translation>门店名称最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>Add store</source>
      <translation>添加门店</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Enter the store's name.</source>
      <translation>请输入门店名称。</translation>
    </message>
    <message>
      <source>Store name</source>
      <translation>门店名称</translation>
    </message>
    <message>
      <source>The new store starts with the default product catalogue. Add its staff on the Staff tab.</source>
      <translation>新门店自带默认的金融产品目录。请在“员工”页为其添加员工。</translation>
    </message>
    <message>
      <source>e.g. Hengtong East Branch</source>
      <translation>例如 恒通二手车东区店</translation>
    </message>
  </context>
  <context>
    <name>ResetPasswordDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Confirm password</source>
      <translation>确认密码</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>新密码</translation>
    </message>
    <message>
      <source>Reset password</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>Set a new password for {name} ({user}). Tell it to them in person; the account is unlocked as well.</source>
      <translation>为 {name}（{user}）设置新密码。请当面告知本人；账号同时解除锁定。</translation>
    </message>
    <message>
      <source>Set password</source>
      <translation>设置密码</translation>
    </message>
  </context>
  <context>
    <name>RoleDialog</name>
    <message>
      <source>An owner can manage staff and stores and see every store of the group.</source>
      <translation>店主可以管理员工和门店，并能查看集团内所有门店。</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Change role</source>
      <translation>更改角色</translation>
    </message>
    <message>
      <source>Role of {name} ({user}):</source>
      <translation>{name}（{user}）的角色：</translation>
    </message>
  </context>
  <context>
    <name>StaffAdmin</name>
    <message>
      <source>A store with this name already exists.</source>
      <translation>已有同名门店。</translation>
    </message>
    <message>
      <source>A user name has at most 64 characters and no spaces.</source>
      <translation>用户名最多 64 个字符，且不能包含空格。</translation>
    </message>
    <message>
      <source>Enter a user name.</source>
      <translation>请输入用户名。</translation>
    </message>
    <message>
      <source>Enter the store's name.</source>
      <translation>请输入门店名称。</translation>
    </message>
    <message>
      <source>The two passwords are not the same.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>This account no longer exists. Close this window and open it again.</source>
      <translation>该账号已不存在。请关闭此窗口后重新打开。</translation>
    </message>
    <message>
      <source>This store no longer exists.</source>
      <translation>该门店已不存在。</translation>
    </message>
    <message>
      <source>This user name is already taken.</source>
      <translation>该用户名已被使用。</translation>
    </message>
    <message>
      <source>You cannot demote or disable your own account.</source>
      <translation>不能降低自己账号的角色，也不能停用自己的账号。</translation>
    </message>
    <message>
      <source>Your role may not do this. Ask the owner.</source>
      <translation>您的角色无权执行此操作，请联系店主。</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="26"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="27"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="28"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="29"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="30"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="31"/>
        <source>变更摘要</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="94"/>
        <source>审计日志（每条记录与上一条以哈希相连，任何修改、删除或调换都能被检出）</source>
        <translation>Audit trail (each record is hash-linked to the one before it, so any edit, deletion or reordering is detected)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="26"/>
        <source>%s，您好</source>
        <translation>Hello, %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="30"/>
        <source>服务中心</source>
        <translation>Service center</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="31"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="32"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="35"/>
        <source>首问负责：谁首先接待，谁负责到底。
一次性告知：缺什么材料，一次书面讲清。
限时办结：承诺时限内办结，超时必究。</source>
        <translation>First inquiry: whoever receives the visitor first sees the matter through.
One-time notice: everything missing is told at once, in writing.
Time limit: finish within the committed time; overdue work is answered for.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="38"/>
        <location filename="../../ui/login.py" line="57"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="38"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="39"/>
        <source>政务服务窗口办件系统</source>
        <translation>Service-hall counter desk</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="53"/>
        <source>用户名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="54"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="57"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="63"/>
        <source>长时间无操作，屏幕已锁定。请输入密码继续，未保存的内容不会丢失。</source>
        <translation>The screen locked after a period without activity. Enter your password to go on; nothing you typed is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>请输入用户名和密码</source>
        <translation>Enter your login and password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="92"/>
        <source>无法登录：%s</source>
        <translation>Cannot log in: %s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="48"/>
        <source>%s — 窗口办件系统</source>
        <translation>%s — Counter Desk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="80"/>
        <source>%s 号窗口（%s）</source>
        <translation>Window %s (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="82"/>
        <source>未指定</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="85"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="90"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="95"/>
        <source>审计日志</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="126"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="129"/>
        <source>备份数据库…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="131"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="132"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="138"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="139"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="140"/>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="143"/>
        <source>检查数据完整性</source>
        <translation>Check data integrity</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="145"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="146"/>
        <location filename="../../ui/mainwindow/window.py" line="241"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="152"/>
        <source>%s 号窗口</source>
        <translation>Window %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="156"/>
        <source>数据库：%s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="177"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="209"/>
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="215"/>
        <source>备份完成：%s</source>
        <translation>Backup written: %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="217"/>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="223"/>
        <source>数据完整性正常</source>
        <translation>Data integrity OK</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="223"/>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="232"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="242"/>
        <source>政务服务大厅窗口办件系统
首问负责 · 一次性告知 · 限时办结</source>
        <translation>Service-hall counter desk
First-inquiry responsibility · One-time notification · Time-limited completion</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="247"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="31"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34"/>
        <source>本机</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35"/>
        <source>全中心</source>
        <translation>Hall-wide</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source>（按人员设置）</source>
        <translation>(from the staff record)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <source>本机窗口号</source>
        <translation>Window number of this PC</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="88"/>
        <source>全中心设置只有系统管理员可以修改。</source>
        <translation>Only an administrator can change hall-wide settings.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="121"/>
        <source>界面语言将在重新启动后完全生效。</source>
        <translation>The language takes full effect after a restart.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="58"/>
        <source>用户名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="59"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="60"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="61"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="62"/>
        <source>B 岗</source>
        <translation>Backup (B post)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="63"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="70"/>
        <source>工作人员与 AB 岗</source>
        <translation>Staff and A/B backup posts</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="81"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="83"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="83"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="89"/>
        <source>%s 号</source>
        <translation>No. %s</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="12"/>
        <source>窗口工作人员</source>
        <translation>Window clerk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13"/>
        <source>中心负责人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14"/>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <location filename="../../ui/app.py" line="69"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="113"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/cases/accountability.py" line="35"/>
        <source>申请人原因</source>
        <translation>Applicant&apos;s delay</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="36"/>
        <source>工作人员过错</source>
        <translation>Staff fault</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="37"/>
        <source>其他部门原因</source>
        <translation>Another department</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="38"/>
        <source>系统或设备原因</source>
        <translation>System or equipment</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="39"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="50"/>
        <location filename="../../ui/cases/accountability.py" line="114"/>
        <source>待审查</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="51"/>
        <location filename="../../ui/cases/accountability.py" line="114"/>
        <source>已审查</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="52"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="56"/>
        <source>审查…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="63"/>
        <location filename="../../ui/cases/action_form.py" line="41"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="141"/>
        <location filename="../../ui/cases/model.py" line="38"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="64"/>
        <source>办件/告知单编号</source>
        <translation>Case / notice number</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="65"/>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="66"/>
        <source>超期工作日</source>
        <translation>Working days late</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="67"/>
        <source>发生时间</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="68"/>
        <location filename="../../ui/cases/dialog.py" line="95"/>
        <location filename="../../ui/cases/dialog.py" line="144"/>
        <location filename="../../ui/cases/model.py" line="41"/>
        <location filename="../../ui/counter/materials.py" line="51"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="69"/>
        <source>原因 / 处理结果</source>
        <translation>Cause / outcome</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="84"/>
        <source>超期办件自动生成责任追究记录，须由负责人审查，不能自行关闭。</source>
        <translation>An overdue case opens an accountability record automatically; a supervisor must review it, it never closes by itself.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="103"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="104"/>
        <source>违反一次性告知</source>
        <translation>One-time notice breach</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="105"/>
        <source>投诉属实</source>
        <translation>Substantiated complaint</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="143"/>
        <source>审查 %s</source>
        <translation>Review %s</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="146"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="153"/>
        <source>原因类别</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="154"/>
        <source>情况说明</source>
        <translation>Account of what happened</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="155"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="42"/>
        <source>原因（将书面告知申请人）</source>
        <translation>Reason (the applicant is told in writing)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="46"/>
        <source>延长工作日</source>
        <translation>Working days added</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="47"/>
        <source>延期理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="50"/>
        <source>准予</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="51"/>
        <source>不予</source>
        <translation>Deny</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="52"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="53"/>
        <source>说明（不予时必须写明理由）</source>
        <translation>Note (a denial must give its reason)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="57"/>
        <source>窗口领取</source>
        <translation>Pickup at the window</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="58"/>
        <source>邮寄</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="59"/>
        <source>电子送达</source>
        <translation>Electronic</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="62"/>
        <source>送达方式</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="63"/>
        <source>领取人姓名</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="64"/>
        <source>领取人身份证号（已核验）</source>
        <translation>Collector&apos;s ID number (checked)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="66"/>
        <source>撤回原因</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="68"/>
        <location filename="../../ui/cases/dialog.py" line="95"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="70"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="72"/>
        <source>备注（如：补正材料已收齐）</source>
        <translation>Note (e.g. corrections received)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="81"/>
        <location filename="../../ui/counter/checklist.py" line="333"/>
        <source>操作失败：%s</source>
        <translation>Failed: %s</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="40"/>
        <source>自 %s（受理日，不计入）起算 %s 个工作日</source>
        <translation>From %s (the day of acceptance does not count): %s working days</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="42"/>
        <source>，其中中止计时 %s 个工作日不计</source>
        <translation>, %s working days paused and not counted</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="44"/>
        <source>即办件：当日办结</source>
        <translation>On-the-spot item: completed the same day</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="46"/>
        <source>；%s 年节假日安排尚未录入，日期为暂定</source>
        <translation>; the %s holiday schedule is not entered yet, so the date is provisional</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="47"/>
        <source>（日历版本 %s）</source>
        <translation> (calendar version %s)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="95"/>
        <source>环节时限</source>
        <translation>Step due</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="99"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="99"/>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="99"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="99"/>
        <source>原因/说明</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="110"/>
        <source>办理环节</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="112"/>
        <source>办理过程（不可修改）</source>
        <translation>History (cannot be edited)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="128"/>
        <source>办件 %s</source>
        <translation>Case %s</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="132"/>
        <location filename="../../ui/cases/model.py" line="123"/>
        <source>计时中止</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="134"/>
        <source>（暂定：该年度节假日安排尚未录入）</source>
        <translation> (provisional: that year&apos;s holiday schedule is not entered yet)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="141"/>
        <source>（代办件）</source>
        <translation> (agency case)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="142"/>
        <location filename="../../ui/cases/model.py" line="40"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="143"/>
        <location filename="../../ui/cases/model.py" line="39"/>
        <location filename="../../ui/counter/applicant.py" line="25"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="145"/>
        <location filename="../../ui/cases/model.py" line="37"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="146"/>
        <location filename="../../ui/cases/model.py" line="42"/>
        <source>承诺办结日</source>
        <translation>Committed due date</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="147"/>
        <source>时限计算</source>
        <translation>How it was computed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="148"/>
        <location filename="../../ui/cases/model.py" line="43"/>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="151"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="153"/>
        <source>注意</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="153"/>
        <source>节假日安排变更后，承诺办结日已调整</source>
        <translation>The due date moved after the holiday schedule changed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="161"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="161"/>
        <source>环节超时</source>
        <translation>Step overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="161"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="167"/>
        <source>（代岗）</source>
        <translation> (as backup)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="194"/>
        <location filename="../../ui/printing/preview.py" line="90"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="201"/>
        <source>受理回执</source>
        <translation>Acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="203"/>
        <source>容缺受理通知</source>
        <translation>Deferred-materials notice</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="205"/>
        <source>补正材料通知书</source>
        <translation>Correction request</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="207"/>
        <source>办结通知</source>
        <translation>Completion notice</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="242"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="22"/>
        <source>红牌·超期</source>
        <translation>Red · overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="23"/>
        <source>黄牌·临期</source>
        <translation>Yellow · due soon</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="24"/>
        <location filename="../../ui/cases/page.py" line="52"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="25"/>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="57"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="58"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="59"/>
        <source>已中止计时</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="60"/>
        <source>已办结</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="61"/>
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="62"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="68"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="69"/>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="70"/>
        <source>完成环节</source>
        <translation>Complete step</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="71"/>
        <source>中止计时（补正/特别程序）</source>
        <translation>Stop the clock (corrections / special procedure)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="72"/>
        <source>恢复计时</source>
        <translation>Restart the clock</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="73"/>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="74"/>
        <source>作出决定（办结）</source>
        <translation>Decide</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="75"/>
        <source>送达/领取</source>
        <translation>Deliver / pickup</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="76"/>
        <source>申请人撤回</source>
        <translation>Withdrawn by applicant</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="82"/>
        <source>补正材料</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="83"/>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="84"/>
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="85"/>
        <source>专家评审</source>
        <translation>Expert review</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="86"/>
        <source>现场勘验</source>
        <translation>Site survey</translation>
    </message>
    <message>
        <location filename="../../ui/cases/model.py" line="44"/>
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../ui/cases/model.py" line="114"/>
        <source>（代办）</source>
        <translation> (agency)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/model.py" line="124"/>
        <location filename="../../ui/counter/page.py" line="206"/>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="40"/>
        <source>办件编号 / 身份证号 / 电话 / 申请人姓名（可扫码）</source>
        <translation>Case number / ID / phone / applicant&apos;s name (or scan)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="43"/>
        <source>未办结的</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="44"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="49"/>
        <source>全部预警</source>
        <translation>All warnings</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="50"/>
        <source>红牌</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="51"/>
        <source>黄牌</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="55"/>
        <source>只看我负责的</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="58"/>
        <source>按紧急程度</source>
        <translation>By urgency</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="59"/>
        <source>按受理时间（新的在前）</source>
        <translation>By acceptance (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="63"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="130"/>
        <source>共 %s 件</source>
        <translation>%s cases</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="69"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="78"/>
        <source>正在生成…</source>
        <translation>Rendering…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="208"/>
        <location filename="../../ui/printing/preview.py" line="85"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="103"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="160"/>
        <source>第 %d 份，将标注“补打”</source>
        <translation>Copy %d, marked as a reprint</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="158"/>
        <source>首次打印</source>
        <translation>First print</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="162"/>
        <source>第 %d 份</source>
        <translation>Copy %d</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="164"/>
        <source>打印预览 - %s</source>
        <translation>Print preview - %s</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="226"/>
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="234"/>
        <source>无法连接打印机，请检查打印机是否开启</source>
        <translation>Cannot reach the printer; check that it is switched on</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="258"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="35"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="36"/>
        <source>证件类型</source>
        <translation>ID document</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="37"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="38"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="39"/>
        <source>代办人姓名（可不填）</source>
        <translation>Agent name (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="40"/>
        <source>代办人身份证号</source>
        <translation>Agent resident ID number</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="41"/>
        <source>代办人电话</source>
        <translation>Agent phone</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="58"/>
        <location filename="../../ui/counter/checklist.py" line="119"/>
        <source>请先在左侧查找并选择办理事项，或输入告知单编号办理回访。</source>
        <translation>Find and choose the service item on the left, or enter a notice number for a return visit.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="75"/>
        <source>收件时间</source>
        <translation>Materials received at</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="83"/>
        <source>↑↓ 选择材料&#x3000;空格 已收/未收&#x3000;1 已收&#x3000;2 容缺&#x3000;3 不适用&#x3000;0 未收&#x3000;（双击也可切换）</source>
        <translation>↑↓ choose a material   Space received/missing   1 received   2 deferred   3 not applicable   0 missing   (or double-click)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="155"/>
        <source>首次已收</source>
        <translation>received on first visit</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="155"/>
        <source>告知单未列</source>
        <translation>not on the notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="160"/>
        <source>回访：一次性告知单 %s（%s 于 %s 出具）。告知补齐：%s</source>
        <translation>Return visit: one-time notice %s (issued by %s at %s). To be supplied: %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="170"/>
        <source>即办件</source>
        <translation>On-the-spot item</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="170"/>
        <source>承诺%s个工作日</source>
        <translation>%s committed working days</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="171"/>
        <source>第%s版</source>
        <translation>version %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="35"/>
        <source>不予受理</source>
        <translation>Refuse application</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="37"/>
        <source>不予受理的理由</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="39"/>
        <source>如：《中华人民共和国行政许可法》第三十二条第一款</source>
        <translation>e.g. Administrative Licensing Law of the PRC, Art. 32(1)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="40"/>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="42"/>
        <source>不属于本机关职权范围时，告知向哪个机关申请</source>
        <translation>When the matter belongs elsewhere: the authority to apply to</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="43"/>
        <source>建议向…申请（可不填）</source>
        <translation>Apply instead to (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="47"/>
        <source>救济途径（印在通知书上）</source>
        <translation>Remedies (printed on the notice)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="54"/>
        <source>申请人信息有误，已在受理台上标出，请改正后再提交。</source>
        <translation>The applicant details are wrong; they are marked on the counter. Correct them and submit again.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="68"/>
        <source>要求告知单以外的材料</source>
        <translation>Ask for a material not on the notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="71"/>
        <source>“%s”不在一次性告知单上。再要求它违反一次性告知制，将记入责任追究，报负责人审查。</source>
        <translation>&quot;%s&quot; is not on the one-time notice. Asking for it now breaks the one-time notification rule; it is recorded for accountability and reported to the supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="77"/>
        <source>理由（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="20"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="21"/>
        <source>港澳台居民居住证/通行证</source>
        <translation>HK/Macao/Taiwan residence permit or travel permit</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="22"/>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="23"/>
        <source>外国人永久居留身份证</source>
        <translation>Foreigner permanent residence ID card</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="24"/>
        <source>其他有效证件</source>
        <translation>Other valid ID document</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="31"/>
        <source>√ 已收</source>
        <translation>√ Received</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="32"/>
        <source>× 未收</source>
        <translation>× Missing</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="33"/>
        <source>△ 容缺</source>
        <translation>△ Deferred</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="34"/>
        <source>－ 不适用</source>
        <translation>- Not applicable</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="48"/>
        <source>必交</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="50"/>
        <source>视情况：%s</source>
        <translation>If applicable: %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="52"/>
        <source>选交</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="54"/>
        <source>；可容缺</source>
        <translation>; may be deferred</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="60"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="61"/>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="62"/>
        <source>原件或复印件</source>
        <translation>Original or copy</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="66"/>
        <source>，电子</source>
        <translation>, electronic</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="67"/>
        <source>，纸质或电子</source>
        <translation>, paper or electronic</translation>
    </message>
    <message>
        <location filename="../../ui/counter/labels.py" line="69"/>
        <source>，%s份</source>
        <translation>, %s copies</translation>
    </message>
    <message>
        <location filename="../../ui/counter/materials.py" line="51"/>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/counter/materials.py" line="51"/>
        <source>形式、份数</source>
        <translation>Form, copies</translation>
    </message>
    <message>
        <location filename="../../ui/counter/materials.py" line="51"/>
        <source>要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../ui/counter/materials.py" line="96"/>
        <source>未收（选交）</source>
        <translation>Not received (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="54"/>
        <source>告知单编号、扫码、身份证号或“姓名 电话”，回车</source>
        <translation>Notice number, scan, ID number or &quot;name phone&quot;, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="66"/>
        <source>办理事项（Ctrl+F）</source>
        <translation>Service item (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="68"/>
        <source>回访：查找一次性告知单（Ctrl+G）</source>
        <translation>Return visit: find the one-time notice (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="146"/>
        <source>没有找到这张告知单</source>
        <translation>No such notice found</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="156"/>
        <source>（已办结）</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="176"/>
        <source>告知单 %s 已受理，办件编号 %s</source>
        <translation>Notice %s has been accepted as case %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="182"/>
        <source>告知单 %s 已办结（已重新告知或不予受理）</source>
        <translation>Notice %s is closed (a new notice was issued, or the application was refused)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="210"/>
        <source>已受理：办件编号 %s，承诺办结日期 %s。</source>
        <translation>Accepted: case %s, committed completion date %s.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="211"/>
        <source>打印受理回执</source>
        <translation>Print acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="213"/>
        <source>打印容缺受理通知</source>
        <translation>Print deferred-materials notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="217"/>
        <source>已出具一次性告知单 %s，须补齐 %s 项：%s。</source>
        <translation>One-time notice %s issued; %s item(s) to supply: %s.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="224"/>
        <source>注意：距收件已超过5个工作日，依行政许可法第三十二条，视为自收件之日起受理。</source>
        <translation>Note: more than 5 working days after receipt; under Art. 32 of the Administrative Licensing Law the application counts as accepted from the day of receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="226"/>
        <source>打印告知单</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="229"/>
        <source>已出具不予受理通知书 %s。</source>
        <translation>Refusal notice %s issued.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="230"/>
        <source>打印不予受理通知书</source>
        <translation>Print refusal notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="64"/>
        <source>容缺受理</source>
        <translation>Accept with deferred materials</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="76"/>
        <source>补交期限（不晚于承诺办结日）</source>
        <translation>Supply by (no later than the committed completion date)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="78"/>
        <source>申请人承诺</source>
        <translation>Applicant&apos;s commitment</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="85"/>
        <source>告知单：请于此日前补齐</source>
        <translation>Notice: supply everything by</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="88"/>
        <source>受理(&amp;A)</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="89"/>
        <source>Ctrl+回车</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="90"/>
        <source>容缺受理(&amp;D)…</source>
        <translation>Accept with &amp;deferred…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="91"/>
        <source>出具一次性告知单(&amp;N)</source>
        <translation>Issue one-time &amp;notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="92"/>
        <source>不予受理(&amp;R)…</source>
        <translation>&amp;Refuse…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="138"/>
        <source>主要材料齐全，%s 项容缺：填写补交期限和申请人承诺后，可以容缺受理。</source>
        <translation>Main materials complete, %s deferred: fill in the supply date and the applicant&apos;s commitment, then accept.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="141"/>
        <source>材料齐全，可以受理（Ctrl+回车）。</source>
        <translation>All materials here: ready to accept (Ctrl+Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="143"/>
        <source>缺 %s 项，均可容缺：%s。可容缺受理，或出具一次性告知单。</source>
        <translation>%s missing, all deferrable: %s. Accept with deferred materials, or issue the one-time notice.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="146"/>
        <source>缺 %s 项：%s。请出具一次性告知单，一次告知全部所缺材料。</source>
        <translation>%s missing: %s. Issue the one-time notice, listing everything missing at once.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="27"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="28"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="29"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="30"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="31"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="32"/>
        <source>变更摘要</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="102"/>
        <source>审计日志（每条记录与上一条以哈希相连，任何修改、删除或调换都能被检出）</source>
        <translation>Audit trail (each record is hash-linked to the one before it, so any edit, deletion or reordering is detected)</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/calendar_page.py" line="48"/>
        <source>导入年度安排…</source>
        <translation>Import a year&apos;s schedule…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="50"/>
        <source>设置单日…</source>
        <translation>Set one day…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="55"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="55"/>
        <location filename="../../ui/calendar_page.py" line="93"/>
        <source>星期</source>
        <translation>Weekday </translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="55"/>
        <source>上班/放假</source>
        <translation>Work / off</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="55"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="61"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="77"/>
        <source>%s 年节假日安排已录入。</source>
        <translation>The %s holiday schedule has been entered.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="79"/>
        <source>%s 年节假日安排使用内置数据。</source>
        <translation>The %s holiday schedule comes from the built-in data.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="83"/>
        <source>%s 年节假日安排尚未录入：涉及该年的承诺办结日只按周末计算，标为“暂定”，录入后自动重算。</source>
        <translation>The %s holiday schedule has not been entered: due dates in that year count weekends only, are marked provisional, and are recomputed once it is entered.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="94"/>
        <source>上班</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="94"/>
        <source>放假</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="102"/>
        <source>导入年度节假日安排</source>
        <translation>Import a year&apos;s holiday schedule</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="102"/>
        <source>文本文件 (*.txt *.csv);;所有文件 (*)</source>
        <translation>Text files (*.txt *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="111"/>
        <source>正在导入并重算期限…</source>
        <translation>Importing and recomputing deadlines…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="116"/>
        <source>导入完成</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="117"/>
        <source>已录入 %s 天（%s 年）；%s 件未办结办件的承诺办结日随之调整，已提示经办人。</source>
        <translation>%s days entered (%s); the due dates of %s open cases moved and their clerks were told.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="129"/>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../ui/catalog/page.py" line="56"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="57"/>
        <source>事项名称</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="58"/>
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="59"/>
        <source>承诺时限</source>
        <translation>Committed limit</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="60"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="61"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="80"/>
        <source>即办件</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="80"/>
        <source>%s个工作日</source>
        <translation>%s working days</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="87"/>
        <source>第%s版</source>
        <translation>v%s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="88"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="88"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../ui/catalog/page.py" line="114"/>
        <source>按编码、名称或拼音首字母查找；↓ 进入列表，回车编辑</source>
        <translation>Find by code, name or pinyin initials; ↓ to the list, Enter to edit</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="118"/>
        <source>显示已停用</source>
        <translation>Show deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="147"/>
        <source>新建事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="148"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="149"/>
        <source>停用/启用</source>
        <translation>Deactivate/Reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="150"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="151"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="160"/>
        <source>事项目录（办事指南）</source>
        <translation>Service catalog (service guides)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="195"/>
        <source>共 %s 项</source>
        <translation>%s items</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="226"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="236"/>
        <source>停用事项</source>
        <translation>Deactivate item</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="237"/>
        <source>停用“%s”后，窗口将不能再受理该事项。确定停用吗？</source>
        <translation>After deactivating “%s” no window can accept it any more. Deactivate it?</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="254"/>
        <source>导入事项目录</source>
        <translation>Import catalog</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="254"/>
        <source>事项目录 (*.xlsx *.json)</source>
        <translation>Catalog (*.xlsx *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="263"/>
        <source>正在导入事项目录…</source>
        <translation>Importing the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="267"/>
        <source>导入完成：%s</source>
        <translation>Import finished: %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="275"/>
        <source>导出事项目录</source>
        <translation>Export catalog</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="277"/>
        <source>Excel 工作簿 (*.xlsx);;JSON 文件 (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON file (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="287"/>
        <source>已导出 %s 项到 %s</source>
        <translation>Exported %s items to %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="289"/>
        <source>正在导出事项目录…</source>
        <translation>Exporting the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="295"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <location filename="../../ui/calendar_page.py" line="150"/>
        <source>设置单日</source>
        <translation>Set one day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="155"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="156"/>
        <source>上班（调休）</source>
        <translation>Working day (make-up)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="159"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="160"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="161"/>
        <source>说明</source>
        <translation>Note</translation>
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
    <name>ItemEditor</name>
    <message>
        <location filename="../../ui/catalog/editor.py" line="65"/>
        <source>编辑事项：%s（第%s版）</source>
        <translation>Edit item: %s (version %s)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="68"/>
        <source>新建事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="75"/>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="76"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="79"/>
        <source>添加材料</source>
        <translation>Add material</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="79"/>
        <source>申请材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="83"/>
        <source>添加环节</source>
        <translation>Add step</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="83"/>
        <source>办理环节</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="92"/>
        <source>保存（新版本）</source>
        <translation>Save (new version)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="93"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="152"/>
        <source>事项编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="153"/>
        <source>事项名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="154"/>
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="155"/>
        <source>事项类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="156"/>
        <source>法定时限（工作日）</source>
        <translation>Statutory limit (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="157"/>
        <source>承诺时限（工作日，0 为即办件）</source>
        <translation>Committed limit (working days, 0 = on the spot)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="158"/>
        <source>到现场次数</source>
        <translation>Visits needed</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="159"/>
        <source>收费标准</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="160"/>
        <source>送达方式</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="161"/>
        <source>咨询电话</source>
        <translation>Enquiries phone</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="162"/>
        <source>监督投诉电话</source>
        <translation>Complaints phone</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="168"/>
        <source>受理条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="169"/>
        <source>设定依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="170"/>
        <source>收费依据</source>
        <translation>Fee basis</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="171"/>
        <source>办理地点和时间</source>
        <translation>Where and when</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="181"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="184"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="188"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="246"/>
        <source>保存失败：%s</source>
        <translation>Not saved: %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="267"/>
        <source>第%s项材料</source>
        <translation>Material %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="267"/>
        <source>第%s个环节</source>
        <translation>Step %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="285"/>
        <source>有%s处需要修改，未保存。</source>
        <translation>%s fields need changes; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ItemFinder</name>
    <message>
        <location filename="../../ui/catalog/finder.py" line="44"/>
        <source>输入事项名称、编码或拼音首字母（如 dbsq），回车选择</source>
        <translation>Type an item&apos;s name, code or pinyin initials (e.g. dbsq); Enter chooses</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/finder.py" line="99"/>
        <source>即办件</source>
        <translation>on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/finder.py" line="101"/>
        <source>承诺%s个工作日</source>
        <translation>%s working days</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/finder.py" line="118"/>
        <source>查询失败：%s</source>
        <translation>Search failed: %s</translation>
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
        <location filename="../../ui/mainwindow/window.py" line="77"/>
        <source>%s — 窗口办件系统</source>
        <translation>%s — Counter Desk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="117"/>
        <source>受理台</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="119"/>
        <source>办件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="121"/>
        <source>%s 号窗口（%s）</source>
        <translation>Window %s (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="123"/>
        <source>未指定</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="126"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="131"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="135"/>
        <source>责任追究</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="137"/>
        <source>工作日历</source>
        <translation>Work calendar</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="140"/>
        <source>审计日志</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="146"/>
        <source>事项目录</source>
        <translation>Service catalog</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="220"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="223"/>
        <source>备份数据库…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="225"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="226"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="232"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="233"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="234"/>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="237"/>
        <source>检查数据完整性</source>
        <translation>Check data integrity</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="239"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="240"/>
        <location filename="../../ui/mainwindow/window.py" line="411"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="246"/>
        <source>%s 号窗口</source>
        <translation>Window %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="250"/>
        <source>数据库：%s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="306"/>
        <source>红牌 %s · 黄牌 %s</source>
        <translation>Red %s · Yellow %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="339"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="379"/>
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="385"/>
        <source>备份完成：%s</source>
        <translation>Backup written: %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="387"/>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="393"/>
        <source>数据完整性正常</source>
        <translation>Data integrity OK</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="393"/>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="402"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="412"/>
        <source>政务服务大厅窗口办件系统
首问负责 · 一次性告知 · 限时办结</source>
        <translation>Service-hall counter desk
First-inquiry responsibility · One-time notification · Time-limited completion</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="417"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>MaterialsTable</name>
    <message>
        <location filename="../../ui/catalog/tables.py" line="230"/>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="231"/>
        <source>原件/复印件</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="232"/>
        <source>纸质/电子</source>
        <translation>Paper/electronic</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="233"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="234"/>
        <source>必要性</source>
        <translation>Needed</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="235"/>
        <source>适用情形</source>
        <translation>When needed</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="236"/>
        <source>可容缺</source>
        <translation>Deferrable</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="237"/>
        <source>材料要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="238"/>
        <source>样表</source>
        <translation>Template</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="37"/>
        <source>本机</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="38"/>
        <source>全中心</source>
        <translation>Hall-wide</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>（按人员设置）</source>
        <translation>(from the staff record)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76"/>
        <source>本机窗口号</source>
        <translation>Window number of this PC</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="77"/>
        <source>每日自动备份到（可为U盘）</source>
        <translation>Daily backup to (may be a USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="78"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="79"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85"/>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="107"/>
        <source>全中心设置只有系统管理员可以修改。</source>
        <translation>Only an administrator can change hall-wide settings.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="158"/>
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
    <name>StepsTable</name>
    <message>
        <location filename="../../ui/catalog/tables.py" line="259"/>
        <source>环节名称</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="259"/>
        <source>时限（工作日）</source>
        <translation>Working days</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <location filename="../../ui/catalog/tables.py" line="37"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="38"/>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="39"/>
        <source>原件或复印件</source>
        <translation>Original or copy</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="45"/>
        <source>纸质</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="46"/>
        <source>电子</source>
        <translation>Electronic</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="47"/>
        <source>纸质或电子</source>
        <translation>Paper or electronic</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="53"/>
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="54"/>
        <source>视情况</source>
        <translation>Conditional</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/tables.py" line="55"/>
        <source>可选</source>
        <translation>Optional</translation>
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
    <name>ops</name>
    <message>
        <location filename="../../ui/ops.py" line="101"/>
        <source>数据库无法使用</source>
        <translation>The database cannot be used</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <location filename="../../ui/app.py" line="71"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="121"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="144"/>
        <source>自动备份失败</source>
        <translation>Automatic backup failed</translation>
    </message>
</context>
</TS>

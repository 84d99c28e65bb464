<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/cases/accountability.py" line="36"/>
        <source>申请人原因</source>
        <translation>Applicant&apos;s delay</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="37"/>
        <source>工作人员过错</source>
        <translation>Staff fault</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="38"/>
        <source>其他部门原因</source>
        <translation>Another department</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="39"/>
        <source>系统或设备原因</source>
        <translation>System or equipment</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="40"/>
        <location filename="../../ui/visits/labels.py" line="24"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="51"/>
        <location filename="../../ui/cases/accountability.py" line="124"/>
        <source>待审查</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="52"/>
        <location filename="../../ui/cases/accountability.py" line="124"/>
        <source>已审查</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="53"/>
        <location filename="../../ui/feedback/complaints_page.py" line="133"/>
        <location filename="../../ui/feedback/ratings_page.py" line="225"/>
        <location filename="../../ui/feedback/ratings_page.py" line="320"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="57"/>
        <source>审查…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="64"/>
        <location filename="../../ui/cases/action_form.py" line="49"/>
        <location filename="../../ui/visits/dialog.py" line="134"/>
        <location filename="../../ui/visits/forms.py" line="59"/>
        <location filename="../../ui/worklist/page.py" line="340"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="65"/>
        <source>办件/告知单/投诉编号</source>
        <translation>Case / notice / complaint no.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="88"/>
        <source>超期办件、违反一次性告知和属实的投诉自动生成责任追究记录，须由负责人审查，不能自行关闭。</source>
        <translation>Overdue cases, breaches of the one-time notice rule and substantiated complaints open accountability records automatically; a supervisor must review them, they cannot be closed otherwise.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="15"/>
        <location filename="../../ui/cases/dialog.py" line="208"/>
        <location filename="../../ui/feedback/complaints_page.py" line="86"/>
        <location filename="../../ui/feedback/ratings_page.py" line="149"/>
        <location filename="../../ui/feedback/ratings_page.py" line="240"/>
        <location filename="../../ui/feedback/ratings_page.py" line="335"/>
        <location filename="../../ui/worklist/page.py" line="361"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="66"/>
        <location filename="../../ui/feedback/forms.py" line="114"/>
        <location filename="../../ui/feedback/ratings_page.py" line="243"/>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="67"/>
        <source>超期工作日</source>
        <translation>Working days late</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="68"/>
        <source>发生时间</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="53"/>
        <source>符合条件时提交</source>
        <translation>If it applies</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="75"/>
        <location filename="../../ui/appointments/page.py" line="204"/>
        <source>全部窗口</source>
        <translation>All windows</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="85"/>
        <source>前一天</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="85"/>
        <source>后一天</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="94"/>
        <source>预约号</source>
        <translation>Booking no.</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="95"/>
        <location filename="../../ui/worklist/appointments_box.py" line="42"/>
        <source>预约人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="98"/>
        <location filename="../../ui/appointments/settings.py" line="180"/>
        <location filename="../../ui/cases/accountability.py" line="69"/>
        <location filename="../../ui/cases/columns.py" line="18"/>
        <location filename="../../ui/cases/dialog.py" line="136"/>
        <location filename="../../ui/cases/dialog.py" line="211"/>
        <location filename="../../ui/counter/materials.py" line="53"/>
        <location filename="../../ui/feedback/complaints_page.py" line="146"/>
        <location filename="../../ui/feedback/complaints_page.py" line="247"/>
        <location filename="../../ui/feedback/ratings_page.py" line="239"/>
        <location filename="../../ui/feedback/ratings_page.py" line="334"/>
        <location filename="../../ui/visits/dialog.py" line="132"/>
        <location filename="../../ui/worklist/appointments_box.py" line="42"/>
        <location filename="../../ui/worklist/page.py" line="317"/>
        <location filename="../../ui/worklist/page.py" line="337"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="111"/>
        <source>新预约… (Ctrl+N)</source>
        <translation>New booking… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="112"/>
        <location filename="../../ui/appointments/page.py" line="133"/>
        <source>签到</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="113"/>
        <source>改约…</source>
        <translation>Move…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="114"/>
        <source>取消预约…</source>
        <translation>Cancel booking…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="115"/>
        <source>打印确认单</source>
        <translation>Print confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="123"/>
        <source>标记爽约（日终）</source>
        <translation>Mark no-shows (end of day)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="140"/>
        <source>到受理台办理</source>
        <translation>Serve at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="145"/>
        <source>请核对申请人带来的材料：</source>
        <translation>Check the materials the applicant brought:</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="206"/>
        <location filename="../../ui/appointments/settings.py" line="89"/>
        <source>%s号窗口（%s）</source>
        <translation>Window %s (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="214"/>
        <location filename="../../ui/appointments/page.py" line="302"/>
        <source>尚未设置预约时段：请系统管理员在“预约设置”中设置。</source>
        <translation>No bookable slots yet: an administrator sets them under “Appointment settings”.</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="255"/>
        <source>共 %s 个预约：待到 %s，已签到 %s，爽约 %s，已取消 %s</source>
        <translation>%s bookings: %s expected, %s checked in, %s no-shows, %s cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="331"/>
        <source>已预约：%s  可读给预约人：%s</source>
        <translation>Booked: %s  Read out to the visitor: %s</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="351"/>
        <source>已改约：%s</source>
        <translation>Moved: %s</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="371"/>
        <source>已取消预约 %s</source>
        <translation>Booking %s cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="396"/>
        <source>（迟到）</source>
        <translation> (late)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="398"/>
        <source>%s 已签到%s：%s（%s），办理“%s”。</source>
        <translation>Checked in at %s%s: %s (%s), for “%s”.</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="406"/>
        <source> 备注：%s</source>
        <translation> Notes: %s</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="413"/>
        <source>已签到：%s</source>
        <translation>Checked in: %s</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="425"/>
        <source>标记爽约</source>
        <translation>Mark no-shows</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="426"/>
        <source>把 %s 时段已过、仍未签到的预约都标记为爽约？</source>
        <translation>Mark every booking of %s whose slot has passed without a check-in as a no-show?</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="434"/>
        <source>已标记 %s 个爽约</source>
        <translation>%s no-shows marked</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="70"/>
        <source>原因 / 处理结果</source>
        <translation>Cause / outcome</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="112"/>
        <location filename="../../ui/reports/charts.py" line="49"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="113"/>
        <source>容缺材料逾期未补交</source>
        <translation>Deferred material overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="114"/>
        <source>违反一次性告知</source>
        <translation>One-time notice breach</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="115"/>
        <source>投诉属实</source>
        <translation>Substantiated complaint</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="155"/>
        <source>审查 %s</source>
        <translation>Review %s</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="159"/>
        <location filename="../../ui/feedback/complaints_page.py" line="110"/>
        <location filename="../../ui/feedback/forms.py" line="56"/>
        <location filename="../../ui/feedback/forms.py" line="82"/>
        <location filename="../../ui/feedback/forms.py" line="96"/>
        <location filename="../../ui/feedback/forms.py" line="123"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="166"/>
        <source>原因类别</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="167"/>
        <source>情况说明</source>
        <translation>Account of what happened</translation>
    </message>
    <message>
        <location filename="../../ui/cases/accountability.py" line="168"/>
        <location filename="../../ui/feedback/complaints_page.py" line="258"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="50"/>
        <source>原因（将书面告知申请人）</source>
        <translation>Reason (the applicant is told in writing)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="53"/>
        <source>（补正、中止办理不填）</source>
        <translation>(not for corrections or a halt)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="54"/>
        <source>特别程序预计所需工作日</source>
        <translation>Expected working days of the special procedure</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="63"/>
        <source>延长工作日</source>
        <translation>Working days added</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="64"/>
        <source>延期理由（将书面告知申请人）</source>
        <translation>Reason (told to the applicant in writing)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="66"/>
        <source>批准人（超过法定时限时必填：行政机关负责人）</source>
        <translation>Approved by (the head of the body; required beyond the statutory limit)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="70"/>
        <source>准予</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="71"/>
        <source>不予</source>
        <translation>Deny</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="72"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="73"/>
        <source>说明（不予时必须写明理由）</source>
        <translation>Note (a denial must give its reason)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="76"/>
        <source>不予时必填，如：《中华人民共和国行政许可法》第三十八条第二款，《××条例》第×条</source>
        <translation>Required when not granting, e.g. Administrative Licensing Law Art. 38(2); Regulation XX Art. X</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="78"/>
        <source>法律依据（不予时必填）</source>
        <translation>Legal basis (required when not granting)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="83"/>
        <source>容缺材料（%s）未补交仍准予的理由</source>
        <translation>Reason to grant with deferred materials (%s) still outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="94"/>
        <source>收到的容缺材料（空格勾选）</source>
        <translation>Deferred materials received (Space ticks)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="95"/>
        <source>备注（如：原件已核验）</source>
        <translation>Note (e.g. original checked)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="99"/>
        <source>窗口领取</source>
        <translation>Pickup at the window</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="100"/>
        <source>邮寄</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="101"/>
        <source>电子送达</source>
        <translation>Electronic</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="104"/>
        <source>送达方式</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="105"/>
        <source>领取人姓名</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="106"/>
        <source>领取人身份证号（已核验）</source>
        <translation>Collector&apos;s ID number (checked)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="108"/>
        <source>撤回原因</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="111"/>
        <source>逾期未补交</source>
        <translation>Overdue, not supplied</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="112"/>
        <source>终止办理的说明（将书面告知申请人）</source>
        <translation>Why the case is terminated (told to the applicant in writing)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="114"/>
        <location filename="../../ui/cases/dialog.py" line="136"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="91"/>
        <source>%s（余 %s 位）</source>
        <translation>%s (%s free)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="93"/>
        <source>%s（已约满）</source>
        <translation>%s (full)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="118"/>
        <source>新预约</source>
        <translation>New booking</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="125"/>
        <source>预约窗口/事项</source>
        <translation>Window / item</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="126"/>
        <location filename="../../ui/appointments/page.py" line="83"/>
        <location filename="../../ui/appointments/settings.py" line="159"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="127"/>
        <location filename="../../ui/appointments/page.py" line="93"/>
        <location filename="../../ui/worklist/appointments_box.py" line="42"/>
        <source>时段</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="129"/>
        <source>办理事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="132"/>
        <source>预约人姓名</source>
        <translation>Visitor&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="139"/>
        <source>预约方式</source>
        <translation>Booked by</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="141"/>
        <source>如：行动不便需协助、需带的特殊材料（可不填）</source>
        <translation>e.g. needs help walking, special materials to bring (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="143"/>
        <location filename="../../ui/appointments/page.py" line="100"/>
        <location filename="../../ui/cases/action_form.py" line="116"/>
        <location filename="../../ui/visits/forms.py" line="220"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="162"/>
        <source>（请选择事项）</source>
        <translation>(choose an item)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="182"/>
        <source>改约</source>
        <translation>Move booking</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="185"/>
        <source>原预约</source>
        <translation>Booking</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="191"/>
        <source>新日期</source>
        <translation>New date</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="192"/>
        <source>新时段</source>
        <translation>New slot</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="193"/>
        <source>改约原因（可不填）</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="212"/>
        <source>取消预约</source>
        <translation>Cancel booking</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="215"/>
        <location filename="../../ui/sync/page.py" line="575"/>
        <source>预约</source>
        <translation>Booking</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="218"/>
        <source>取消原因</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="118"/>
        <source>备注（如：补正材料已收齐）</source>
        <translation>Note (e.g. corrections received)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="121"/>
        <source>移交到</source>
        <translation>Hand over to</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="123"/>
        <source>移交后办理时限照常计算，本中心不能再办理，待县级作出决定后退回送达。</source>
        <translation>The time limit keeps running after the hand-over; this center can no longer act on the case until the county has decided and hands it back for delivery.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="127"/>
        <source>说明（如：县水利局审批）</source>
        <translation>Note (e.g. for the county water bureau)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="129"/>
        <source>说明（如：请乡镇送达）</source>
        <translation>Note (e.g. please deliver)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_form.py" line="138"/>
        <location filename="../../ui/counter/checklist.py" line="476"/>
        <source>操作失败：%s</source>
        <translation>Failed: %s</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="47"/>
        <source>自 %s（受理日，不计入）起算 %s 个工作日</source>
        <translation>From %s (the day of acceptance does not count): %s working days</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="49"/>
        <source>，其中中止计时 %s 个工作日不计</source>
        <translation>, %s working days paused and not counted</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="51"/>
        <source>即办件：当日办结</source>
        <translation>On-the-spot item: completed the same day</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="53"/>
        <source>；%s 年节假日安排尚未录入，日期为暂定</source>
        <translation>; the %s holiday schedule is not entered yet, so the date is provisional</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="54"/>
        <source>（日历版本 %s）</source>
        <translation> (calendar version %s)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="136"/>
        <source>环节时限</source>
        <translation>Step due</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="77"/>
        <source>转为全程代办</source>
        <translation>Take on as agency case</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="79"/>
        <source>须有申请人签字的书面委托书；办理时限不变。</source>
        <translation>Needs the applicant&apos;s signed written authorisation; the time limit does not change.</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="98"/>
        <source>记录代办环节</source>
        <translation>Record agency step</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="101"/>
        <location filename="../../ui/agency/tab.py" line="126"/>
        <location filename="../../ui/agency/tab.py" line="170"/>
        <location filename="../../ui/agency/tab.py" line="173"/>
        <location filename="../../ui/cases/dialog.py" line="140"/>
        <location filename="../../ui/visits/dialog.py" line="65"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="103"/>
        <source>如：乡民政所、县残联、本中心</source>
        <translation>e.g. township civil affairs office, county disabled persons&apos; federation, this hall</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="104"/>
        <location filename="../../ui/agency/tab.py" line="170"/>
        <source>办理部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="107"/>
        <location filename="../../ui/agency/tab.py" line="170"/>
        <source>办理内容</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="110"/>
        <location filename="../../ui/visits/dialog.py" line="153"/>
        <location filename="../../ui/visits/forms.py" line="96"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="123"/>
        <source>记录联系申请人</source>
        <translation>Record contact with applicant</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="130"/>
        <source>联系方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="132"/>
        <source>告知了什么（办理进度、还需配合的事项）</source>
        <translation>What the applicant was told (progress, what they still need to do)</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="134"/>
        <location filename="../../ui/agency/tab.py" line="173"/>
        <source>告知内容</source>
        <translation>What was said</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="170"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="170"/>
        <location filename="../../ui/agency/tab.py" line="173"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="173"/>
        <location filename="../../ui/appointments/page.py" line="99"/>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="175"/>
        <source>转为全程代办…</source>
        <translation>Take on as agency case…</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="178"/>
        <source>记录代办环节…</source>
        <translation>Record agency step…</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="181"/>
        <source>记录联系申请人…</source>
        <translation>Record contact…</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="194"/>
        <source>代办环节（含到其他部门办理）</source>
        <translation>Agency steps (including at other departments)</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="196"/>
        <source>联系申请人</source>
        <translation>Contacts with the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="217"/>
        <source>本件不是全程代办件。</source>
        <translation>This is not an agency case.</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="220"/>
        <source>本件为全程代办件，由代办员%s全程办理。</source>
        <translation>Agency case: agent %s carries it through every step.</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="222"/>
        <source>服务对象：%s&#x3000;委托日期：%s&#x3000;委托书：%s
委托事项：%s
登记：%s %s</source>
        <translation>Applicant group: %s   Authorised on: %s   Authorisation: %s
Scope: %s
Recorded by: %s %s</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="275"/>
        <source>已转为全程代办件</source>
        <translation>Taken on as an agency case</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="291"/>
        <source>已记录代办环节</source>
        <translation>Agency step recorded</translation>
    </message>
    <message>
        <location filename="../../ui/agency/tab.py" line="304"/>
        <source>已记录联系情况</source>
        <translation>Contact recorded</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="140"/>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="140"/>
        <location filename="../../ui/visits/dialog.py" line="65"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="140"/>
        <location filename="../../ui/visits/dialog.py" line="65"/>
        <source>原因/说明</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="154"/>
        <source>办理环节</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="156"/>
        <source>办理过程（不可修改）</source>
        <translation>History (cannot be edited)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="162"/>
        <source>办理过程</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="163"/>
        <location filename="../../ui/cases/dialog.py" line="245"/>
        <source>全程代办</source>
        <translation>Agency service</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="125"/>
        <source>评价：尚未评价</source>
        <translation>Rating: not rated yet</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="128"/>
        <source>申请人在评价屏评价</source>
        <translation>by the applicant on the rating screen</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="130"/>
        <source>%s，%s 录入</source>
        <translation>%s, entered by %s</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="131"/>
        <source>评价：%s（%s，%s）</source>
        <translation>Rating: %s (%s, %s)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="139"/>
        <location filename="../../ui/feedback/ratings_page.py" line="69"/>
        <source>不计入统计</source>
        <translation>not counted in statistics</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="195"/>
        <source>办件 %s</source>
        <translation>Case %s</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="39"/>
        <location filename="../../ui/cases/dialog.py" line="199"/>
        <source>计时中止</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="201"/>
        <source>（暂定：该年度节假日安排尚未录入）</source>
        <translation> (provisional: that year&apos;s holiday schedule is not entered yet)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="97"/>
        <location filename="../../ui/appointments/settings.py" line="95"/>
        <location filename="../../ui/cases/columns.py" line="17"/>
        <location filename="../../ui/cases/dialog.py" line="209"/>
        <location filename="../../ui/worklist/appointments_box.py" line="42"/>
        <location filename="../../ui/worklist/page.py" line="322"/>
        <location filename="../../ui/worklist/page.py" line="343"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="208"/>
        <source>（全程代办件）</source>
        <translation> (full agency case)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="16"/>
        <location filename="../../ui/cases/dialog.py" line="210"/>
        <location filename="../../ui/counter/applicant.py" line="60"/>
        <location filename="../../ui/feedback/ratings_page.py" line="75"/>
        <location filename="../../ui/worklist/page.py" line="362"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="14"/>
        <location filename="../../ui/cases/dialog.py" line="212"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="19"/>
        <location filename="../../ui/cases/dialog.py" line="213"/>
        <source>承诺办结日</source>
        <translation>Committed due date</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="214"/>
        <source>时限计算</source>
        <translation>How it was computed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="20"/>
        <location filename="../../ui/cases/dialog.py" line="215"/>
        <location filename="../../ui/worklist/page.py" line="341"/>
        <location filename="../../ui/worklist/page.py" line="363"/>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="218"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="220"/>
        <source>注意</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="220"/>
        <source>节假日安排变更后，承诺办结日已调整</source>
        <translation>The due date moved after the holiday schedule changed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="228"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="228"/>
        <source>环节超时</source>
        <translation>Step overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="228"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="234"/>
        <location filename="../../ui/worklist/page.py" line="308"/>
        <location filename="../../ui/worklist/page.py" line="328"/>
        <source>（代岗）</source>
        <translation> (as backup)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="245"/>
        <source>全程代办 ✓</source>
        <translation>Agency service ✓</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="263"/>
        <location filename="../../ui/visits/dialog.py" line="248"/>
        <source>录入评价…</source>
        <translation>Enter rating…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="265"/>
        <source>录入申请人填写的纸质评价表，或电话回访的评价</source>
        <translation>Enter the applicant&apos;s paper rating form, or a rating given on a follow-up call</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="270"/>
        <location filename="../../ui/printing/preview.py" line="116"/>
        <location filename="../../ui/visits/dialog.py" line="264"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="89"/>
        <source>受理回执</source>
        <translation>Acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="90"/>
        <source>容缺受理通知</source>
        <translation>Deferred-materials notice</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="91"/>
        <source>延期告知书</source>
        <translation>Notice of extension</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="92"/>
        <source>容缺材料补交回执</source>
        <translation>Receipt of deferred materials</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="93"/>
        <source>补正材料通知书</source>
        <translation>Correction request</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="94"/>
        <source>特别程序告知书</source>
        <translation>Notice of a special procedure</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="97"/>
        <source>不予行政许可决定书</source>
        <translation>Decision not to grant the licence</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="98"/>
        <source>办结通知</source>
        <translation>Completion notice</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="336"/>
        <location filename="../../ui/visits/dialog.py" line="404"/>
        <location filename="../../ui/worklist/page.py" line="596"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="23"/>
        <source>红牌·超期</source>
        <translation>Red · overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="24"/>
        <source>黄牌·临期</source>
        <translation>Yellow · due soon</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="25"/>
        <location filename="../../ui/cases/page.py" line="54"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="26"/>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="58"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="59"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="60"/>
        <source>已中止计时</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="61"/>
        <location filename="../../ui/feedback/complaints_page.py" line="132"/>
        <location filename="../../ui/feedback/ratings_page.py" line="224"/>
        <source>已办结</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="62"/>
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="63"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="64"/>
        <source>已终止办理</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="70"/>
        <location filename="../../ui/reports/charts.py" line="47"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="71"/>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="72"/>
        <source>完成环节</source>
        <translation>Complete step</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="73"/>
        <source>中止计时（补正/特别程序）</source>
        <translation>Stop the clock (corrections / special procedure)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="74"/>
        <source>恢复计时</source>
        <translation>Restart the clock</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="75"/>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="76"/>
        <source>作出决定（办结）</source>
        <translation>Decide</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="77"/>
        <source>送达/领取</source>
        <translation>Deliver / pickup</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="78"/>
        <source>申请人撤回</source>
        <translation>Withdrawn by applicant</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="79"/>
        <source>补交容缺材料</source>
        <translation>Deferred materials supplied</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="80"/>
        <source>终止办理（容缺材料逾期）</source>
        <translation>Terminate (deferred material overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="81"/>
        <source>移交县级审批</source>
        <translation>Hand over to the county</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="82"/>
        <source>退回受理中心送达</source>
        <translation>Hand back for delivery</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="95"/>
        <source>中止办理通知书</source>
        <translation>Notice of suspension</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="96"/>
        <source>终止办理通知书</source>
        <translation>Notice of termination</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="104"/>
        <source>补正材料</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="105"/>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="106"/>
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="107"/>
        <source>专家评审</source>
        <translation>Expert review</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="108"/>
        <source>现场勘验</source>
        <translation>Site survey</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="109"/>
        <source>检验</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="110"/>
        <source>检测</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="111"/>
        <source>检疫</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="112"/>
        <source>鉴定</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="113"/>
        <source>招标</source>
        <translation>Tendering</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="114"/>
        <source>拍卖</source>
        <translation>Auction</translation>
    </message>
    <message>
        <location filename="../../ui/cases/labels.py" line="115"/>
        <source>中止办理：容缺材料逾期未补交</source>
        <translation>Suspend: deferred material overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="21"/>
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="15"/>
        <source>（代办）</source>
        <translation> (agency)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="22"/>
        <source>受理中心</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="29"/>
        <source>{site}（现由{owner}办理）</source>
        <translation>{site} (now at {owner})</translation>
    </message>
    <message>
        <location filename="../../ui/cases/columns.py" line="40"/>
        <location filename="../../ui/counter/page.py" line="290"/>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="42"/>
        <source>办件编号 / 身份证号 / 电话 / 申请人姓名（可扫码）</source>
        <translation>Case number / ID / phone / applicant&apos;s name (or scan)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="45"/>
        <source>未办结的</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="46"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="51"/>
        <source>全部预警</source>
        <translation>All warnings</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="52"/>
        <source>红牌</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="53"/>
        <source>黄牌</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="57"/>
        <source>只看我负责的</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="59"/>
        <source>移交件</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="61"/>
        <source>乡镇代收、县级审批：移交县级审批、尚未退回的办件</source>
        <translation>Cases a township handed over to the county and not handed back yet</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="63"/>
        <source>按紧急程度</source>
        <translation>By urgency</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="64"/>
        <source>按受理时间（新的在前）</source>
        <translation>By acceptance (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="69"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/cases/page.py" line="146"/>
        <source>共 %s 件</source>
        <translation>%s cases</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="95"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="103"/>
        <source>正在生成…</source>
        <translation>Rendering…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dialog.py" line="277"/>
        <location filename="../../ui/printing/preview.py" line="111"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="128"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="232"/>
        <source>第 %d 份，将标注“补打”</source>
        <translation>Copy %d, marked as a reprint</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="230"/>
        <source>首次打印</source>
        <translation>First print</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="159"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="160"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="161"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="234"/>
        <source>第 %d 份</source>
        <translation>Copy %d</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="236"/>
        <source>打印预览 - %s</source>
        <translation>Print preview - %s</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="324"/>
        <location filename="../../ui/printing/preview.py" line="347"/>
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="355"/>
        <source>无法连接打印机，请检查打印机是否开启</source>
        <translation>Cannot reach the printer; check that it is switched on</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="379"/>
        <source>无法写入文件 %s：%s</source>
        <translation>Cannot write the file %s: %s</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="390"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="104"/>
        <source>读卡 (F4)</source>
        <translation>Read card (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="74"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="76"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="75"/>
        <source>证件类型(&amp;Y)</source>
        <translation>ID document (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="86"/>
        <source>有代理人(&amp;L)</source>
        <translation>Proxy (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="88"/>
        <source>代理人代为申请时勾选，填写代理人姓名、身份证号和电话</source>
        <translation>Tick when a proxy applies for the applicant; fill in the proxy&apos;s name, ID number and phone</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="98"/>
        <source>代理人姓名</source>
        <translation>Proxy&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="99"/>
        <source>代理人身份证号</source>
        <translation>Proxy&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="100"/>
        <source>代理人电话</source>
        <translation>Proxy&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="150"/>
        <source>长期</source>
        <translation>long-term</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="151"/>
        <source>已读卡：%s&#x3000;住址：%s&#x3000;有效期：%s 至 %s</source>
        <translation>Card read: %s  Address: %s  Valid: %s to %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="271"/>
        <source>“%s”（%s 次）</source>
        <translation>“%s” (%s times)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="271"/>
        <source>“%s”</source>
        <translation>“%s”</translation>
    </message>
    <message>
        <location filename="../../ui/counter/applicant.py" line="276"/>
        <source>注意：此证件号码此前登记的姓名是 %s，与本次不同。请核对证件，确认是改名还是号码有误。</source>
        <translation>Note: this ID number was recorded before under the name %s, not this one. Check the ID card: a changed name, or a wrong number?</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/forms.py" line="135"/>
        <location filename="../../ui/counter/applicant.py" line="77"/>
        <location filename="../../ui/visits/forms.py" line="61"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="79"/>
        <location filename="../../ui/counter/checklist.py" line="200"/>
        <source>请先在左侧查找并选择办理事项，或输入告知单编号办理回访。</source>
        <translation>Find and choose the service item on the left, or enter a notice number for a return visit.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="106"/>
        <source>收件时间(&amp;J)</source>
        <translation>Materials received at (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="116"/>
        <source>↑↓ 选择&#x3000;空格 已收/未收&#x3000;1 已收&#x3000;2 容缺&#x3000;3 不适用&#x3000;0 未收&#x3000;A 其余全部已收</source>
        <translation>↑↓ choose  Space received/missing  1 received  2 deferred  3 not applicable  0 missing  A all the rest received</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="118"/>
        <source>每勾选一项自动移到下一项；双击也可切换已收/未收</source>
        <translation>Each tick moves on to the next material; a double click also switches received/missing</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="124"/>
        <source>其余全部已收 (F8)</source>
        <translation>All the rest received (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="127"/>
        <source>未收的必交、视情况提交材料全部标为已收（选交材料不变）</source>
        <translation>Marks every required or conditional material not yet received as received (optional ones stay as they are)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="252"/>
        <source>首次已收</source>
        <translation>received on first visit</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="252"/>
        <source>告知单未列</source>
        <translation>not on the notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="257"/>
        <source>回访：一次性告知单 %s（%s 于 %s 出具）。告知补齐：%s</source>
        <translation>Return visit: one-time notice %s (issued by %s at %s). To be supplied: %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="267"/>
        <source>即办件</source>
        <translation>On-the-spot item</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="267"/>
        <source>承诺%s个工作日</source>
        <translation>%s committed working days</translation>
    </message>
    <message>
        <location filename="../../ui/counter/checklist.py" line="268"/>
        <source>第%s版</source>
        <translation>version %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/dialogs.py" line="35"/>
        <location filename="../../ui/sync/page.py" line="572"/>
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
        <location filename="../../ui/counter/citizen_screen.py" line="73"/>
        <location filename="../../ui/counter/labels.py" line="31"/>
        <source>√ 已收</source>
        <translation>√ Received</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="74"/>
        <source>△ 容缺后补</source>
        <translation>△ to follow (deferred)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="75"/>
        <source>－ 不需要</source>
        <translation>– not needed</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="76"/>
        <location filename="../../ui/counter/labels.py" line="32"/>
        <source>× 未收</source>
        <translation>× Missing</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="104"/>
        <location filename="../../ui/counter/page.py" line="76"/>
        <location filename="../../ui/counter/page.py" line="248"/>
        <source>顾客评价屏</source>
        <translation>Customer screen</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="81"/>
        <location filename="../../ui/appointments/settings.py" line="94"/>
        <location filename="../../ui/counter/citizen_screen.py" line="114"/>
        <location filename="../../ui/feedback/labels.py" line="96"/>
        <location filename="../../ui/feedback/ratings_page.py" line="153"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="131"/>
        <source>为您服务的工作人员</source>
        <translation>Serving you today</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="135"/>
        <source>我们的承诺</source>
        <translation>Our promise</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="136"/>
        <source>首问负责&#x3000;有问必答
一次告知&#x3000;不跑二趟
限时办结&#x3000;超时必究</source>
        <translation>First person you ask is responsible
Everything missing told at once
Done within the promised time</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="169"/>
        <source>欢迎您！</source>
        <translation>Welcome!</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="171"/>
        <source>请将申请材料交给工作人员，
办理过程将显示在这里。</source>
        <translation>Please hand your documents to the clerk;
you can follow the steps here.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="197"/>
        <source>申请材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="208"/>
        <source>意见建议（可不填）</source>
        <translation>Comments (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="234"/>
        <source>请您对本次服务作出评价</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="245"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="262"/>
        <location filename="../../ui/feedback/complaints_page.py" line="58"/>
        <location filename="../../ui/queue/display.py" line="127"/>
        <source>%s 号窗口</source>
        <translation>Window %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="265"/>
        <source>岗位：%s</source>
        <translation>Post: %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="298"/>
        <source>已收 %s 项</source>
        <translation>%s received</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="300"/>
        <source>，还缺 %s 项（将一次性书面告知您）</source>
        <translation>, %s missing (you will be told all of them at once, in writing)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="302"/>
        <source>，材料齐全</source>
        <translation>, complete</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="309"/>
        <source>即办件：材料齐全当场办结</source>
        <translation>On-the-spot item: done here once complete</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="310"/>
        <source>承诺时限：%s 个工作日</source>
        <translation>Promised time: %s working days</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="312"/>
        <source>（今日受理，%s 前办结）</source>
        <translation> (accepted today: done by %s)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="318"/>
        <source>您的申请已受理，办件编号 %s</source>
        <translation>Your application is accepted, case number %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="320"/>
        <source>承诺 %s 前办结</source>
        <translation>Promised to be done by %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="326"/>
        <source>您咨询的事项已答复，登记号 %s</source>
        <translation>Your question has been answered, registration number %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="357"/>
        <source>我们会认真改进，工作人员将尽快与您联系。</source>
        <translation>We will improve; a member of staff will contact you soon.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="359"/>
        <source>祝您生活愉快！</source>
        <translation>Have a nice day!</translation>
    </message>
    <message>
        <location filename="../../ui/counter/citizen_screen.py" line="369"/>
        <source>评价未能保存：%s</source>
        <translation>The rating was not saved: %s</translation>
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
        <location filename="../../ui/appointments/page.py" line="52"/>
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
        <location filename="../../ui/appointments/page.py" line="54"/>
        <location filename="../../ui/counter/citizen_screen.py" line="76"/>
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
    <message numerus="yes">
        <location filename="../../ui/counter/labels.py" line="70"/>
        <source>，%n份</source>
        <translation>
            <numerusform>, %n copy</numerusform>
            <numerusform>, %n copies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/materials.py" line="53"/>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/counter/materials.py" line="53"/>
        <source>形式、份数</source>
        <translation>Form, copies</translation>
    </message>
    <message>
        <location filename="../../ui/counter/materials.py" line="53"/>
        <source>要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../ui/counter/materials.py" line="100"/>
        <source>未收（选交）</source>
        <translation>Not received (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="64"/>
        <source>告知单编号、扫码、身份证号或“姓名 电话”，回车</source>
        <translation>Notice number, scan, ID number or &quot;name phone&quot;, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="80"/>
        <source>在面向申请人的屏幕上显示工作人员、办理进度和评价按钮（有第二块屏幕时全屏显示）</source>
        <translation>Show the clerk, the progress and the rating buttons on the screen facing the applicant (full screen on a second monitor)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="85"/>
        <source>办理事项（Ctrl+F）</source>
        <translation>Service item (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="87"/>
        <source>回访：查找一次性告知单（Ctrl+G）</source>
        <translation>Return visit: find the one-time notice (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="189"/>
        <source>没有找到这张告知单</source>
        <translation>No such notice found</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="199"/>
        <source>（已办结）</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="219"/>
        <source>告知单 %s 已受理，办件编号 %s</source>
        <translation>Notice %s has been accepted as case %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="225"/>
        <source>告知单 %s 已办结（已重新告知或不予受理）</source>
        <translation>Notice %s is closed (a new notice was issued, or the application was refused)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="248"/>
        <source>顾客评价屏：已打开</source>
        <translation>Customer screen: on</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="267"/>
        <source>没有第二块屏幕：顾客评价屏在本屏幕右半边另开一个窗口（Ctrl+Shift+E 关闭）</source>
        <translation>No second screen: the citizen screen opened as a window on the right of this one (Ctrl+Shift+E closes it)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="278"/>
        <source>评价：%s</source>
        <translation>Rating: %s</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="279"/>
        <source>（差评，已生成整改事项）</source>
        <translation> (bad rating: rectification item opened)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="282"/>
        <source>&#x3000;申请人</source>
        <translation>&#x3000;Applicant&apos;s </translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="294"/>
        <source>已受理：办件编号 %s，承诺办结日期 %s。</source>
        <translation>Accepted: case %s, committed completion date %s.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="295"/>
        <source>打印受理回执</source>
        <translation>Print acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="297"/>
        <source>打印容缺受理通知</source>
        <translation>Print deferred-materials notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="301"/>
        <source>已出具一次性告知单 %s，须补齐 %s 项：%s。</source>
        <translation>One-time notice %s issued; %s item(s) to supply: %s.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="308"/>
        <source>注意：距收件已超过%s个工作日，依行政许可法第三十二条，视为自收件之日起受理。</source>
        <translation>Note: more than %s working days after receipt; under Art. 32 of the Administrative Licensing Law the application counts as accepted from the day of receipt.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="311"/>
        <source>打印告知单</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="314"/>
        <source>已出具不予受理通知书 %s。</source>
        <translation>Refusal notice %s issued.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py" line="315"/>
        <source>打印不予受理通知书</source>
        <translation>Print refusal notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="65"/>
        <source>容缺受理</source>
        <translation>Accept with deferred materials</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="77"/>
        <source>补交期限（不晚于承诺办结日）</source>
        <translation>Supply by (no later than the committed completion date)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="79"/>
        <source>申请人承诺</source>
        <translation>Applicant&apos;s commitment</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="86"/>
        <source>告知单：请于此日前补齐</source>
        <translation>Notice: supply everything by</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="89"/>
        <source>受理(&amp;A)</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="90"/>
        <source>Ctrl+回车</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="91"/>
        <source>容缺受理(&amp;D)…</source>
        <translation>Accept with &amp;deferred…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="92"/>
        <source>出具一次性告知单(&amp;N)</source>
        <translation>Issue one-time &amp;notice</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="93"/>
        <source>不予受理(&amp;R)…</source>
        <translation>&amp;Refuse…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="143"/>
        <source>等（见上表）</source>
        <translation> and more (see the table)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="148"/>
        <source>材料齐全，但申请人信息有误：请先改正红字标出的内容。</source>
        <translation>All materials are in, but the applicant&apos;s details are wrong: correct what is marked in red first.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="151"/>
        <source>主要材料齐全，%s 项容缺：填写补交期限和申请人承诺后，可以容缺受理。</source>
        <translation>Main materials complete, %s deferred: fill in the supply date and the applicant&apos;s commitment, then accept.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="154"/>
        <source>材料齐全，可以受理（Ctrl+回车）。</source>
        <translation>All materials here: ready to accept (Ctrl+Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="156"/>
        <source>缺 %s 项，均可容缺：%s。可容缺受理，或出具一次性告知单。</source>
        <translation>%s missing, all deferrable: %s. Accept with deferred materials, or issue the one-time notice.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/situation.py" line="159"/>
        <source>缺 %s 项：%s。请出具一次性告知单，一次告知全部所缺材料。</source>
        <translation>%s missing: %s. Issue the one-time notice, listing everything missing at once.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="61"/>
        <location filename="../../ui/feedback/labels.py" line="98"/>
        <source>服务中心</source>
        <translation>Service center</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="75"/>
        <source>登记投诉</source>
        <translation>Register complaint</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="80"/>
        <location filename="../../ui/feedback/complaints_page.py" line="248"/>
        <source>投诉对象</source>
        <translation>Complaint against</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="81"/>
        <source>被投诉的工作人员</source>
        <translation>Staff member complained about</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="81"/>
        <location filename="../../ui/feedback/complaints_page.py" line="84"/>
        <source>（未指明）</source>
        <translation>(not named)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="85"/>
        <source>窗口号</source>
        <translation>Window number</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="90"/>
        <source>投诉渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="91"/>
        <source>投诉人（可匿名）</source>
        <translation>Complainant (may be anonymous)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="92"/>
        <source>联系电话（选填）</source>
        <translation>Phone (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="93"/>
        <location filename="../../ui/feedback/complaints_page.py" line="253"/>
        <source>投诉内容</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="98"/>
        <source>调查记录 %s</source>
        <translation>Investigation note %s</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="100"/>
        <location filename="../../ui/feedback/complaints_page.py" line="114"/>
        <location filename="../../ui/feedback/complaints_page.py" line="257"/>
        <source>调查情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="107"/>
        <source>办结投诉 %s</source>
        <translation>Conclude complaint %s</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="111"/>
        <source>属实</source>
        <translation>Substantiated</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="112"/>
        <source>不属实</source>
        <translation>Not substantiated</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="113"/>
        <source>调查结论</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="115"/>
        <source>处理结果及答复</source>
        <translation>Outcome and reply</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="116"/>
        <location filename="../../ui/visits/forms.py" line="154"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="117"/>
        <source>被投诉人：%s</source>
        <translation>The one complained about: %s</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="118"/>
        <source>责任人（属实时追究）</source>
        <translation>Responsible (if substantiated)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="131"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="138"/>
        <source>登记投诉…</source>
        <translation>Register complaint…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="145"/>
        <location filename="../../ui/feedback/complaints_page.py" line="246"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="147"/>
        <source>对象</source>
        <translation>Against</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="148"/>
        <source>被投诉</source>
        <translation>Complained about</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="149"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="150"/>
        <location filename="../../ui/visits/dialog.py" line="129"/>
        <location filename="../../ui/worklist/page.py" line="338"/>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="174"/>
        <source>添加调查记录…</source>
        <translation>Add investigation note…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="177"/>
        <source>办结…</source>
        <translation>Conclude…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="187"/>
        <source>调查记录</source>
        <translation>Investigation notes</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="238"/>
        <source>选择左侧的投诉查看详情。</source>
        <translation>Choose a complaint on the left to see it.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="242"/>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="249"/>
        <source>相关办件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="250"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="251"/>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="252"/>
        <location filename="../../ui/sync/page.py" line="591"/>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="259"/>
        <location filename="../../ui/reports/charts.py" line="48"/>
        <source>办结</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="262"/>
        <location filename="../../ui/sync/page.py" line="579"/>
        <source>责任追究</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="262"/>
        <source>已生成责任追究记录，待负责人审查</source>
        <translation>Accountability record opened, awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/complaints_page.py" line="270"/>
        <source>（尚无调查记录）</source>
        <translation>(no investigation notes yet)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="51"/>
        <source>录入评价 %s</source>
        <translation>Enter rating %s</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="54"/>
        <source>评价来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="56"/>
        <source>评价等级</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="57"/>
        <source>意见建议（选填）</source>
        <translation>Comments (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="58"/>
        <source>本人办理的业务只能录入申请人填写的纸质评价表。</source>
        <translation>For your own service you may only enter the paper form the applicant filled in.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="78"/>
        <source>申诉评价 %s</source>
        <translation>Appeal rating %s</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="80"/>
        <location filename="../../ui/feedback/ratings_page.py" line="150"/>
        <location filename="../../ui/feedback/ratings_page.py" line="336"/>
        <location filename="../../ui/sync/page.py" line="577"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="82"/>
        <location filename="../../ui/feedback/ratings_page.py" line="337"/>
        <source>申诉类型</source>
        <translation>Appeal type</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="83"/>
        <source>申诉理由（可说明证据，如监控录像）</source>
        <translation>Reason (name any evidence, e.g. video recording)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="90"/>
        <source>裁决申诉 %s</source>
        <translation>Decide appeal %s</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="94"/>
        <location filename="../../ui/feedback/ratings_page.py" line="338"/>
        <source>申诉理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="95"/>
        <source>申诉成立：该评价不计入统计</source>
        <translation>Upheld: the rating no longer counts</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="95"/>
        <source>申诉驳回：评价保留</source>
        <translation>Rejected: the rating stays</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="96"/>
        <source>裁决</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="97"/>
        <source>裁决理由</source>
        <translation>Reason for the decision</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="110"/>
        <source>办结差评整改 %s</source>
        <translation>Close rectification %s</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="113"/>
        <location filename="../../ui/feedback/ratings_page.py" line="241"/>
        <source>差评</source>
        <translation>Bad rating</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="115"/>
        <source>整改情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="120"/>
        <source>回访日期</source>
        <translation>Follow-up call on</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="121"/>
        <source>回访结果</source>
        <translation>Follow-up result</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/forms.py" line="123"/>
        <location filename="../../ui/feedback/ratings_page.py" line="252"/>
        <source>整改结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="29"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="30"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="31"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="32"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="33"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="52"/>
        <source>评价屏</source>
        <translation>Rating screen</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="53"/>
        <source>纸质评价表</source>
        <translation>Paper form</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="54"/>
        <source>电话回访</source>
        <translation>Follow-up call</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="62"/>
        <location filename="../../ui/feedback/ratings_page.py" line="223"/>
        <source>整改超期</source>
        <translation>Rectification overdue</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="62"/>
        <location filename="../../ui/feedback/ratings_page.py" line="222"/>
        <source>待整改</source>
        <translation>To rectify</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="64"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="65"/>
        <source>已撤销（申诉成立）</source>
        <translation>Cancelled (appeal upheld)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="73"/>
        <source>已整改，群众满意</source>
        <translation>Rectified, applicant satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="74"/>
        <source>已解释说明，群众理解</source>
        <translation>Explained, applicant understands</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="75"/>
        <source>群众仍不满意</source>
        <translation>Applicant still dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="80"/>
        <source>误评</source>
        <translation>Mistaken</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="80"/>
        <source>恶意评价</source>
        <translation>Malicious</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="87"/>
        <source>申诉待裁决</source>
        <translation>Appeal pending</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="88"/>
        <location filename="../../ui/feedback/ratings_page.py" line="318"/>
        <source>申诉成立</source>
        <translation>Appeal upheld</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="89"/>
        <location filename="../../ui/feedback/ratings_page.py" line="319"/>
        <source>申诉驳回</source>
        <translation>Appeal rejected</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="95"/>
        <location filename="../../ui/visits/forms.py" line="203"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="97"/>
        <location filename="../../ui/sync/page.py" line="566"/>
        <location filename="../../ui/worklist/page.py" line="519"/>
        <source>办件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="104"/>
        <source>现场</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="42"/>
        <source>高龄老人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="43"/>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="44"/>
        <source>偏远村组群众</source>
        <translation>Remote village</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="45"/>
        <source>重点项目企业</source>
        <translation>Key-project enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="51"/>
        <location filename="../../ui/appointments/page.py" line="96"/>
        <location filename="../../ui/feedback/labels.py" line="105"/>
        <location filename="../../ui/worklist/appointments_box.py" line="42"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="52"/>
        <source>上门</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="53"/>
        <source>来窗口</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="54"/>
        <source>短信</source>
        <translation>Text message</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="55"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="70"/>
        <source>如：代为提交申请材料、到相关部门办理、领取并送达结果</source>
        <translation>e.g. hand in the materials, deal with the departments, collect and deliver the result</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="74"/>
        <source>如：委托书 WT-2026-031（存档案柜）</source>
        <translation>e.g. authorisation WT-2026-031 (filing cabinet)</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="76"/>
        <source>代办员</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="77"/>
        <source>服务对象</source>
        <translation>Applicant group</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="78"/>
        <source>委托书签署日期</source>
        <translation>Authorisation signed on</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="79"/>
        <source>委托事项和权限</source>
        <translation>Scope of the authorisation</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="80"/>
        <source>委托书编号/存放处</source>
        <translation>Authorisation no. / kept at</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="86"/>
        <source>（请选择代办员）</source>
        <translation>(choose the agent)</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="88"/>
        <source>（%s号窗口）</source>
        <translation> (window %s)</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="118"/>
        <source>全程代办(&amp;Q)</source>
        <translation>Full agency service (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/agency/terms.py" line="120"/>
        <source>工作人员代为办理全部手续，须有申请人书面委托</source>
        <translation>A staff member carries the whole procedure for the applicant; needs the applicant&apos;s written authorisation</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="106"/>
        <source>信件、意见箱</source>
        <translation>Letter, suggestion box</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="107"/>
        <source>12345热线转办</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="108"/>
        <source>网上</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="114"/>
        <source>已办结（属实）</source>
        <translation>Concluded (substantiated)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="114"/>
        <source>已办结（不属实）</source>
        <translation>Concluded (not substantiated)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="116"/>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/labels.py" line="117"/>
        <source>调查中</source>
        <translation>Investigating</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/list_panel.py" line="92"/>
        <source>共 %s 条</source>
        <translation>%s in all</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="102"/>
        <source>我的评价</source>
        <translation>My ratings</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="102"/>
        <source>评价记录</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="103"/>
        <source>我的差评整改</source>
        <translation>My rectifications</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="103"/>
        <source>差评整改</source>
        <translation>Rectifications</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="104"/>
        <source>我的申诉</source>
        <translation>My appeals</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="104"/>
        <source>申诉裁决</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="112"/>
        <source>全部等级</source>
        <translation>All ratings</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="113"/>
        <source>差评（不满意、非常不满意）</source>
        <translation>Bad (dissatisfied, very dissatisfied)</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="117"/>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="123"/>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/page.py" line="85"/>
        <location filename="../../ui/feedback/ratings_page.py" line="124"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="125"/>
        <source>近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="126"/>
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="132"/>
        <source>全部人员</source>
        <translation>All staff</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="140"/>
        <source>申诉…</source>
        <translation>Appeal…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="148"/>
        <source>评价时间</source>
        <translation>Rated at</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="151"/>
        <location filename="../../ui/feedback/ratings_page.py" line="242"/>
        <source>意见建议</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="152"/>
        <source>被评价人</source>
        <translation>Rated staff</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="154"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="155"/>
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="156"/>
        <source>整改、申诉</source>
        <translation>Rectification, appeal</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="231"/>
        <source>办结整改…</source>
        <translation>Close rectification…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="244"/>
        <source>差评时间</source>
        <translation>Rated at</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="245"/>
        <source>整改期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="247"/>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="262"/>
        <source>不满意、非常不满意的评价自动生成整改事项，须在期限内回访申请人，由负责人办结。</source>
        <translation>Dissatisfied and very dissatisfied ratings open a rectification item: call the applicant back in time; a supervisor closes it.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="292"/>
        <source>这是其他服务中心的整改事项，由该中心回访办结；本中心只能查看。</source>
        <translation>This rectification item belongs to another service center, which follows it up and closes it; this center can only view it.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="317"/>
        <source>待裁决</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="326"/>
        <source>裁决…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="339"/>
        <source>申诉人</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="340"/>
        <source>申诉时间</source>
        <translation>Appealed at</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="341"/>
        <source>裁决意见</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="356"/>
        <source>被评价人可对误评、恶意评价申诉一次；申诉成立的评价不计入统计。</source>
        <translation>The rated staff member may appeal a mistaken or malicious rating once; upheld ratings no longer count.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="374"/>
        <source>这是其他服务中心的评价申诉，由该中心裁决；本中心只能查看。</source>
        <translation>This appeal belongs to another service center, which decides it; this center can only view it.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback/ratings_page.py" line="392"/>
        <source>只能查看</source>
        <translation>View only</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/labels.py" line="17"/>
        <source>待到</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/labels.py" line="18"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/labels.py" line="19"/>
        <source>爽约</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/labels.py" line="20"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/labels.py" line="25"/>
        <source>电话预约</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/labels.py" line="25"/>
        <source>现场预约</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="84"/>
        <source>预约时段设置</source>
        <translation>Bookable slots</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="87"/>
        <source>（不限窗口）</source>
        <translation>(any window)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="91"/>
        <source>（该窗口的全部事项）</source>
        <translation>(every item of the window)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="98"/>
        <source>每时段长度</source>
        <translation>Slot length</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="99"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="102"/>
        <location filename="../../ui/appointments/settings.py" line="176"/>
        <source>每时段人数</source>
        <translation>Places per slot</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="102"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="106"/>
        <location filename="../../ui/appointments/settings.py" line="177"/>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="107"/>
        <location filename="../../ui/appointments/settings.py" line="112"/>
        <location filename="../../ui/appointments/settings.py" line="239"/>
        <source>开放</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="111"/>
        <location filename="../../ui/appointments/settings.py" line="178"/>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="116"/>
        <source>可提前预约</source>
        <translation>Bookable ahead</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="117"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="119"/>
        <source>开放预约</source>
        <translation>Open for booking</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="156"/>
        <source>重新开放某日</source>
        <translation>Reopen a day</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="156"/>
        <source>关闭某日</source>
        <translation>Close a day</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="158"/>
        <source>预约安排</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="161"/>
        <source>原因（告知预约人）</source>
        <translation>Reason (told to visitors)</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="174"/>
        <source>窗口/事项</source>
        <translation>Window / item</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="175"/>
        <source>时段长度</source>
        <translation>Slot length</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="179"/>
        <source>可提前</source>
        <translation>Ahead</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="181"/>
        <source>关闭的日期</source>
        <translation>Closed days</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="190"/>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="191"/>
        <source>修改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="192"/>
        <source>关闭某日…</source>
        <translation>Close a day…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="193"/>
        <source>重新开放某日…</source>
        <translation>Reopen a day…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="201"/>
        <source>法定节假日不开放预约，调休上班日开放（见“工作日历”）；另可按窗口关闭某日。</source>
        <translation>Statutory holidays are closed for booking and make-up working days open (see “Working-day calendar”); single days can also be closed per schedule.</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="234"/>
        <source>%s 分钟</source>
        <translation>%s min</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="236"/>
        <location filename="../../ui/appointments/settings.py" line="237"/>
        <source>不开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="238"/>
        <source>%s 天</source>
        <translation>%s days</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="239"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="269"/>
        <location filename="../../ui/appointments/settings.py" line="274"/>
        <source>已保存预约时段</source>
        <translation>Schedule saved</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="279"/>
        <location filename="../../ui/appointments/settings.py" line="294"/>
        <source>请先在表中选择一个预约安排</source>
        <translation>Choose a schedule in the table first</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="289"/>
        <source>已关闭该日的预约</source>
        <translation>Day closed for booking</translation>
    </message>
    <message>
        <location filename="../../ui/appointments/settings.py" line="306"/>
        <source>已重新开放该日的预约</source>
        <translation>Day reopened for booking</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="50"/>
        <source>一次性告知</source>
        <translation>One-time notices</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="58"/>
        <source>受理、办结与超期（件）</source>
        <translation>Accepted, decided and overdue (cases)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="63"/>
        <source>按时办结率（%）</source>
        <translation>On-time completion (%)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="70"/>
        <source>按时办结率</source>
        <translation>On-time completion</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/first_inquiry.py" line="91"/>
        <source>受理台已打开：办理后将关联来访 %s</source>
        <translation>Counter opened: what is issued there will be linked to visit %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/first_inquiry.py" line="113"/>
        <source>来访 %s 已办结：转为申请 %s</source>
        <translation>Visit %s closed: became application %s</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="65"/>
        <source>经办人</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="65"/>
        <source>之后由谁负责</source>
        <translation>Held afterwards by</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="86"/>
        <source>经手记录（首问责任链，不可修改）</source>
        <translation>Chain of responsibility (first inquiry; cannot be edited)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="114"/>
        <source>来访 %s</source>
        <translation>Visit %s</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="117"/>
        <location filename="../../ui/worklist/page.py" line="312"/>
        <location filename="../../ui/worklist/page.py" line="332"/>
        <source>（未留姓名）</source>
        <translation>(no name given)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="123"/>
        <source>  【需陪同引导】</source>
        <translation>  [needs an escort]</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="126"/>
        <source>（您正代其办理）</source>
        <translation> (you are acting for them)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="128"/>
        <source>登记号</source>
        <translation>Visit number</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="130"/>
        <source>首问人员</source>
        <translation>First responder</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="131"/>
        <source>当前负责人</source>
        <translation>Now held by</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="133"/>
        <location filename="../../ui/worklist/page.py" line="319"/>
        <location filename="../../ui/worklist/page.py" line="339"/>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="135"/>
        <location filename="../../ui/visits/forms.py" line="55"/>
        <source>咨询/办理事项</source>
        <translation>Question / matter</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="567"/>
        <source>办件记录</source>
        <translation>Case events</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="568"/>
        <source>办件材料</source>
        <translation>Case materials</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="569"/>
        <source>一次性告知单</source>
        <translation>One-time notices</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="570"/>
        <source>告知单材料</source>
        <translation>Notice materials</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="571"/>
        <source>告知外补充</source>
        <translation>Extra demands</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="574"/>
        <location filename="../../ui/visits/dialog.py" line="143"/>
        <location filename="../../ui/visits/labels.py" line="53"/>
        <source>转办</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="576"/>
        <source>代办</source>
        <translation>Agency cases</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="586"/>
        <source>收集记录</source>
        <translation>Collecting</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="587"/>
        <source>写入数据包</source>
        <translation>Writing</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="588"/>
        <source>检查数据包</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="589"/>
        <source>读取</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="590"/>
        <source>导入记录</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="592"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="144"/>
        <source>%s → %s，须于 %s 前接收</source>
        <translation>%s → %s, to be acknowledged by %s</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="195"/>
        <source>▲ 转办已超过接收时限，仍未被接收：请联系接收人或收回转办。</source>
        <translation>▲ The referral is past its limit and not acknowledged: call the receiver or recall it.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="207"/>
        <source>（代%s）</source>
        <translation> (for %s)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="210"/>
        <source>转至 %s</source>
        <translation>to %s</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="212"/>
        <source>（超时接收）</source>
        <translation>(acknowledged late) </translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="230"/>
        <source>办结（记录结果）…</source>
        <translation>Close (record outcome)…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="231"/>
        <source>转为申请（打开受理台）</source>
        <translation>Make it an application (open the counter)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="232"/>
        <source>转办…</source>
        <translation>Refer…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="233"/>
        <source>非本中心职责…</source>
        <translation>Outside our remit…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="234"/>
        <location filename="../../ui/visits/labels.py" line="54"/>
        <source>确认接收</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="235"/>
        <source>记录确认电话…</source>
        <translation>Record confirmation call…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="236"/>
        <source>收回转办…</source>
        <translation>Recall referral…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="237"/>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="250"/>
        <source>录入来访人填写的纸质评价表，或电话回访的评价</source>
        <translation>Enter the visitor&apos;s paper rating form, or the rating given on a follow-up call</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="255"/>
        <source>打印办事指南</source>
        <translation>Print service guide</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="260"/>
        <source>打印引导单 (Ctrl+P)</source>
        <translation>Print referral slip (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="337"/>
        <source>记录确认电话</source>
        <translation>Record the confirmation call</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="339"/>
        <source>对方单位、接听人及确认情况</source>
        <translation>Body called, who answered, what was confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="347"/>
        <location filename="../../ui/visits/labels.py" line="55"/>
        <source>收回转办</source>
        <translation>Recall referral</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="349"/>
        <source>收回原因（如：来访人返回首问窗口）</source>
        <translation>Why (e.g. the visitor came back to the first window)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="358"/>
        <source>重新打开来访</source>
        <translation>Reopen visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits/dialog.py" line="360"/>
        <source>重新打开的原因</source>
        <translation>Why it is reopened</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="52"/>
        <location filename="../../ui/visits/labels.py" line="50"/>
        <source>登记来访</source>
        <translation>Register visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="55"/>
        <source>来访人问什么、要办什么</source>
        <translation>What the visitor asks or wants done</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="60"/>
        <source>姓名（可不填）</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="61"/>
        <source>投诉时须填写；转办时便于跟进</source>
        <translation>Required for complaints; helps follow a referral</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="62"/>
        <source>身份证号（需要时）</source>
        <translation>Resident ID (when it matters)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="63"/>
        <source>老年人或残疾人，需工作人员陪同引导</source>
        <translation>Elderly or disabled: a member of staff escorts them</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="67"/>
        <source>当场答复（填写即办结）</source>
        <translation>Answered at once (closes the visit)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="67"/>
        <source>已当场答复的，写明答复内容</source>
        <translation>If answered at once, write the answer</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="69"/>
        <source>登记 (Ctrl+Enter)</source>
        <translation>Register (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="89"/>
        <source>办结来访：记录结果</source>
        <translation>Close visit: record the outcome</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="93"/>
        <source>（请选择办理结果）</source>
        <translation>(choose the outcome)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="94"/>
        <location filename="../../ui/visits/labels.py" line="42"/>
        <location filename="../../ui/visits/labels.py" line="51"/>
        <source>当场答复</source>
        <translation>Answered on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="95"/>
        <source>转为申请（已受理或已出具告知单）</source>
        <translation>Became an application (accepted, or a notice issued)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="97"/>
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="98"/>
        <source>已发办事指南（事项编码，可不填）</source>
        <translation>Service guide handed over (item code, optional)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="100"/>
        <source>办件编号（或告知单、不予受理通知书编号）</source>
        <translation>Case number (or notice / refusal number)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="136"/>
        <source>非本中心职责：告知承办单位</source>
        <translation>Outside our remit: name the competent body</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="136"/>
        <source>转办（引导至中心内）</source>
        <translation>Refer within the center</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="142"/>
        <source>承办单位</source>
        <translation>Competent body</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="142"/>
        <source>如：县公安局户政科</source>
        <translation>e.g. County Public Security, household registration</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="144"/>
        <source>地址和办公电话</source>
        <translation>Address and office phone</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="144"/>
        <source>如：人民路12号，0310-6811110</source>
        <translation>e.g. 12 Renmin Rd, 0310-6811110</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="146"/>
        <source>不属本中心办理的原因</source>
        <translation>Why it is not handled here</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="148"/>
        <source>接收人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="148"/>
        <source>（不指定个人）</source>
        <translation>(no named person)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="149"/>
        <source>接收窗口</source>
        <translation>Receiving window</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="149"/>
        <source>（按接收人所在窗口）</source>
        <translation>(the receiver&apos;s window)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="151"/>
        <source>接收部门</source>
        <translation>Receiving department</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="151"/>
        <source>（按窗口所属部门）</source>
        <translation>(the window&apos;s department)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="153"/>
        <source>联系电话（办公电话，可不填）</source>
        <translation>Phone (office line, optional)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="154"/>
        <source>服务事项（可不填）</source>
        <translation>Service item (optional; the slip lists what to bring)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="155"/>
        <source>转办原因</source>
        <translation>Reason for the referral</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="156"/>
        <source>转办 (Ctrl+Enter)</source>
        <translation>Refer (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="198"/>
        <source>离岗登记（AB岗）</source>
        <translation>Mark away (A/B post)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="207"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="214"/>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/visits/forms.py" line="215"/>
        <source>至</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/visits/item_chooser.py" line="20"/>
        <source>转为申请：选择办理事项</source>
        <translation>Make it an application: choose the item</translation>
    </message>
    <message>
        <location filename="../../ui/visits/item_chooser.py" line="27"/>
        <source>输入事项名称、编码或拼音首字母，回车选择：</source>
        <translation>Type the item&apos;s name, code or pinyin initials, Enter to choose:</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="21"/>
        <source>咨询</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="22"/>
        <source>办事</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="578"/>
        <location filename="../../ui/visits/labels.py" line="23"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="30"/>
        <source>▲ 转办超时未接收</source>
        <translation>▲ Referral overdue</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="32"/>
        <source>○ 办理中</source>
        <translation>○ Open</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="33"/>
        <source>→ 已转办待接收</source>
        <translation>→ Referred, awaiting acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="34"/>
        <source>✓ 已办结</source>
        <translation>✓ Closed</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="40"/>
        <source>（尚无结果）</source>
        <translation>(no outcome yet)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="43"/>
        <location filename="../../ui/visits/labels.py" line="52"/>
        <source>转为申请</source>
        <translation>Became an application</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="44"/>
        <source>非本中心职责（已电话确认）</source>
        <translation>Outside our remit (confirmed by phone)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="56"/>
        <source>电话确认外单位受理</source>
        <translation>Outside body confirmed by phone</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="57"/>
        <source>重新打开</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="63"/>
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="64"/>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../ui/visits/labels.py" line="65"/>
        <source>外出办事</source>
        <translation>Field visit</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="119"/>
        <source>编号、身份证号、电话或姓名，可扫码；回车查找来访、告知单和办件（Ctrl+F）</source>
        <translation>Number, resident ID, phone or name, or scan; Enter finds visits, notices and cases (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="131"/>
        <source>登记来访 (F2)</source>
        <translation>Register visit (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="134"/>
        <source>离岗登记…</source>
        <translation>Mark away…</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="138"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="145"/>
        <source>我已返岗</source>
        <translation>I am back</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="183"/>
        <source>超时未接收的转办（全中心）</source>
        <translation>Overdue referrals (whole center)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="183"/>
        <source>待我接收的转办</source>
        <translation>Referrals waiting for me</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="191"/>
        <source>我的办件（红牌、黄牌在前）</source>
        <translation>My cases (red and yellow first)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="192"/>
        <source>我的来访</source>
        <translation>My visits</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="193"/>
        <source>容缺材料待补</source>
        <translation>Deferred materials due</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="301"/>
        <source>▲ 已超时</source>
        <translation>▲ Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="301"/>
        <source>→ 待接收</source>
        <translation>→ Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="313"/>
        <location filename="../../ui/worklist/page.py" line="333"/>
        <source>【陪同】</source>
        <translation> [escort]</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="318"/>
        <source>接收时限</source>
        <translation>Acknowledge by</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="320"/>
        <source>转自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="321"/>
        <source>接收</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="342"/>
        <source>转往</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="344"/>
        <source>受理决定</source>
        <translation>Acceptance decision</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="353"/>
        <source>▲ 已过期（可中止或终止办理） </source>
        <translation>▲ Overdue (may suspend or terminate) </translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="608"/>
        <source>▲ 已超%s个工作日：视为受理</source>
        <translation>▲ Past %s working days: deemed accepted</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="610"/>
        <source>第%s个工作日（%s日内须受理或告知）</source>
        <translation>Working day %s (accept or notify within %s)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="355"/>
        <source>今日 </source>
        <translation>Today </translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="360"/>
        <source>补交期限</source>
        <translation>Supply by</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="364"/>
        <source>容缺材料</source>
        <translation>Deferred materials</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="440"/>
        <source>您正在为 %s 代岗（%s，至 %s）：其来访、转办和办件已列入您的待办。</source>
        <translation>You are standing in for %s (%s, until %s): their visits, referrals and cases are in your list.</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="448"/>
        <source>您已登记离岗（%s，%s 至 %s），期间由 B 岗 %s 代办。</source>
        <translation>You are marked away (%s, %s to %s); your B post %s covers.</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="483"/>
        <source>读取待办失败：%s</source>
        <translation>Could not read the work list: %s</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="513"/>
        <source>没有找到相符的来访、告知单或办件</source>
        <translation>No visit, notice or case matches</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="573"/>
        <location filename="../../ui/worklist/page.py" line="519"/>
        <source>来访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="519"/>
        <source>告知单</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/page.py" line="572"/>
        <source>已登记并办结来访 %s（当场答复）</source>
        <translation>Visit %s registered and closed (answered on the spot)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/appointments_box.py" line="35"/>
        <source>本窗口今日预约</source>
        <translation>Today&apos;s appointments at this window</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/appointments_box.py" line="92"/>
        <source>本窗口今日预约（待到 %s，共 %s）</source>
        <translation>Today&apos;s appointments at this window (%s to come, %s in all)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/reader.py" line="90"/>
        <source>读卡器上没有证件：请把身份证放在读卡区</source>
        <translation>No card on the reader: lay the ID card on the reading area</translation>
    </message>
    <message>
        <location filename="../../ui/counter/reader.py" line="107"/>
        <source>（修好后按 F4 重新读卡）</source>
        <translation> (press F4 to read again once fixed)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/keyboard.py" line="46"/>
        <source>受理(&amp;S)</source>
        <translation>Counter (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/keyboard.py" line="48"/>
        <source>查找办理事项</source>
        <translation>Find a service item</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/keyboard.py" line="49"/>
        <source>回访：查找告知单</source>
        <translation>Return visit: find a notice</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/keyboard.py" line="50"/>
        <source>打印刚出具的文书</source>
        <translation>Print the document just issued</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/keyboard.py" line="86"/>
        <source>本次还没有出具可打印的文书</source>
        <translation>Nothing has been issued to print yet</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="55"/>
        <source>请 %s 号到 %s 号窗口办理</source>
        <translation>Number %s, please go to window %s</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="72"/>
        <source>大厅叫号屏</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="77"/>
        <source>请以下号码到窗口办理</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="121"/>
        <source>%s  →  %s 号窗口</source>
        <translation>%s  →  window %s</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="123"/>
        <source>请取号等候</source>
        <translation>Please take a ticket and wait</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="34"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="35"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="36"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="37"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="38"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="39"/>
        <source>变更摘要</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/audit_page.py" line="60"/>
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
        <source>%s 年节假日安排尚未完整录入：涉及该年的承诺办结日按法定节假日及补假推算（调休未知），标为“暂定”，录入完整安排后自动重算。</source>
        <translation>The %s holiday schedule is not complete: due dates in that year skip the statutory holidays and their make-up days off (swapped weekends are unknown), are marked provisional, and are recomputed once the whole schedule is entered.</translation>
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
        <location filename="../../ui/calendar_page.py" line="130"/>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../ui/catalog/page.py" line="57"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="58"/>
        <source>事项名称</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="59"/>
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="60"/>
        <source>承诺时限</source>
        <translation>Committed limit</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="61"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="62"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="81"/>
        <source>即办件</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="81"/>
        <source>%s个工作日</source>
        <translation>%s working days</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="88"/>
        <source>第%s版</source>
        <translation>v%s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="89"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="89"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="90"/>
        <source>·草稿未公布</source>
        <translation> · draft, not published</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../ui/catalog/page.py" line="117"/>
        <source>按编码、名称或拼音首字母查找；↓ 进入列表，回车编辑</source>
        <translation>Find by code, name or pinyin initials; ↓ to the list, Enter to edit</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="121"/>
        <source>显示已停用</source>
        <translation>Show deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="153"/>
        <source>新建事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="154"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="155"/>
        <source>停用/启用</source>
        <translation>Deactivate/Reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="156"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="157"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="158"/>
        <source>公布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="159"/>
        <source>服务承诺书</source>
        <translation>Service commitment</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="160"/>
        <source>公示清单</source>
        <translation>Public list</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="171"/>
        <source>事项目录（办事指南）</source>
        <translation>Service catalog (service guides)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="195"/>
        <source>已公布“%s”第%s版（%s，%s）</source>
        <translation>Published “%s” version %s (%s, %s)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="243"/>
        <source>共 %s 项</source>
        <translation>%s items</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="275"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="285"/>
        <source>停用事项</source>
        <translation>Deactivate item</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="286"/>
        <source>停用“%s”后，窗口将不能再受理该事项。确定停用吗？</source>
        <translation>After deactivating “%s” no window can accept it any more. Deactivate it?</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="303"/>
        <source>导入事项目录</source>
        <translation>Import catalog</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="303"/>
        <source>事项目录 (*.xlsx *.json)</source>
        <translation>Catalog (*.xlsx *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="312"/>
        <source>正在导入事项目录…</source>
        <translation>Importing the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="316"/>
        <source>导入完成：%s</source>
        <translation>Import finished: %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="324"/>
        <source>导出事项目录</source>
        <translation>Export catalog</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="326"/>
        <source>Excel 工作簿 (*.xlsx);;JSON 文件 (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON file (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="336"/>
        <source>已导出 %s 项到 %s</source>
        <translation>Exported %s items to %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="338"/>
        <source>正在导出事项目录…</source>
        <translation>Exporting the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="344"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <location filename="../../ui/calendar_page.py" line="153"/>
        <source>设置单日</source>
        <translation>Set one day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="158"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="159"/>
        <source>上班（调休）</source>
        <translation>Working day (make-up)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="162"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="163"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="164"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="37"/>
        <source>%s，您好</source>
        <translation>Hello, %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="41"/>
        <source>服务中心</source>
        <translation>Service center</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="42"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="43"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="46"/>
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
        <location filename="../../ui/catalog/editor.py" line="66"/>
        <source>编辑事项：%s（第%s版）</source>
        <translation>Edit item: %s (version %s)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="69"/>
        <source>新建事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="76"/>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="77"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="80"/>
        <source>添加材料</source>
        <translation>Add material</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="80"/>
        <source>申请材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="84"/>
        <source>添加环节</source>
        <translation>Add step</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="84"/>
        <source>办理环节</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="93"/>
        <source>保存（新版本）</source>
        <translation>Save (new version)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="94"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="154"/>
        <source>事项编码</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="155"/>
        <source>事项名称</source>
        <translation>Item name</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="156"/>
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="157"/>
        <source>事项类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="158"/>
        <source>法定时限（工作日）</source>
        <translation>Statutory limit (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="159"/>
        <source>承诺时限（工作日，0 为即办件）</source>
        <translation>Committed limit (working days, 0 = on the spot)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="163"/>
        <source>经负责人批准可延长（工作日，超过法定时限部分）</source>
        <translation>Extension beyond the statutory limit with the head&apos;s approval (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="168"/>
        <source>受理的服务中心</source>
        <translation>The center that accepts it</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="169"/>
        <source>县级部门（乡镇受理后移交县级审批）</source>
        <translation>A county department (a township accepts and hands it over)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="170"/>
        <source>作出决定的</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="171"/>
        <source>到现场次数</source>
        <translation>Visits needed</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="172"/>
        <source>收费标准</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="173"/>
        <source>送达方式</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="174"/>
        <source>咨询电话</source>
        <translation>Enquiries phone</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="175"/>
        <source>监督投诉电话</source>
        <translation>Complaints phone</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="181"/>
        <source>受理条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="182"/>
        <source>设定依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="183"/>
        <source>收费依据</source>
        <translation>Fee basis</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="184"/>
        <source>办理地点和时间</source>
        <translation>Where and when</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="194"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="197"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="201"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="263"/>
        <source>保存失败：%s</source>
        <translation>Not saved: %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="284"/>
        <source>第%s项材料</source>
        <translation>Material %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="284"/>
        <source>第%s个环节</source>
        <translation>Step %s</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/editor.py" line="302"/>
        <source>有%s处需要修改，未保存。</source>
        <translation>%s fields need changes; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ItemFinder</name>
    <message>
        <location filename="../../ui/catalog/finder.py" line="51"/>
        <source>输入事项名称、编码或拼音首字母（如 dbsq），回车选择</source>
        <translation>Type an item&apos;s name, code or pinyin initials (e.g. dbsq); Enter chooses</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/finder.py" line="63"/>
        <source>本窗口常办事项（↑↓ 选择，回车办理）</source>
        <translation>This window&apos;s usual items (↑↓ to pick, Enter to open)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/finder.py" line="118"/>
        <source>即办件</source>
        <translation>on the spot</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/finder.py" line="120"/>
        <source>承诺%s个工作日</source>
        <translation>%s working days</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/finder.py" line="137"/>
        <source>查询失败：%s</source>
        <translation>Search failed: %s</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="39"/>
        <location filename="../../ui/login.py" line="59"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="39"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="40"/>
        <source>政务服务窗口办件系统</source>
        <translation>Service-hall counter desk</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="55"/>
        <source>用户名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="56"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="59"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="65"/>
        <source>长时间无操作，屏幕已锁定。请输入密码继续，未保存的内容不会丢失。</source>
        <translation>The screen locked after a period without activity. Enter your password to go on; nothing you typed is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="76"/>
        <source>请输入用户名和密码</source>
        <translation>Enter your login and password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="94"/>
        <source>无法登录：%s</source>
        <translation>Cannot log in: %s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="84"/>
        <source>%s — 窗口办件系统</source>
        <translation>%s — Counter Desk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="86"/>
        <source>【演示数据】%s</source>
        <translation>[DEMO DATA] %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="103"/>
        <source>演示数据：本数据库以演示方式创建，其中的人员、办件均为虚构，不是真实大厅的记录</source>
        <translation>Demo data: this database was created as a demo; its staff and cases are made up, not a real hall&apos;s records</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="164"/>
        <source>我的待办</source>
        <translation>My work</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="167"/>
        <source>受理台</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="168"/>
        <source>办件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="169"/>
        <source>预约</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="164"/>
        <source>首问督办</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="155"/>
        <source>%s 号窗口（%s）</source>
        <translation>Window %s (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="157"/>
        <source>未指定</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="170"/>
        <source>排队叫号</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="172"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="175"/>
        <source>好差评</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="177"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="182"/>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="183"/>
        <source>责任追究</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="184"/>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="185"/>
        <source>工作日历</source>
        <translation>Work calendar</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="187"/>
        <source>审计日志</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="192"/>
        <source>事项目录</source>
        <translation>Service catalog</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="193"/>
        <source>预约设置</source>
        <translation>Appointment settings</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="194"/>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="356"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="359"/>
        <source>备份数据库…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="361"/>
        <location filename="../../ui/mainwindow/window.py" line="604"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="362"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="375"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="379"/>
        <source>顾客评价屏</source>
        <translation>Customer screen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="393"/>
        <source>叫号（下一位）</source>
        <translation>Call next ticket</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="396"/>
        <source>大厅叫号屏</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="398"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="399"/>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="402"/>
        <source>检查数据完整性</source>
        <translation>Check data integrity</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="404"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="405"/>
        <location filename="../../ui/mainwindow/window.py" line="589"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="411"/>
        <source>%s 号窗口</source>
        <translation>Window %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="415"/>
        <source>数据库：%s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="477"/>
        <source>红牌 %s · 黄牌 %s</source>
        <translation>Red %s · Yellow %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="512"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="553"/>
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="561"/>
        <source>备份完成：%s</source>
        <translation>Backup written: %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="563"/>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="569"/>
        <source>数据完整性正常</source>
        <translation>Data integrity OK</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="569"/>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="578"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="590"/>
        <source>政务服务大厅窗口办件系统
首问负责 · 一次性告知 · 限时办结</source>
        <translation>Service-hall counter desk
First-inquiry responsibility · One-time notification · Time-limited completion</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="595"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="605"/>
        <source>受理台上还有未办完的申请：%s。
退出将丢失已录入的内容，确定退出吗？</source>
        <translation>The counter holds an unfinished application: %s.
Quitting loses what was entered. Quit anyway?</translation>
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
    <name>QueuePage</name>
    <message>
        <location filename="../../ui/queue/page.py" line="47"/>
        <source>取号</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="51"/>
        <source>尚未设置业务类别（系统管理员：frontdesk queue group set）</source>
        <translation>No item groups yet (administrator: frontdesk queue group set)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="57"/>
        <source>打印号票</source>
        <translation>Print ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="68"/>
        <source>叫号</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="82"/>
        <source>叫号（F9）</source>
        <translation>Call next (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="83"/>
        <source>重呼</source>
        <translation>Call again</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="84"/>
        <source>开始办理</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="85"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="86"/>
        <source>办理完毕</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="95"/>
        <source>转窗口</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="153"/>
        <source>%s号窗口（%s）</source>
        <translation>Window %s (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="173"/>
        <source>等候人数：%s</source>
        <translation>Waiting: %s</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="175"/>
        <source>无人等候</source>
        <translation>Nobody waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="181"/>
        <source>本窗口当前没有号</source>
        <translation>No ticket at this window</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="183"/>
        <source>已叫号，等候来人（重呼 %s 次）</source>
        <translation>Called, waiting for the visitor (called again %s times)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="185"/>
        <source>办理中</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="206"/>
        <source>%s（%s），前面 %s 人等候，请到 %s 号窗口</source>
        <translation>%s (%s), %s waiting ahead, windows %s</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="231"/>
        <source>没有等候的号</source>
        <translation>Nobody is waiting</translation>
    </message>
    <message>
        <location filename="../../ui/queue/page.py" line="277"/>
        <source>已登记来访 %s</source>
        <translation>Visit %s registered</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="36"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="39"/>
        <source>本机</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>全中心</source>
        <translation>Hall-wide</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="58"/>
        <source>（按人员设置）</source>
        <translation>(from the staff record)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <location filename="../../ui/settings_dialog.py" line="81"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="80"/>
        <source>不用读卡器时留空</source>
        <translation>leave empty without a reader</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>USB读卡器为1001～1016，串口读卡器为1～16</source>
        <translation>USB readers 1001-1016, serial readers 1-16</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="91"/>
        <source>本机窗口号</source>
        <translation>Window number of this PC</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>每日自动备份到（可为U盘）</source>
        <translation>Daily backup to (may be a USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="93"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <location filename="../../ui/settings_dialog.py" line="220"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="96"/>
        <source>更改界面语言后须重新启动程序才能完全生效。</source>
        <translation>A new interface language takes full effect after the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="107"/>
        <source>身份证读卡器动态库</source>
        <translation>ID card reader library</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="108"/>
        <source>读卡器端口</source>
        <translation>Reader port</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115"/>
        <source>选择读卡器动态库</source>
        <translation>Choose the reader library</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115"/>
        <source>动态库 (*.dll *.so)</source>
        <translation>Libraries (*.dll *.so)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="123"/>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="146"/>
        <source>全中心设置只有系统管理员可以修改。</source>
        <translation>Only an administrator can change hall-wide settings.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="148"/>
        <source>标灰的设置由县级中心统一规定，随县级数据包下发，本站点不能修改。</source>
        <translation>The greyed settings are set by the county center for every site and come with the county&apos;s bundles; they cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="171"/>
        <source>由县级中心统一规定</source>
        <translation>Set by the county center</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="221"/>
        <source>界面语言已保存，请重新启动程序，全部界面才会以新语言显示。</source>
        <translation>The interface language is saved. Restart the program to see every screen in the new language.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="79"/>
        <source>用户名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="80"/>
        <location filename="../../ui/mainwindow/pages.py" line="92"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="81"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="82"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="83"/>
        <source>B 岗</source>
        <translation>Backup (B post)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="84"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="85"/>
        <source>离岗</source>
        <translation>Away</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="93"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="94"/>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="95"/>
        <source>至</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="96"/>
        <source>代岗（B 岗）</source>
        <translation>Covered by (B post)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="109"/>
        <source>工作人员与 AB 岗</source>
        <translation>Staff and A/B backup posts</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="112"/>
        <source>登记离岗…</source>
        <translation>Mark away…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="115"/>
        <source>结束所选离岗</source>
        <translation>End selected absence</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="119"/>
        <source>离岗登记（当前及已安排）</source>
        <translation>Absences (now and planned)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="147"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="149"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="149"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="156"/>
        <source>%s 号</source>
        <translation>No. %s</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="172"/>
        <source>离岗至 %s，无人代岗，请安排</source>
        <translation>Away until %s, nobody covers: please arrange cover</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="173"/>
        <source>离岗至 %s，%s 代岗</source>
        <translation>Away until %s, %s covers</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="179"/>
        <source>（未设 B 岗）</source>
        <translation>(no B post)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="181"/>
        <source>%s（也离岗）：无人代岗，请安排</source>
        <translation>%s (also away): nobody covers, please arrange cover</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="183"/>
        <source>%s（也离岗），由 %s 代岗</source>
        <translation>%s (also away), %s covers</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/pages.py" line="210"/>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="89"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="90"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="91"/>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="92"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="93"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="105"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="111"/>
        <source>服务中心(&amp;C)</source>
        <translation>Service &amp;center</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="116"/>
        <source>按周</source>
        <translation>By week</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="117"/>
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="118"/>
        <source>统计</source>
        <translation>Compute</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="121"/>
        <source>打印工作日志…</source>
        <translation>Print daily log…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="123"/>
        <source>所选期间的工作日志（台账），全中心，不按筛选条件</source>
        <translation>The daily log (ledger) of the chosen period, for the whole center, regardless of the filters</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="125"/>
        <source>导出 XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="131"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="135"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="145"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="146"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="147"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="153"/>
        <source>趋势</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="177"/>
        <source>趋势图</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="178"/>
        <source>按窗口</source>
        <translation>By window</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="179"/>
        <source>按人员</source>
        <translation>By clerk</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="180"/>
        <source>按服务中心</source>
        <translation>By service center</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="181"/>
        <source>全县台账</source>
        <translation>County ledger</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="202"/>
        <source>全县（各中心合计）</source>
        <translation>Whole county (all centers)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="244"/>
        <location filename="../../ui/reports/statistics_page.py" line="250"/>
        <source>%s号 %s</source>
        <translation>No. %s %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="289"/>
        <source>正在统计…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="313"/>
        <source>服务中心</source>
        <translation>Service center</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="318"/>
        <source>全县合计</source>
        <translation>County total</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="328"/>
        <source>全县 %s 个服务中心，各中心合计即全县数</source>
        <translation>%s service centers in the county; their rows add up to the county&apos;s figures</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="343"/>
        <source>受理 %s 件</source>
        <translation>Accepted %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="344"/>
        <source>办结 %s 件</source>
        <translation>Decided %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="345"/>
        <source>按时办结率 %s</source>
        <translation>On time %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="346"/>
        <source>平均用时 %s / 承诺 %s 个工作日</source>
        <translation>Average %s of %s committed working days</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="348"/>
        <source>超期 %s 件</source>
        <translation>Overdue %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="349"/>
        <source>每件告知单 %s 份</source>
        <translation>Notices per case %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="350"/>
        <source>逾期告知 %s 份</source>
        <translation>%s late notices</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="351"/>
        <source>违反一次性告知 %s 次</source>
        <translation>One-time rule breaches %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="352"/>
        <source>满意率 %s</source>
        <translation>Satisfaction %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="353"/>
        <source>投诉 %s</source>
        <translation>Complaints %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="354"/>
        <source>转办按时确认率 %s</source>
        <translation>Referrals acknowledged in time %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="338"/>
        <source>“—”：该项尚未接入记录（%s）</source>
        <translation>“—”: not recorded yet (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="360"/>
        <source>好差评</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="361"/>
        <location filename="../../ui/reports/statistics_page.py" line="380"/>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="362"/>
        <source>引导转办</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="368"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="369"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="370"/>
        <source>办结</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="371"/>
        <source>按时办结率</source>
        <translation>On-time completion</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="372"/>
        <source>平均用时（工作日）</source>
        <translation>Average used (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="373"/>
        <source>平均承诺（工作日）</source>
        <translation>Average committed (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="374"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="375"/>
        <source>告知单/受理</source>
        <translation>Notices per case</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="376"/>
        <source>逾期告知</source>
        <translation>Late notices</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="377"/>
        <source>违反告知</source>
        <translation>Breaches</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="378"/>
        <source>评价</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="379"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="381"/>
        <source>转办按时确认率</source>
        <translation>Referrals acknowledged in time</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="382"/>
        <source>平均确认用时（分钟）</source>
        <translation>Average time to acknowledge (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="383"/>
        <source>平均等候（分钟）</source>
        <translation>Average wait (min)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="384"/>
        <source>平均办理（分钟）</source>
        <translation>Average service (min)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="447"/>
        <source>工作日志</source>
        <translation>Daily log</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="449"/>
        <source>导出工作日志</source>
        <translation>Export daily log</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="449"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="466"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="469"/>
        <source>已导出：%s</source>
        <translation>Exported: %s</translation>
    </message>
    <message>
        <location filename="../../ui/reports/statistics_page.py" line="477"/>
        <source>统计分析</source>
        <translation>Statistics</translation>
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
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync/page.py" line="106"/>
        <source>发送给(&amp;A)</source>
        <translation>Send to (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="111"/>
        <source>保存到(&amp;D)</source>
        <translation>Save to (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="113"/>
        <source>选择文件夹(&amp;B)…</source>
        <translation>&amp;Browse for a folder…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="116"/>
        <source>导出数据包(&amp;X)</source>
        <translation>E&amp;xport bundle</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="127"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="140"/>
        <source>选择数据包(&amp;O)…</source>
        <translation>&amp;Open a bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="143"/>
        <source>尚未选择数据包</source>
        <translation>No bundle chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="147"/>
        <source>记录类别</source>
        <translation>Kind of record</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="147"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="147"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="147"/>
        <source>已有</source>
        <translation>Already here</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="152"/>
        <source>确认导入(&amp;M)</source>
        <translation>I&amp;mport it</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="162"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="180"/>
        <source>站点</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="181"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="182"/>
        <source>最后导入的数据包</source>
        <translation>Last bundle imported</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="183"/>
        <source>导入时间</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="184"/>
        <source>待办</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="187"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="190"/>
        <source>未按时报送的乡镇</source>
        <translation>Townships that have not sent in time</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="197"/>
        <source>各站点报送情况</source>
        <translation>Bundles per site</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="245"/>
        <source>U盘 %s</source>
        <translation>USB drive %s</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="263"/>
        <source>选择保存数据包的文件夹或U盘</source>
        <translation>Choose the folder or USB drive to save the bundle to</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="272"/>
        <source>请选择把数据包发送给哪个站点</source>
        <translation>Choose the site the bundle is for</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="275"/>
        <source>请选择保存数据包的文件夹或U盘</source>
        <translation>Choose the folder or USB drive to save the bundle to</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="297"/>
        <source>已导出第 %s 号数据包（发给 %s）：%s
%s；审计记录 %s 条</source>
        <translation>Bundle no. %s exported (for %s): %s
%s; %s audit events</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="320"/>
        <source>选择要导入的数据包</source>
        <translation>Choose the bundle to import</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="322"/>
        <source>数据包 (*.zip)</source>
        <translation>Bundles (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="342"/>
        <source>正在检查数据包…</source>
        <translation>Checking the bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="349"/>
        <source>来自 %s 的第 %s 号数据包（%s 制作）：新增 %s 条记录、%s 条审计记录</source>
        <translation>Bundle from %s, no. %s (made %s): %s new records, %s new audit events</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="359"/>
        <location filename="../../ui/sync/page.py" line="404"/>
        <source>注意：缺少此前的数据包 %s</source>
        <translation>Note: earlier bundles are missing: %s</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="361"/>
        <source>这个数据包已经导入过，再次导入不会有任何改变</source>
        <translation>This bundle was imported before; importing it again would change nothing</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="363"/>
        <location filename="../../ui/sync/page.py" line="545"/>
        <source>没有新的记录</source>
        <translation>No new records</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="389"/>
        <source>%s 的第 %s 号数据包此前已导入，没有任何改变</source>
        <translation>The bundle from %s, no. %s, was imported before: nothing changed</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="395"/>
        <source>已导入 %s 的第 %s 号数据包：新增 %s 条、更新 %s 条记录，审计记录 %s 条</source>
        <translation>Imported the bundle from %s, no. %s: %s new, %s updated records, %s audit events</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="432"/>
        <source>县级中心</source>
        <translation>The county center</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="451"/>
        <source>尚无</source>
        <translation>None yet</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="476"/>
        <source>各乡镇均已按时报送</source>
        <translation>Every township has sent in time</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="478"/>
        <source>本县尚未登记乡镇（frontdesk site add）</source>
        <translation>No township registered yet (frontdesk site add)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="484"/>
        <source>%s %s：从未报送</source>
        <translation>%s %s: never sent a bundle</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="487"/>
        <source>%s %s：已 %s 个工作日未报送（最后一次 %s）</source>
        <translation>%s %s: nothing for %s working days (last on %s)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="501"/>
        <source>已发出 #%s，对方已确认 #%s</source>
        <translation>Sent #%s, acknowledged #%s</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="504"/>
        <source>%s 个待确认</source>
        <translation>%s not acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="506"/>
        <source>缺 %s</source>
        <translation>missing %s</translation>
    </message>
    <message>
        <location filename="../../ui/sync/page.py" line="555"/>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app_messages.py" line="19"/>
        <source>用户名或密码不正确</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="20"/>
        <source>用户名或密码不正确（还可尝试 {} 次）</source>
        <translation>Wrong user name or password ({} tries left)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="21"/>
        <source>连续输错密码 {} 次，账号已锁定 {} 分钟</source>
        <translation>Wrong password {} times in a row: the account is locked for {} minutes</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="22"/>
        <source>连续输错密码次数过多，账号已锁定，请 {} 分钟后再试</source>
        <translation>Too many wrong passwords: the account is locked; try again in {} minutes</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="23"/>
        <source>密码至少需要 {} 个字符</source>
        <translation>The password needs at least {} characters</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="24"/>
        <source>密码不能以空格开头或结尾，也不能含控制字符</source>
        <translation>The password may not begin or end with a space or contain control characters</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="25"/>
        <source>用户不一致</source>
        <translation>Not the same user</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="26"/>
        <source>格式不正确</source>
        <translation>Wrong format</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="27"/>
        <source>请填写身份证号码</source>
        <translation>Enter the resident ID number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="28"/>
        <source>15位旧身份证号码已停用，请填写18位身份证号码</source>
        <translation>15-digit ID numbers are no longer used: enter the 18-character number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="29"/>
        <source>身份证号码应为18位</source>
        <translation>A resident ID number has 18 characters</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="30"/>
        <source>身份证号码只能由数字组成，最后一位可以是X</source>
        <translation>A resident ID number is digits only; the last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="31"/>
        <source>身份证号码前两位不是有效的省级行政区划代码</source>
        <translation>The first two digits are not a valid province code</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="32"/>
        <source>身份证号码中的出生日期无效</source>
        <translation>The birth date in the ID number is not a valid date</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="33"/>
        <source>身份证号码中的出生日期晚于今天</source>
        <translation>The birth date in the ID number is after today</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="34"/>
        <source>身份证号码校验位不正确</source>
        <translation>The ID number&apos;s check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="35"/>
        <source>请填写联系电话</source>
        <translation>Enter a phone number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="36"/>
        <source>电话号码格式不正确：手机号码为11位，固定电话需带区号（如0571-88889999）</source>
        <translation>Wrong phone number: a mobile has 11 digits, a landline needs its area code (e.g. 0571-88889999)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="39"/>
        <source>不能为空</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="40"/>
        <source>不能超过{}个字</source>
        <translation>At most {} characters</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="41"/>
        <source>姓名中不能有表情或图形符号“{}”，请删去</source>
        <translation>A name cannot hold an emoji or picture symbol (“{}”): remove it</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="42"/>
        <source>姓名中不能有数字“{}”</source>
        <translation>A name cannot hold a digit (“{}”)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="43"/>
        <source>姓名中不能有符号“{}”（只可用间隔号“·”、空格、连字符和撇号）</source>
        <translation>A name cannot hold the symbol “{}” (only the middle dot “·”, spaces, hyphens and apostrophes)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="44"/>
        <source>姓名中有不能使用的字符（U+{}），请删去</source>
        <translation>The name holds a character that cannot be used (U+{}): remove it</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="45"/>
        <source>间隔号“·”的位置不正确</source>
        <translation>The middle dot “·” is in the wrong place</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="46"/>
        <source>含有不允许的控制字符（U+{}）</source>
        <translation>Contains a control character that is not allowed (U+{})</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="47"/>
        <source>请填写登录名</source>
        <translation>Enter a login name</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="48"/>
        <source>登录名只能由小写字母、数字、下划线、点和短横线组成，长度2至32位</source>
        <translation>A login name is 2 to 32 lower-case letters, digits, underscores, dots and hyphens</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="49"/>
        <source>请选择证件类型</source>
        <translation>Choose the ID document</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="50"/>
        <source>请填写证件号码</source>
        <translation>Enter the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="51"/>
        <source>收件时间不能晚于现在</source>
        <translation>The materials cannot have been received later than now</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="52"/>
        <source>视为受理日期不能晚于今天</source>
        <translation>The deemed acceptance date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="53"/>
        <source>容缺受理须记录申请人的补交承诺</source>
        <translation>Acceptance with deferred materials needs the applicant&apos;s commitment</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="54"/>
        <source>请填写容缺材料的补交期限</source>
        <translation>Enter the date by which the deferred materials are due</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="55"/>
        <source>补交期限不能早于今天</source>
        <translation>The supply date cannot be before today</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="56"/>
        <source>补交期限不能晚于承诺办结日期 {}</source>
        <translation>The supply date cannot be after the committed completion date {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="57"/>
        <source>“{}”不可容缺，必须当场提交</source>
        <translation>“{}” cannot be deferred: it must be handed in now</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="58"/>
        <source>“{}”是必交材料，不能标为不适用</source>
        <translation>“{}” is required: it cannot be marked not applicable</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="59"/>
        <source>材料不齐，不能受理，请出具一次性告知单。缺少：{}</source>
        <translation>Materials incomplete: cannot accept; issue a one-time notice. Missing: {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="60"/>
        <source>没有 {} 号窗口</source>
        <translation>There is no window {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="62"/>
        <source>{}中的出生日期无效（{}年）</source>
        <translation>The birth date in {} is not valid (year {})</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="63"/>
        <source>居住证号码应为18位</source>
        <translation>A residence permit number has 18 characters</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="64"/>
        <source>居住证号码只能由数字组成，最后一位可以是X</source>
        <translation>A residence permit number is digits only; the last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="65"/>
        <source>居住证号码中的出生日期无效</source>
        <translation>The birth date in the residence permit number is not a valid date</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="66"/>
        <source>居住证号码中的出生日期晚于今天</source>
        <translation>The birth date in the residence permit number is after today</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="67"/>
        <source>居住证号码校验位不正确</source>
        <translation>The residence permit number&apos;s check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="68"/>
        <source>永久居留身份证号码应为18位</source>
        <translation>A permanent residence ID number has 18 characters</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="69"/>
        <source>永久居留身份证号码只能由数字组成，最后一位可以是X</source>
        <translation>A permanent residence ID number is digits only; the last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="70"/>
        <source>永久居留身份证号码中的出生日期无效</source>
        <translation>The birth date in the permanent residence ID number is not a valid date</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="71"/>
        <source>永久居留身份证号码中的出生日期晚于今天</source>
        <translation>The birth date in the permanent residence ID number is after today</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="72"/>
        <source>永久居留身份证号码校验位不正确</source>
        <translation>The permanent residence ID number&apos;s check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="73"/>
        <source>身份证号码</source>
        <translation>the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="74"/>
        <source>居住证号码</source>
        <translation>the residence permit number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="75"/>
        <source>永久居留身份证号码</source>
        <translation>the permanent residence ID number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="76"/>
        <source>以9开头的18位号码是外国人永久居留身份证，请把证件类型选为“外国人永久居留身份证”</source>
        <translation>An 18-character number beginning with 9 is a foreigner&apos;s permanent residence ID: choose that ID document</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="79"/>
        <source>港澳居民来往内地通行证号码应为字母H或M加8位数字（2013年前的旧证为10位数字）</source>
        <translation>A Hong Kong/Macao travel permit number is H or M and 8 digits (10 digits on permits before 2013)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="82"/>
        <source>港澳台居民居住证号码前6位应为810000（香港）、820000（澳门）或830000（台湾）</source>
        <translation>A residence permit for Hong Kong, Macao and Taiwan residents begins 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="85"/>
        <source>10位数字的号码请在前面加H或M（港澳通行证）；台湾居民来往大陆通行证为8位数字</source>
        <translation>Put H or M before a 10-digit number (Hong Kong/Macao travel permit); a Taiwan travel permit has 8 digits</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="88"/>
        <source>号码格式不对：港澳通行证为H或M加8位数字，台胞证为8位数字，港澳台居民居住证为以81、82、83开头的18位号码</source>
        <translation>Wrong number: a Hong Kong/Macao travel permit is H or M and 8 digits, a Taiwan travel permit 8 digits, a residence permit 18 characters beginning 81, 82 or 83</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="92"/>
        <source>请填写护照号码</source>
        <translation>Enter the passport number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="93"/>
        <source>护照号码只能由英文字母和数字组成，不含空格以外的符号</source>
        <translation>A passport number is Latin letters and digits only, with no symbols but spaces</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="94"/>
        <source>护照号码应为5至9位字母或数字，现为{}位</source>
        <translation>A passport number has 5 to 9 letters or digits; this one has {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="95"/>
        <source>护照号码中应有数字</source>
        <translation>A passport number contains digits</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="96"/>
        <source>中国普通护照号码应为E加8位数字（或E加1位字母和7位数字）</source>
        <translation>A Chinese ordinary passport number is E and 8 digits (or E, a letter and 7 digits)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="97"/>
        <source>请填写永久居留身份证号码</source>
        <translation>Enter the permanent residence ID number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="98"/>
        <source>旧版永久居留身份证号码应为3位英文字母（国籍）加12位数字</source>
        <translation>An old permanent residence ID number is 3 letters (nationality) and 12 digits</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="99"/>
        <source>新版永久居留身份证号码以9开头；以其他数字开头的18位号码是居民身份证，请改选证件类型</source>
        <translation>A new permanent residence ID number begins with 9; an 18-character number beginning otherwise is a resident ID: choose that ID document</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="102"/>
        <source>永久居留身份证号码第2、3位{}不是有效的受理地省份代码</source>
        <translation>Characters 2 and 3 of the permanent residence ID number ({}) are not a valid province code</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="103"/>
        <source>永久居留身份证号码应为18位（新版，以9开头）或15位（旧版，3位字母加12位数字），现为{}位</source>
        <translation>A permanent residence ID number has 18 characters (new, beginning with 9) or 15 (old, 3 letters and 12 digits); this one has {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="107"/>
        <source>第{}个字（U+{}）</source>
        <translation>character {} (U+{})</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="108"/>
        <source>{}是无法打印的私用字（常见于读卡器读出的生僻字）：请对照证件改正</source>
        <translation>{}: a private-use character that cannot be printed (card readers give them for rare characters): correct it from the ID card</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="109"/>
        <source>{}写的姓名无法正确打印（字母须连写变形，本系统打印不支持），请填写证件上的汉字姓名，如“{}”</source>
        <translation>A name in {} cannot be printed correctly (its letters join and change shape, which printing here does not support): enter the name in Chinese characters as on the ID card, e.g. “{}”</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="113"/>
        <source>维吾尔文等阿拉伯字母</source>
        <translation>Arabic letters (such as Uyghur)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="114"/>
        <source>藏文</source>
        <translation>Tibetan script</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="115"/>
        <source>蒙古文</source>
        <translation>Mongolian script</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="116"/>
        <source>{}无法打印：本系统的字体没有这个字，打印出来会是空白。请核对是否输错，或与管理员联系</source>
        <translation>{} cannot be printed: no font here has it, it would print as a blank. Check whether it was mistyped, or ask the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="120"/>
        <source>含有无效的字符（U+{}），请重新输入</source>
        <translation>Contains an invalid character (U+{}): enter it again</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="123"/>
        <source>补齐期限不能早于今天</source>
        <translation>The date to complete the materials cannot be before today</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="124"/>
        <source>补齐期限不能超过一年</source>
        <translation>The date to complete the materials cannot be more than a year ahead</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="125"/>
        <source>材料已齐全，请直接受理，无需出具告知单</source>
        <translation>The materials are complete: accept the case, no notice is needed</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="126"/>
        <source>回访时须按原告知单上的事项版本办理</source>
        <translation>On the return visit the item&apos;s version on the notice applies</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="127"/>
        <source>以下材料不在原告知单上，须先说明理由（额外要求）：{}</source>
        <translation>These materials are not on the notice; give the reason for asking for them first: {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="128"/>
        <source>没有编号为 {} 的告知单</source>
        <translation>There is no notice numbered {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="129"/>
        <source>告知单 {} 已受理（办件编号 {}）</source>
        <translation>Notice {} has been accepted (case {})</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="130"/>
        <source>告知单 {} 已办结，不能再使用</source>
        <translation>Notice {} is closed and cannot be used again</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="131"/>
        <source>要求告知单以外的材料，须写明理由</source>
        <translation>Asking for a material not on the notice needs a written reason</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="132"/>
        <source>该材料不属于告知单上的事项</source>
        <translation>This material is not of the notice&apos;s item</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="133"/>
        <source>“{}”已列在告知单上，可以直接要求</source>
        <translation>“{}” is on the notice already: it can be asked for</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="134"/>
        <source>“{}”的额外要求已经记录</source>
        <translation>The extra request for “{}” is recorded already</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="135"/>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="136"/>
        <source>请输入或扫描告知单编号，或输入身份证号码、姓名和电话</source>
        <translation>Type or scan a notice number, or enter an ID number, a name and a phone number</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="137"/>
        <source>核验码无效：{}</source>
        <translation>The code is not genuine: {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="138"/>
        <source>这是{}（{}），不是一次性告知单</source>
        <translation>This is a {} ({}), not a one-time notice</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="139"/>
        <source>其他文书</source>
        <translation>another paper</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="140"/>
        <source>请输入告知单编号、身份证号码，或姓名加电话（如：王芳 13812345678）</source>
        <translation>Enter a notice number, an ID number, or a name and phone (e.g. 王芳 13812345678)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="141"/>
        <source>不予受理的理由</source>
        <translation>the reason for refusing</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="142"/>
        <source>法律依据</source>
        <translation>the legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="143"/>
        <source>没有编号为 {} 的不予受理通知书</source>
        <translation>There is no refusal notice numbered {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="144"/>
        <source>原密码不正确</source>
        <translation>The old password is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="145"/>
        <source>请指定代办员</source>
        <translation>Choose the agent</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="146"/>
        <source>代办员须为本中心在岗的窗口工作人员或负责人</source>
        <translation>The agent must be a clerk or supervisor of this center on duty</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="147"/>
        <source>请选择代办原因</source>
        <translation>Choose why the case is handled by an agent</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="148"/>
        <source>请填写委托书签署日期</source>
        <translation>Enter the date the authorization was signed</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="149"/>
        <source>委托日期不能晚于今天</source>
        <translation>The authorization date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="150"/>
        <source>委托书签署已超过一年，请申请人重新签署</source>
        <translation>The authorization was signed more than a year ago: the applicant must sign again</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="151"/>
        <source>委托事项和权限</source>
        <translation>what is authorized</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="152"/>
        <source>委托书编号或存放位置</source>
        <translation>the authorization&apos;s number or where it is kept</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="154"/>
        <source>证件已过期（有效期至{}）：请申请人出示有效证件或临时身份证</source>
        <translation>The ID card expired on {}: ask the applicant for a valid document or a temporary ID card</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="155"/>
        <source>证件有效期从{}开始，尚未生效</source>
        <translation>The ID card is valid only from {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="156"/>
        <source>{}的{}是读卡器无法识别的生僻字：请对照证件原件手工改正</source>
        <translation>In {}, {} is a rare character the card reader cannot read: correct it by hand from the card</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="157"/>
        <source>姓名</source>
        <translation>the name</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="158"/>
        <source>住址</source>
        <translation>the address</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="159"/>
        <source>第{}个字</source>
        <translation>character {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="160"/>
        <source>读卡器返回的{}不是日期（{}）：请手工录入</source>
        <translation>The card reader gave {} that is not a date ({}): enter it by hand</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="161"/>
        <source>读卡器只返回了{}字节的文字信息（应为{}）：请重试</source>
        <translation>The card reader gave only {} bytes of text (instead of {}): try again</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="162"/>
        <source>这是外国人永久居留身份证：请手工录入</source>
        <translation>This is a foreigner&apos;s permanent residence ID card: enter it by hand</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="163"/>
        <source>有效期截止日期</source>
        <translation>an expiry date</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="164"/>
        <source>出生日期</source>
        <translation>a birth date</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="165"/>
        <source>有效期起始日期</source>
        <translation>a start of validity</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="168"/>
        <source>材料不属于该事项的当前版本（{}）</source>
        <translation>Materials not of this item&apos;s current version ({})</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="169"/>
        <source>找不到本服务中心</source>
        <translation>This service center was not found</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="170"/>
        <source>没有编号为 {} 的办件</source>
        <translation>There is no case numbered {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="171"/>
        <source>请填写{}</source>
        <translation>Enter {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="172"/>
        <source>原因</source>
        <translation>the reason</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="173"/>
        <source>办件 {} 已被{}于 {} 修改，请刷新后再办理</source>
        <translation>Case {} was changed by {} at {}: refresh it, then try again</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="174"/>
        <source>他人</source>
        <translation>someone else</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="175"/>
        <source>办件 {} 由{}负责，您不能办理</source>
        <translation>Case {} is {}&apos;s: you cannot act on it</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="177"/>
        <source>此案件现由{}办理（{}），本中心不能操作</source>
        <translation>This case is now with {} ({}); this center cannot act on it</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="179"/>
        <source>{} {} 属于{}（{}），由该中心办理；本中心只能查看，不能操作</source>
        <translation>{} {} belongs to {} ({}), which handles it; this center may view it but not change it</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="180"/>
        <source>来访登记</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="181"/>
        <source>转办</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="182"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="183"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="184"/>
        <source>差评申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="185"/>
        <source>差评整改</source>
        <translation>Rectification item</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="186"/>
        <source>告知单</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="187"/>
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="188"/>
        <source>工作人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="189"/>
        <source>B 岗须为本中心的工作人员</source>
        <translation>The B post must be a staff member of this center</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="190"/>
        <source>请选择移交到的县级服务中心</source>
        <translation>Choose the county center to hand the case over to</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="191"/>
        <source>办件 {} 已移交{}</source>
        <translation>Case {} has been handed over to {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="192"/>
        <source>只有乡镇便民服务中心的办件才移交县级审批</source>
        <translation>Only a township center&apos;s cases are handed over to the county</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="193"/>
        <source>{}不是县级服务中心</source>
        <translation>{} is not a county center</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="194"/>
        <source>事项“{}”由本中心作出决定，不需移交县级审批</source>
        <translation>“{}” is decided by this center: no hand-over is needed</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="195"/>
        <source>办件 {} 未移交，无需退回</source>
        <translation>Case {} was not handed over: there is nothing to hand back</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="196"/>
        <source>只有县级中心可以查看{}的统计</source>
        <translation>Only the county center may see the figures of {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="197"/>
        <source>全县统计只能在县级中心查看</source>
        <translation>The whole county&apos;s figures are shown at the county center only</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="198"/>
        <source>乡镇报送情况只能在县级中心查看</source>
        <translation>Which townships have sent bundles is shown at the county center only</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="199"/>
        <source>按窗口或科室统计时请选择一个服务中心</source>
        <translation>Choose one service center to count by window or department</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="200"/>
        <source>请选择由本中心还是县级部门作出决定</source>
        <translation>Choose whether this center or a county department decides</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="201"/>
        <source>办件当前状态为“{}”，不能{}</source>
        <translation>The case is “{}”: it cannot be {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="202"/>
        <source>已受理</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="203"/>
        <source>办理中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="204"/>
        <source>已中止计时</source>
        <translation>suspended</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="205"/>
        <source>已办结</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="206"/>
        <source>已送达</source>
        <translation>delivered</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="207"/>
        <source>已撤回</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="208"/>
        <source>受理</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="209"/>
        <source>开始办理</source>
        <translation>started</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="210"/>
        <source>完成环节</source>
        <translation>moved to its next step</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="211"/>
        <source>中止计时</source>
        <translation>suspended</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="212"/>
        <source>恢复计时</source>
        <translation>resumed</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="213"/>
        <source>延期</source>
        <translation>extended</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="214"/>
        <source>作出决定</source>
        <translation>decided</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="215"/>
        <source>送达</source>
        <translation>delivered</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="216"/>
        <source>申请人撤回</source>
        <translation>withdrawn by the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="217"/>
        <source>补交容缺材料</source>
        <translation>given deferred materials</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="218"/>
        <source>请选择中止计时的类型</source>
        <translation>Choose why the clock stops</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="219"/>
        <source>请填写特别程序预计所需的工作日（书面告知申请人）</source>
        <translation>Enter the working days the special procedure is expected to take (the applicant is told in writing)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="220"/>
        <source>预计所需工作日应在1～{}之间</source>
        <translation>The expected working days must be between 1 and {}</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="221"/>
        <source>延期天数须为正数</source>
        <translation>The extension must be a positive number of days</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="222"/>
        <source>延期后共 {} 个工作日，超过法定时限 {} 个工作日加可延长的 {} 个工作日（最多还能延 {} 天）</source>
        <translation>Extended, the case would take {} working days, more than the statutory {} working days plus the {} that may be added (at most {} more days)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="226"/>
        <source>批准超过法定时限（{}个工作日）延期的负责人</source>
        <translation>the head who approved extending past the statutory limit ({} working days)</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="227"/>
        <source>请选择准予或不予许可</source>
        <translation>Choose granted or not granted</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="228"/>
        <source>不予许可的理由</source>
        <translation>the reasons for not granting</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="229"/>
        <source>不予许可的法律依据</source>
        <translation>the legal basis for not granting</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="230"/>
        <source>请选择送达方式</source>
        <translation>Choose how the result is delivered</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="231"/>
        <source>请勾选收到的容缺材料</source>
        <translation>Tick the deferred materials received</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="232"/>
        <source>{} 不是本件尚未补交的容缺材料</source>
        <translation>{} is not a deferred material this case still awaits</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="233"/>
        <source>补交的材料不正确</source>
        <translation>The materials given are not right</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="234"/>
        <source>容缺材料（{}）尚未补交，不能准予；请先登记补交，或由负责人决定</source>
        <translation>Deferred materials ({}) are still owed: the case cannot be granted; record them first, or a supervisor decides</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="235"/>
        <source>容缺材料（{}）尚未补交时准予的理由</source>
        <translation>the reason for granting while deferred materials ({}) are owed</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="236"/>
        <source>情况说明</source>
        <translation>a note on what happened</translation>
    </message>
    <message>
        <location filename="../../ui/app_messages.py" line="237"/>
        <source>处理结果</source>
        <translation>the outcome</translation>
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
        <location filename="../../ui/ops.py" line="182"/>
        <source>数据库无法使用</source>
        <translation>The database cannot be used</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <location filename="../../ui/app.py" line="251"/>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="198"/>
        <location filename="../../ui/app.py" line="266"/>
        <location filename="../../ui/app.py" line="291"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="206"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="317"/>
        <source>自动备份失败</source>
        <translation>Automatic backup failed</translation>
    </message>
</context>
</TS>

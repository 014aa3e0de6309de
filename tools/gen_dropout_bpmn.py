#!/usr/bin/env python3
"""Generates processes/dropout-intervention.bpmn (model + DI) from the table below.
The BPMN file is the artifact: a modeler may edit it in Camunda Modeler afterwards; this script is how it was laid out."""
import sys
from xml.sax.saxutils import escape

Y0, YP, BUS, Y2, YR = 180, 460, 660, 820, 1110
def X(c): return 120 + c * 180

nodes = {}   # id -> dict(kind, name, cx, cy, w, h, extra)
flows = []   # (id, src, tgt, name, cond, waypoints or None)
order = []
SIZES = {'task': (100, 80), 'event': (36, 36), 'gw': (50, 50)}

def node(id, kind, name, cx, cy, shape, parent='process', **extra):
    w, h = SIZES[shape]
    nodes[id] = dict(id=id, kind=kind, name=name, cx=cx, cy=cy, w=w, h=h, shape=shape, parent=parent, extra=extra)
    order.append(id)
    return id

def ut(id, name, c, y, groups, form, due, parent='process'):
    node(id, 'userTask', name, X(c), y, 'task', parent, groups=groups, form=form, due=due)
    # escalation: a non-interrupting timer with the same working-day duration as the due date
    bx = X(c) + 28
    node('bt_' + id, 'boundaryTimer', '逾期', bx, y + 40, 'event', parent, attached=id, duration=due)
    node('st_overdue_' + id, 'serviceTask', '标记逾期，通知督导', bx, y + 120, 'task', parent,
         delegate='${dropoutOverdue}', step=id)
    node("end_overdue_" + id, "endEvent", "已督办", bx + 85, y + 120, 'event', parent)
    flow('bt_' + id, 'st_overdue_' + id)
    flow('st_overdue_' + id, 'end_overdue_' + id)

def gw(id, name, c, y, kind='exclusiveGateway', parent='process'):
    return node(id, kind, name, X(c), y, 'gw', parent)

def flow(src, tgt, name=None, cond=None, wp=None):
    flows.append(('f_%s_%s' % (src, tgt), src, tgt, name, cond, wp))

def R(n): return n['cx'] + n['w'] / 2
def L(n): return n['cx'] - n['w'] / 2
def T(n): return n['cy'] - n['h'] / 2
def B(n): return n['cy'] + n['h'] / 2

def waypoints(src, tgt):
    s, t = nodes[src], nodes[tgt]
    if s['kind'] == 'boundaryTimer' or src.startswith('bm_') or src.startswith('be_'):
        return [(s['cx'], B(s)), (s['cx'], t['cy'])] if abs(s['cx'] - t['cx']) > 1 else [(s['cx'], B(s)), (t['cx'], T(t))]
    if abs(s['cy'] - t['cy']) < 1:
        return [(R(s), s['cy']), (L(t), t['cy'])]
    if s['shape'] == 'gw' and t['cx'] > s['cx']:
        y = B(s) if t['cy'] > s['cy'] else T(s)
        return [(s['cx'], y), (s['cx'], t['cy']), (L(t), t['cy'])]
    if t['shape'] == 'gw' and t['cx'] > s['cx']:
        y = B(t) if s['cy'] > t['cy'] else T(t)
        return [(R(s), s['cy']), (t['cx'], s['cy']), (t['cx'], y)]
    mx = (R(s) + L(t)) / 2
    return [(R(s), s['cy']), (mx, s['cy']), (mx, t['cy']), (L(t), t['cy'])]

# ---------------------------------------------------------------- main flow (row Y0)
node('start', 'startEvent', '疑似辍学上报', X(0), Y0, 'event')
node('st_deadlines', 'serviceTask', '按本县规则确定各环节时限（DMN）', X(1), Y0, 'task', delegate='${dropoutDeadlines}')
gw('gw_visit_merge', '', 2, Y0)
ut('ut_home_visit', '班主任：入户劝返', 3, Y0, 'class-teacher:${schoolCode}', 'dropout-visit', '${visitDays} working days')
gw('gw_visit_ok', '劝返成功？', 4, Y0)
ut('ut_joint_visit', '校领导会同村干部：联合入户劝返', 5, Y0, 'school-leader:${schoolCode},village-cadre:${villageCode}', 'dropout-visit', '${jointVisitDays} working days')
gw('gw_joint_ok', '劝返成功？', 6, Y0)
ut('ut_written_report', '学校：书面报告乡镇政府和县教育局（双线包保）', 7, Y0, 'school-leader:${schoolCode}', 'dropout-report', '${reportDays} working days')
gw('pg_fork', '', 8, Y0, 'parallelGateway')
ut('ut_notify_guardian', '乡镇政府责成村委会：书面通知监护人送子女返校', 9, Y0, 'village-cadre:${villageCode},township-official:${townshipCode}', 'dropout-notify', '${persuasionDays} working days')
ut('ut_plan', '县教育局：审批一人一案', 9, YP, 'county-edu:${countyCode}', 'dropout-plan', '${persuasionDays} working days')
gw('pg_join', '', 10, Y0, 'parallelGateway')
gw('gw_persuasion_ok', '已返校？', 11, Y0)
ut('ut_issue_order', '乡镇政府或县教育局：签发《责令限期改正通知书》', 12, Y0, 'township-official:${townshipCode},county-edu:${countyCode}', 'dropout-order', '${actionDays} working days')
node('timer_order_deadline', 'timerCatch', '改正期限届满', X(13), Y0, 'event', date='${orderDeadlineAt}')
ut('ut_check_compliance', '学校：核查改正情况', 14, Y0, 'school-leader:${schoolCode}', 'dropout-compliance', '${actionDays} working days')
gw('gw_complied', '已改正（返校）？', 15, Y0)
gw('gw_penalty_allowed', '本县允许行政处罚？', 16, Y0)
ut('ut_penalty', '县教育局：作出行政处罚决定', 17, Y0, 'county-edu:${countyCode}', 'dropout-penalty', '${actionDays} working days')
gw('gw_penalty_ok', '已返校？', 18, Y0)
gw('gw_court_merge', '', 19, Y0)
ut('ut_court_filing', '乡镇政府：向人民法院起诉（检察院可支持起诉）', 20, Y0, 'township-official:${townshipCode}', 'dropout-court-filing', '${actionDays} working days')
ut('ut_court_result', '乡镇政府：登记调解书或判决书及返校期限', 21, Y0, 'township-official:${townshipCode}', 'dropout-court-result', '${actionDays} working days')
node('timer_return_deadline', 'timerCatch', '判决（调解）返校期限届满', X(22), Y0, 'event', date='${returnDeadlineAt}')
ut('ut_check_judgment', '学校：核查判决（调解）履行情况', 23, Y0, 'school-leader:${schoolCode}', 'dropout-compliance', '${actionDays} working days')
gw('gw_judgment_ok', '已返校？', 24, Y0)
ut('ut_enforcement', '乡镇政府：申请人民法院强制执行', 25, Y0, 'township-official:${townshipCode}', 'dropout-enforcement', '${actionDays} working days')

flow('start', 'st_deadlines'); flow('st_deadlines', 'gw_visit_merge'); flow('gw_visit_merge', 'ut_home_visit')
flow('ut_home_visit', 'gw_visit_ok')
flow('gw_visit_ok', 'ut_joint_visit', '否', '${!returned}')
flow('ut_joint_visit', 'gw_joint_ok')
flow('gw_joint_ok', 'ut_written_report', '否', '${!returned}')
flow('ut_written_report', 'pg_fork'); flow('pg_fork', 'ut_notify_guardian'); flow('pg_fork', 'ut_plan')
flow('ut_notify_guardian', 'pg_join'); flow('ut_plan', 'pg_join'); flow('pg_join', 'gw_persuasion_ok')
flow('gw_persuasion_ok', 'ut_issue_order', '否', '${!returned}')
flow('ut_issue_order', 'timer_order_deadline'); flow('timer_order_deadline', 'ut_check_compliance')
flow('ut_check_compliance', 'gw_complied')
flow('gw_complied', 'gw_penalty_allowed', '否', '${!returned}')
flow('gw_penalty_allowed', 'ut_penalty', '是', '${penaltyAllowed}')
pa, cm = nodes['gw_penalty_allowed'], nodes['gw_court_merge']
flow('gw_penalty_allowed', 'gw_court_merge', '否', '${!penaltyAllowed}',
     [(pa['cx'], B(pa)), (pa['cx'], 400), (cm['cx'], 400), (cm['cx'], B(cm))])
flow('ut_penalty', 'gw_penalty_ok')
flow('gw_penalty_ok', 'gw_court_merge', '否', '${!returned}')
flow('gw_court_merge', 'ut_court_filing'); flow('ut_court_filing', 'ut_court_result')
flow('ut_court_result', 'timer_return_deadline'); flow('timer_return_deadline', 'ut_check_judgment')
flow('ut_check_judgment', 'gw_judgment_ok')
flow('gw_judgment_ok', 'ut_enforcement', '否', '${!returned}')

# ---------------------------------------------------------------- return and follow-up (row Y2)
gw('gw_return_merge', '', 4, Y2)
node('st_returned', 'serviceTask', '登记返校，安排跟踪回访', X(5), Y2, 'task', delegate='${dropoutReturned}')
SUB_X0, SUB_X1, SUB_Y0, SUB_Y1 = X(6) - 70, X(16) + 60, 700, 1020
nodes['sub_follow_up'] = dict(id='sub_follow_up', kind='subProcess', name='返校后跟踪回访（保学）', cx=(SUB_X0 + SUB_X1) / 2,
                              cy=(SUB_Y0 + SUB_Y1) / 2, w=SUB_X1 - SUB_X0, h=SUB_Y1 - SUB_Y0, shape='sub', parent='process', extra={})
order.append('sub_follow_up')
S = 'sub_follow_up'
node('fu_start', 'startEvent', '', X(6), Y2, 'event', S)
node('timer_fu1', 'timerCatch', '返校满一周', X(7), Y2, 'event', S, duration='P${followUpFirstDays}D')
ut('ut_follow_up_1', '班主任：返校一周回访', 8, Y2, 'class-teacher:${schoolCode}', 'dropout-follow-up', '${actionDays} working days', S)
gw('gw_fu1', '仍在校？', 9, Y2, parent=S)
node('timer_fu2', 'timerCatch', '返校满一个月', X(10), Y2, 'event', S, duration='P${followUpSecondDays - followUpFirstDays}D')
ut('ut_follow_up_2', '班主任：返校一月回访', 11, Y2, 'class-teacher:${schoolCode}', 'dropout-follow-up', '${actionDays} working days', S)
gw('gw_fu2', '仍在校？', 12, Y2, parent=S)
node('timer_fu3', 'timerCatch', '学期结束', X(13), Y2, 'event', S, date='${semesterEndAt}')
ut('ut_follow_up_3', '班主任：学期末回访', 14, Y2, 'class-teacher:${schoolCode}', 'dropout-follow-up', '${actionDays} working days', S)
gw('gw_fu3', '仍在校？', 15, Y2, parent=S)
node('fu_end', 'endEvent', '回访完成', X(16), Y2, 'event', S)
for i, g in ((1, 'gw_fu1'), (2, 'gw_fu2'), (3, 'gw_fu3')):
    node('end_absent_%d' % i, 'errorEnd', '再次缺课', nodes[g]['cx'] + 80, 745, 'event', S)
flow('fu_start', 'timer_fu1'); flow('timer_fu1', 'ut_follow_up_1'); flow('ut_follow_up_1', 'gw_fu1')
flow('gw_fu1', 'timer_fu2', '是', '${stillInSchool}'); flow('timer_fu2', 'ut_follow_up_2'); flow('ut_follow_up_2', 'gw_fu2')
flow('gw_fu2', 'timer_fu3', '是', '${stillInSchool}'); flow('timer_fu3', 'ut_follow_up_3'); flow('ut_follow_up_3', 'gw_fu3')
flow('gw_fu3', 'fu_end', '是', '${stillInSchool}')
for i, g in ((1, 'gw_fu1'), (2, 'gw_fu2'), (3, 'gw_fu3')):
    flow(g, 'end_absent_%d' % i, '否', '${!stillInSchool}')
ut('ut_close', '乡镇教育办：审核销号', 17, Y2, 'township-edu:${townshipCode}', 'dropout-close', '${actionDays} working days')
node('end_closed', 'endEvent', '已销号', X(18), Y2, 'event', ended=True)
flow('gw_return_merge', 'st_returned'); flow('st_returned', 'sub_follow_up', wp=[(R(nodes['st_returned']), Y2), (SUB_X0, Y2)])
flow('sub_follow_up', 'ut_close', wp=[(SUB_X1, Y2), (L(nodes['ut_close']), Y2)])
flow('ut_close', 'end_closed')
node('bm_absent_again', 'boundaryMessage', '再次缺课报告', X(7), SUB_Y1, 'event', attached='sub_follow_up', message='msg_absent_again')
node('be_absent_again', 'boundaryError', '回访发现再次缺课', X(9) + 80, SUB_Y1, 'event', attached='sub_follow_up', error='err_absent_again')
node('st_reopen', 'serviceTask', '重新打开案件，回到入户劝返', X(2), YR, 'task', delegate='${dropoutReopened}')
for b in ('bm_absent_again', 'be_absent_again'):
    bn = nodes[b]
    flow(b, 'st_reopen', wp=[(bn['cx'], B(bn)), (bn['cx'], YR), (R(nodes['st_reopen']), YR)])
vm = nodes['gw_visit_merge']
flow('st_reopen', 'gw_visit_merge', wp=[(vm['cx'], T(nodes['st_reopen'])), (vm['cx'], B(vm))])

# returned: every "yes" joins the return merge over a bus line under the main row
rm = nodes['gw_return_merge']
flow('gw_visit_ok', 'gw_return_merge', '是', '${returned}', [(rm['cx'], B(nodes['gw_visit_ok'])), (rm['cx'], T(rm))])
for g in ('gw_joint_ok', 'gw_persuasion_ok', 'gw_complied', 'gw_penalty_ok', 'gw_judgment_ok'):
    n = nodes[g]
    flow(g, 'gw_return_merge', '是', '${returned}', [(n['cx'], B(n)), (n['cx'], BUS), (rm['cx'], BUS), (rm['cx'], T(rm))])
en = nodes['ut_enforcement']
flow('ut_enforcement', 'gw_return_merge', None, None, [(R(en), Y0), (R(en) + 30, Y0), (R(en) + 30, BUS), (rm['cx'], BUS), (rm['cx'], T(rm))])

# ---------------------------------------------------------------- special cases (event subprocess)
E = 'evt_special'
EY0, EY1, EY2 = 1350, 1560, 1680
nodes[E] = dict(id=E, kind='eventSubProcess', name='特殊情形（任一环节）：因病因残、依法结案', cx=(X(0) - 60 + X(7) + 60) / 2,
                cy=(1250 + 1840) / 2, w=X(7) + 60 - (X(0) - 60), h=590, shape='sub', parent='process', extra={})
order.append(E)
node('special_start', 'messageStart', '报告特殊情形', X(0) + 20, EY0, 'event', E, message='msg_special')
gw('gw_special_kind', '特殊情形', 1, EY0, parent=E)
ut('ut_special_assessment', '县特殊教育专家委员会：评估并确定安置方式', 2, EY0, 'county-edu:${countyCode}', 'dropout-special-assessment', '${actionDays} working days', E)
gw('gw_placement', '安置方式', 3, EY0, parent=E)
ut('ut_deferral', '县教育局：审批延缓入学', 4, EY0, 'county-edu:${countyCode}', 'dropout-deferral', '${actionDays} working days', E)
node('end_deferred', 'endEvent', '延缓入学，结案', X(5) + 20, EY0, 'event', E, ended=True)
node('end_placed', 'endEvent', '随班就读/特教学校/送教上门，结案', X(5) + 20, EY1, 'event', E, ended=True)
ut('ut_lawful_end', '县教育局：核准依法结案（完成义务教育等）', 2, EY2, 'county-edu:${countyCode}', 'dropout-lawful-end', '${actionDays} working days', E)
node('end_lawful', 'endEvent', '依法结案', X(3) + 20, EY2, 'event', E, ended=True)
flow('special_start', 'gw_special_kind')
flow('gw_special_kind', 'ut_special_assessment', '因病因残', "${specialKind == 'HEALTH'}")
flow('gw_special_kind', 'ut_lawful_end', '其他依法结案', "${specialKind != 'HEALTH'}")
flow('ut_special_assessment', 'gw_placement')
flow('gw_placement', 'ut_deferral', '延缓入学', "${placement == 'DEFERRED'}")
flow('gw_placement', 'end_placed', '随班就读/特教学校/送教上门', "${placement != 'DEFERRED'}")
flow('ut_deferral', 'end_deferred'); flow('ut_lawful_end', 'end_lawful')

# ---------------------------------------------------------------- XML
LISTENERS = ('<camunda:taskListener delegateExpression="${dropoutTaskListener}" event="create" />'
             '<camunda:taskListener delegateExpression="${dropoutTaskListener}" event="complete" />')
def a(s): return escape(s, {'"': '&quot;'})

def element_xml(n, ind):
    k, i, e = n['kind'], n['id'], n['extra']
    nm = ' name="%s"' % a(n['name']) if n['name'] else ''
    inc = ''.join('%s  <incoming>%s</incoming>\n' % (ind, f[0]) for f in flows if f[2] == i)
    out = ''.join('%s  <outgoing>%s</outgoing>\n' % (ind, f[0]) for f in flows if f[1] == i)
    if k == 'userTask':
        return ('%s<userTask id="%s"%s camunda:formRef="%s" camunda:formRefBinding="deployment" camunda:candidateGroups="%s" camunda:dueDate="%s">\n'
                '%s  <extensionElements>%s</extensionElements>\n%s%s%s</userTask>\n') % (
            ind, i, nm, e['form'], a(e['groups']), a(e['due']), ind, LISTENERS, inc, out, ind)
    if k == 'serviceTask':
        io = ''
        if 'step' in e:
            io = '%s  <extensionElements><camunda:inputOutput><camunda:inputParameter name="overdueStep">%s</camunda:inputParameter></camunda:inputOutput></extensionElements>\n' % (ind, e['step'])
        return '%s<serviceTask id="%s"%s camunda:delegateExpression="%s">\n%s%s%s%s</serviceTask>\n' % (ind, i, nm, a(e['delegate']), io, inc, out, ind)
    if k in ('exclusiveGateway', 'parallelGateway'):
        dflt = ''
        return '%s<%s id="%s"%s%s>\n%s%s%s</%s>\n' % (ind, k, i, nm, dflt, inc, out, ind, k)
    if k == 'startEvent':
        return '%s<startEvent id="%s"%s>\n%s%s</startEvent>\n' % (ind, i, nm, out, ind)
    if k == 'messageStart':
        return '%s<startEvent id="%s"%s isInterrupting="true">\n%s%s  <messageEventDefinition id="%s_def" messageRef="%s" />\n%s</startEvent>\n' % (ind, i, nm, out, ind, i, e['message'], ind)
    if k == 'endEvent':
        lst = ''
        if e.get('ended'):
            lst = '%s  <extensionElements><camunda:executionListener delegateExpression="${dropoutCaseEnded}" event="start" /></extensionElements>\n' % ind
        return '%s<endEvent id="%s"%s>\n%s%s%s</endEvent>\n' % (ind, i, nm, lst, inc, ind)
    if k == 'errorEnd':
        return '%s<endEvent id="%s"%s>\n%s%s  <errorEventDefinition id="%s_def" errorRef="err_absent_again" />\n%s</endEvent>\n' % (ind, i, nm, inc, ind, i, ind)
    if k == 'timerCatch':
        tdef = ('<timeDuration xsi:type="tFormalExpression">%s</timeDuration>' % a(e['duration'])) if 'duration' in e else \
               ('<timeDate xsi:type="tFormalExpression">%s</timeDate>' % a(e['date']))
        return '%s<intermediateCatchEvent id="%s"%s>\n%s%s%s  <timerEventDefinition id="%s_def">%s</timerEventDefinition>\n%s</intermediateCatchEvent>\n' % (ind, i, nm, inc, out, ind, i, tdef, ind)
    if k == 'boundaryTimer':
        return ('%s<boundaryEvent id="%s"%s cancelActivity="false" attachedToRef="%s">\n%s%s  <timerEventDefinition id="%s_def"><timeDuration xsi:type="tFormalExpression">%s</timeDuration></timerEventDefinition>\n%s</boundaryEvent>\n') % (
            ind, i, nm, e['attached'], out, ind, i, a(e['duration']), ind)
    if k == 'boundaryMessage':
        return '%s<boundaryEvent id="%s"%s attachedToRef="%s">\n%s%s  <messageEventDefinition id="%s_def" messageRef="%s" />\n%s</boundaryEvent>\n' % (ind, i, nm, e['attached'], out, ind, i, e['message'], ind)
    if k == 'boundaryError':
        return '%s<boundaryEvent id="%s"%s attachedToRef="%s">\n%s%s  <errorEventDefinition id="%s_def" errorRef="err_absent_again" />\n%s</boundaryEvent>\n' % (ind, i, nm, e['attached'], out, ind, i, ind)
    raise ValueError(k)

def flow_xml(f, ind):
    fid, s, t, name, cond, _ = f
    nm = ' name="%s"' % a(name) if name else ''
    if cond:
        return '%s<sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s">\n%s  <conditionExpression xsi:type="tFormalExpression">%s</conditionExpression>\n%s</sequenceFlow>\n' % (ind, fid, nm, s, t, ind, a(cond), ind)
    return '%s<sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s" />\n' % (ind, fid, nm, s, t)

def container_xml(parent, ind):
    out = ''
    for i in order:
        n = nodes[i]
        if n['parent'] != parent:
            continue
        if n['kind'] in ('subProcess', 'eventSubProcess'):
            trig = ' triggeredByEvent="true"' if n['kind'] == 'eventSubProcess' else ''
            inc = ''.join('%s  <incoming>%s</incoming>\n' % (ind, f[0]) for f in flows if f[2] == i)
            outg = ''.join('%s  <outgoing>%s</outgoing>\n' % (ind, f[0]) for f in flows if f[1] == i)
            out += '%s<subProcess id="%s" name="%s"%s>\n%s%s%s%s</subProcess>\n' % (ind, i, a(n['name']), trig, inc, outg, container_xml(i, ind + '  '), ind)
        else:
            out += element_xml(n, ind)
    for f in flows:
        if nodes[f[1]]['parent'] == parent and not (nodes[f[1]]['kind'] in ('subProcess',) and f[1] == parent):
            out += flow_xml(f, ind)
    return out

def di():
    out = ''
    for i in order:
        n = nodes[i]
        x, y = n['cx'] - n['w'] / 2, n['cy'] - n['h'] / 2
        exp = ' isExpanded="true"' if n['shape'] == 'sub' else ''
        label = ''
        if n['shape'] in ('event', 'gw') and n['name']:
            label = '<bpmndi:BPMNLabel><dc:Bounds x="%d" y="%d" width="90" height="27" /></bpmndi:BPMNLabel>' % (n['cx'] - 45, n['cy'] - n['h'] / 2 - 32 if n['kind'] in ('boundaryTimer',) else n['cy'] + n['h'] / 2 + 5) if n['kind'] != 'boundaryTimer' else ''
        out += '      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s><dc:Bounds x="%d" y="%d" width="%d" height="%d" />%s</bpmndi:BPMNShape>\n' % (i, i, exp, x, y, n['w'], n['h'], label)
    for f in flows:
        wp = f[5] or waypoints(f[1], f[2])
        out += '      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">%s</bpmndi:BPMNEdge>\n' % (f[0], f[0], ''.join('<di:waypoint x="%d" y="%d" />' % p for p in wp))
    return out

xml = '''<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="dropout-intervention-definitions" targetNamespace="http://baoxue.org/bpmn" exporter="tools/gen_dropout_bpmn.py" exporterVersion="1">
  <message id="msg_special" name="DropoutSpecialCase" />
  <message id="msg_absent_again" name="DropoutAbsentAgain" />
  <error id="err_absent_again" name="再次缺课" errorCode="ABSENT_AGAIN" />
  <process id="dropout-intervention" name="控辍保学：劝返复学" isExecutable="true" camunda:historyTimeToLive="3650">
    <documentation>控辍保学一人一案。依据：国办发〔2017〕72号；教育部等十部门2020年意见；教基厅函〔2024〕15号；义务教育法第十一条、第五十八条。各环节时限见 dropout-deadlines.dmn（按县设定，工作日）。每个人工任务到期未办，非中断计时器标记逾期并通知县督导，任务保留。</documentation>
''' + container_xml('process', '    ') + '''  </process>
  <bpmndi:BPMNDiagram id="dropout-intervention-diagram">
    <bpmndi:BPMNPlane id="dropout-intervention-plane" bpmnElement="dropout-intervention">
''' + di() + '''    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</definitions>
'''
open(sys.argv[1] if len(sys.argv) > 1 else 'processes/dropout-intervention.bpmn', 'w', encoding='utf-8').write(xml)
print('tasks:', sum(1 for n in nodes.values() if n['kind'] == 'userTask'), 'nodes:', len(nodes), 'flows:', len(flows))

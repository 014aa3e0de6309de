#!/usr/bin/env python3
"""Writes forms/dropout-*.form (Camunda Forms, schemaVersion 16). The .form files are the artifact."""
import json

REASONS = [('FAMILY_HARDSHIP', '家庭困难'), ('WEARINESS', '厌学'), ('ILLNESS', '疾病或残疾'), ('WORK', '外出务工'),
           ('MARRIAGE', '早婚'), ('MOVED', '随迁外出'), ('OTHER', '其他')]
RETURNED = [('RETURNED', '已返校'), ('NOT_RETURNED', '未返校')]

def date(key, label, required=True):
    return {'type': 'datetime', 'subtype': 'date', 'key': key, 'dateLabel': label, 'validate': {'required': required}}
def text(key, label, required=True, maxlen=100):
    return {'type': 'textfield', 'key': key, 'label': label, 'validate': {'required': required, 'maxLength': maxlen}}
def area(key, label, required=False, maxlen=1000):
    return {'type': 'textarea', 'key': key, 'label': label, 'validate': {'required': required, 'maxLength': maxlen}}
def radio(key, label, values):
    return {'type': 'radio', 'key': key, 'label': label, 'values': [{'value': v, 'label': l} for v, l in values], 'validate': {'required': True}}
def select(key, label, values):
    return {'type': 'select', 'key': key, 'label': label, 'values': [{'value': v, 'label': l} for v, l in values], 'validate': {'required': True}}
def note(t):
    return {'type': 'text', 'text': t}

FORMS = {
    'dropout-visit': ('入户劝返记录', [
        note('### 入户劝返记录\n每次入户须记录日期、入户人员、见到的人、辍学原因和劝返结果（教基厅函〔2024〕15号：劝返过程逐次记录）。'),
        date('visitDate', '入户日期'), text('visitors', '入户人员（姓名、职务）'), text('metWith', '见到的人（与学生关系）'),
        select('reason', '辍学原因', REASONS), radio('outcome', '劝返结果', RETURNED), area('note', '情况说明')]),
    'dropout-report': ('书面报告与双线包保', [
        note('### 书面报告乡镇政府和县教育局\n自本环节起，每名学生明确行政线和教育线包保责任人（双线包保）。'),
        date('reportDate', '报告日期'), text('reportNumber', '报告文号', False, 50),
        text('adminOfficial', '行政线：乡镇包保干部'), text('villageCadre', '行政线：村干部'),
        text('countyEduOfficer', '教育线：县教育局责任人'), text('townshipEduOfficer', '教育线：乡镇教办责任人'),
        text('schoolPerson', '教育线：学校责任人'), area('note', '报告内容摘要')]),
    'dropout-notify': ('通知监护人', [
        note('### 乡镇政府责成村委会书面通知监护人\n依法送适龄子女入学是监护人的义务（义务教育法第五条）。'),
        date('notifiedOn', '通知日期'), text('guardianMet', '接受通知的监护人'), text('notifiedBy', '通知人（村委会）'),
        radio('outcome', '结果', RETURNED), area('note', '情况说明')]),
    'dropout-plan': ('一人一案', [
        note('### 县教育局审批一人一案\n针对辍学原因制定劝返、安置和帮扶措施。'),
        area('plan', '劝返复学方案（一人一案）', True, 2000), date('approvedOn', '审批日期'), text('approvedBy', '审批人')]),
    'dropout-order': ('责令限期改正通知书', [
        note('### 签发《责令限期改正通知书》\n依据义务教育法第五十八条。改正期限按本县规定的工作日数自签发之日起计算，并写入通知书。'),
        radio('issuer', '签发机关', [('TOWNSHIP', '乡镇人民政府'), ('COUNTY', '县教育局')]),
        date('issuedOn', '签发日期'), text('guardianName', '监护人姓名', True, 50), text('guardianAddress', '监护人住址', False, 200),
        area('note', '备注')]),
    'dropout-compliance': ('核查返校情况', [
        note('### 核查返校情况'), date('checkedOn', '核查日期'), radio('outcome', '核查结果', RETURNED), area('note', '情况说明')]),
    'dropout-penalty': ('行政处罚决定', [
        note('### 行政处罚决定\n仅在本县规定允许时进行。'), date('decidedOn', '决定日期'), text('decisionNumber', '处罚决定书文号', True, 50),
        area('penalty', '处罚内容', True), radio('outcome', '处罚后学生是否返校', RETURNED)]),
    'dropout-court-filing': ('起诉', [
        note('### 向人民法院起诉\n乡镇人民政府作为原告起诉，人民检察院可支持起诉。'), date('filedOn', '立案日期'), text('court', '受理法院'),
        text('courtCaseNumber', '案号', False, 50),
        {'type': 'checkbox', 'key': 'procuratorateSupport', 'label': '人民检察院支持起诉'}, area('note', '备注')]),
    'dropout-court-result': ('调解或判决', [
        note('### 登记调解书或判决书'), radio('resolution', '结果', [('MEDIATION', '调解'), ('JUDGMENT', '判决')]),
        date('decidedOn', '调解或判决日期'), text('documentNumber', '文书编号', True, 50), date('returnDeadline', '判令返校期限'),
        area('note', '备注')]),
    'dropout-enforcement': ('申请强制执行', [
        note('### 申请人民法院强制执行'), date('appliedOn', '申请日期'), text('enforcementNumber', '执行案号', False, 50),
        area('note', '执行情况')]),
    'dropout-follow-up': ('返校后回访', [
        note('### 返校后跟踪回访（保学）\n发现再次缺课的，案件重新打开，回到入户劝返。'), date('checkedOn', '回访日期'),
        radio('inSchool', '学生是否仍在校', [('IN_SCHOOL', '在校'), ('ABSENT', '再次缺课')]), area('note', '情况说明')]),
    'dropout-close': ('销号', [
        note('### 审核销号\n学生返校并稳定在校，台账逐一销号。'), date('closedOn', '销号日期'), area('note', '销号意见')]),
    'dropout-special-assessment': ('特殊教育评估安置', [
        note('### 县特殊教育专家委员会评估\n因身体原因不能入学的，依据义务教育法第十一条、第十九条确定安置方式。'),
        date('assessedOn', '评估日期'),
        select('placement', '安置方式', [('REGULAR_CLASS', '随班就读'), ('SPECIAL_SCHOOL', '特殊教育学校'),
                                       ('HOME_TEACHING', '送教上门'), ('DEFERRED', '延缓入学')]),
        area('note', '评估意见', True)]),
    'dropout-deferral': ('延缓入学审批', [
        note('### 县教育局审批延缓入学\n义务教育法第十一条：因身体状况需要延缓入学的，由县级教育行政部门批准。'),
        date('approvedOn', '批准日期'), date('deferUntil', '延缓至'), text('approvalNumber', '批准文号', False, 50),
        area('note', '备注')]),
    'dropout-lawful-end': ('依法结案', [
        note('### 核准依法结案\n如已完成义务教育、超过义务教育年龄或其他依法终止的情形。'), date('confirmedOn', '核准日期'),
        area('note', '结案理由', True)]),
}

for fid, (title, comps) in FORMS.items():
    for n, c in enumerate(comps):
        c['id'] = '%s_%d' % (c.get('key', 'text'), n)
        c.setdefault('layout', {'row': 'r%d' % n})
    form = {'schemaVersion': 16, 'type': 'default', 'id': fid, 'components': comps,
            'exporter': {'name': 'tools/gen_dropout_forms.py', 'version': '1'}}
    with open('forms/%s.form' % fid, 'w', encoding='utf-8') as f:
        json.dump(form, f, ensure_ascii=False, indent=2)
        f.write('\n')
print(len(FORMS), 'forms')

#!/usr/bin/env python3
"""Adds diagram interchange (shapes and edges) to a hand-written BPMN file from a small layout table, so that
modelers and the monitor's bpmn-js viewer can draw it. Usage: bpmn-di.py model.bpmn layout.txt
layout.txt: one line per element: id x y [w h]  (x, y = top-left corner; default sizes by element type);
optional 'edge id x1,y1 x2,y2 ...' lines give explicit waypoints for a flow."""
import sys, re
import xml.etree.ElementTree as ET
NS = {'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL'}
path, layout = sys.argv[1], sys.argv[2]
text = open(path, encoding='utf-8').read()
text = re.sub(r'\s*<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>', '', text, flags=re.S)
root = ET.fromstring(text.encode('utf-8'))
kinds = {}
for el in root.iter():
    tag = el.tag.split('}')[1]
    if el.get('id'):
        kinds[el.get('id')] = (tag, el)
pos, edges = {}, {}
for line in open(layout, encoding='utf-8'):
    parts = line.split()
    if not parts or parts[0].startswith('#'):
        continue
    if parts[0] == 'edge':
        edges[parts[1]] = [tuple(map(int, p.split(','))) for p in parts[2:]]
        continue
    i, x, y = parts[0], int(parts[1]), int(parts[2])
    tag = kinds[i][0]
    if len(parts) >= 5:
        w, h = int(parts[3]), int(parts[4])
    elif 'Event' in tag:
        w = h = 36
    elif 'Gateway' in tag:
        w = h = 50
    else:
        w, h = 100, 80
    pos[i] = (x, y, w, h)
process = root.find('bpmn:process', NS)
out = ['  <bpmndi:BPMNDiagram id="%s-diagram">' % process.get('id'),
       '    <bpmndi:BPMNPlane id="%s-plane" bpmnElement="%s">' % (process.get('id'), process.get('id'))]
for i, (x, y, w, h) in pos.items():
    extra = ' isExpanded="true"' if kinds[i][0] == 'subProcess' else ''
    out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s><dc:Bounds x="%d" y="%d" width="%d" height="%d" /></bpmndi:BPMNShape>' % (i, i, extra, x, y, w, h))
def centre(i):
    x, y, w, h = pos[i]
    return x + w // 2, y + h // 2
for i, (tag, el) in kinds.items():
    if tag != 'sequenceFlow':
        continue
    s, t = el.get('sourceRef'), el.get('targetRef')
    if i in edges:
        pts = edges[i]
    else:
        sx, sy, sw, sh = pos[s]; tx, ty, tw, th = pos[t]
        scx, scy = centre(s); tcx, tcy = centre(t)
        if abs(scx - tcx) < 3:
            pts = [(scx, sy + sh), (tcx, ty)] if ty > sy else [(scx, sy), (tcx, ty + th)]
        elif abs(scy - tcy) < 3:
            pts = [(sx + sw, scy), (tx, tcy)] if tx > sx else [(sx, scy), (tx + tw, tcy)]
        elif kinds[s][0] == 'boundaryEvent':
            pts = [(scx, sy + sh), (scx, tcy), (tx, tcy)] if tx > scx else [(scx, sy + sh), (scx, tcy), (tx + tw, tcy)]
        else:
            pts = [(scx, sy + sh) if tcy > scy else (scx, sy), (scx, tcy), (tx, tcy) if tx > scx else (tx + tw, tcy)]
    wps = ''.join('<di:waypoint x="%d" y="%d" />' % p for p in pts)
    out.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">%s</bpmndi:BPMNEdge>' % (i, i, wps))
missing = [i for i, (tag, _) in kinds.items() if tag not in ('sequenceFlow', 'process', 'definitions', 'message', 'timerEventDefinition', 'messageEventDefinition', 'conditionExpression', 'timeDuration', 'extensionElements', 'incoming', 'outgoing') and i not in pos and tag in ('startEvent', 'endEvent', 'userTask', 'serviceTask', 'sendTask', 'businessRuleTask', 'exclusiveGateway', 'intermediateCatchEvent', 'subProcess', 'boundaryEvent')]
if missing:
    sys.exit('no position for ' + ', '.join(missing))
out += ['    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>']
text = text.replace('</bpmn:definitions>', '\n'.join(out) + '\n</bpmn:definitions>')
open(path, 'w', encoding='utf-8').write(text)

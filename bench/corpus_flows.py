"""IVR flows for the benchmark corpus, one generator per platform: Amazon Connect flow language,
Twilio Studio and TwiML, Genesys Archy YAML, Asterisk dialplan, FreeSWITCH XML, VoiceXML, Vonage
NCCO and Lex V2 slots. Each takes a seeded random.Random and a size in actions/states and returns
the file text. Roughly one flow in five carries a deliberate violation (recording while card
digits are keyed, stored input without encryption, digits copied into attributes or logs)."""

import json

import corpus_common as cc

_PROMPTS = ["Welcome to {d}. This call may be recorded for quality and training.",
            "To pay your bill, press 1. For {d}, press 2.",
            "Please enter your 16 digit card number, followed by the hash key.",
            "Please enter the three digit security code on the back of your card.",
            "Please enter your account number.",
            "Thank you. Your request has been recorded.",
            "All our advisors are busy. Please hold."]


def _connect_action(rng, i, n, share):
    ident = "a%05d" % i
    nxt = "a%05d" % (i + 1) if i + 1 < n else "end"
    err = "a%05d" % min(n - 1, i + rng.randint(1, 5)) if i + 1 < n else "end"
    trans = {"NextAction": nxt, "Errors": [{"NextAction": err, "ErrorType": "NoMatchingError"}]}
    kind = rng.random()
    if kind < share:
        return {"Identifier": ident, "Type": "GetParticipantInput",
                "Parameters": {"Text": _PROMPTS[2], "StoreInput": "True", "InputTimeLimitSeconds": "10",
                               "InputValidation": {"CustomValidation": {"MaximumLength": "16"}},
                               "DTMFConfiguration": {"InputTerminationSequence": "#"}},
                "Transitions": trans}
    if share and share <= kind < share * 1.6:
        return {"Identifier": ident, "Type": "UpdateContactAttributes",
                "Parameters": {"Attributes": {"card": "$.StoredCustomerInput", "step": str(i)}}, "Transitions": trans}
    if kind < 0.1:
        return {"Identifier": ident, "Type": "UpdateContactRecordingBehavior",
                "Parameters": {"RecordingBehavior": {"RecordedParticipants": ["Agent", "Customer"],
                                                     "IVRRecordingBehavior": rng.choice(["Enabled", "Disabled"])}},
                "Transitions": trans}
    if kind < 0.3:
        choices = [{"NextAction": "a%05d" % min(n - 1, i + k + 1),
                    "Condition": {"Operator": "Equals", "Operands": [str(k + 1)]}} for k in range(rng.randint(1, 4))]
        trans = dict(trans, Conditions=choices)
        return {"Identifier": ident, "Type": "GetParticipantInput",
                "Parameters": {"Text": rng.choice(_PROMPTS[:2]).format(d=rng.choice(cc.DEPTS)), "StoreInput": "False",
                               "InputTimeLimitSeconds": "5"}, "Transitions": trans}
    if kind < 0.45:
        return {"Identifier": ident, "Type": "MessageParticipant",
                "Parameters": {"Text": cc.words(rng, rng.randint(6, 20))}, "Transitions": trans}
    if kind < 0.6:
        return {"Identifier": ident, "Type": "UpdateContactAttributes",
                "Parameters": {"Attributes": {cc.camel(cc.ident(rng)): cc.ident(rng) for _ in range(rng.randint(1, 4))}},
                "Transitions": trans}
    if kind < 0.7:
        return {"Identifier": ident, "Type": "InvokeLambdaFunction",
                "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:%s:123456789012:function:%s" % (
                    rng.choice(cc.REGIONS), cc.ident(rng)), "InvocationTimeLimitSeconds": "8"},
                "Transitions": trans}
    if kind < 0.8:
        return {"Identifier": ident, "Type": "Compare",
                "Parameters": {"ComparisonValue": "$.Attributes.%s" % cc.camel(cc.ident(rng))},
                "Transitions": dict(trans, Conditions=[{"NextAction": err, "Condition": {
                    "Operator": "Equals", "Operands": [cc.ident(rng)]}}])}
    if kind < 0.88:
        return {"Identifier": ident, "Type": "UpdateFlowLoggingBehavior",
                "Parameters": {"FlowLoggingBehavior": rng.choice(["Enabled", "Disabled"])}, "Transitions": trans}
    if kind < 0.95:
        return {"Identifier": ident, "Type": "TransferContactToQueue", "Parameters": {},
                "Transitions": trans}
    return {"Identifier": ident, "Type": "UpdateFlowAttributes",
            "Parameters": {"FlowAttributes": {cc.camel(cc.ident(rng)): {"Value": cc.ident(rng)}}}, "Transitions": trans}


def connect_flow(rng, actions, sensitive_share=None):
    """sensitive_share: share of actions that collect card digits (default: 5% in one flow of five)."""
    if sensitive_share is None:
        sensitive_share = 0.05 if rng.random() < 0.2 else 0.0
    acts = [_connect_action(rng, i, actions, sensitive_share) for i in range(actions)]
    acts.append({"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}})
    flow = {"Version": "2019-10-30", "StartAction": "a00000",
            "Metadata": {"entryPointPosition": {"x": 40, "y": 40}, "name": "%s flow" % cc.ident(rng),
                         "type": "contactFlow", "status": "published"},
            "Actions": acts}
    return json.dumps(flow, indent=2) + "\n"


def studio_flow(rng, states):
    sensitive = rng.random() < 0.2
    out = [{"name": "Trigger", "type": "trigger",
            "transitions": [{"event": "incomingMessage"}, {"next": "s0", "event": "incomingCall"}],
            "properties": {"offset": {"x": 0, "y": 0}}}]
    for i in range(states):
        nxt = "s%d" % (i + 1) if i + 1 < states else "end"
        r = rng.random()
        if sensitive and r < 0.1:
            st = {"type": "gather-input-on-call", "transitions": [{"next": nxt, "event": "keypress"},
                                                                  {"next": nxt, "event": "timeout"}],
                  "properties": {"say": _PROMPTS[2], "number_of_digits": 16, "finish_on_key": "#"}}
        elif sensitive and r < 0.15:
            st = {"type": "make-http-request", "transitions": [{"next": nxt, "event": "success"}],
                  "properties": {"method": "POST", "url": "http://pay.acme.example/charge",
                                 "body": "card={{widgets.s%d.Digits}}" % max(0, i - 1)}}
        elif r < 0.25:
            st = {"type": "record-call", "transitions": [{"next": nxt, "event": "success"}],
                  "properties": {"record_call": True, "recording_status_callback": "https://ivr.acme.example/rec"}}
        elif r < 0.5:
            st = {"type": "say-play", "transitions": [{"next": nxt, "event": "audioComplete"}],
                  "properties": {"say": cc.words(rng, 12), "loop": 1}}
        elif r < 0.7:
            st = {"type": "split-based-on", "transitions": [{"next": nxt, "event": "noMatch"}] + [
                {"next": "s%d" % min(states - 1, i + k + 1), "event": "match",
                 "conditions": [{"type": "equal_to", "value": str(k + 1), "arguments": ["{{widgets.s%d.Digits}}" % i]}]}
                for k in range(rng.randint(1, 3))], "properties": {"input": "{{widgets.s%d.Digits}}" % i}}
        elif r < 0.85:
            st = {"type": "set-variables", "transitions": [{"next": nxt, "event": "next"}],
                  "properties": {"variables": [{"key": cc.ident(rng), "value": cc.ident(rng)}]}}
        else:
            st = {"type": "run-function", "transitions": [{"next": nxt, "event": "success"}],
                  "properties": {"url": "https://acme-1234.twil.io/%s" % cc.ident(rng),
                                 "parameters": [{"key": "step", "value": str(i)}]}}
        st["name"] = "s%d" % i
        st["properties"]["offset"] = {"x": 100 * (i % 7), "y": 200 * i}
        out.append(st)
    out.append({"name": "end", "type": "say-play", "transitions": [{"event": "audioComplete"}],
                "properties": {"say": "Goodbye.", "offset": {"x": 0, "y": 0}}})
    flow = {"description": "%s line" % cc.ident(rng), "states": out, "initial_state": "Trigger",
            "flags": {"allow_concurrent_calls": True}}
    return json.dumps(flow, indent=2) + "\n"


def twiml(rng, _n):
    if rng.random() < 0.3:
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Start><Recording/></Start>\n'
                '  <Gather input="dtmf" numDigits="16" finishOnKey="#" action="/pay/card">\n'
                '    <Say>%s</Say>\n  </Gather>\n</Response>\n' % _PROMPTS[2])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Say>%s</Say>\n'
            '  <Pay paymentConnector="stripe" action="/pay/done" securityCode="true"/>\n</Response>\n'
            % cc.words(rng, 10))


def archy_flow(rng, tasks):
    secure = rng.random() < 0.3
    lines = ["inboundCall:", "  name: %s" % cc.pascal(cc.ident(rng)), "  division: Home",
             "  startUpRef: \"/inboundCall/menus/menu[Main Menu_10]\"", "  defaultLanguage: en-us",
             "  initialGreeting:", "    tts: %s" % _PROMPTS[0].format(d=rng.choice(cc.DEPTS)),
             "  menus:", "    - menu:", "        name: Main Menu", "        refId: Main Menu_10",
             "        audio:", "          tts: %s" % _PROMPTS[1].format(d=rng.choice(cc.DEPTS)), "        choices:"]
    for t in range(tasks):
        lines += ["          - menuTask:", "              name: Task %d" % t, "              dtmf: Digit_%d" % (t % 9 + 1),
                  "              targetTaskRef: \"/inboundCall/tasks/task[Task %d_%d]\"" % (t, 100 + t)]
    lines.append("  tasks:")
    for t in range(tasks):
        lines += ["    - task:", "        name: Task %d" % t, "        refId: Task %d_%d" % (t, 100 + t), "        actions:"]
        for a in range(rng.randint(3, 8)):
            r = rng.random()
            if secure and a == 0:
                lines += ["          - collectInput:", "              name: Card number",
                          "              inputData:", "                exp: Task.CardNumber",
                          "              digits:", "                exact: 16",
                          "              inputAudio:", "                tts: %s" % _PROMPTS[2],
                          "          - setParticipantData:", "              name: Keep card",
                          "              attributes:", "                - attribute:", "                    name:",
                          "                      lit: card", "                    value:", "                      exp: Task.CardNumber"]
            elif r < 0.4:
                lines += ["          - playAudio:", "              name: Say %d" % a, "              audio:",
                          "                tts: %s" % cc.words(rng, 10)]
            elif r < 0.7:
                lines += ["          - updateData:", "              name: Set %d" % a, "              statements:",
                          "                - string:", "                    variable: Task.%s" % cc.pascal(cc.ident(rng)),
                          "                    value:", "                      lit: %s" % cc.ident(rng)]
            else:
                lines += ["          - transferToAcd:", "              name: To queue", "              targetQueue:",
                          "                lit:", "                  name: %s" % rng.choice(cc.DEPTS).capitalize()]
        lines += ["          - disconnect:", "              name: Bye"]
    return "\n".join(lines) + "\n"


def asterisk_dialplan(rng, contexts):
    out = ["; %s dialplan (generated)" % cc.ident(rng), "[general]", "static=yes", "writeprotect=no", ""]
    for c in range(contexts):
        name = "ctx-%s-%d" % (rng.choice(cc.DEPTS), c)
        out += ["[%s]" % name, "exten => s,1,Answer()", " same => n,Playback(acme/%s)" % cc.ident(rng)]
        if rng.random() < 0.2:
            out += [" same => n,MixMonitor(${RECDIR}/${UNIQUEID}.wav,b)",
                    " same => n,Read(CARDNUM,acme/enter-card-number,16)",
                    " same => n,Verbose(1,card ${CARDNUM})",
                    " same => n,Set(CDR(userfield)=${CARDNUM})"]
        for _ in range(rng.randint(4, 12)):
            out.append(" same => n,%s" % rng.choice([
                "Background(acme/%s)" % cc.ident(rng), "WaitExten(5)", "Set(LANG=%s)" % rng.choice(["en", "es", "fr"]),
                "GotoIf($[\"${DIALSTATUS}\" = \"BUSY\"]?busy)", "Dial(PJSIP/%s,30,t)" % rng.choice(cc.DEPTS),
                "NoOp(step)", "Queue(%s)" % rng.choice(cc.DEPTS)]))
        out += [" same => n(busy),Playback(acme/busy)", " same => n,Hangup()",
                "exten => 1,1,Goto(ctx-%s-%d,s,1)" % (rng.choice(cc.DEPTS), rng.randint(0, contexts)), ""]
    return "\n".join(out) + "\n"


def freeswitch_dialplan(rng, extensions):
    out = ["<include>", "  <context name=\"%s\">" % cc.ident(rng)]
    for e in range(extensions):
        out += ["    <extension name=\"ext-%d\">" % e,
                "      <condition field=\"destination_number\" expression=\"^8005%06d$\">" % rng.randint(0, 999999),
                "        <action application=\"answer\"/>",
                "        <action application=\"playback\" data=\"acme/%s.wav\"/>" % cc.ident(rng)]
        if rng.random() < 0.2:
            out += ["        <action application=\"record_session\" data=\"$${recordings_dir}/${uuid}.wav\"/>",
                    "        <action application=\"play_and_get_digits\" data=\"16 16 3 8000 # acme/enter-card.wav "
                    "acme/invalid.wav card_number \\d{16}\"/>",
                    "        <action application=\"log\" data=\"INFO card ${card_number}\"/>"]
        out += ["        <action application=\"set\" data=\"%s=%s\"/>" % (cc.ident(rng), cc.ident(rng)),
                "        <action application=\"transfer\" data=\"%s XML default\"/>" % cc.ident(rng),
                "      </condition>", "    </extension>"]
    out += ["  </context>", "</include>"]
    return "\n".join(out) + "\n"


def voicexml(rng, fields):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<vxml version="2.1" xmlns="http://www.w3.org/2001/vxml">',
           '  <property name="recordutterance" value="%s"/>' % rng.choice(["true", "false"]),
           '  <form id="main">']
    for f in range(fields):
        sensitive = rng.random() < 0.2
        name = "card_number" if sensitive else cc.ident(rng)
        out += ['    <field name="%s%d" type="digits">' % (name, f),
                '      <grammar mode="dtmf" src="builtin:dtmf/digits?length=%d"/>' % (16 if sensitive else 4),
                '      <prompt>%s</prompt>' % (_PROMPTS[2] if sensitive else cc.words(rng, 8)),
                '      <filled>']
        if sensitive:
            out.append('        <log>card <value expr="%s%d"/></log>' % (name, f))
        out += ['      </filled>', '    </field>']
    out += ['    <block><submit next="http://ivr.acme.example/vxml/next" method="get" namelist="%s"/></block>'
            % cc.ident(rng), '  </form>', '</vxml>']
    return "\n".join(out) + "\n"


def ncco(rng, actions):
    out = []
    for _ in range(actions):
        r = rng.random()
        if r < 0.15:
            out.append({"action": "record", "eventUrl": ["https://ivr.acme.example/vonage/rec"], "split": "conversation"})
        elif r < 0.35:
            out.append({"action": "input", "type": ["dtmf"], "dtmf": {"maxDigits": rng.choice([1, 4, 16]),
                                                                     "submitOnHash": True},
                        "eventUrl": ["https://ivr.acme.example/vonage/in"]})
        elif r < 0.45:
            out.append({"action": "connect", "endpoint": [{"type": "websocket",
                                                           "uri": rng.choice(["wss", "ws"]) + "://media.acme.example/s",
                                                           "content-type": "audio/l16;rate=16000"}]})
        else:
            out.append({"action": "talk", "text": cc.words(rng, 12), "language": "en-GB"})
    return json.dumps(out, indent=2) + "\n"


def lex_slot(rng, _n):
    name = rng.choice(["CardNumber", "AccountNumber", "DateOfBirth", "City", "Reason"])
    slot = {"slotName": name, "description": cc.words(rng, 6), "slotTypeName": "AMAZON.Number",
            "valueElicitationSetting": {"slotConstraint": "Required", "promptSpecification": {
                "messageGroupsList": [{"message": {"plainTextMessage": {"value": cc.words(rng, 10)}}}],
                "maxRetries": 2}},
            "obfuscationSetting": {"obfuscationSettingType": rng.choice(["None", "DefaultObfuscation"])}}
    return json.dumps(slot, indent=2) + "\n"


# (folder, extension, generator, size range in actions/states/items)
KINDS = [("connect/flows", "json", connect_flow, (10, 250)),
         ("twilio/studio", "json", studio_flow, (10, 120)),
         ("twilio/twiml", "xml", twiml, (1, 1)),
         ("genesys/flows", "yaml", archy_flow, (2, 20)),
         ("asterisk", "conf", asterisk_dialplan, (5, 60)),
         ("freeswitch/dialplan", "xml", freeswitch_dialplan, (5, 60)),
         ("voicexml", "vxml", voicexml, (2, 30)),
         ("vonage", "json", ncco, (5, 60)),
         ("lex/Slots", "json", lex_slot, (1, 1))]

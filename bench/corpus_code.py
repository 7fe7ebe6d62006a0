"""Handler code for the benchmark corpus in the eight languages ccscan parses (Python, JavaScript,
TypeScript, Java, C#, Go, PHP, Ruby): Lambda handlers, Twilio Functions, data-action services.
Each generator takes a seeded random.Random and a function count and returns the file text.
About 2% of functions carry a deliberate violation: card data logged, TLS verification off, a
literal credential, a plain-http endpoint, a weak hash of the PAN."""

import corpus_common as cc


def _bad(rng):
    return rng.random() < 0.02


def python(rng, funcs):
    out = ["import json", "import logging", "import os", "", "import requests", "",
           "logger = logging.getLogger(__name__)", "TABLE = os.environ.get(\"TABLE\", \"contacts\")", ""]
    for f in range(funcs):
        name = cc.ident(rng, 3)
        out += ["", "def %s_%d(event, context):" % (name, f),
                "    \"\"\"%s.\"\"\"" % cc.words(rng, 8).capitalize(),
                "    attrs = event[\"Details\"][\"ContactData\"][\"Attributes\"]",
                "    %s = attrs.get(\"%s\", \"\")" % (cc.ident(rng), cc.camel(cc.ident(rng)))]
        for k in range(rng.randint(3, 12)):
            out.append("    v%d = compute(attrs.get(\"k%d\"), %d)" % (k, k, rng.randint(0, 999)))
        if _bad(rng):
            v = rng.randrange(5)
            out.append([
                "    card_number = attrs[\"card\"]\n    logger.info(\"charging card %s\", card_number)",
                "    r = requests.post(CRM_URL, json=attrs, verify=False)",
                "    client = Client(account_sid=SID, auth_token=\"%s\")" % cc.hex_token(rng),
                "    requests.post(\"http://crm.acme.example/api/%s\", json=attrs)" % cc.ident(rng),
                "    pan = attrs[\"pan\"]\n    key = hashlib.md5(pan.encode()).hexdigest()"][v])
        out += ["    logger.info(\"step %s done\", context.aws_request_id)",
                "    return {\"statusCode\": 200, \"body\": json.dumps({\"ok\": True})}"]
    return "\n".join(out) + "\n"


def _js_like(rng, funcs, typed):
    t = (lambda s: s) if typed else (lambda s: "")
    out = ["'use strict';" if not typed else "import axios from 'axios';",
           "const https = require('https');" if not typed else "import * as https from 'https';",
           "const logger = require('./logger');" if not typed else "import { logger } from './logger';", ""]
    for f in range(funcs):
        name = cc.camel(cc.ident(rng, 3))
        out += ["", "export async function %s%d(event%s, context%s)%s {" % (
            name, f, t(": Record<string, any>"), t(": unknown"), t(": Promise<object>")),
            "  const attrs = event.Details.ContactData.Attributes;"]
        for k in range(rng.randint(3, 12)):
            out.append("  const v%d%s = compute(attrs['k%d'], %d);" % (k, t(": number"), k, rng.randint(0, 999)))
        if _bad(rng):
            v = rng.randrange(4)
            out.append([
                "  const cardNumber = attrs.card;\n  console.log('charging', cardNumber);",
                "  const agent = new https.Agent({ rejectUnauthorized: false });",
                "  const creds = { clientId: '%s', clientSecret: '%s' };" % (cc.hex_token(rng, 8), cc.token(rng, 34)),
                "  await fetch('http://crm.acme.example/api/%s', { method: 'POST' });" % cc.ident(rng)][v])
        out += ["  logger.info('step done', context);", "  return { statusCode: 200 };", "}"]
    return "\n".join(out) + "\n"


def javascript(rng, funcs):
    return _js_like(rng, funcs, False)


def typescript(rng, funcs):
    return _js_like(rng, funcs, True)


def java(rng, funcs):
    cls = cc.pascal(cc.ident(rng, 2))
    out = ["package com.acme.contact;", "", "import java.util.Map;", "import org.slf4j.Logger;",
           "import org.slf4j.LoggerFactory;", "", "public class %s {" % cls,
           "    private static final Logger logger = LoggerFactory.getLogger(%s.class);" % cls]
    for f in range(funcs):
        out += ["", "    public Map<String, Object> %s%d(Map<String, Object> event) {" % (cc.camel(cc.ident(rng, 3)), f),
                "        Map<String, String> attrs = (Map<String, String>) event.get(\"Attributes\");"]
        for k in range(rng.randint(3, 12)):
            out.append("        int v%d = compute(attrs.get(\"k%d\"), %d);" % (k, k, rng.randint(0, 999)))
        if _bad(rng):
            out.append(rng.choice([
                "        String cardNumber = attrs.get(\"card\");\n        logger.info(\"charging \" + cardNumber);",
                "        HttpClients.custom().setSSLHostnameVerifier(new NoopHostnameVerifier()).build();"]))
        out += ["        logger.debug(\"step done\");", "        return Map.of(\"ok\", true);", "    }"]
    out.append("}")
    return "\n".join(out) + "\n"


def csharp(rng, funcs):
    cls = cc.pascal(cc.ident(rng, 2))
    out = ["using System;", "using System.Collections.Generic;", "using Microsoft.Extensions.Logging;", "",
           "namespace Acme.Contact", "{", "    public class %s" % cls, "    {",
           "        private readonly ILogger<%s> _logger;" % cls]
    for f in range(funcs):
        out += ["", "        public IDictionary<string, object> %s%d(IDictionary<string, string> attrs)" % (
            cc.pascal(cc.ident(rng, 3)), f), "        {"]
        for k in range(rng.randint(3, 12)):
            out.append("            var v%d = Compute(attrs[\"k%d\"], %d);" % (k, k, rng.randint(0, 999)))
        if _bad(rng):
            out.append(rng.choice([
                "            var cardNumber = attrs[\"card\"];\n            _logger.LogInformation(\"charging {0}\", cardNumber);",
                "            ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => true;"]))
        out += ["            _logger.LogDebug(\"step done\");",
                "            return new Dictionary<string, object> { [\"ok\"] = true };", "        }"]
    out += ["    }", "}"]
    return "\n".join(out) + "\n"


def go(rng, funcs):
    out = ["package handlers", "", "import (", "\t\"crypto/tls\"", "\t\"log\"", ")", "",
           "var _ = tls.VersionTLS12"]
    for f in range(funcs):
        out += ["", "func %s%d(attrs map[string]string) (map[string]any, error) {" % (cc.pascal(cc.ident(rng, 3)), f)]
        for k in range(rng.randint(3, 12)):
            out.append("\tv%d := compute(attrs[\"k%d\"], %d)" % (k, k, rng.randint(0, 999)))
            out.append("\t_ = v%d" % k)
        if _bad(rng):
            out.append(rng.choice([
                "\tcardNumber := attrs[\"card\"]\n\tlog.Printf(\"charging %s\", cardNumber)",
                "\tcfg := &tls.Config{InsecureSkipVerify: true}\n\t_ = cfg"]))
        out += ["\tlog.Println(\"step done\")", "\treturn map[string]any{\"ok\": true}, nil", "}"]
    return "\n".join(out) + "\n"


def php(rng, funcs):
    out = ["<?php", "", "namespace Acme\\Contact;", ""]
    for f in range(funcs):
        out += ["", "function %s_%d(array $attrs): array" % (cc.ident(rng, 3), f), "{"]
        for k in range(rng.randint(3, 12)):
            out.append("    $v%d = compute($attrs['k%d'], %d);" % (k, k, rng.randint(0, 999)))
        if _bad(rng):
            out.append(rng.choice([
                "    $card_number = $attrs['card'];\n    error_log('charging ' . $card_number);",
                "    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);"]))
        out += ["    error_log('step done');", "    return ['ok' => true];", "}"]
    return "\n".join(out) + "\n"


def ruby(rng, funcs):
    out = ["# frozen_string_literal: true", "", "require 'json'", "require 'logger'", "",
           "module %s" % cc.pascal(cc.ident(rng, 2)), "  LOGGER = Logger.new($stdout)"]
    for f in range(funcs):
        out += ["", "  def self.%s_%d(attrs)" % (cc.ident(rng, 3), f)]
        for k in range(rng.randint(3, 12)):
            out.append("    v%d = compute(attrs['k%d'], %d)" % (k, k, rng.randint(0, 999)))
        if _bad(rng):
            out.append(rng.choice([
                "    card_number = attrs['card']\n    LOGGER.info(\"charging #{card_number}\")",
                "    http.verify_mode = OpenSSL::SSL::VERIFY_NONE"]))
        out += ["    LOGGER.info('step done')", "    { ok: true }", "  end"]
    out.append("end")
    return "\n".join(out) + "\n"


# (folder, extension, generator, function-count range)
KINDS = [("lambda/python", "py", python, (3, 30)),
         ("twilio/functions", "js", javascript, (3, 30)),
         ("services/ts", "ts", typescript, (3, 30)),
         ("services/java", "java", java, (3, 25)),
         ("services/csharp", "cs", csharp, (3, 25)),
         ("services/go", "go", go, (3, 25)),
         ("services/php", "php", php, (3, 25)),
         ("services/ruby", "rb", ruby, (3, 25))]

"""Infrastructure as code and data files for the benchmark corpus: Terraform (Connect instance,
storage, Genesys queues), CloudFormation (with flows embedded as JSON strings), CSV call exports,
JSON customer records and config files. Sensitive values (made-up Luhn-valid PANs, SSNs, IBANs,
credential-shaped strings) are seeded into a small share of rows and settings."""

import json

import corpus_common as cc
import corpus_flows


def terraform(rng, resources):
    out = ['terraform {', '  required_providers {', '    aws = { source = "hashicorp/aws" }', '  }', '}', '']
    for r in range(resources):
        name = "%s_%d" % (cc.ident(rng), r)
        kind = rng.randrange(5)
        if kind == 0:
            out += ['resource "aws_connect_instance" "%s" {' % name, '  identity_management_type = "CONNECT_MANAGED"',
                    '  inbound_calls_enabled    = true', '  outbound_calls_enabled   = true',
                    '  contact_flow_logs_enabled = %s' % rng.choice(["true", "false"]),
                    '  contact_lens_enabled      = %s' % rng.choice(["true", "false"]), '}', '']
        elif kind == 1:
            kms = rng.random() < 0.7
            out += ['resource "aws_connect_instance_storage_config" "%s" {' % name,
                    '  instance_id   = aws_connect_instance.main.id',
                    '  resource_type = "%s"' % rng.choice(["CALL_RECORDINGS", "CHAT_TRANSCRIPTS", "SCREEN_RECORDINGS"]),
                    '  storage_config {', '    storage_type = "S3"', '    s3_config {',
                    '      bucket_name   = "acme-%s"' % cc.ident(rng).replace("_", "-"), '      bucket_prefix = "rec"']
            if kms:
                out += ['      encryption_config {', '        encryption_type = "KMS"',
                        '        key_id          = aws_kms_key.rec.arn', '      }']
            out += ['    }', '  }', '}', '']
        elif kind == 2:
            out += ['resource "aws_cloudwatch_log_group" "%s" {' % name,
                    '  name              = "/aws/connect/%s"' % cc.ident(rng),
                    '  retention_in_days = %d' % rng.choice([7, 30, 90, 365, 3653]), '}', '']
        elif kind == 3:
            out += ['resource "genesyscloud_routing_queue" "%s" {' % name, '  name = "%s"' % cc.pascal(cc.ident(rng)),
                    '  enable_transcription = %s' % rng.choice(["true", "false"]),
                    '  suppress_in_queue_call_recording = %s' % rng.choice(["true", "false"]), '}', '']
        else:
            out += ['resource "aws_lambda_function" "%s" {' % name, '  function_name = "%s"' % name,
                    '  runtime       = "python3.12"', '  handler       = "handler.main"', '  environment {',
                    '    variables = {', '      TABLE = "contacts"',
                    ('      DB_PASSWORD = "%s"' % cc.token(rng, 16)) if rng.random() < 0.05 else '      STAGE = "prod"',
                    '    }', '  }', '}', '']
    return "\n".join(out) + "\n"


def cloudformation(rng, resources):
    out = ["AWSTemplateFormatVersion: '2010-09-09'", "Description: %s" % cc.words(rng, 6), "Resources:"]
    for r in range(resources):
        name = cc.pascal(cc.ident(rng)) + str(r)
        if rng.random() < 0.4:
            flow = corpus_flows.connect_flow(rng, rng.randint(5, 30))
            content = json.dumps(json.loads(flow), separators=(",", ":"))
            out += ["  %s:" % name, "    Type: AWS::Connect::ContactFlow", "    Properties:",
                    "      InstanceArn: !Ref ConnectInstanceArn", "      Name: %s" % name, "      Type: CONTACT_FLOW",
                    "      Content: '%s'" % content.replace("'", "''")]
        else:
            out += ["  %s:" % name, "    Type: AWS::Connect::InstanceStorageConfig", "    Properties:",
                    "      InstanceArn: !Ref ConnectInstanceArn", "      ResourceType: CALL_RECORDINGS",
                    "      StorageType: S3", "      S3Config:", "        BucketName: acme-rec-%d" % r,
                    "        BucketPrefix: rec"]
    return "\n".join(out) + "\n"


def csv_export(rng, rows):
    out = ["contact_id,started_at,caller,queue,duration_s,disposition,note"]
    for r in range(rows):
        note = cc.words(rng, 4)
        x = rng.random()
        if x < 0.01:
            note = "card %s" % cc.pan(rng)
        elif x < 0.015:
            note = "ssn %s" % cc.ssn(rng)
        elif x < 0.02:
            note = "refund IBAN %s" % cc.iban(rng)
        out.append("c-%07d,2026-%02d-%02dT%02d:%02d:00Z,%s,%s,%d,%s,%s" % (
            r, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), cc.phone(rng),
            rng.choice(cc.DEPTS), rng.randint(5, 3600), rng.choice(["resolved", "transferred", "abandoned"]), note))
    return "\n".join(out) + "\n"


def json_records(rng, rows):
    recs = []
    for r in range(rows):
        rec = {"id": r, "name": rng.choice(cc.FIRST).capitalize(), "queue": rng.choice(cc.DEPTS),
               "tags": [rng.choice(cc.WORDS) for _ in range(3)], "score": rng.randint(0, 100)}
        if rng.random() < 0.01:
            rec["payment"] = cc.pan(rng)
        recs.append(rec)
    return json.dumps({"records": recs}, indent=2) + "\n"


def app_config(rng, keys):
    out = ["# %s service settings" % cc.ident(rng), "service:", "  name: %s" % cc.ident(rng),
           "  region: %s" % rng.choice(cc.REGIONS)]
    for k in range(keys):
        out.append("  %s_%d: %s" % (cc.ident(rng), k, rng.choice([cc.ident(rng), str(rng.randint(0, 9999)), "true"])))
    x = rng.random()
    if x < 0.1:
        out += ["aws:", "  access_key_id: %s" % cc.aws_key_id(rng), "  aws_secret_access_key: %s" % cc.aws_secret(rng)]
    elif x < 0.15:
        out += ["twilio:", "  auth_token: %s" % cc.hex_token(rng)]
    elif x < 0.2:
        out += ["db:", "  password: \"%s\"" % cc.token(rng, 18)]
    return "\n".join(out) + "\n"


# (folder, extension, generator, size range)
KINDS = [("infra/terraform", "tf", terraform, (5, 60)),
         ("infra/cloudformation", "yaml", cloudformation, (2, 12)),
         ("data/exports", "csv", csv_export, (20, 600)),
         ("data/records", "json", json_records, (10, 200)),
         ("config", "yaml", app_config, (10, 200))]

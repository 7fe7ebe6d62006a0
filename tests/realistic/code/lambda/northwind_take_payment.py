"""Northwind Utilities: takes the card payment the Connect flow collected.

Invoked from the "card payment" contact flow (InvokeLambdaFunction northwind-take-payment) with
the contact attribute pmtRef as parameter `ref` and the balance as `amount`.
"""
import json
import logging
import os
import urllib.request

logger = logging.getLogger()
logger.setLevel(logging.INFO)

GATEWAY_URL = os.environ.get("GATEWAY_URL", "https://pay.northwind.example/v1/charge")


def lambda_handler(event, context):
    params = event["Details"]["Parameters"]
    contact_id = event["Details"]["ContactData"]["ContactId"]
    logger.info("payment request for contact %s: %s", contact_id, json.dumps(params))
    body = json.dumps({"pan": params.get("ref"), "amount": params.get("amount", "0")}).encode()
    req = urllib.request.Request(GATEWAY_URL, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        status = json.load(resp).get("status", "declined")
    return {"status": status}

"""Acme payment Lambda invoked from the legacy Connect payment flow (connect/flows/payment.json).

Deliberate violation: the whole Connect event is logged, including the card number passed in
Details.Parameters.card and the caller's phone number.
"""
import json
import logging
import os

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

gateway = boto3.client("lambda")


def handler(event, context):
    logger.info("Connect event: %s", json.dumps(event))
    params = event["Details"]["Parameters"]
    card = params.get("card", "")
    result = gateway.invoke(
        FunctionName=os.environ["GATEWAY_FUNCTION"],
        Payload=json.dumps({"pan": card, "amount": params.get("amount")}),
    )
    status = json.load(result["Payload"]).get("status", "declined")
    print(f"charged card {card}: {status}")
    return {"status": status}

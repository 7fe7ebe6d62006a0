"""Acme payment Lambda invoked from connect/flows/payment-secure.json.

The card number arrives encrypted by the flow's InputEncryption and is decrypted only inside the
payment gateway; this function logs the contact id and the outcome, never the event itself.
"""
import json
import logging
import os

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

gateway = boto3.client("lambda")


def handler(event, context):
    contact_id = event["Details"]["ContactData"]["ContactId"]
    encrypted_card = event["Details"]["ContactData"]["Attributes"].get("encryptedCard", "")
    result = gateway.invoke(
        FunctionName=os.environ["GATEWAY_FUNCTION"],
        Payload=json.dumps({"encrypted_pan": encrypted_card, "contact_id": contact_id}),
    )
    status = json.load(result["Payload"]).get("status", "declined")
    logger.info("payment for contact %s: %s", contact_id, status)
    return {"status": status}

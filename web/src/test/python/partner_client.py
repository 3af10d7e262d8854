#!/usr/bin/env python3
"""A partner's own AMQP 1.0 client, written with Debian's python3-qpid-proton rather than qpid-jms, as a partner
with a Python stack would write it from docs/partners. PartnerProtonIT drives it step by step.

  partner_client.py send    URL USER PASSWORD TYPE MESSAGE_ID CORRELATION_ID BODY_FILE [AS]
  partner_client.py receive URL USER PASSWORD ADDRESS COUNT TIMEOUT_SECONDS

send puts one message on clutch.partner.inbound with the documented envelope, its body an AMQP string, or with AS
"json-bytes" a data section declared application/json, or with AS "bytes" a data section without a type; receive prints each message taken
from ADDRESS as one JSON line: content type, correlation id, application properties (a null value kept as null)
and body.
"""
import json
import sys

from proton import Message
from proton.utils import BlockingConnection

INBOUND = "clutch.partner.inbound"


def connect(url, user, password):
    return BlockingConnection(url, user=user, password=password, allowed_mechs="PLAIN",
                              allow_insecure_mechs=True, timeout=60)


def send(url, user, password, message_type, message_id, correlation_id, body_file, as_="text"):
    with open(body_file, encoding="utf-8") as f:
        body = f.read()
    content_type = "application/json"
    if as_ in ("json-bytes", "bytes"):
        body = body.encode("utf-8")
        content_type = "application/json" if as_ == "json-bytes" else None
    connection = connect(url, user, password)
    try:
        sender = connection.create_sender(INBOUND)
        message = Message(body=body, content_type=content_type,
                          properties={"clutch_type": message_type, "clutch_version": 1,
                                      "clutch_message_id": message_id, "_AMQ_DUPL_ID": message_id})
        if correlation_id != "-":
            message.correlation_id = correlation_id
        sender.send(message, timeout=60)
    finally:
        connection.close()


def receive(url, user, password, address, count, timeout):
    connection = connect(url, user, password)
    try:
        receiver = connection.create_receiver(address)
        for _ in range(count):
            message = receiver.receive(timeout=timeout)
            receiver.accept()
            body = message.body
            if isinstance(body, (bytes, memoryview)):
                body = bytes(body).decode("utf-8")
            print(json.dumps({
                "contentType": None if message.content_type is None else str(message.content_type),
                "correlationId": None if message.correlation_id is None else str(message.correlation_id),
                "properties": {str(k): (v if v is None or isinstance(v, (bool, int, float, str)) else str(v))
                               for k, v in (message.properties or {}).items()},
                "bodyIsText": isinstance(message.body, str),
                "body": body,
            }), flush=True)
    finally:
        connection.close()


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "send":
        send(*sys.argv[2:11])
    elif command == "receive":
        receive(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]), float(sys.argv[7]))
    else:
        sys.exit("unknown command " + command)

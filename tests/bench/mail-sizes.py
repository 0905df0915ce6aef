#!/usr/bin/env python3
"""The sizes of a mail as sent: the whole message, its html part and its
attachment (encoded bodies, as they travel), and its longest header line.

    python3 tests/bench/mail-sizes.py MESSAGE.eml [...]

Make the message with almaudit audit --format email ... -o MESSAGE.eml."""
import email
import email.policy
import sys


def sizes(path):
    raw = open(path, "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    html = attach = 0
    name = "-"
    for part in msg.walk():
        if part.is_multipart():
            continue
        body = part.get_payload(decode=False)
        n = len(body.encode("ascii", "replace")) if isinstance(body, str) else len(body)
        if part.get_filename():
            attach, name = n, part.get_filename()
        elif part.get_content_type() == "text/html":
            html = n
    head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    longest = max(len(line) for line in head.splitlines())
    return len(raw), html, attach, name, longest


print("%-40s %12s %10s %12s %7s  %s" % ("message", "bytes", "html", "attachment", "header", "attached"))
for p in sys.argv[1:]:
    total, html, attach, name, longest = sizes(p)
    print("%-40s %12s %10s %12s %7d  %s" % (p[-40:], f"{total:,}", f"{html:,}", f"{attach:,}", longest, name))

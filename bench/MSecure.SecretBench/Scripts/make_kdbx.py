"""Writes a KDBX 4 database for MSecure.SecretBench with pykeepass (Debian's python3-pykeepass).

Usage: make_kdbx.py <path> <entries> <memory KiB> <iterations> <parallelism>
The password is read from the environment variable MSECURE_BENCH_PASSWORD. The KDF is set to
Argon2id with exactly the given parameters (keepassxc-cli can only choose them from a target
decryption time); entries are the bench's logins: "login 000000" ..., their passwords protected.
"""
import base64
import os
import sys
import uuid

import pykeepass
from lxml import etree

ARGON2ID = uuid.UUID("9e298b19-56db-4773-b23d-fc3ec6f0a1e6").bytes


def main(path, entries, memory_kib, iterations, parallelism):
    kp = pykeepass.create_database(path, password=os.environ["MSECURE_BENCH_PASSWORD"])
    kdf = kp.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["$UUID"].value = ARGON2ID
    kdf["M"].value = memory_kib * 1024
    kdf["I"].value = iterations
    kdf["P"].value = parallelism
    # The header is written again from the values above, not copied from the template's bytes.
    del kp.kdbx.header["data"]

    # Entries go straight into the root group's XML: pykeepass's add_entry searches the whole
    # tree for a duplicate on each call, which is quadratic at 100,000 entries.
    group = kp.root_group._element
    for i in range(entries):
        entry = etree.SubElement(group, "Entry")
        etree.SubElement(entry, "UUID").text = base64.b64encode(uuid.UUID(int=i + 1).bytes).decode()
        for key, value, protected in (
            ("Title", f"login {i:06d}", False),
            ("UserName", f"user{i}@example.com", False),
            ("Password", f"pw-{i:08X}-first-Q7!zK", True),
            ("URL", f"https://site{i % 997}.example.com/login", False),
            ("Notes", "Recovery codes are in the safe; rotate every 90 days. Shared with nobody.", False),
        ):
            string = etree.SubElement(entry, "String")
            etree.SubElement(string, "Key").text = key
            element = etree.SubElement(string, "Value")
            element.text = value
            if protected:
                element.set("Protected", "True")
    kp.save()


if __name__ == "__main__":
    main(sys.argv[1], *(int(argument) for argument in sys.argv[2:6]))

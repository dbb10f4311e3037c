"""Privacy: a guard that refuses and logs every outbound connection a command's Python tries.

test_egress runs `transcribe run` with it in front (the whole pipeline must finish with the network refused and
try no connection), under strace as well; test_model_hub runs the model commands with it.
"""

from __future__ import annotations

GUARD = """
import json, os, socket

LOG = os.environ["NETGUARD_LOG"]

def _allowed(address):
    host = address[0] if isinstance(address, tuple) else address
    return isinstance(host, str) and (host.startswith("127.") or host in ("::1", "localhost") or host.startswith("/"))

def _deny(kind, address):
    with open(LOG, "a") as fh:
        fh.write(json.dumps([kind, repr(address)]) + "\\n")
    raise OSError(101, "network blocked by test")

_connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto

def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        _deny("connect", address)
    return _connect(self, address)

def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        _deny("connect_ex", address)
    return _connect_ex(self, address)

def sendto(self, data, *args):
    address = args[-1]
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        _deny("sendto", address)
    return _sendto(self, data, *args)

_getaddrinfo = socket.getaddrinfo

def getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost") and not str(host).startswith("127.") and str(host) != "::1":
        _deny("dns", host)
    return _getaddrinfo(host, *args, **kwargs)

socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto = connect, connect_ex, sendto
socket.getaddrinfo = getaddrinfo
"""

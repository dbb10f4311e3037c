"""Reading strace's log: every internet contact and every path a traced command wrote.

The log comes from `strace -f -y -s 512 -e trace=...` (see transcribe.privacy): one line per system
call, prefixed by the thread id; a call interrupted by another thread's is split into `<unfinished ...>`
and `<... resumed>` halves. With -y, file descriptors carry their paths (`3</srv/out/x.json>`,
`AT_FDCWD</srv>`), so relative paths resolve against the calling process's own directory.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

NET_CALLS = ("connect", "sendto", "sendmsg", "sendmmsg")
FILE_CALLS = ("open", "openat", "openat2", "creat", "mkdir", "mkdirat", "rename", "renameat", "renameat2",
              "link", "linkat", "symlink", "symlinkat")  # fmt: skip
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
# Local name-service daemons: a lookup through them can query DNS on the process's behalf.
RESOLVER_SOCKETS = ("/var/run/nscd/socket", "/run/nscd/socket", "/run/systemd/resolve/")


@dataclass(frozen=True)
class Contact:
    call: str
    family: str  # AF_INET, AF_INET6 or AF_UNIX (a local resolver)
    address: str
    port: int = 0
    dns_name: str | None = None

    @property
    def local(self) -> bool:
        if self.family == "AF_UNIX":
            return False  # only resolver sockets are recorded
        if self.port == 53:
            return False  # a DNS query, even to a local stub resolver, asks the network
        try:
            ip = ipaddress.ip_address(self.address.split("%")[0])
        except ValueError:
            return False
        mapped = getattr(ip, "ipv4_mapped", None)
        return ip.is_loopback or ip.is_unspecified or bool(mapped and mapped.is_loopback)

    def __str__(self) -> str:
        where = self.address if self.family == "AF_UNIX" else f"{self.address}:{self.port}"
        if self.family == "AF_INET6":
            where = f"[{self.address}]:{self.port}"
        return where + (f" (DNS {self.dns_name})" if self.dns_name else "")


_LINE = re.compile(r"^(\d+)\s+(.*)$")
_CALL = re.compile(r"^(\w+)\((.*)\)\s+=\s+(-?\d+|\?)(.*)$", re.S)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_INET = re.compile(r"sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\(\"([^\"]+)\"\)")
_INET6 = re.compile(r"sa_family=AF_INET6, sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, \"([^\"]+)\"")
_UNIX = re.compile(r'sa_family=AF_UNIX, sun_path=@?"([^"]+)"')
_FD = re.compile(r"^(\d+)")
_AT_CWD = re.compile(r"AT_FDCWD<([^>]*)>")
_RET_PATH = re.compile(r"^<(.*)>")
_DIRFD = re.compile(r"^(?:AT_FDCWD|\d+)<([^>]*)>")


def _unescape(text: str) -> bytes:
    """strace's C-style string escapes back to bytes."""
    out, i = bytearray(), 0
    simple = {"n": 10, "t": 9, "r": 13, "v": 11, "f": 12, "a": 7, "b": 8}
    while i < len(text):
        c = text[i]
        if c != "\\" or i + 1 == len(text):
            out += c.encode("utf-8")
            i += 1
        elif text[i + 1] in "01234567":
            j = i + 1
            while j < len(text) and j < i + 4 and text[j] in "01234567":
                j += 1
            out.append(int(text[i + 1 : j], 8) & 0xFF)
            i = j
        elif text[i + 1] == "x" and re.match(r"[0-9a-fA-F]{2}", text[i + 2 : i + 4]):
            out.append(int(text[i + 2 : i + 4], 16))
            i += 4
        else:
            out.append(simple.get(text[i + 1], ord(text[i + 1]) & 0xFF))
            i += 2
    return bytes(out)


def dns_query_name(payload: bytes) -> str | None:
    """The name asked for in a DNS query packet (header, then length-prefixed labels)."""
    labels, i = [], 12
    while i < len(payload):
        n = payload[i]
        if n == 0:
            return ".".join(labels) if labels else None
        if n > 63 or i + 1 + n > len(payload):
            return None
        labels.append(payload[i + 1 : i + 1 + n].decode("ascii", errors="replace"))
        i += 1 + n
    return None


def _address(args: str) -> tuple[str, str, int] | None:
    if m := _INET.search(args):
        return "AF_INET", m.group(2), int(m.group(1))
    if m := _INET6.search(args):
        return "AF_INET6", m.group(2), int(m.group(1))
    if (m := _UNIX.search(args)) and any(m.group(1).startswith(s) for s in RESOLVER_SOCKETS):
        return "AF_UNIX", m.group(1), 0
    return None


def _args(args: str) -> list[str]:
    """Top-level comma-separated arguments (strings and braces kept whole)."""
    parts, depth, cur, quoted, i = [], 0, [], False, 0
    while i < len(args):
        c = args[i]
        if quoted:
            cur.append(c)
            if c == "\\" and i + 1 < len(args):
                cur.append(args[i + 1])
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
            cur.append(c)
        elif c in "{[(":
            depth += 1
            cur.append(c)
        elif c in "}])":
            depth -= 1
            cur.append(c)
        elif c == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    if cur:
        parts.append("".join(cur).strip())
    return parts


def _path_arg(arg: str, base: Path) -> Path | None:
    m = _QUOTED.match(arg.split("<")[0] if not arg.startswith('"') else arg)
    if not m:
        return None
    path = Path(os.fsdecode(_unescape(m.group(1))))
    return path if path.is_absolute() else base / path


def _merge_unfinished(text: str) -> Iterable[tuple[int, str]]:
    """Join `call(... <unfinished ...>` with its later `<... call resumed>...` line of the same thread."""
    pending: dict[int, str] = {}
    for raw in text.splitlines():
        m = _LINE.match(raw)
        if not m:
            continue
        pid, rest = int(m.group(1)), m.group(2)
        if rest.endswith("<unfinished ...>"):
            pending[pid] = rest[: -len("<unfinished ...>")].rstrip()
            continue
        if rest.startswith("<... "):
            head = pending.pop(pid, "")
            rest = head + rest.split("resumed>", 1)[-1] if head else ""
        if rest:
            yield pid, rest


def parse_log(text: str, cwd: Path) -> tuple[list[Contact], list[Path]]:
    """Every internet-family (or resolver) contact and every path written, in log order."""
    contacts: list[Contact] = []
    written: list[Path] = []
    peers: dict[tuple[int, str], tuple[str, str, int]] = {}  # (pid, fd) -> connected peer
    cwds: dict[int, Path] = {}
    for pid, line in _merge_unfinished(text):
        m = _CALL.match(line)
        if not m:
            continue
        call, args, ret, after = m.group(1), m.group(2), m.group(3), m.group(4)
        if cw := _AT_CWD.search(args):
            cwds[pid] = Path(cw.group(1))
        base = cwds.get(pid, cwd)
        if call in NET_CALLS:
            fd_match = _FD.match(args)
            fd = fd_match.group(1) if fd_match else ""
            peer = _address(args)
            if call == "connect":
                if peer is None:
                    peers.pop((pid, fd), None)
                    continue
                if peer[0] == "AF_UNIX" and ret != "0":
                    continue  # no resolver daemon listening: nothing was asked
                peers[(pid, fd)] = peer
                contacts.append(Contact(call, *peer))
                continue
            peer = peer or peers.get((pid, fd))
            if peer is None:
                continue
            quoted = _QUOTED.search(args)
            name = dns_query_name(_unescape(quoted.group(1))) if quoted and peer[2] == 53 else None
            contacts.append(Contact(call, *peer, dns_name=name))
            continue
        if ret == "?" or ret.startswith("-"):
            continue  # failed: nothing was written
        parts = _args(args)
        if call in ("open", "openat", "openat2", "creat"):
            flags = parts[1] if call in ("open", "creat") else (parts[2] if len(parts) > 2 else "")
            if call != "creat" and not any(f in flags for f in WRITE_FLAGS):
                continue
            rp = _RET_PATH.match(after.strip())
            path = Path(rp.group(1)) if rp else _resolve(parts[:2] if call.endswith("at") else parts[:1], base)
        elif call in ("mkdir", "link", "symlink", "rename"):
            path = _path_arg(parts[0 if call == "mkdir" else 1], base)
        elif call == "mkdirat":
            path = _resolve(parts[:2], base)
        else:  # renameat, renameat2, linkat, symlinkat: the new name
            path = _resolve(parts[1:3] if call == "symlinkat" else parts[2:4], base)
        if path is not None:
            written.append(path)
    return contacts, written


def _resolve(parts: list[str], base: Path) -> Path | None:
    """(dirfd, "path") or ("path",) as an absolute path; dirfds carry their path with strace -y."""
    if len(parts) == 1:
        return _path_arg(parts[0], base)
    d = _DIRFD.match(parts[0])
    return _path_arg(parts[1], Path(d.group(1)) if d else base)

# SPDX-License-Identifier: GPL-2.0-or-later
# listen.py DIR PORT... - the server side of the traffic tests: accepts TCP
# connections (IPv4 and IPv6) on each PORT, answers "ok", and appends
# "PORT PEER" for each one to DIR/peers.  DIR/ready appears once every port
# listens.  Runs until killed; run it as /usr/bin/python3 listen.py.
import os
import select
import socket
import sys


def main():
    out = sys.argv[1]
    socks = {}
    for arg in sys.argv[2:]:
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.bind(("::", int(arg)))
        s.listen(16)
        socks[s] = int(arg)
    fd = os.open(os.path.join(out, "ready"),
                 os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    os.close(fd)
    peers = os.open(os.path.join(out, "peers"),
                    os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                    | os.O_APPEND, 0o600)
    while True:
        ready, _, _ = select.select(list(socks), [], [])
        for s in ready:
            conn, peer = s.accept()
            addr = peer[0]
            if addr.startswith("::ffff:"):
                addr = addr[7:]
            os.write(peers, ("%d %s\n" % (socks[s], addr)).encode())
            try:
                conn.sendall(b"ok")
            except OSError:
                pass
            conn.close()


main()

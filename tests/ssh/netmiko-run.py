#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Drive vrfsh over SSH with Netmiko's cisco_ios driver; print JSON.

Usage: netmiko-run.py --port N --user U (--key FILE | --password PW)
                      [--secret PW] [--enable] [--textfsm]
                      [--config LINE]... [--session-log FILE] [CMD...]

Connects to 127.0.0.1 with device_type cisco_ios (session preparation:
the prompt, terminal length 0, terminal width 511), optionally enters
enable mode, sends the --config lines with send_config_set, then each CMD
with send_command (use_textfsm=True with --textfsm; NET_TEXTFSM names the
ntc-templates directory).  Prints one JSON object: prompt, config (the
send_config_set output), results (command, output: text, or the list of
records TextFSM made) and, on failure, error; exit status 1 on failure.
"""

import argparse
import json
import sys
import time


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--key")
    ap.add_argument("--password")
    ap.add_argument("--secret", default="")
    ap.add_argument("--enable", action="store_true")
    ap.add_argument("--textfsm", action="store_true")
    ap.add_argument("--config", action="append", default=[])
    ap.add_argument("--session-log")
    ap.add_argument("--timeout", type=int, default=10)
    ap.add_argument("commands", nargs="*")
    return ap.parse_args()


def connect(a):
    from netmiko import ConnectHandler

    params = dict(device_type="cisco_ios", host="127.0.0.1", port=a.port,
                  username=a.user, secret=a.secret, timeout=a.timeout,
                  allow_agent=False, ssh_strict=False,
                  system_host_keys=False)
    if a.key:
        params.update(use_keys=True, key_file=a.key)
    if a.password:
        params.update(password=a.password)
    if a.session_log:
        params.update(session_log=a.session_log)
    return ConnectHandler(**params)


def run(a, result):
    t0 = time.monotonic()
    conn = connect(a)
    result["connect_seconds"] = round(time.monotonic() - t0, 2)
    try:
        result["prompt"] = conn.find_prompt()
        if a.enable:
            conn.enable()
            result["enable_prompt"] = conn.find_prompt()
        if a.config:
            result["config"] = conn.send_config_set(a.config)
        for cmd in a.commands:
            t1 = time.monotonic()
            r = {"command": cmd}
            try:
                r["output"] = conn.send_command(cmd, use_textfsm=a.textfsm)
            except Exception as e:  # noqa: BLE001 - reported, not hidden
                r["error"] = "%s: %s" % (type(e).__name__, e)
            r["seconds"] = round(time.monotonic() - t1, 2)
            result["results"].append(r)
    finally:
        t1 = time.monotonic()
        conn.disconnect()
        result["disconnect_seconds"] = round(time.monotonic() - t1, 2)


def main():
    a = parse_args()
    result = {"results": []}
    status = 0
    try:
        run(a, result)
    except Exception as e:  # noqa: BLE001 - the report wants every failure
        result["error"] = "%s: %s" % (type(e).__name__, e)
        status = 1
    if any("error" in r for r in result["results"]):
        status = 1
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return status


if __name__ == "__main__":
    sys.exit(main())

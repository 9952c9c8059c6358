#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The privilege matrix: credentials (root; nobody without capabilities;
# root's uid with CAP_NET_ADMIN alone; with CAP_SYS_ADMIN alone; the
# operator set-up of doc/operators.md: an account of group vrfsh running
# a root:vrfsh 0750 copy with file capabilities, group-writable setgid
# /run/netns, /run/vrfsh and configuration directory) against every kind
# of command.  Each is allowed or refused with its exact message; when
# refused, nothing changed (ip -j, nft -j and the files are the witness).
# Also: enable with a secret, wrong and right; shell as the operator runs
# as the operator without capabilities; no service shell.
# (tests/vrf/perm.sh covers nobody's show commands and refusals in depth.)
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"
t0=$tmp
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ssh/lib.sh"
rm -rf "$t0"

ssh_need setpriv setcap getcap nft findmnt
ssh_guard
SSH_DIR=$(mktemp -d /run/vrfsh-priv.XXXXXX) || exit 99
chmod 0755 "$SSH_DIR"
mkdir -m 0755 "$SSH_DIR/etc" "$SSH_DIR/priv" "$SSH_DIR/home"
trap 'ssh_cleanup; rm -rf "$tmp"' EXIT
ssh_bind_etc passwd 0644 && ssh_bind_etc group 0644 &&
ssh_bind_etc shadow 0640 && ssh_bind_etc gshadow 0640 || exit 99
ssh_private_sysconf
ssh_install_caps
CONFDIR=${SSH_STARTUP%/*}

# the operator account "op", member of group vrfsh
OPUID=$(ssh_free_id passwd)
OPGID=$(ssh_add_group op)
echo "op:x:$OPUID:$OPGID:operator:$SSH_DIR/home/op:/bin/sh" \
	>>"$SSH_DIR/etc/passwd"
mkdir -m 0700 "$SSH_DIR/home/op" && chown "$OPUID:$OPGID" "$SSH_DIR/home/op"
ssh_group_add op vrfsh
VGID=$(ssh_add_group vrfsh)
# doc/operators.md, steps 3 and 4
chown root:vrfsh /run/netns /run/vrfsh "$CONFDIR" &&
chmod 2775 /run/netns && chmod 2770 /run/vrfsh && chmod 2770 "$CONFDIR" ||
	exit 99

NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all"
ONLY_NET="setpriv --inh-caps=-all,+net_admin --ambient-caps=-all,+net_admin --bounding-set=-all,+net_admin"
ONLY_SYS="setpriv --inh-caps=-all,+sys_admin --ambient-caps=-all,+sys_admin --bounding-set=-all,+sys_admin"
OPER="setpriv --reuid=$OPUID --regid=$OPGID --init-groups --inh-caps=-all"

expect_eq "operator: in group vrfsh" \
	"$($OPER id -G | tr ' ' '\n' | grep -cx "$VGID")" 1
expect_eq "operator: no capability of its own" \
	"$($OPER sh -c 'grep ^CapEff: /proc/self/status' | awk '{print $2}')" \
	0000000000000000
expect_eq "CAP_NET_ADMIN alone" \
	"$($ONLY_NET sh -c 'grep ^CapEff: /proc/self/status' | awk '{print $2}')" \
	0000000000001000
expect_eq "CAP_SYS_ADMIN alone" \
	"$($ONLY_SYS sh -c 'grep ^CapEff: /proc/self/status' | awk '{print $2}')" \
	0000000000200000

SECRET='s3cret-Pass'
# as CRED ARGS... : vrfsh with the credentials CRED (root nobody net sys
# op); the operator runs the capability-carrying copy and starts with
# enable and the right secret unless ARGS start with -n
as() {
	who=$1
	shift
	nopre=
	[ "$1" != -n ] || { nopre=1; shift; }
	case $who in
	root) pre= bin=$VRFSH ;;
	nobody) pre=$NOBODY bin=$VRFSH ;;
	net) pre=$ONLY_NET bin=$VRFSH ;;
	sys) pre=$ONLY_SYS bin=$VRFSH ;;
	op)
		pre=$OPER bin=$SSH_VRFSH_CAPS
		[ -n "$nopre" ] || set -- -c enable -c "$SECRET" "$@"
		;;
	esac
	# shellcheck disable=SC2086
	(cd / && env -u VRFSH_CONFIG $pre "$bin" "$@") \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# witness FILE : the kernel (every namespace's links, addresses, routes,
# forwarding; nftables) and vrfsh's files (state, configuration)
witness() {
	snapshot "$1"
	{
		for n in default $(vrfs); do
			echo "== routes $n"
			ns_ip "$n" -j route show table all | jq -S -c '.[]'
			echo "== nft $n"
			if [ "$n" = default ]; then nft -j list ruleset
			else ip netns exec "$n" nft -j list ruleset; fi |
				jq -S -c '.nftables[] | del(.metainfo) |
					walk(if type == "object" then
					del(.handle, .counter) else . end)'
		done
		echo "== files"
		# not the owner: a digest rewritten unchanged may change it
		find /run/vrfsh "$CONFDIR" -printf '%p %G %m %s\n' | sort
		find /run/vrfsh "$CONFDIR" -type f -exec md5sum {} + | sort
	} >>"$1"
}

# baseline : as root, the configuration every case starts from
baseline() {
	"$VRFSH" --keep-going -c 'configure terminal' -c 'no vrf Red' \
		-c 'no interface b1' -c 'no ip route 10.8.0.0 255.255.0.0 Null0' \
		-c 'no ip access-list standard A1' >/dev/null 2>&1
	"$VRFSH" --keep-going -c 'configure terminal' -c 'no ip access-list standard A1' \
		-c 'interface va' -c 'no ip nat inside' -c 'ip address 10.0.0.1/24' \
		-c 'no shutdown' >/dev/null 2>&1
	ip netns list | grep -q '^Blue' ||
		"$VRFSH" -c 'configure terminal' -c 'vrf Blue' >/dev/null
	rm -f "$SSH_STARTUP" "$SSH_STARTUP.bak"
	rm -rf "$CONFDIR/archive"
	settle
	witness "$tmp/before"
}

# config WHO CMD... : as WHO, the commands in global configuration mode
config() {
	w=$1
	shift
	n=$#
	set -- "$@" -c 'configure terminal'
	while [ $n -gt 0 ]; do
		set -- "$@" -c "$1"
		shift
		n=$((n - 1))
	done
	as "$w" "$@"
}

# refused LABEL WANT-ERR : the last run failed with exactly WANT-ERR on
# standard error and nothing changed
refused() {
	expect_eq "$1: refused" "$rc:$err" "1:$2"
	witness "$tmp/after"
	if cmp -s "$tmp/before" "$tmp/after"; then ok; else
		fail "$1 changed something: $(diff "$tmp/before" "$tmp/after")"
		baseline
	fi
}

# allowed LABEL : the last run succeeded silently on standard error
allowed() {
	expect_eq "$1: allowed" "$rc:$err" "0:"
}

"$VRFSH" -c 'configure terminal' -c 'interface va type veth peer vb' \
	-c 'ip address 10.0.0.1/24' -c 'no shutdown' -c 'interface vb' -c 'no shutdown' -c 'exit' \
	-c 'enable secret 0 '"$SECRET" || fail "setup"
baseline

LVL="needs privilege level 15 (enable)"
NEED_SYS="it needs CAP_SYS_ADMIN"
NEED_NET="it needs CAP_NET_ADMIN"

# ---- the level each starts at
for w in root net sys; do
	as "$w" -c 'show privilege'
	expect_eq "$w: starts at 15" "$rc:$out" "0:Current privilege level is 15"
done
for w in nobody op; do
	as "$w" -n -c 'show privilege'
	expect_eq "$w: starts at 1" "$rc:$out" "0:Current privilege level is 1"
done

# ---- show: allowed for all
for w in root nobody net sys op; do
	as "$w" -n -c 'show vrf'
	allowed "$w show vrf"
	expect_match "$w show vrf: default" "$out" '^  default '
	as "$w" -n -c 'show ip route'
	allowed "$w show ip route"
	expect_match "$w show ip route: connected" "$out" '10\.0\.0\.0/24'
done

# ---- enable with a secret
# nobody is not of group vrfsh: the secret's record is not theirs to read
as nobody -n -c enable -c wrong -c 'show privilege'
refused "nobody enable" "-c 1: % Error: Permission denied: cannot read enable-secret (/run/vrfsh: Permission denied)"
as op -n -c enable -c wrong -c 'show privilege'
refused "op enable, wrong secret" "-c 2: % Bad secrets"
as op -n -c enable -c "$SECRET" -c 'show privilege'
expect_eq "op enable, right secret" "$rc:$err:$out" \
	"0::Current privilege level is 15"

# ---- vrf create
config root 'vrf Red'
allowed "root vrf Red"
expect_eq "root vrf Red: made" "$(vrfs)" "Blue Red"
baseline
config nobody 'vrf Red'
refused "nobody vrf Red" "-c 1: % Permission denied: 'configure' $LVL"
config net 'vrf Red'
refused "net vrf Red" "-c 2: % Error: Permission denied: cannot create VRF Red (make /run/netns shared: Operation not permitted; $NEED_SYS)"
config sys 'vrf Red'
refused "sys vrf Red" "-c 2: % Error: Permission denied: cannot create VRF Red (bring lo up: Operation not permitted; $NEED_NET)"
config op 'vrf Red'
allowed "op vrf Red"
expect_eq "op vrf Red: made" "$(vrfs)" "Blue Red"
baseline

# ---- vrf delete
config nobody 'no vrf Blue'
refused "nobody no vrf Blue" "-c 1: % Permission denied: 'configure' $LVL"
config net 'no vrf Blue'
refused "net no vrf Blue" "$(cat "$tmp/err")"
expect_match "net no vrf Blue: message" "$err" \
	'^-c 2: % Error: Permission denied: .*Blue.*CAP_SYS_ADMIN'
config sys 'no vrf Blue'
refused "sys no vrf Blue" "$(cat "$tmp/err")"
expect_match "sys no vrf Blue: message" "$err" \
	'^-c 2: % Error: Permission denied: .*Blue.*CAP_NET_ADMIN'
config op 'no vrf Blue'
allowed "op no vrf Blue"
expect_eq "op no vrf Blue: gone" "$(vrfs)" ""
baseline
config root 'no vrf Blue'
allowed "root no vrf Blue"
baseline

# ---- interface create, address, shutdown
for w in root net op; do
	config "$w" 'interface b1 type bridge'
	allowed "$w bridge"
	expect_eq "$w bridge: made" "$(jlink default b1 .linkinfo.info_kind)" \
		'"bridge"'
	baseline
	config "$w" 'interface va' 'ip address 10.1.1.1/24'
	allowed "$w ip address"
	expect_eq "$w ip address: set" "$(addrs default va 4)" 10.1.1.1/24
	baseline
	config "$w" 'interface va' 'shutdown'
	allowed "$w shutdown"
	expect_eq "$w shutdown: down" "$(is_up default va)" false
	baseline
	config "$w" 'ip route 10.8.0.0 255.255.0.0 Null0'
	allowed "$w ip route"
	expect_eq "$w ip route: the kernel's" \
		"$(ip -j route show 10.8.0.0/16 | jq -r '.[0].type')" blackhole
	baseline
	if [ "$w" = net ]; then
		# lists and NAT are global: they reach into every VRF
		config net 'ip access-list standard A1' \
			'permit 10.0.0.0 0.255.255.255'
		refused "net access-list" "-c 2: % Error: Permission denied: cannot open access list A1 (Operation not permitted; $NEED_SYS)"
		# a NAT role is the VRF's own: allowed in the default VRF
		config net 'interface va' 'ip nat inside'
		allowed "net ip nat inside"
		expect_eq "net ip nat inside: nftables" "$(nft -j list ruleset |
			jq -c '[.nftables[].set | select(.name == "nat-inside") |
			.elem] | .[0]')" '["va"]'
		baseline
		continue
	fi
	config "$w" 'ip access-list standard A1' 'permit 10.0.0.0 0.255.255.255'
	allowed "$w access-list"
	expect_match "$w access-list: nftables" \
		"$(nft -j list ruleset | jq -r '.nftables[].chain.name // empty')" \
		'A1'
	baseline
	config "$w" 'interface va' 'ip nat inside'
	allowed "$w ip nat inside"
	expect_eq "$w ip nat inside: nftables" "$(nft -j list ruleset |
		jq -c '[.nftables[].set | select(.name == "nat-inside") |
		.elem] | .[0]')" '["va"]'
	baseline
done
config nobody 'interface b1 type bridge'
refused "nobody bridge" "-c 1: % Permission denied: 'configure' $LVL"
for c in 'interface va|ip address 10.1.1.1/24' 'interface va|shutdown' \
	 'ip route 10.8.0.0 255.255.0.0 Null0' \
	 'ip access-list standard A1|permit 10.0.0.0 0.255.255.255' \
	 'interface va|ip nat inside' 'interface b1 type bridge'; do
	IFS='|'
	# shellcheck disable=SC2086
	set -- $c
	unset IFS
	config sys "$@"
	[ "$rc" -eq 1 ] && ok || fail "sys $c: rc=$rc"
	refused "sys $c" "$err"
	# the nftables ones do not say which right is missing
	expect_match "sys $c: message" "$err" \
		"^-c [0-9]: % Error: Permission denied: .*\(Operation not permitted(; $NEED_NET)?\)$"
	config nobody "$@"
	refused "nobody $c" "-c 1: % Permission denied: 'configure' $LVL"
done

# ---- write memory
as nobody -c 'write memory'
refused "nobody write memory" "-c 1: % Permission denied: 'write' $LVL"
as sys -c 'write memory'
refused "sys write memory (nftables unreadable)" "-c 1: % Error: Permission denied: cannot read the access lists and NAT of VRF default (they are left out) (Operation not permitted)
-c 1: % Error: Permission denied: cannot read the access lists and NAT of VRF Blue (they are left out) (Operation not permitted)
-c 1: % Error: Configuration not saved: $SSH_STARTUP is unchanged"
as net -c 'write memory'
refused "net write memory (Blue cannot be entered)" "$err"
expect_match "net write memory: message" "$err" \
	"Configuration not saved: $SSH_STARTUP is unchanged\$"
as op -c 'write memory'
allowed "op write memory"
expect_eq "op write memory: the operator's file, the group's, 0640" \
	"$(stat -c '%u:%g %a' "$SSH_STARTUP")" "$OPUID:$VGID 640"
expect_match "op write memory: the secret's hash in it" \
	"$(cat "$SSH_STARTUP")" '^enable secret 9 \$'
# root applies what the operator wrote
"$VRFSH" -b >/dev/null 2>"$tmp/boot"
expect_eq "root vrfsh -b of the operator's file" "$?:$(cat "$tmp/boot")" "0:"
baseline

# ---- configure replace from a path
"$VRFSH" -c 'show running-config' >"$SSH_DIR/home/open.conf"
chmod 0644 "$SSH_DIR/home/open.conf"
printf '%s\n' 'ip route 10.8.0.0 255.255.0.0 Null0' >>"$SSH_DIR/home/open.conf"
cp "$SSH_DIR/home/open.conf" "$SSH_DIR/home/root.conf"
chmod 0600 "$SSH_DIR/home/root.conf"
as nobody -c 'configure replace /run/x force'
refused "nobody configure replace" "-c 1: % Permission denied: 'configure' $LVL"
as op -c "configure replace $SSH_DIR/home/root.conf force"
refused "op configure replace of a root-only file" \
	"-c 3: % Error: Cannot read $SSH_DIR/home/root.conf: Permission denied"
as op -c "configure replace $SSH_DIR/home/open.conf force"
[ "$rc" -eq 0 ] && ok || fail "op configure replace: rc=$rc err=[$err]"
expect_eq "op configure replace: the route" \
	"$(ip -j route show 10.8.0.0/16 | jq -r '.[0].type')" blackhole
baseline
as op -n -f "$SSH_DIR/home/root.conf"
expect_eq "op -f of a root-only file: refused" "$rc:$err" \
	"2:vrfsh: cannot open $SSH_DIR/home/root.conf: Permission denied"

# ---- enable secret, service shell: the caller's own rights
as op -c 'configure terminal' -c 'enable secret 0 other'
refused "op enable secret" \
	"-c 4: % Permission denied: 'enable secret' needs the caller's own rights (root), not those of vrfsh's file capabilities"
as op -c 'configure terminal' -c 'no enable secret'
refused "op no enable secret" \
	"-c 4: % Permission denied: 'no enable secret' needs the caller's own rights (root), not those of vrfsh's file capabilities"
# a member of the group replaces the secret's record from a shell: the
# secret then counts for no one but root (enable refused), not changed
R=/run/vrfsh/enable-secret
as op -c "shell cp $R/default $R/x && mv -f $R/x $R/default"
allowed "op shell: the record replaced"
expect_eq "op shell: the record now the operator's" "$(stat -c %u $R/default)" \
	"$OPUID"
as op -n -c enable -c "$SECRET"
expect_eq "op enable of a planted secret: refused" "$rc:$err" \
	"1:-c 1: % Error: Cannot use enable-secret: root did not write it (its owner is uid $OPUID)"
as root -c 'show privilege'
allowed "root with a planted secret"
config root "enable secret 0 $SECRET"
allowed "root sets the secret again"
expect_eq "root's record" "$(stat -c %u $R/default)" 0
witness "$tmp/before"
as nobody -c 'configure terminal' -c 'enable secret 0 other'
refused "nobody enable secret" "-c 1: % Permission denied: 'configure' $LVL"

# ---- shell
as nobody -c 'shell id -u'
refused "nobody shell" "-c 1: % Permission denied: 'shell' $LVL"
as root -c 'shell id -u'
expect_eq "root shell" "$rc:$out" "0:0"
as op -c 'shell id -u; id -g; grep -E "^Cap(Eff|Prm|Amb):" /proc/self/status'
expect_eq "op shell: the operator's ids, no capability" "$rc:$err:$out" \
	"0::$OPUID
$OPGID
CapPrm:	0000000000000000
CapEff:	0000000000000000
CapAmb:	0000000000000000"
for f in /etc/shadow "$SSH_DIR/home/root.conf"; do
	as op -c "shell vrf Blue cat $f"
	expect_match "op shell: cannot read $f" "$rc:$out:$err" \
		"^1::cat: $f: Permission denied"
done
as op -c 'configure terminal' -c 'no service shell'
allowed "op no service shell"
witness "$tmp/before"
as op -c 'configure terminal' -c 'service shell'
refused "op service shell" \
	"-c 4: % Permission denied: 'service shell' needs the caller's own rights (root), not those of vrfsh's file capabilities"
for w in op root; do
	as "$w" -c 'shell id -u'
	refused "$w shell after no service shell" \
		"-c $([ $w = op ] && echo 3 || echo 1): % Permission denied: shell is switched off here ('no service shell')"
done
config root 'service shell'
allowed "root service shell"
as op -c 'shell true'
allowed "op shell again"

# ---- the operator's environment and options name no file
as op -n --config "$SSH_DIR/home/root.conf" -c 'show startup-config'
expect_match "op --config: ignored" "$err" \
	'^vrfsh: --config is ignored: vrfsh runs with rights that you do not have$'
VRFSH_STATE_DIR=$SSH_DIR/home $OPER "$SSH_VRFSH_CAPS" -c enable \
	-c "$SECRET" -c 'configure terminal' -c 'ip route 10.8.0.0 255.255.0.0 Null0' \
	>/dev/null 2>&1
expect_eq "op VRFSH_STATE_DIR: ignored" \
	"$(ls "$SSH_DIR/home" | tr '\n' ' ')" "op open.conf root.conf "
[ -d /run/vrfsh/static ] && ok || fail "op VRFSH_STATE_DIR: not in /run/vrfsh"
baseline

finish

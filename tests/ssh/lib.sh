# SPDX-License-Identifier: GPL-2.0-or-later
# SSH test harness: drives vrfsh over SSH as network teams' tools do.
#
# Sourced by tests that already run inside tests/sandbox.sh.  Everything
# lives in a directory on the sandbox's private /run (a tmpfs that dies
# with the sandbox): host keys, sshd_config, the operator accounts, the
# client keys, Ansible's and Netmiko's files.  The accounts come from
# copies of /etc/passwd, /etc/group, /etc/shadow and /etc/gshadow that
# are bind-mounted over the originals in the sandbox's private mount
# namespace; the host's /etc is never written.  sshd listens on
# 127.0.0.1 of the sandbox's own network namespace.
#
# API (all functions set $out, $err and $rc where they run something):
#   ssh_need PROG...            exit 77 unless every PROG is installed
#   ssh_init                    temp dir, private accounts, host name,
#                               a private directory for $SSH_STARTUP
#   ssh_add_user NAME [SHELL [PASSWORD]]   an account (key auth; a
#                               password too when PASSWORD is given)
#   ssh_add_admin NAME [SHELL]  an account with uid 0 (key auth)
#   ssh_group_add USER GROUP    USER joins GROUP (made when missing)
#   ssh_install_vrfsh           copy of $VRFSH any account may run
#   ssh_install_caps            copy of $VRFSH, root:vrfsh 0750, with
#                               cap_net_admin,cap_sys_admin,cap_net_raw+ep
#   ssh_force_wrapper [VRFSH]   a ForceCommand wrapper (runs
#                               $SSH_ORIGINAL_COMMAND with vrfsh -c)
#   ssh_start [shell|force [CMD]]  sshd; `force` adds ForceCommand CMD
#   ssh_stop                    stops sshd and every session
#   ssh_op CMD...               `ssh op@host 'CMD'`, no terminal
#   ssh_as USER CMD...          the same as another account
#   ssh_op_in INPUT [CMD...]    the same with INPUT on standard input
#   ssh_session CMD...          interactive (expect, a pty): waits for
#                               the prompt, sends each CMD, then exit;
#                               $out is the transcript without CRs
#   ssh_expect SCRIPT [ARGS...] runs an expect script; the ssh command
#                               line is in $env(SSH_SPAWN)
#   ssh_ansible_init            inventory and ansible.cfg in the temp dir
#   ssh_playbook FILE [ARGS...] ansible-playbook, JSON results in $out
#   ssh_ios_task MODULE YAML    one task of MODULE with the args YAML;
#                               sets $task_failed, $task_changed,
#                               $task_msg and $task_json
#   ssh_task_summary            name, changed, failed, msg of each task
#   ssh_netmiko ARGS...         tests/ssh/netmiko-run.py (JSON output)
#
# Knobs: SSH_USER (op), SSH_HOSTNAME (R1), SSH_TIMEOUT (10 s),
# SSH_PASSWORD_AUTH (no), SSH_ANSIBLE_DEBUG (-vvvv and a full log),
# SSH_NET_TEXTFSM (the ntc-templates directory with its index, for
# use_textfsm; default $top_srcdir/tests/ntc).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

SSH_USER=${SSH_USER:-op}
SSH_HOSTNAME=${SSH_HOSTNAME:-R1}
SSH_TIMEOUT=${SSH_TIMEOUT:-10}
SSH_PASSWORD_AUTH=${SSH_PASSWORD_AUTH:-no}
SSH_ROOT_LOGIN=no
SSH_SSHD=/usr/sbin/sshd
SSH_PY=/usr/bin/python3
SSH_DIR=
SSH_PORT=
SSH_USERS=
SSH_VRFSH=
SSH_VRFSH_CAPS=
SSH_STARTUP=
SSH_SYSCONF_MNT=

# ssh_need PROG... : exit 77 (SKIP) naming the first missing program
ssh_need() {
	for p in "$@"; do
		case $p in
		/*) [ -x "$p" ] && continue ;;
		*) command -v "$p" >/dev/null 2>&1 && continue ;;
		esac
		echo "$p is not installed: skipping" >&2
		exit 77
	done
}

# ssh_guard : refuse (exit 99) unless network, mount and /run are private
ssh_guard() {
	if [ -z "$VRFSH_SANDBOX" ]; then
		echo "not in the sandbox: refusing to run sshd" >&2
		exit 99
	fi
	for ns in net mnt; do
		if [ "$(readlink /proc/1/ns/$ns)" = "$(readlink /proc/$$/ns/$ns)" ]
		then
			echo "the $ns namespace is the host's: refusing" >&2
			exit 99
		fi
	done
	if [ "$(findmnt -n -o SOURCE /run)" != vrfsh-run ]; then
		echo "/run is not the sandbox's tmpfs: refusing" >&2
		exit 99
	fi
}

# ssh_bind_etc FILE MODE : a private copy of /etc/FILE over the original
ssh_bind_etc() {
	f=$SSH_DIR/etc/$1
	if [ -e "/etc/$1" ]; then cat "/etc/$1" >"$f"; else : >"$f"; fi
	chmod "$2" "$f"
	[ -e "/etc/$1" ] || return 0
	mount --bind "$f" "/etc/$1"
}

# ssh_init : the temp dir on the sandbox's /run, private account files,
# the host name the prompts show; cleanup on exit
ssh_init() {
	ssh_need "$SSH_SSHD" ssh ssh-keygen findmnt openssl
	ssh_guard
	SSH_DIR=$(mktemp -d /run/vrfsh-ssh.XXXXXX) || exit 99
	chmod 0755 "$SSH_DIR"
	mkdir -m 0755 "$SSH_DIR/etc" "$SSH_DIR/home" "$SSH_DIR/bin" \
		"$SSH_DIR/server" "$SSH_DIR/priv"
	mkdir -m 0700 "$SSH_DIR/client"
	trap 'ssh_cleanup; rm -rf "$tmp"' EXIT
	trap 'exit 1' HUP INT TERM
	ssh_bind_etc passwd 0644 &&
	ssh_bind_etc group 0644 &&
	ssh_bind_etc shadow 0640 &&
	ssh_bind_etc gshadow 0640 || {
		echo "cannot bind private account files" >&2
		exit 99
	}
	# sshd's privilege separation user and directory
	if ! grep -q '^sshd:' "$SSH_DIR/etc/passwd"; then
		echo "sshd:x:$(ssh_free_id passwd):65534::/run/sshd:/usr/sbin/nologin" \
			>>"$SSH_DIR/etc/passwd"
	fi
	[ -d /run/sshd ] || mkdir -m 0755 /run/sshd
	[ -z "$SSH_HOSTNAME" ] || hostname "$SSH_HOSTNAME"
	ssh_private_sysconf
	ssh-keygen -q -t ed25519 -N '' -C vrfsh-test-host \
		-f "$SSH_DIR/server/ssh_host_ed25519_key" &&
	ssh-keygen -q -t ed25519 -N '' -C vrfsh-test-client \
		-f "$SSH_DIR/client/id_ed25519" || exit 99
	SSH_KEY=$SSH_DIR/client/id_ed25519
}

# ssh_private_sysconf : vrfsh run over SSH gets no VRFSH_CONFIG (and a
# copy with capabilities must ignore it), so `write memory` goes to the
# built-in path: give the sandbox a private, empty directory there.  An
# existing directory gets a temp dir bound over it; a missing one is made
# in an overlay over its nearest existing parent, so nothing reaches the
# host's file system.  $SSH_STARTUP is the file's path.
ssh_private_sysconf() {
	SSH_STARTUP=$("$VRFSH" --help 2>/dev/null |
		grep -o '/[^ ,()]*/vrfsh\.conf' | head -n 1)
	case $SSH_STARTUP in
	/?*/vrfsh.conf) ;;
	*)
		echo "cannot find vrfsh's startup configuration path" >&2
		exit 99
		;;
	esac
	d=${SSH_STARTUP%/*}
	mkdir -m 0755 "$SSH_DIR/sysconf" "$SSH_DIR/ovl"
	if [ -d "$d" ]; then
		SSH_SYSCONF_MNT=$d
		mount --bind "$SSH_DIR/sysconf" "$d" && return 0
	else
		p=$d
		while [ ! -d "$p" ]; do p=${p%/*}; done
		case $p in
		'' | / | /etc | /usr)
			echo "refusing an overlay over '${p:-/}'" >&2
			exit 99
			;;
		esac
		mkdir "$SSH_DIR/ovl/up" "$SSH_DIR/ovl/work"
		SSH_SYSCONF_MNT=$p
		mount -t overlay vrfsh-sysconf \
			-o "lowerdir=$p,upperdir=$SSH_DIR/ovl/up,workdir=$SSH_DIR/ovl/work" \
			"$p" && mkdir -p -m 0755 "$d" && return 0
	fi
	echo "cannot make a private $d" >&2
	exit 99
}

# ssh_free_id FILE : the first id from 20000 that /etc/FILE does not use
ssh_free_id() {
	i=20000
	while cut -d: -f3 "$SSH_DIR/etc/$1" | grep -qx "$i"; do
		i=$((i + 1))
	done
	echo "$i"
}

# ssh_add_group GROUP : makes GROUP unless it exists; prints its gid
ssh_add_group() {
	g=$(grep "^$1:" "$SSH_DIR/etc/group" | cut -d: -f3)
	if [ -z "$g" ]; then
		g=$(ssh_free_id group)
		echo "$1:x:$g:" >>"$SSH_DIR/etc/group"
		echo "$1:!::" >>"$SSH_DIR/etc/gshadow"
	fi
	echo "$g"
}

# ssh_group_add USER GROUP : USER becomes a member of GROUP
ssh_group_add() {
	ssh_add_group "$2" >/dev/null
	for f in group gshadow; do
		# rewrite in place: the bind mount pins the inode
		sed "s/^\($2:[^:]*:[^:]*:\)\(.*\)\$/\1\2,$1/; s/^\($2:[^:]*:[^:]*:\),/\1/" \
			"$SSH_DIR/etc/$f" >"$SSH_DIR/etc/$f.new" &&
		cat "$SSH_DIR/etc/$f.new" >"$SSH_DIR/etc/$f" &&
		rm -f "$SSH_DIR/etc/$f.new"
	done
}

# ssh_add_user NAME [SHELL [PASSWORD]] : an account with its own uid and
# group, a home in the temp dir and the client key authorised
ssh_add_user() {
	name=$1
	shell=${2:-${SSH_VRFSH:-/bin/sh}}
	if [ -n "$3" ]; then
		hash=$(openssl passwd -6 "$3") || exit 99
	else
		hash='*'
	fi
	uid=$(ssh_free_id passwd)
	gid=$(ssh_add_group "$name")
	home=$SSH_DIR/home/$name
	echo "$name:x:$uid:$gid:vrfsh test operator:$home:$shell" \
		>>"$SSH_DIR/etc/passwd"
	echo "$name:$hash:19000:0:99999:7:::" >>"$SSH_DIR/etc/shadow"
	mkdir -m 0750 "$home"
	mkdir -m 0700 "$home/.ssh"
	cp "$SSH_KEY.pub" "$home/.ssh/authorized_keys"
	chmod 0600 "$home/.ssh/authorized_keys"
	chown -R "$uid:$gid" "$home"
	SSH_USERS="$SSH_USERS $name"
}

# ssh_add_admin NAME [SHELL] : an account with uid and gid 0 (vrfsh with
# every right, as an administrator's login runs it), key only; sshd then
# permits it (PermitRootLogin prohibit-password)
ssh_add_admin() {
	home=$SSH_DIR/home/$1
	echo "$1:x:0:0:vrfsh test administrator:$home:${2:-$SSH_VRFSH}" \
		>>"$SSH_DIR/etc/passwd"
	echo "$1:*:19000:0:99999:7:::" >>"$SSH_DIR/etc/shadow"
	mkdir -m 0700 "$home" "$home/.ssh"
	cp "$SSH_KEY.pub" "$home/.ssh/authorized_keys"
	chmod 0600 "$home/.ssh/authorized_keys"
	SSH_USERS="$SSH_USERS $1"
	SSH_ROOT_LOGIN=prohibit-password
}

# ssh_set_shell NAME SHELL : changes NAME's login shell
ssh_set_shell() {
	sed "s|^\($1:[^:]*:[^:]*:[^:]*:[^:]*:[^:]*:\).*\$|\1$2|" \
		"$SSH_DIR/etc/passwd" >"$SSH_DIR/etc/passwd.new" &&
	cat "$SSH_DIR/etc/passwd.new" >"$SSH_DIR/etc/passwd" &&
	rm -f "$SSH_DIR/etc/passwd.new"
}

# ssh_install_vrfsh : $SSH_VRFSH, a copy of $VRFSH that every account
# can run (the build tree may not be reachable by other users)
ssh_install_vrfsh() {
	SSH_VRFSH=$SSH_DIR/bin/vrfsh
	cp "$VRFSH" "$SSH_VRFSH" && chmod 0755 "$SSH_VRFSH" || exit 99
}

# ssh_install_caps : $SSH_VRFSH_CAPS, the operator set-up of the privilege
# model: root-owned, group vrfsh, mode 0750, file capabilities
ssh_install_caps() {
	ssh_need setcap getcap
	ssh_add_group vrfsh >/dev/null
	SSH_VRFSH_CAPS=$SSH_DIR/priv/vrfsh
	cp "$VRFSH" "$SSH_VRFSH_CAPS" &&
	chown root:vrfsh "$SSH_VRFSH_CAPS" &&
	chmod 0750 "$SSH_VRFSH_CAPS" &&
	setcap cap_net_admin,cap_sys_admin,cap_net_raw+ep "$SSH_VRFSH_CAPS" || {
		echo "cannot install the capability-carrying vrfsh" >&2
		exit 99
	}
}

# ssh_force_wrapper [VRFSH] : prints the path of a ForceCommand wrapper:
# the command the client asked for runs as one vrfsh -c line (never
# through a shell), no command gives the interactive vrfsh
ssh_force_wrapper() {
	w=$SSH_DIR/bin/vrfsh-force
	cat >"$w" <<EOF
#!/bin/sh
if [ -n "\$SSH_ORIGINAL_COMMAND" ]; then
	exec ${1:-$SSH_VRFSH} -c "\$SSH_ORIGINAL_COMMAND"
fi
exec ${1:-$SSH_VRFSH}
EOF
	chmod 0755 "$w"
	echo "$w"
}

# ssh_free_port : a port nothing listens on in the sandbox's 127.0.0.1
ssh_free_port() {
	p=2222
	while ss -Hltn "sport = :$p" | grep -q .; do
		p=$((p + 1))
	done
	echo "$p"
}

# ssh_write_sshd_config MODE [CMD]
ssh_write_sshd_config() {
	c=$SSH_DIR/server/sshd_config
	cat >"$c" <<EOF
# vrfsh SSH test server: loopback of the sandbox only
ListenAddress 127.0.0.1:$SSH_PORT
AddressFamily inet
HostKey $SSH_DIR/server/ssh_host_ed25519_key
PidFile $SSH_DIR/server/sshd.pid
AuthorizedKeysFile .ssh/authorized_keys
AllowUsers$SSH_USERS
PermitRootLogin $SSH_ROOT_LOGIN
PubkeyAuthentication yes
PasswordAuthentication $SSH_PASSWORD_AUTH
PermitEmptyPasswords no
KbdInteractiveAuthentication no
UsePAM no
StrictModes yes
DisableForwarding yes
PermitTunnel no
PermitUserRC no
PermitUserEnvironment no
PrintMotd no
PrintLastLog no
UseDNS no
MaxStartups 50
LoginGraceTime 30
LogLevel DEBUG1
EOF
	if [ "$1" = force ]; then
		printf 'ForceCommand %s\n' "${2:-$(ssh_force_wrapper)}" >>"$c"
	fi
}

# ssh_start [shell|force [CMD]] : starts sshd on 127.0.0.1:$SSH_PORT
# (shell: the accounts' login shells run; force: ForceCommand CMD, by
# default the wrapper of ssh_force_wrapper); writes the client's files
ssh_start() {
	SSH_PORT=$(ssh_free_port)
	ssh_write_sshd_config "${1:-shell}" "$2"
	if ! "$SSH_SSHD" -t -f "$SSH_DIR/server/sshd_config" \
		>"$tmp/sshd-t" 2>&1; then
		echo "sshd refuses its configuration: $(cat "$tmp/sshd-t")" >&2
		exit 99
	fi
	rm -f "$SSH_DIR/server/sshd.pid"
	"$SSH_SSHD" -f "$SSH_DIR/server/sshd_config" \
		-E "$SSH_DIR/server/sshd.log" || exit 99
	n=0
	while [ ! -s "$SSH_DIR/server/sshd.pid" ]; do
		n=$((n + 1))
		if [ $n -gt 100 ]; then
			echo "sshd did not start:" >&2
			tail -n 20 "$SSH_DIR/server/sshd.log" >&2
			exit 99
		fi
		sleep 0.05
	done
	ssh_write_client
}

# ssh_write_client : the client's ssh_config and known_hosts
ssh_write_client() {
	printf '[127.0.0.1]:%s %s\n' "$SSH_PORT" \
		"$(cut -d' ' -f1,2 "$SSH_DIR/server/ssh_host_ed25519_key.pub")" \
		>"$SSH_DIR/client/known_hosts"
	cat >"$SSH_DIR/client/ssh_config" <<EOF
Host vrfsh-test
	HostName 127.0.0.1
	Port $SSH_PORT
	User $SSH_USER
	IdentityFile $SSH_KEY
	IdentitiesOnly yes
	IdentityAgent none
	BatchMode yes
	StrictHostKeyChecking yes
	UserKnownHostsFile $SSH_DIR/client/known_hosts
	GlobalKnownHostsFile /dev/null
	UpdateHostKeys no
	ControlMaster no
	ControlPath none
	ForwardAgent no
	ConnectTimeout 5
	ServerAliveInterval 5
	LogLevel ERROR
EOF
}

# ssh_stop : stops sshd, then every process left in the sandbox's network
# namespace (sessions, Ansible's persistent connections), by pid
ssh_stop() {
	pf=$SSH_DIR/server/sshd.pid
	if [ -s "$pf" ]; then
		pid=$(cat "$pf")
		kill "$pid" 2>/dev/null
		n=0
		while kill -0 "$pid" 2>/dev/null && [ $n -lt 50 ]; do
			sleep 0.05
			n=$((n + 1))
		done
		rm -f "$pf"
	fi
	ssh_kill_leftovers TERM
}

# ssh_kill_leftovers SIGNAL : signals the processes of this network
# namespace other than this shell (the namespace is the sandbox's own:
# ssh_guard checked it is not the host's)
ssh_kill_leftovers() {
	me=$(readlink /proc/$$/ns/net)
	[ "$me" != "$(readlink /proc/1/ns/net)" ] || return 0
	# this shell's ancestors in the namespace stay (a caller's sh -c)
	keep=" $$ "
	a=$$
	while a=$(awk '/^PPid:/ { print $2 }' "/proc/$a/status" 2>/dev/null) &&
		[ -n "$a" ] && [ "$a" -gt 1 ]; do
		keep="$keep$a "
	done
	left=
	for d in /proc/[0-9]*; do
		p=${d#/proc/}
		case $keep in *" $p "*) continue ;; esac
		[ "$(readlink "$d/ns/net" 2>/dev/null)" = "$me" ] || continue
		left="$left $p"
	done
	[ -n "$left" ] || return 0
	# shellcheck disable=SC2086
	kill -"$1" $left 2>/dev/null
	sleep 0.2
	# shellcheck disable=SC2086
	kill -KILL $left 2>/dev/null
	return 0
}

ssh_cleanup() {
	[ -n "$SSH_DIR" ] || return 0
	ssh_stop
	if [ -n "$SSH_KEEP" ]; then
		mkdir -p "$SSH_KEEP" &&
		cp -r "$SSH_DIR/server/sshd.log" "$SSH_DIR/ansible" \
			"$SSH_DIR/netmiko" "$SSH_DIR/session.log" "$SSH_KEEP" \
			2>/dev/null
	fi
	for f in passwd group shadow gshadow; do
		umount "/etc/$f" 2>/dev/null
	done
	[ -z "$SSH_SYSCONF_MNT" ] || umount "$SSH_SYSCONF_MNT" 2>/dev/null
	rm -rf "$SSH_DIR"
	SSH_DIR=
}

# ssh_as USER CMD... : runs CMD on the server as USER, no terminal
ssh_as() {
	u=$1
	shift
	ssh -F "$SSH_DIR/client/ssh_config" -T -l "$u" vrfsh-test "$*" \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# ssh_op CMD... : runs CMD as the operator ($SSH_USER), no terminal
ssh_op() {
	ssh_as "$SSH_USER" "$@"
}

# ssh_op_in INPUT [CMD...] : like ssh_op with INPUT on standard input
# (no CMD: the login shell reads INPUT as batch input)
ssh_op_in() {
	input=$1
	shift
	printf '%b' "$input" | ssh -F "$SSH_DIR/client/ssh_config" -T \
		vrfsh-test "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# the ssh command line for expect (a pty, interactive)
ssh_spawn_line() {
	echo "ssh -F $SSH_DIR/client/ssh_config -tt -l ${1:-$SSH_USER} vrfsh-test"
}

# ssh_expect SCRIPT [ARGS...] : expect -f SCRIPT ARGS with the ssh command
# in $env(SSH_SPAWN) and the timeout in $env(SSH_TIMEOUT)
ssh_expect() {
	ssh_need expect
	s=$1
	shift
	SSH_SPAWN=$(ssh_spawn_line) SSH_TIMEOUT=$SSH_TIMEOUT \
		expect -f "$s" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(tr -d '\r' <"$tmp/out")
	err=$(cat "$tmp/err")
}

# ssh_session CMD... : an interactive session in a pty: waits for the
# prompt, sends each CMD and waits for the prompt again, then `exit` until
# the session ends.  rc 0, or 1 on a timeout, 2 on an early end of file.
ssh_session() {
	ssh_need expect
	e=$SSH_DIR/session.exp
	cat >"$e" <<'EOF'
# transcript on standard output; the prompt as Ansible's ios terminal sees
# it (the "-" first in the bracket: expect 5.45 misreads "...\]-]")
set timeout $env(SSH_TIMEOUT)
set prompt {[-\w+.:/\[\]]+(\([^)]+\)){0,3}[>#] ?$}
log_user 1
spawn -noecho {*}$env(SSH_SPAWN)
proc wait_prompt {what} {
	global prompt
	expect {
		-re $prompt { return }
		timeout { puts stderr "\nssh_session: timeout at $what"; exit 1 }
		eof { puts stderr "\nssh_session: end of file at $what"; exit 2 }
	}
}
wait_prompt "the first prompt"
foreach cmd $argv {
	send -- "$cmd\r"
	wait_prompt "'$cmd'"
}
for {set i 0} {$i < 5} {incr i} {
	send "exit\r"
	expect {
		eof { exit 0 }
		-re $prompt { }
		timeout { puts stderr "\nssh_session: no end after exit"; exit 1 }
	}
}
exit 1
EOF
	SSH_SPAWN=$(ssh_spawn_line) SSH_TIMEOUT=$SSH_TIMEOUT \
		expect -f "$e" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(tr -d '\r' <"$tmp/out")
	err=$(cat "$tmp/err")
	cat "$tmp/out" >>"$SSH_DIR/session.log"
}

# ---- Ansible ---------------------------------------------------------------

# ssh_ansible_init [BECOME] : an inventory (group vrfsh, host r1) and an
# ansible.cfg in the temp dir; BECOME=yes adds become_method enable
ssh_ansible_init() {
	ssh_need ansible-playbook jq
	A=$SSH_DIR/ansible
	mkdir -p "$A/home" "$A/tmp" "$A/pc" "$A/cp" "$A/collections"
	become=${1:-no}
	cat >"$A/hosts" <<EOF
[vrfsh]
r1 ansible_host=127.0.0.1 ansible_port=$SSH_PORT ansible_user=$SSH_USER ansible_ssh_private_key_file=$SSH_KEY

[vrfsh:vars]
ansible_connection=ansible.netcommon.network_cli
ansible_network_os=cisco.ios.ios
ansible_network_cli_ssh_type=paramiko
ansible_become=$become
ansible_become_method=enable
EOF
	cat >"$A/ansible.cfg" <<EOF
[defaults]
inventory = $A/hosts
local_tmp = $A/tmp
remote_tmp = $A/tmp
collections_path = $A/collections
host_key_checking = False
retry_files_enabled = False
gathering = explicit
fact_caching = memory
interpreter_python = $SSH_PY
nocows = True
stdout_callback = ansible.posix.json
forks = 1

[persistent_connection]
control_path_dir = $A/pc
connect_timeout = $SSH_TIMEOUT
command_timeout = $SSH_TIMEOUT

[paramiko_connection]
host_key_checking = False
record_host_keys = False
look_for_keys = False

[ssh_connection]
control_path_dir = $A/cp
EOF
}

# ssh_playbook FILE [ARGS...] : runs the playbook; JSON results in $out
# (and $SSH_DIR/ansible/last.json), its standard error in $err
ssh_playbook() {
	A=$SSH_DIR/ansible
	pb=$1
	shift
	if [ -n "$SSH_ANSIBLE_DEBUG" ]; then
		set -- -vvvv "$@"
		dbg="ANSIBLE_LOG_PATH=$A/ansible.log ANSIBLE_PERSISTENT_LOG_MESSAGES=True"
	else
		dbg=
	fi
	# shellcheck disable=SC2086
	env HOME="$A/home" ANSIBLE_CONFIG="$A/ansible.cfg" \
		ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 $dbg \
		ansible-playbook "$pb" "$@" >"$A/last.json" 2>"$A/last.err" \
		</dev/null
	rc=$?
	# -vvvv writes its messages to standard output before the JSON
	out=$(sed -n '/^{$/,$p' "$A/last.json")
	err=$(cat "$A/last.err")
}

# ssh_ios_task MODULE YAML [BECOME] : a one-task playbook on group vrfsh;
# YAML is the module's arguments, indented by the caller or on one line.
# Sets $task_json (the host's result), $task_failed, $task_changed and
# $task_msg; $rc is ansible-playbook's status
ssh_ios_task() {
	A=$SSH_DIR/ansible
	{
		echo '- hosts: vrfsh'
		echo '  gather_facts: false'
		[ -z "$3" ] || echo "  become: $3"
		echo '  tasks:'
		echo "    - name: $1"
		echo "      $1:"
		printf '%s\n' "$2" | sed 's/^/        /'
	} >"$A/task.yml"
	ssh_playbook "$A/task.yml"
	task_json=$(printf '%s' "$out" |
		jq -c '.plays[0].tasks[0].hosts.r1 // {}' 2>/dev/null)
	task_failed=$(printf '%s' "$task_json" | jq -r '.failed // false')
	task_changed=$(printf '%s' "$task_json" | jq -r '.changed // false')
	task_msg=$(printf '%s' "$task_json" | jq -r '.msg // ""')
}

# ssh_task_summary : one line per task of the last playbook:
# NAME<TAB>changed<TAB>failed<TAB>msg
ssh_task_summary() {
	printf '%s' "$out" | jq -r '.plays[].tasks[] |
		[.task.name, (.hosts.r1.changed // false),
		 (.hosts.r1.failed // false),
		 ((.hosts.r1.msg // "") | tostring | .[0:200])] | @tsv'
}

# ---- Netmiko ---------------------------------------------------------------

# ssh_netmiko ARGS... : tests/ssh/netmiko-run.py as root with the
# operator's key (see that script for ARGS); JSON in $out
ssh_netmiko() {
	ssh_need "$SSH_PY"
	if ! "$SSH_PY" -c 'import netmiko' 2>/dev/null; then
		echo "python3-netmiko is not installed: skipping" >&2
		exit 77
	fi
	mkdir -p "$SSH_DIR/netmiko/home"
	env HOME="$SSH_DIR/netmiko/home" \
		NET_TEXTFSM="${SSH_NET_TEXTFSM:-$top_srcdir/tests/ntc}" \
		"$SSH_PY" "$top_srcdir/tests/ssh/netmiko-run.py" \
		--port "$SSH_PORT" --user "$SSH_USER" --key "$SSH_KEY" \
		--session-log "$SSH_DIR/netmiko/session.log" "$@" \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

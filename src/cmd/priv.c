/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * priv.c - the privilege model's configuration commands:
 *
 *   enable secret [0] TEXT     the secret enable asks for, stored as a
 *                              crypt(3) hash (yescrypt, libxcrypt's
 *                              strongest); the text is never kept
 *   enable secret 9 HASH       a hash as running-config writes it
 *   no enable secret           none: enable then asks nothing of root
 *                              and refuses everyone else
 *   no service shell           shell (and do shell) refused for all
 *   service shell              allowed again (the default)
 *
 * All but no service shell need the caller's own rights (root): an
 * operator at level 15 through vrfsh's file capabilities may switch
 * shell off, not on, and cannot change the secret.  For a caller
 * without those rights the secret counts only when root wrote its
 * record: a member of the group that shares /run/vrfsh who replaced
 * the file (from a shell) locks enable instead of changing the secret.
 *
 * Both live in the per-boot state of the default VRF (net/state.h) and
 * in the running configuration, which is how they survive a reboot: the
 * startup configuration holds them and vrfsh -b applies it.
 */
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/priv.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "net/state.h"

#define REC_SECRET "enable-secret"
#define REC_SHELL "service-shell"

/* Reads record name of the default VRF into buf; "" when none.  With
 * roots, a record that root did not write is refused: /run/vrfsh may be
 * a group's (doc/operators.md), where any member could put one. */
static int read_rec(struct cli_session *s, const char *name, bool roots,
		    char *buf, size_t size)
{
	struct net_err err = { 0 };
	char *data = NULL;
	size_t len = 0;
	uid_t owner = 0;

	*buf = '\0';
	if (net_state_read_owner(NULL, name, &data, &len, &owner, &err)) {
		if (err.code == ENOENT)
			return 0;
		return cmd_fail(s, &err, "read %s", name);
	}
	if (roots && owner != 0) {
		free(data);
		cli_error(s,
			  "Error: Cannot use %s: root did not write it (its "
			  "owner is uid %u)",
			  name, (unsigned)owner);
		return -1;
	}
	if (len >= size || memchr(data, '\0', len)) {
		free(data);
		cli_error(s, "Error: Cannot read %s: the record is not a line",
			  name);
		return -1;
	}
	memcpy(buf, data, len);
	buf[len] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	free(data);
	return 0;
}

/* The enable secret and allowing shell are root's: an operator who
 * reached level 15 through vrfsh's file capabilities may not change the
 * secret that let them in, nor turn shell back on. */
static int roots_only(struct cli_session *s, const char *what)
{
	if (cmd_caller_privileged())
		return 0;
	cli_error(s,
		  "Permission denied: '%s' needs the caller's own rights "
		  "(root), not those of vrfsh's file capabilities",
		  what);
	return -1;
}

/* Replaces (text) or removes (NULL) record name of the default VRF. */
static int write_rec(struct cli_session *s, const char *name, const char *text)
{
	struct net_err err = { 0 };
	int lock = net_state_lock(name, true, &err), rc;

	if (lock < 0)
		return cmd_fail(s, &err, "lock %s", name);
	if (text)
		rc = net_state_write(NULL, name, text, strlen(text), &err);
	else
		rc = net_state_remove(NULL, name, &err);
	net_state_unlock(lock);
	return rc ? cmd_fail(s, &err, "%s %s", text ? "store" : "remove",
			     name) :
		    0;
}

int cmd_secret_get(struct cli_session *s, char *buf, size_t size)
{
	/* only root sets it (roots_only): one of anyone else is planted */
	return read_rec(s, REC_SECRET, !cmd_caller_privileged(), buf, size);
}

bool cmd_secret_check(const char *hash, const char *typed)
{
	struct crypt_data cd;
	const char *got;
	unsigned char diff = 0;
	size_t n = strlen(hash);

	memset(&cd, 0, sizeof(cd));
	got = crypt_r(typed, hash, &cd);
	if (!got || *got == '*' || strlen(got) != n) {
		explicit_bzero(&cd, sizeof(cd));
		return false;
	}
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(got[i] ^ hash[i]);
	explicit_bzero(&cd, sizeof(cd));
	return diff == 0;
}

bool cmd_shell_allowed(struct cli_session *s)
{
	char v[16];

	/* a record that cannot be read counts as off: fail closed */
	if (read_rec(s, REC_SHELL, false, v, sizeof(v)))
		return false;
	return strcmp(v, "off") != 0;
}

/* A hash crypt(3) accepts as one: its own output for any text. */
static bool usable_hash(const char *hash)
{
	struct crypt_data cd;
	const char *got;
	bool ok;

	if (!*hash || strlen(hash) >= CMD_SECRET_MAX || !cli_text_clean(hash) ||
	    strpbrk(hash, " \t:"))
		return false;
	memset(&cd, 0, sizeof(cd));
	got = crypt_r("", hash, &cd);
	ok = got && *got != '*' && !strncmp(got, hash, 3);
	explicit_bzero(&cd, sizeof(cd));
	return ok;
}

static int do_enable_secret(struct cli_session *s, const struct cli_args *a,
			    struct cli_out *o)
{
	/* one handler for 'enable secret [0] LINE' and 'enable secret 9 WORD' */
	const char *text = cli_declares(a, "text") ? cli_arg(a, "text") : NULL;
	const char *hash = cli_declares(a, "hash") ? cli_arg(a, "hash") : NULL;
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data cd;
	const char *made;
	int rc;

	(void)o;
	if (roots_only(s, "enable secret"))
		return -1;
	if (hash) {
		if (!usable_hash(hash)) {
			cli_error(
				s,
				"Error: Invalid enable secret: \"%s\" is not a "
				"crypt(3) hash",
				hash);
			return -1;
		}
		return write_rec(s, REC_SECRET, hash);
	}
	if (strlen(text) < 1 || strlen(text) > 255) {
		cli_error(s,
			  "Error: Invalid enable secret: 1 to 255 characters");
		return -1;
	}
	memset(&cd, 0, sizeof(cd));
	if (!crypt_gensalt_rn(NULL, 0, NULL, 0, salt, sizeof(salt)) ||
	    !(made = crypt_r(text, salt, &cd)) || *made == '*') {
		explicit_bzero(&cd, sizeof(cd));
		cli_error(s, "Error: Cannot hash the enable secret: %s",
			  strerror(errno ? errno : EINVAL));
		return -1;
	}
	rc = write_rec(s, REC_SECRET, made);
	explicit_bzero(&cd, sizeof(cd));
	return rc;
}

static int do_no_enable_secret(struct cli_session *s, const struct cli_args *a,
			       struct cli_out *o)
{
	(void)a;
	(void)o;
	if (roots_only(s, "no enable secret"))
		return -1;
	return write_rec(s, REC_SECRET, NULL);
}

static int do_service_shell(struct cli_session *s, const struct cli_args *a,
			    struct cli_out *o)
{
	(void)a;
	(void)o;
	/* nothing to change is no refusal */
	if (!cmd_caller_privileged() && cmd_shell_allowed(s))
		return 0;
	if (roots_only(s, "service shell"))
		return -1;
	return write_rec(s, REC_SHELL, NULL);
}

static int do_no_service_shell(struct cli_session *s, const struct cli_args *a,
			       struct cli_out *o)
{
	(void)a;
	(void)o;
	return write_rec(s, REC_SHELL, "off");
}

/* The secret's hash is shown only at level 15, as IOS shows it. */
static void priv_config(struct cli_config *c)
{
	char hash[CMD_SECRET_MAX];

	if (!c->whole)
		return;
	if (cli_session_priv(c->s) >= PRIV_ADMIN &&
	    cmd_secret_get(c->s, hash, sizeof(hash)) == 0 && *hash) {
		if (usable_hash(hash))
			cli_printf(c->o, "enable secret 9 %s\n", hash);
		else
			cfg_left_out(c, "the enable secret",
				     "its record does "
				     "not hold a usable hash");
	}
	if (!cmd_shell_allowed(c->s))
		cli_printf(c->o, "no service shell\n");
}

#define H_NO "Negate a command or set its defaults\n"
#define H_ENABLE                                                               \
	"Modify enable password parameters\n"                                  \
	"The secret enable asks for (stored hashed)\n"

static const struct cli_cmd priv_cmds[] = {
	{ "enable secret [0] LINE$text",
	  H_ENABLE "The text follows (it is hashed)\nThe secret", MODE_CONFIG,
	  PRIV_ADMIN, 0, do_enable_secret },
	{ "enable secret 9 WORD$hash",
	  H_ENABLE "A crypt(3) hash follows\nThe hash", MODE_CONFIG, PRIV_ADMIN,
	  0, do_enable_secret },
	{ "no enable secret",
	  H_NO "Modify enable password parameters\nRemove the secret",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_no_enable_secret },
	{ "service shell", "Modify use of services\nAllow shell (the default)",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_service_shell },
	{ "no service shell",
	  H_NO "Modify use of services\nRefuse shell for everyone", MODE_CONFIG,
	  PRIV_ADMIN, 0, do_no_service_shell },
	{ NULL, NULL, 0, 0, 0, NULL },
};

static const struct cli_config_ops priv_config_ops = {
	.stanzas = priv_config,
};

const struct cli_area priv_area = {
	.name = "priv",
	.cmds = priv_cmds,
	.config = &priv_config_ops,
};

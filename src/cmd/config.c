/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * config.c - the configuration, rendered from the kernel (never from a
 * record of our own) by the areas, each writing its own stanzas: show
 * running-config, write terminal, write memory, copy running-config
 * startup-config, show startup-config.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "cmd/archive.h"
#include "cmd/cfgfile.h"
#include "cmd/cmds.h"
#include "cmd/running.h"
#include "cmd/util.h"

static const char *config_path = VRFSH_CONFIG_FILE;

void cmd_set_config_path(const char *path)
{
	config_path = path;
}

/* ---- the view ------------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct net_link *)a)->name,
		      ((const struct net_link *)b)->name);
}

static int read_vrf(struct cfg_vrf *v, struct net_err *err)
{
	if (net_forwarding_get(v->name, AF_INET, &v->v4, err) ||
	    net_forwarding_get(v->name, AF_INET6, &v->v6, err) ||
	    net_link_dump(v->name, &v->links, err) ||
	    net_addr_dump(v->name, AF_UNSPEC, &v->addrs, err))
		return -1;
	qsort(v->links.v, v->links.n, sizeof(*v->links.v), by_name);
	return 0;
}

struct cfg_vrf *cfg_vrf(struct cli_config *c, size_t i)
{
	struct cfg_vrf *v = &c->v[i];
	struct net_err err = { 0 };

	if (v->unsafe)
		return NULL;
	if (v->read)
		return v->ok ? v : NULL;
	v->read = true;
	v->ok = read_vrf(v, &err) == 0;
	if (v->ok)
		return v;
	if (cmd_vrf_unreadable(c->s, v->name, &err))
		c->failed++;
	return NULL;
}

struct cfg_vrf *cfg_vrf_named(struct cli_config *c, const char *name)
{
	name = net_vrf_is_default(name) ? "" : name;
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].name, name))
			return cfg_vrf(c, i);
	return NULL;
}

bool cfg_covers(const struct cli_config *c, size_t i)
{
	return !c->only_vrf || !strcmp(c->only_vrf, c->v[i].name);
}

const struct net_link *cfg_link(const struct cfg_vrf *v, int ifindex)
{
	for (size_t i = 0; i < v->links.n; i++)
		if (v->links.v[i].ifindex == ifindex)
			return &v->links.v[i];
	return NULL;
}

bool cfg_vrf_name_ok(const char *name)
{
	return !*name || (!cli_vrf_name_error(name) && cli_text_clean(name));
}

bool cfg_ifname_ok(const char *name)
{
	return !cli_ifname_error(name) && cli_text_clean(name);
}

bool cfg_line_ok(const char *text)
{
	size_t n = strlen(text);

	return n && cli_text_clean(text) && !strchr(" \t", text[0]) &&
	       !strchr(" \t", text[n - 1]);
}

void cfg_left_out(struct cli_config *c, const char *what, const char *why)
{
	char esc[CLI_ESCAPED_MAX(512)];

	/* the comment stays one line: what is escaped, newlines too */
	cli_printf(c->o, "! vrfsh: %s is left out: %s\n",
		   cli_text_escape(what, esc, sizeof(esc)), why);
	cli_warn(c->s, "%s is left out of the configuration: %s", what, why);
}

const char *cfg_vrf_suffix(const char *vrf, char *buf, size_t size)
{
	if (!*vrf)
		return "";
	snprintf(buf, size, " vrf %s", vrf);
	return buf;
}

void cfg_if_lines(struct cli_config *c, const struct cfg_vrf *v,
		  const struct net_link *l)
{
	size_t n;
	const struct cli_area *const *areas = cmd_areas(&n);

	for (size_t i = 0; i < n; i++)
		if (areas[i]->config && areas[i]->config->if_lines)
			areas[i]->config->if_lines(c, v, l);
}

bool cfg_if_has_lines(struct cli_config *c, const struct cfg_vrf *v,
		      const struct net_link *l)
{
	struct cli_out *saved = c->o, *o;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (!fp)
		return true; /* render it rather than lose its lines */
	o = cli_out_open(c->s, fp);
	c->o = o;
	cfg_if_lines(c, v, l);
	c->o = saved;
	cli_out_close(o);
	fclose(fp);
	free(buf);
	return len > 0;
}

static int config_open(struct cli_config *c, struct cli_session *s,
		       struct cli_out *o)
{
	memset(c, 0, sizeof(*c));
	c->s = s;
	c->o = o;
	if (cmd_vrf_list(s, &c->names))
		return -1;
	c->v = calloc(c->names.n + 1, sizeof(*c->v));
	if (!c->v)
		abort();
	c->v[c->n++].name = "";
	for (size_t i = 0; i < c->names.n; i++) {
		c->v[c->n].name = c->names.v[i];
		c->v[c->n++].unsafe = !cfg_vrf_name_ok(c->names.v[i]);
	}
	return 0;
}

static void config_close(struct cli_config *c)
{
	for (size_t i = 0; i < c->n; i++) {
		net_links_free(&c->v[i].links);
		net_addrs_free(&c->v[i].addrs);
	}
	free(c->v);
	net_names_free(&c->names);
}

/*
 * The configuration is a command file that rebuilds the same state: it
 * starts with 'configure terminal', and each area writes its stanzas in
 * the order of the areas (cmd/tables.c), so that VRFs come before what
 * uses them; it ends with 'end'.  Returns -1 when a VRF could not be read.
 */
static int render(struct cli_config *c)
{
	size_t n;
	const struct cli_area *const *areas = cmd_areas(&n);

	if (c->whole)
		cli_printf(c->o,
			   "! vrfsh %s running configuration\n"
			   "configure terminal\n!\n",
			   PACKAGE_VERSION);
	for (size_t i = 0; i < n; i++)
		if (areas[i]->config && areas[i]->config->stanzas)
			areas[i]->config->stanzas(c);
	/* every stanza ends in "!"; the routes need one of their own */
	if (c->whole)
		cli_printf(c->o, "%send\n", c->lines ? "!\n" : "");
	return c->failed ? -1 : 0;
}

/* show running-config [all] [vrf NAME | interface IFNAME [vrf NAME]] */
static int show_running(struct cli_session *s, struct cli_out *o, bool all,
			const char *vrf, const char *ifname)
{
	struct cli_config c;
	int rc;

	if (vrf) {
		if (cmd_vrf_exists(s, vrf))
			return -1;
		vrf = net_vrf_is_default(vrf) ? "" : vrf;
	}
	if (config_open(&c, s, o))
		return -1;
	c.only_vrf = vrf;
	c.whole = !vrf && !ifname;
	c.all = all;
	if (ifname) {
		static char in[NET_VRF_NAME_MAX + 1], name[NET_IFNAMSIZ];
		struct net_link l;
		int r = cmd_if_resolve(s, ifname, vrf, true, in, sizeof(in),
				       name, sizeof(name), &l);

		if (r) {
			char b[96];

			if (r == 1)
				cli_error(s, "Interface %s not found%s", name,
					  in_vrf(in, b, sizeof(b)));
			config_close(&c);
			return -1;
		}
		c.only_vrf = in;
		c.only_if = name;
	}
	rc = render(&c);
	config_close(&c);
	return rc;
}

static int do_show_running(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	return show_running(s, o, cli_has(a, "all") || cli_has(a, "full"),
			    cli_arg(a, "vrf"), cli_arg(a, "ifname"));
}

static int do_write_terminal(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	(void)a;
	return show_running(s, o, false, NULL, NULL);
}

/* ---- the startup configuration ------------------------------------------------ */

const char *cfg_startup_path(void)
{
	return config_path;
}

int cfg_running_text(struct cli_session *s, char **text, size_t *len)
{
	struct cli_config c;
	struct cli_out *out;
	FILE *fp;
	int rc;

	*text = NULL;
	*len = 0;
	fp = open_memstream(text, len);
	if (!fp)
		abort();
	out = cli_out_open(s, fp);
	rc = config_open(&c, s, out);
	if (rc == 0) {
		c.whole = true;
		rc = render(&c);
		config_close(&c);
	}
	cli_out_close(out);
	fclose(fp);
	if (rc) {
		free(*text);
		*text = NULL;
		*len = 0;
	}
	return rc;
}

/* The running configuration replaces the startup file (cfgfile.c); the
 * one it replaces goes to the archive first. */
static int do_write_memory(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	char *text;
	size_t len;
	int rc;

	(void)a;
	/* an incomplete configuration would lose what it leaves out */
	if (cfg_running_text(s, &text, &len)) {
		cli_error(s, "Error: Configuration not saved: %s is unchanged",
			  config_path);
		return -1;
	}
	archive_keep_file(s, config_path);
	/* a new file holding a secret's hash is readable by its owner */
	rc = cfg_file_replace(s, config_path, text, len,
			      strstr(text, "\nenable secret ") ? 0600 : 0644,
			      true);
	free(text);
	if (rc)
		return -1;
	/* as IOS says it: scripts read a leading '%' as an error */
	cli_printf(o, "Building configuration...\n[OK]\n");
	return 0;
}

static int do_show_startup(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	char *text;
	size_t len;
	int rc;

	(void)a;
	/* vrfsh's own file: never read through what others may plant */
	rc = cfg_own_read(s, config_path, &text, &len);
	if (rc == -ENOENT) {
		/* IOS's words, which Ansible's save_when: modified takes
		 * for a configuration that differs, not for an error */
		cli_error(s, "startup-config is not present (%s)", config_path);
		return -1;
	}
	if (rc)
		return -1;
	cli_write(o, text, len);
	free(text);
	return 0;
}

#define H_SHOW "Show running system information\n"

static const struct cli_cmd config_cmds[] = {
	{ "show running-config [all|full] [vrf NAME$vrf|interface IFREF$ifname "
	  "[vrf NAME$vrf]]",
	  H_SHOW "The configuration, read from the kernel\n"
		 "With the interfaces left out as defaults (a bare lo)\n"
		 "The same as all\n"
		 "Only one VRF\nVRF name\nOnly one interface\nInterface name\n"
		 "In a VRF\nVRF name",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_running },
	{ "write terminal",
	  "Write the running configuration\n"
	  "To the terminal (as show running-config)",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_write_terminal },
	{ "write [memory]",
	  "Write the running configuration\n"
	  "To the startup configuration",
	  CLI_EXEC, PRIV_ADMIN, 0, do_write_memory },
	{ "copy running-config startup-config",
	  "Copy a configuration\nThe running configuration\n"
	  "To the startup configuration",
	  CLI_EXEC, PRIV_ADMIN, 0, do_write_memory },
	{ "show startup-config", H_SHOW "The startup configuration file",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_startup },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area config_area = {
	.name = "config",
	.cmds = config_cmds,
};

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
	/* what is escaped by the output; the comment stays one line */
	cli_printf(c->o, "! vrfsh: %s is left out: %s\n", what, why);
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
		return true;	/* render it rather than lose its lines */
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
		cli_printf(c->o, "! vrfsh %s running configuration\n"
				 "configure terminal\n!\n", PACKAGE_VERSION);
	for (size_t i = 0; i < n; i++)
		if (areas[i]->config && areas[i]->config->stanzas)
			areas[i]->config->stanzas(c);
	/* every stanza ends in "!"; the routes need one of their own */
	if (c->whole)
		cli_printf(c->o, "%send\n", c->lines ? "!\n" : "");
	return c->failed ? -1 : 0;
}

/* show running-config [vrf NAME | interface IFNAME [vrf NAME]] */
static int show_running(struct cli_session *s, struct cli_out *o,
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
	if (ifname) {
		struct net_link l;
		const char *in = vrf ? vrf : cli_context_vrf(s);

		c.only_vrf = in;
		c.only_if = ifname;
		if (cmd_link(s, in, ifname, &l)) {
			config_close(&c);
			return -1;
		}
	}
	rc = render(&c);
	config_close(&c);
	return rc;
}

static int do_show_running(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	return show_running(s, o, cli_arg(a, "vrf"), cli_arg(a, "ifname"));
}

static int do_write_terminal(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	(void)a;
	return show_running(s, o, NULL, NULL);
}

/* ---- the startup configuration ------------------------------------------------ */

static int fail_file(struct cli_session *s, const char *what,
		     const char *path)
{
	cli_error(s, "Error: Cannot %s %s: %s", what, path, strerror(errno));
	return -1;
}

/* Makes a rename durable: fsync the directory that holds path. */
static void sync_dir(const char *path)
{
	char dir[4096];
	char *slash;
	int fd;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Writes the running configuration to path.tmp, fsyncs it, keeps the
 * old file as path.bak and renames the new one into place. */
static int do_write_memory(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	char tmp[4096], bak[4096];
	struct cli_config c;
	struct cli_out *file;
	FILE *fp;
	int fd, rc;

	(void)a;
	snprintf(tmp, sizeof(tmp), "%s.tmp", config_path);
	snprintf(bak, sizeof(bak), "%s.bak", config_path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || !(fp = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		return fail_file(s, "write", tmp);
	}
	file = cli_out_open(s, fp);
	rc = config_open(&c, s, file);
	if (rc == 0) {
		c.whole = true;
		rc = render(&c);
		config_close(&c);
	}
	cli_out_close(file);
	/* an incomplete configuration would lose what it leaves out */
	if (rc) {
		cli_error(s, "Error: Configuration not saved: %s is unchanged",
			  config_path);
		fclose(fp);
		unlink(tmp);
		return -1;
	}
	if (ferror(fp) || fflush(fp) || fsync(fileno(fp))) {
		fail_file(s, "write", tmp);
		fclose(fp);
		unlink(tmp);
		return -1;
	}
	if (fclose(fp)) {
		unlink(tmp);
		return fail_file(s, "write", tmp);
	}
	/* the previous file is kept as .bak; the new one replaces it whole */
	if ((unlink(bak) && errno != ENOENT) ||
	    (link(config_path, bak) && errno != ENOENT)) {
		unlink(tmp);
		return fail_file(s, "keep the previous file as", bak);
	}
	if (rename(tmp, config_path)) {
		unlink(tmp);
		return fail_file(s, "replace", config_path);
	}
	sync_dir(config_path);
	/* as IOS says it: scripts read a leading '%' as an error */
	cli_printf(o, "Building configuration...\n[OK]\n");
	return 0;
}

static int do_show_startup(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	char buf[4096];
	size_t n;
	FILE *fp = fopen(config_path, "r");

	(void)a;
	if (!fp) {
		if (errno == ENOENT) {
			cli_error(s, "Error: No startup configuration (%s)",
				  config_path);
			return -1;
		}
		return fail_file(s, "read", config_path);
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0 && !cli_out_aborted(o))
		cli_write(o, buf, n);
	fclose(fp);
	return 0;
}

#define H_SHOW "Show running system information\n"

static const struct cli_cmd config_cmds[] = {
	{ "show running-config [vrf NAME$vrf|interface IFNAME$ifname "
	  "[vrf NAME$vrf]]",
	  H_SHOW "The configuration, read from the kernel\n"
	  "Only one VRF\nVRF name\nOnly one interface\nInterface name\n"
	  "In a VRF\nVRF name",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_running },
	{ "write terminal", "Write the running configuration\n"
	  "To the terminal (as show running-config)",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_write_terminal },
	{ "write [memory]", "Write the running configuration\n"
	  "To the startup configuration",
	  CLI_EXEC, PRIV_ADMIN, 0, do_write_memory },
	{ "copy running-config startup-config",
	  "Copy a configuration\nThe running configuration\n"
	  "To the startup configuration",
	  CLI_EXEC, PRIV_ADMIN, 0, do_write_memory },
	{ "show startup-config",
	  H_SHOW "The startup configuration file",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_startup },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area config_area = {
	.name = "config",
	.cmds = config_cmds,
};

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kernel.c - the helpers of kernel.h.
 */
#include "kernel.h"

#include <string.h>
#include <sys/wait.h>

struct stat home;
struct net_err err;

void check_home(void)
{
	struct stat st;

	assert_int_equal(stat("/proc/thread-self/ns/net", &st), 0);
	assert_true(st.st_ino == home.st_ino && st.st_dev == home.st_dev);
}

char *sh_out(int *status, const char *fmt, ...)
{
	char cmd[1024], *out;
	size_t size = 0, n;
	va_list ap;
	FILE *f;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	f = popen(cmd, "r");
	assert_non_null(f);
	out = malloc(1);
	out[0] = '\0';
	for (;;) {
		out = realloc(out, size + 4097);
		n = fread(out + size, 1, 4096, f);
		size += n;
		out[size] = '\0';
		if (n == 0)
			break;
	}
	st = pclose(f);
	if (status)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	return out;
}

void sh(const char *cmd)
{
	int st = system(cmd);

	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fail_msg("command failed: %s", cmd);
}

bool out_has(const char *needle, const char *cmd)
{
	char *out = sh_out(NULL, "%s 2>/dev/null", cmd);
	bool has = strstr(out, needle) != NULL;

	if (!has && getenv("TEST_VERBOSE"))
		fprintf(stderr, "[%s] has no [%s]: %s\n", cmd, needle, out);
	free(out);
	return has;
}

void delete_vrfs(void)
{
	struct net_names names, stale;

	check_home();
	if (net_vrf_scan(&names, &stale, &err) == 0) {
		for (size_t i = 0; i < names.n; i++)
			net_vrf_delete(names.v[i], NET_VRF_DEL_FORCE, NULL,
				       &err);
		for (size_t i = 0; i < stale.n; i++)
			net_vrf_delete(stale.v[i], 0, NULL, &err);
		net_names_free(&names);
		net_names_free(&stale);
	}
	check_home();
}

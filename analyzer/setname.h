/* setname: the set a job instance's name names. The Alma API gives no set
 * name (spec section 1.1); a run's set is read from the middle of its
 * instance name instead. Owns nothing. */
#ifndef ALMAUDIT_SETNAME_H
#define ALMAUDIT_SETNAME_H

#include <stddef.h>

/* The set an instance name names (spec section 1.1): the middle part of
 * name, between the job's name (job; compared ignoring ASCII case) and a
 * trailing date or time stamp (" - 10/07/2026 15:01:54",
 * " - 2025-10-05 4:11 AM"), when there is one. "Withdraw items - weeding -
 * 10/07/2026 15:01:54" names "weeding". None (0) when the name does not
 * begin with the job's name and " - ", when nothing is left, or for a run
 * through the API (" - via API - NAME": NAME is the integration's). Returns
 * the set's length and points *set into name. */
size_t setname_infer(const char *name, size_t n, const char *job, size_t jn, const char **set);

#endif

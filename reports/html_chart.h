/* html_chart: the charts of the html page, from the bounded summary:
 * findings by kind, findings by unit, manual runs per day (the runs with
 * findings marked), the largest runs of damaging jobs, and findings by
 * month. Each is drawn as inline SVG for the page, or with mail as html
 * tables with inline styles (Gmail and Outlook show no SVG). Below the
 * page (report_html.c), above html.h; it writes to the caller's FILE and
 * owns nothing. */
#ifndef ALMAUDIT_HTML_CHART_H
#define ALMAUDIT_HTML_CHART_H

#include <stdint.h>
#include <stdio.h>

#include "summary.h"

/* The page's charts, in its order. */
enum html_chart {
	HTML_CHART_KINDS,    /* findings by kind */
	HTML_CHART_UNITS,    /* findings by unit: the first 12 units */
	HTML_CHART_DAYS,     /* manual runs per day, the runs with findings marked */
	HTML_CHART_DAMAGING, /* the largest runs of damaging jobs */
	HTML_CHARTS
};

/* One chart: SVG, or with mail as tables. */
void html_chart_write(FILE *out, const struct summary *s, enum html_chart which, int mail);

/* Findings by month, stacked by kind, for the months first to last
 * (summary_month_span, after summary_sort): at most 60 bars, a bar summing
 * rows of the month table over a longer span. */
void html_chart_months(FILE *out, const struct summary *s, int64_t first, int64_t last, int mail);

#endif

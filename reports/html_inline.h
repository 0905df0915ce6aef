/* html_inline: a page's styles made inline for mail readers, which strip
 * <style> (Gmail, Outlook): each start tag is given, as attributes and a
 * style attribute, what the page's style sheet (report_html_style) gives
 * its element and classes. It knows the looks, not the reports: below the
 * page, above nothing. It writes to the caller's FILE and owns nothing. */
#ifndef ALMAUDIT_HTML_INLINE_H
#define ALMAUDIT_HTML_INLINE_H

#include <stddef.h>
#include <stdio.h>

/* Writes the n bytes of html with each start tag's looks inline. Every
 * '<' in it must open a tag and no '>' sit inside an attribute (true of a
 * page whose text from exports is escaped). */
void html_inline_write(FILE *out, const char *html, size_t n);

#endif

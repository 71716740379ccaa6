/**
 * The practice web page the widget is demonstrated on ({@code GET /}: the knowledge base's articles,
 * each section at {@code /#<anchor>}, the link answer sources point to) and how the widget script is
 * served ({@code /widget/clinicfaq-widget.js}, a stable URL that browsers may cache).
 */
package com.clinicfaq.site;

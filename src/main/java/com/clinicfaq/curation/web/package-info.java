/**
 * The knowledge-base pages of the staff console for editors, under {@code /staff/knowledge}: the draft at a
 * glance with its FAQs and articles, forms for FAQs and sections, whole-file editors for the synonyms, the
 * out-of-scope topics and the safety rules, importing an article from its plain text with a preview, and the
 * unanswered questions, each fixed in one step.
 * Every change goes through {@link com.clinicfaq.curation.KnowledgeEditor}, which checks it; each one saved is
 * written to the audit log.
 */
package com.clinicfaq.curation.web;

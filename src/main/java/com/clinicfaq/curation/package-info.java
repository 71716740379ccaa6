/**
 * Keeping the bot right without a developer: the published knowledge base in versions, the shared draft
 * staff edit, publishing with a safety net, and what every instance answers from.
 */
package com.clinicfaq.curation;

/**
 * Keeping the bot right without a developer: the published knowledge base in versions, the shared draft
 * staff edit, publishing with a safety net, what every instance answers from, and the questions visitors
 * asked that it missed (normalised, contact details masked), for staff to answer.
 */
package com.clinicfaq.curation;

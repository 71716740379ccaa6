/**
 * The conversation policy: for each visitor message, which branch applies — an emergency, a question
 * only a clinician can answer, a request to book or talk to a person, small talk, or a question for
 * the knowledge base. Pure Java: the rules and every text the bot says around answers are curated in
 * {@code knowledge-base/policy.yml} (read by {@link com.clinicfaq.policy.PolicyRulesReader}), and
 * {@link com.clinicfaq.policy.ConversationPolicy#decide(String)} returns a sealed
 * {@link com.clinicfaq.policy.Decision} so that callers handle every branch.
 */
package com.clinicfaq.policy;

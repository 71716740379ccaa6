package com.clinicfaq.conversation;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the {@link Outbox} keeps turns and handoff requests while the database is out of reach. How often it is
 * written to the database once it is back is {@code clinicfaq.outbox.replay-interval} (default 2s), read by its
 * schedule.
 *
 * @param path the outbox file (the data folders' check reads the same property before the application starts)
 */
@ConfigurationProperties("clinicfaq.outbox")
record OutboxProperties(@DefaultValue("data/outbox.jsonl") Path path) {}

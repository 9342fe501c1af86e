/**
 * The durable mail outbox: account flows queue their mail with {@link io.gatehouse.outbox.MailOutbox#enqueue}
 * in the same {@link io.gatehouse.UnitOfWork} as the state change that caused it, and an
 * {@link io.gatehouse.outbox.OutboxWorker} sends what is due, with retries and back-off. Delivery is at least
 * once; each message keeps the Message-ID it was queued with, so a receiver can recognise a duplicate.
 */
@NullMarked
package io.gatehouse.outbox;

import org.jspecify.annotations.NullMarked;

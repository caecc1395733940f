package io.tickstock.engine.feed;

/**
 * One trade print.
 *
 * @param symbol     upper-case ticker
 * @param timeMillis SIP/exchange time, Unix epoch milliseconds (UTC)
 * @param price      dollars
 * @param size       shares
 * @param eligible   whether the trade may update a bar (LEAN: not flagged suspicious)
 */
public record Trade(String symbol, long timeMillis, double price, long size, boolean eligible) {}

// TickStock's compact browser frames, format compact-2 (docs/app.md "Compact frames"; CompactFrames.java writes them):
// TickStockFrames.decode(frame) turns an indicators_columns / bars_columns frame back into the contract's batch
// frame (streaming_indicators_batch / streaming_bars_batch, items with published_at) and returns any other frame as
// it is (compact-2's indicator_alerts_batch holds the contract's alerts already: {alerts, count, timestamp}).
// Used by the dashboard and, under Node, by the tests that check the decoded items equal the contract's.
(function (root) {
  'use strict';
  const iso = (ms) => new Date(ms).toISOString();

  function indicators(d) {
    const items = [];
    let at = 0;
    for (let i = 0; i < d.s.length; i++) {
      const series = d.series[d.k[i]];
      const value = series.primary < 0 ? d.v[at++] : d.v[at + series.primary];
      const values = {};
      series.outputs.forEach((name) => { values[name] = d.v[at++]; });
      items.push({
        symbol: d.symbols[d.s[i]],
        indicator: series.indicator,
        value,
        values,
        timestamp: iso(d.t[i]),
        timeframe: series.timeframe,
        metadata: series.metadata,
        published_at: iso(d.p[i]),
      });
    }
    return { event: 'streaming_indicators_batch', data: { indicators: items, count: items.length, timestamp: d.timestamp } };
  }

  function bars(d) {
    const items = [];
    for (let i = 0; i < d.s.length; i++) {
      const bar = {
        symbol: d.symbols[d.s[i]],
        timestamp: iso(d.t[i]),
        timeframe: d.timeframes[d.tf[i]],
        open: d.o[i],
        high: d.h[i],
        low: d.l[i],
        close: d.c[i],
        volume: d.vol[i],
        vwap: d.vwap[i],
        trade_count: d.n[i],
        session: d.sessions[d.m[i]],
        session_id: d.sid[i] < 0 ? null : d.session_ids[d.sid[i]],
        filled: d.f[i] === 1,
      };
      if (d.r[i] > 0) bar.revision = d.r[i];
      bar.published_at = iso(d.p[i]);
      items.push(bar);
    }
    return { event: 'streaming_bars_batch', data: { bars: items, count: items.length, timestamp: d.timestamp } };
  }

  /** The contract's frame for a compact one (version 1); any other frame unchanged. Throws on an unknown version. */
  function decode(frame) {
    if (!frame || (frame.event !== 'indicators_columns' && frame.event !== 'bars_columns')) return frame;
    if (frame.data.version !== 1) throw new Error('compact frame version ' + frame.data.version + ' is not supported');
    return frame.event === 'bars_columns' ? bars(frame.data) : indicators(frame.data);
  }

  const api = { FORMAT: 'compact-2', decode };
  root.TickStockFrames = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : globalThis);

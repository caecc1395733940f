// TickStock live dashboard. Frames arrive as {"event": name, "data": {...}} on /streaming/ws.
// Rendering is batched through requestAnimationFrame; lists are bounded; event text is set with
// textContent only (never parsed as HTML). No frame can stop the page: a handler that throws is counted
// (state.badFrames) and skipped, each panel renders on its own, and times that do not parse show as blank.
(() => {
  'use strict';
  // list lengths: the app's TICKSTOCK_BROWSER_HISTORY, sent in the dashboard_settings frame on connect
  let MAX_PATTERNS = 200, MAX_ALERTS = 200;
  const $ = (id) => document.getElementById(id);
  const nyTime = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hour12: false });
  const nyDateTime = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

  const state = {
    session: null, sessionActive: false, health: null,
    patterns: [], alerts: [], patternCount: 0, alertCount: 0,
    itemsThisSecond: 0, eventsPerSecond: 0, deliveryLagMs: null, lagSamples: [], patternTimes: [], alertTimes: [],
    totals: null, totalsAt: { patterns: 0, alerts: 0 },
    // false from a (re)connect until its snapshot_end frame: the snapshot's items are history (already in the stored
    // totals, published long ago), listed but neither counted nor measured for delivery latency
    live: false,
    symbols: new Set(), chartSymbol: null, dirty: false, markers: 0, badFrames: 0,
  };
  let socket = null;

  // ---- chart -------------------------------------------------------------------------------
  const LC = window.LightweightCharts;
  const chart = LC.createChart($('chart'), {
    layout: { background: { color: '#182029' }, textColor: '#e6e6e6', attributionLogo: true },
    grid: { vertLines: { color: '#22303c' }, horzLines: { color: '#22303c' } },
    timeScale: { timeVisible: true, secondsVisible: false, tickMarkFormatter: (t) => nyTime.format(new Date(t * 1000)) },
    localization: { timeFormatter: (t) => nyDateTime.format(new Date(t * 1000)) + ' NY' },
    autoSize: true,
  });
  const candles = chart.addSeries(LC.CandlestickSeries, { upColor: '#3fb950', downColor: '#f85149', borderVisible: false, wickUpColor: '#3fb950', wickDownColor: '#f85149' });
  const sma = chart.addSeries(LC.LineSeries, { color: '#d29922', lineWidth: 1, priceLineVisible: false, lastValueVisible: false });
  const bbUpper = chart.addSeries(LC.LineSeries, { color: '#2f81f7', lineWidth: 1, lineStyle: 2, priceLineVisible: false, lastValueVisible: false });
  const bbLower = chart.addSeries(LC.LineSeries, { color: '#2f81f7', lineWidth: 1, lineStyle: 2, priceLineVisible: false, lastValueVisible: false });
  const markers = LC.createSeriesMarkers(candles, []);
  let lastBarTime = 0;
  // Live events for the chart's symbol that arrive while its history is loading are held here and applied
  // after the history, so a slow history request never erases newer live bars.
  let pending = null;

  const secs = (iso) => Math.floor(Date.parse(iso) / 1000);
  // New York clock time of an ISO time, '' when it does not parse (never throws).
  const nyClock = (iso) => { const d = new Date(iso); return isNaN(d) ? '' : nyTime.format(d); };
  const localClock = (iso) => { const d = new Date(iso); return isNaN(d) ? '' : d.toLocaleTimeString(); };
  const num = (v) => (typeof v === 'number' && isFinite(v) ? v : null);
  const pct = (v) => (num(v) == null ? '' : (v * 100).toFixed(0) + '%');

  // ---- health charts (CPU, memory, lag over the session) -----------------------------------
  function spark(id, color) {
    const c = LC.createChart($(id), {
      layout: { background: { color: '#182029' }, textColor: '#8b98a5', fontSize: 10, attributionLogo: false },
      grid: { vertLines: { visible: false }, horzLines: { color: '#22303c' } },
      timeScale: { visible: false }, rightPriceScale: { borderVisible: false }, handleScroll: false, handleScale: false, autoSize: true,
    });
    return c.addSeries(LC.LineSeries, { color, lineWidth: 1, priceLineVisible: false });
  }
  const healthSeries = { cpu: spark('health-cpu', '#2f81f7'), memory: spark('health-memory', '#d29922'), lag: spark('health-lag', '#3fb950'),
    stability: spark('health-stability', '#8b98a5') };
  let lastHealthTime = 0;
  // 2 healthy (and connected), 1 warning, 0 critical or the feed disconnected
  const STABILITY = { healthy: 2, warning: 1, critical: 0 };
  function healthPoint(h) {
    const t = secs(h.timestamp);
    if (!(t >= lastHealthTime)) return;
    lastHealthTime = t;
    const cpu = num(h.cpu_percent), mem = num(h.memory_mb), lag = num(h.processing_lag_ms);
    if (cpu != null) healthSeries.cpu.update({ time: t, value: cpu });
    if (mem != null) healthSeries.memory.update({ time: t, value: mem });
    if (lag != null) healthSeries.lag.update({ time: t, value: lag });
    const level = h.connection_status && h.connection_status !== 'connected' ? 0 : STABILITY[h.status];
    if (level != null) {
      healthSeries.stability.update({ time: t, value: level, color: ['#f85149', '#d29922', '#3fb950'][level] });
      state.stabilityPoints = (state.stabilityPoints || 0) + 1;
    }
  }
  // ---- alerts per minute over the session (history, then live) -------------------------------
  const alertChart = LC.createChart($('alert-chart'), {
    layout: { background: { color: '#182029' }, textColor: '#8b98a5', fontSize: 10, attributionLogo: false },
    grid: { vertLines: { visible: false }, horzLines: { color: '#22303c' } },
    timeScale: { visible: false }, rightPriceScale: { borderVisible: false }, handleScroll: false, handleScale: false, autoSize: true,
  });
  const alertBars = alertChart.addSeries(LC.HistogramSeries, { color: '#d29922', priceLineVisible: false });
  const alertMinutes = new Map();
  function countAlert(iso, redraw) {
    const t = secs(iso);
    if (!isFinite(t)) return;
    const m = Math.floor(t / 60) * 60;
    alertMinutes.set(m, (alertMinutes.get(m) || 0) + 1);
    if (redraw) drawAlerts();
  }
  function drawAlerts() {
    alertBars.setData([...alertMinutes.entries()].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time, value })));
    state.alertMinutes = alertMinutes.size;
  }
  async function loadAlertHistory() {
    const rows = await getJson('/streaming/api/alerts?hours=24&limit=500');
    alertMinutes.clear();
    rows.forEach((a) => countAlert(a.timestamp, false));
    drawAlerts();
  }
  async function loadHealth() {
    const rows = await getJson('/streaming/api/health');
    lastHealthTime = 0;
    for (const k of Object.keys(healthSeries)) healthSeries[k].setData([]);
    rows.forEach(healthPoint);
  }

  // ---- pattern markers: one per bar, coloured by the bar's dominant direction, the count when several; the
  // names in a tooltip on hover. They obey the pattern list's type and minimum-confidence filters.
  let chartPatterns = [], markerGroups = new Map();
  const patternKey = (p) => p.symbol + '|' + p.pattern_type + '|' + p.timestamp;
  function passesFilters(p) {
    const fType = $('filter-type').value.trim().toLowerCase(), fConf = parseFloat($('filter-confidence').value) || 0;
    return (!fType || String(p.pattern_type).toLowerCase().includes(fType)) && p.confidence >= fConf;
  }
  function refreshMarkers() {
    markerGroups = new Map();
    for (const p of chartPatterns) {
      const t = secs(p.timestamp);
      if (!isFinite(t) || !passesFilters(p)) continue;
      let g = markerGroups.get(t);
      if (!g) markerGroups.set(t, (g = { bull: 0, bear: 0, patterns: [] }));
      if (p.direction === 'bullish') g.bull++; else if (p.direction === 'bearish') g.bear++;
      g.patterns.push(p);
    }
    const list = [...markerGroups.entries()].sort((a, b) => a[0] - b[0]).map(([time, g]) => {
      const bull = g.bull > g.bear, bear = g.bear > g.bull;
      return { time, position: bear ? 'aboveBar' : 'belowBar', color: bull ? '#3fb950' : bear ? '#f85149' : '#d29922',
               shape: bull ? 'arrowUp' : bear ? 'arrowDown' : 'circle', text: g.patterns.length > 1 ? String(g.patterns.length) : '' };
    });
    markers.setMarkers(list);
    state.markers = list.length;
    state.markedPatterns = list.reduce((n, m) => n + markerGroups.get(m.time).patterns.length, 0);
  }
  const tooltip = $('chart-tooltip');
  chart.subscribeCrosshairMove((param) => {
    const g = param && param.time != null ? markerGroups.get(param.time) : null;
    if (!g || !param.point) { tooltip.hidden = true; return; }
    tooltip.replaceChildren(...g.patterns.map((p) => {
      const row = document.createElement('div');
      row.className = String(p.direction || 'neutral');
      const record = recordOf(p);
      row.textContent = p.pattern_type + ' ' + pct(p.confidence) + (record ? ' · ' + record : '');
      return row;
    }));
    tooltip.hidden = false;
    tooltip.style.left = Math.min(param.point.x + 12, $('chart').clientWidth - 180) + 'px';
    tooltip.style.top = Math.max(param.point.y - 10, 0) + 'px';
  });

  async function getJson(url) {
    const r = await fetch(url, { credentials: 'same-origin' });
    if (!r.ok) throw new Error(url + ': ' + r.status);
    return r.json();
  }

  async function loadChart(symbol) {
    state.chartSymbol = symbol;
    pending = [];
    let bars, patterns, smaRows, bbRows;
    try {
      [bars, patterns, smaRows, bbRows] = await Promise.all([
      getJson(`/streaming/api/bars/${encodeURIComponent(symbol)}?hours=24`),
      getJson(`/streaming/api/patterns/${encodeURIComponent(symbol)}?hours=24`),
      getJson(`/streaming/api/indicators/${encodeURIComponent(symbol)}?hours=24&indicator=SMA`),
      getJson(`/streaming/api/indicators/${encodeURIComponent(symbol)}?hours=24&indicator=BBANDS`),
      ]);
    } catch (e) {
      pending = null; // history unavailable: keep drawing live events
      throw e;
    }
    if (state.chartSymbol !== symbol) return;
    const data = candlesOf(bars);
    candles.setData(data);
    state.candles = data.length;
    lastBarTime = data.length ? data[data.length - 1].time : 0;
    const line = (rows, pick) => rows.map((r) => ({ time: secs(r.timestamp), value: pick(r) })).filter((p) => p.value != null).sort((a, b) => a.time - b.time);
    sma.setData(line(smaRows.filter((r) => r.series === 'SMA_20'), (r) => r.value));
    bbUpper.setData(line(bbRows, (r) => r.metadata && r.metadata.values && r.metadata.values.upper));
    bbLower.setData(line(bbRows, (r) => r.metadata && r.metadata.values && r.metadata.values.lower));
    chartPatterns = Array.isArray(patterns) ? patterns.filter((p) => p && typeof p === 'object') : [];
    refreshMarkers();
    const held = pending;
    pending = null;
    held.forEach((apply) => apply());
    chart.timeScale().fitContent();
  }

  // Candles from bar rows, oldest first, without rows whose time or prices are not numbers.
  function candlesOf(bars) {
    if (!Array.isArray(bars)) return [];
    return bars.map((b) => ({ time: secs(b.timestamp), open: num(b.open), high: num(b.high), low: num(b.low), close: num(b.close) }))
      .filter((c) => isFinite(c.time) && c.open != null && c.high != null && c.low != null && c.close != null)
      .sort((a, b) => a.time - b.time);
  }

  function chartBar(b) {
    if (b.symbol !== state.chartSymbol) return;
    if (pending) { pending.push(() => chartBar(b)); return; }
    const t = secs(b.timestamp);
    if (!isFinite(t) || t < lastBarTime || num(b.close) == null) return;
    if (t > lastBarTime) state.candles = (state.candles || 0) + 1;
    lastBarTime = t;
    candles.update({ time: t, open: b.open, high: b.high, low: b.low, close: b.close });
  }

  function chartIndicator(c) {
    if (c.symbol !== state.chartSymbol) return;
    if (pending) { pending.push(() => chartIndicator(c)); return; }
    const t = secs(c.timestamp);
    if (!isFinite(t) || t < lastBarTime) return;
    if (c.indicator === 'SMA' && c.metadata && c.metadata.period === 20) sma.update({ time: t, value: c.value });
    if (c.indicator === 'BBANDS' && c.values) { bbUpper.update({ time: t, value: c.values.upper }); bbLower.update({ time: t, value: c.values.lower }); }
  }

  function chartPattern(p) {
    if (p.symbol !== state.chartSymbol) return;
    if (pending) { pending.push(() => chartPattern(p)); return; }
    if (!isFinite(secs(p.timestamp)) || chartPatterns.some((q) => patternKey(q) === patternKey(p))) return;
    chartPatterns.push(p);
    refreshMarkers();
  }

  function unchartPattern(p) {
    if (p.symbol !== state.chartSymbol) return;
    chartPatterns = chartPatterns.filter((q) => patternKey(q) !== patternKey(p));
    refreshMarkers();
  }

  function addSymbol(sym) {
    if (!sym || state.symbols.has(sym)) return;
    state.symbols.add(sym);
    const opt = document.createElement('option');
    opt.value = sym;
    $('symbols').appendChild(opt);
    if (!state.chartSymbol) { $('chart-symbol').value = sym; chooseChart(sym); }
  }
  // The chart's symbol decides which bars and indicator values this browser subscribes to.
  function chooseChart(sym) {
    state.chartSymbol = sym;
    const q = encodeURIComponent(sym);
    $('export-bars').href = `/streaming/api/bars/${q}?hours=24&format=csv`;
    $('export-patterns').href = `/streaming/api/patterns/${q}?hours=24&format=csv`;
    subscribe();
    loadChart(sym).catch(console.error);
  }
  $('chart-symbol').addEventListener('change', (e) => {
    const sym = e.target.value.trim().toUpperCase();
    if (/^[A-Z][A-Z0-9.]{0,9}$/.test(sym)) chooseChart(sym);
  });
  function subscribe() {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    const chart = state.chartSymbol ? [state.chartSymbol] : [];
    socket.send(JSON.stringify({ action: 'subscribe', format: TickStockFrames.FORMAT, streams: { pattern: '*', alert: '*', bar: chart, indicator: chart } }));
  }

  // ---- events ------------------------------------------------------------------------------
  // Delivery lag: engine publication (published_at) → this browser, kept for the last minute.
  function latency(item) {
    if (!item || !item.published_at) return;
    const now = Date.now(), lag = now - Date.parse(item.published_at);
    if (!isFinite(lag)) return;
    state.deliveryLagMs = lag;
    state.lagSamples.push([now, lag]);
    if (state.lagSamples.length > 20000) state.lagSamples.splice(0, 10000);
  }
  // p50 and p95 of the last minute's delivery lags; null when nothing arrived in the last 10 s (nothing flows).
  function lagPercentiles(now) {
    const recent = state.lagSamples.filter(([t]) => now - t <= 60000);
    state.lagSamples = recent;
    if (!recent.length || now - recent[recent.length - 1][0] > 10000) return null;
    const lags = recent.map(([, l]) => l).sort((a, b) => a - b);
    const at = (q) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))];
    return { p50: at(0.5), p95: at(0.95) };
  }
  // Items per minute over the last minute, from the receipt times in {@code times} (pruned in place).
  function perMinute(times, now) {
    while (times.length && now - times[0] > 60000) times.shift();
    return times.length;
  }

  // A reconnect's snapshot repeats recent patterns and alerts: each (symbol, type, bar) is counted and listed once.
  const seen = new Set();
  function firstTime(p) {
    const key = p.symbol + '|' + p.pattern_type + '|' + p.timestamp;
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > 20000) seen.delete(seen.values().next().value);
    return true;
  }

  function onPattern(p) {
    if (!p || typeof p.symbol !== 'string' || !isFinite(Date.parse(p.timestamp))) { state.badFrames++; return; }
    if (!firstTime(p)) return;
    state.patterns.unshift(p);
    if (state.patterns.length > MAX_PATTERNS) state.patterns.length = MAX_PATTERNS;
    addSymbol(p.symbol);
    chartPattern(p);
    if (!state.live) return;
    state.itemsThisSecond++;
    state.patternCount++;
    state.patternTimes.push(Date.now());
    latency(p);
    refreshTotalsWhenQuiet();
    if (wantsNotification(p)) notify(`${p.symbol}: ${p.pattern_type}`, `confidence ${pct(p.confidence)}`);
  }

  // A retraction deletes one stored row, whether this browser counted the pattern live or it was already stored.
  function onRetracted(p) {
    state.patterns = state.patterns.filter((q) => !(q.symbol === p.symbol && q.pattern_type === p.pattern_type && q.timestamp === p.timestamp));
    if (state.live) { state.patternCount--; refreshTotalsWhenQuiet(); }
    seen.delete(p.symbol + '|' + p.pattern_type + '|' + p.timestamp);
    unchartPattern(p);
  }

  function onAlert(a) {
    if (!a || typeof a.symbol !== 'string') { state.badFrames++; return; }
    if (!firstTime({ symbol: a.symbol, pattern_type: 'alert:' + a.alert_type, timestamp: a.timestamp })) return;
    state.alerts.unshift({ kind: 'indicator', ...a });
    if (state.alerts.length > MAX_ALERTS) state.alerts.length = MAX_ALERTS;
    if (!state.live) return; // the alert chart's history comes from /streaming/api/alerts
    state.itemsThisSecond++;
    state.alertCount++;
    state.alertTimes.push(Date.now());
    countAlert(a.timestamp, true);
    latency(a);
    refreshTotalsWhenQuiet();
  }

  function onCritical(a) {
    if (!a || typeof a !== 'object') { state.badFrames++; return; }
    state.itemsThisSecond++;
    state.alerts.unshift({ kind: 'critical', ...a });
    if (state.alerts.length > MAX_ALERTS) state.alerts.length = MAX_ALERTS;
    if ((a.severity === 'critical' || a.severity === 'error') && notifySetting('critical')) notify('TickStock: ' + (a.component || 'alert'), a.message);
  }

  const list = (v) => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);
  const handlers = {
    streaming_session: (d) => {
      const changed = !state.session || !d.session || state.session.session_id !== d.session.session_id;
      state.session = d.session; state.sessionActive = d.type === 'streaming_session_started';
      if (changed) { state.totals = null; loadTotals().catch(() => {}); }
      if (!state.sessionActive && state.live) refreshTotalsWhenQuiet(); // the final totals, once the rows are written
    },
    streaming_health: (d) => { if (!d.health || typeof d.health !== 'object') { state.badFrames++; return; }
      if (d.health.status === 'critical' && (!state.health || state.health.status !== 'critical') && notifySetting('health'))
        notify('TickStock health: critical', (Array.isArray(d.health.issues) ? d.health.issues : []).join('; ') || 'the engine reports critical health');
      state.health = d.health; state.itemsThisSecond++; healthPoint(d.health.resource_usage
      ? { timestamp: d.health.timestamp, cpu_percent: d.health.resource_usage.cpu_percent, memory_mb: d.health.resource_usage.memory_mb,
          processing_lag_ms: d.health.data_flow && d.health.data_flow.processing_lag_ms, status: d.health.status,
          connection_status: d.health.connection_status } : d.health); },
    engine_status: (d) => { state.engine = d; },
    backtest_result: (d) => { if (d.job_id && d.job_id === state.recordsJob) loadRecords().catch(() => {}); },
    backtest_progress: () => {},
    snapshot_end: () => { state.live = true; loadTotals().catch(() => {}); },
    dashboard_settings: (d) => {
      const n = num(d.browser_history);
      if (n != null && n >= 10) { MAX_PATTERNS = n; MAX_ALERTS = n; }
      state.settings = d;
    },
    streaming_bars_snapshot: (d) => { // after a (re)connect: the chart symbol's recent bars fill any gap
      if (d.symbol !== state.chartSymbol || pending) return;
      const data = candlesOf(d.bars);
      if (data.length) { candles.setData(data); lastBarTime = data[data.length - 1].time; }
    },
    subscribed: () => {},
    error: (d) => console.warn('server: ' + d.parameter + ': ' + d.message),
    streaming_pattern: (d) => onPattern(d.detection),
    streaming_pattern_retracted: (d) => onRetracted(d.detection),
    streaming_patterns_batch: (d) => list(d.patterns).forEach(onPattern),
    streaming_indicator: (d) => { state.itemsThisSecond++; chartIndicator(d.calculation); },
    streaming_indicators_batch: (d) => list(d.indicators).forEach((c) => { state.itemsThisSecond++; if (state.live) latency(c); addSymbol(c.symbol); chartIndicator(c); }),
    indicator_alert: onAlert,
    indicator_alerts_batch: (d) => list(d.alerts).forEach(onAlert),
    critical_alert: onCritical,
    streaming_bar: (d) => { state.itemsThisSecond++; addSymbol(d.symbol); chartBar(d); },
    streaming_bars_batch: (d) => list(d.bars).forEach((b) => { state.itemsThisSecond++; addSymbol(b.symbol); chartBar(b); }),
  };

  // ---- rendering ---------------------------------------------------------------------------
  function li(parts) {
    const el = document.createElement('li');
    for (const [cls, text] of parts) {
      const span = document.createElement('span');
      if (cls) span.className = cls;
      span.textContent = text;
      el.appendChild(span);
    }
    return el;
  }

  // Each panel renders on its own: one that throws is counted and leaves the others drawn.
  function panel(name, draw) {
    try { draw(); } catch (e) { state.renderErrors = (state.renderErrors || 0) + 1; console.warn('render ' + name, e); }
  }

  function render() {
    state.dirty = false;
    panel('session', renderSession);
    panel('metrics', renderMetrics);
    panel('patterns', renderPatterns);
    panel('alerts', renderAlerts);
    panel('health', renderHealth);
  }

  function renderSession() {
    const s = state.session;
    const lost = state.engine && state.engine.status === 'lost';
    const alarm = $('engine-banner');
    alarm.hidden = !lost;
    if (lost) alarm.textContent = 'Engine lost: no heartbeat' + (state.engine.last_heartbeat ? ' since ' + localClock(state.engine.last_heartbeat) : '')
      + '. The session and health shown may be stale.';
    const banner = $('session-banner');
    banner.dataset.state = s ? (lost && state.sessionActive ? 'lost' : state.sessionActive ? 'active' : 'stopped') : 'none';
    $('session-state').textContent = s ? (lost && state.sessionActive ? 'engine lost' : state.sessionActive ? 'active' : (s.final_status || 'stopped')) : 'none';
    $('session-id').textContent = s ? s.session_id : '';
    $('session-universe').textContent = s && s.universe ? s.universe : '';
    $('session-started').textContent = s && s.started_at ? 'since ' + localClock(s.started_at) : '';
  }

  // Session totals: the stored counts of the latest session (/streaming/api/summary) plus the live items (never the
  // snapshot's) counted since that request was sent, retractions subtracted; before the first answer, the live items.
  // An item published while the request was in flight may be counted twice until the next answer: the totals are
  // asked for every 15 s, after each snapshot, and 3 s after the live items pause (so they settle on the stored
  // counts when a replay or session ends).
  function total(kind, live) {
    if (!state.totals || state.totals[kind] == null) return Math.max(0, live);
    return Math.max(0, state.totals[kind] + live - state.totalsAt[kind]);
  }
  let totalsAsked = 0, quietTimer = null;
  async function loadTotals() {
    const asked = ++totalsAsked;
    const livePatterns = state.patternCount, liveAlerts = state.alertCount;
    const s = await getJson('/streaming/api/summary');
    if (asked !== totalsAsked) return; // a later request answers for a later moment
    const sid = s && s.session ? s.session.session_id : null;
    if (state.session && sid !== state.session.session_id) return; // the summary's latest session is not ours yet
    state.totals = { patterns: num(s.total_patterns), alerts: num(s.total_alerts) };
    state.totalsAt = { patterns: livePatterns, alerts: liveAlerts };
    state.totalsLoaded = (state.totalsLoaded || 0) + 1;
    schedule();
  }
  function refreshTotalsWhenQuiet() {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => loadTotals().catch(() => {}), 3000);
  }
  setInterval(() => loadTotals().catch(() => {}), 15000);

  function renderMetrics() {
    const h = state.health, now = Date.now();
    $('metric-events').textContent = String(state.eventsPerSecond);
    $('metric-patterns').textContent = String(total('patterns', state.patternCount));
    $('metric-patterns-rate').textContent = perMinute(state.patternTimes, now) + ' / min';
    $('metric-alerts').textContent = String(total('alerts', state.alertCount));
    $('metric-alerts-rate').textContent = perMinute(state.alertTimes, now) + ' / min';
    $('metric-symbols').textContent = h ? String(h.active_symbols) : '–';
    // engine lag: the latest health's processing lag, while the session runs and the health is fresh (< 60 s)
    const fresh = h && state.sessionActive && now - Date.parse(h.timestamp) < 60000 && h.data_flow && num(h.data_flow.processing_lag_ms) != null;
    $('metric-lag').textContent = fresh ? h.data_flow.processing_lag_ms + ' ms' : '—';
    const d = lagPercentiles(now);
    state.deliveryLag = d;
    $('metric-delivery').textContent = d ? d.p50 + ' / ' + d.p95 + ' ms' : '—';
  }

  // ---- each pattern's record (pattern_scorecard, 5 bars after its detections; 1min history preferred over daily) ----
  const records = new Map();
  async function loadRecords() {
    const rows = await getJson('/streaming/api/scorecard?horizon=5');
    records.clear();
    for (const r of rows) {
      const key = r.symbol + '|' + r.pattern + '|' + r.direction;
      const had = records.get(key);
      if (!had || (had.timeframe !== '1min' && r.timeframe === '1min')) records.set(key, r);
    }
    state.records = records.size;
    schedule();
  }
  // "↑ 58% vs 51% · 5 days · n=212": the share that moved the pattern's way against the share of all the symbol's bars
  // that did (the base rate); '' without a record
  function recordRow(p) {
    const r = records.get(p.symbol + '|' + p.pattern_type + '|' + (p.direction || 'neutral'));
    return r && r.count && typeof r.hit_rate === 'number' ? r : null;
  }
  function recordOf(p) {
    const r = recordRow(p);
    if (!r) return '';
    const base = typeof r.base_hit_rate === 'number' ? ' vs ' + Math.round(r.base_hit_rate * 100) + '%' : '';
    return (p.direction === 'bearish' ? '↓' : '↑') + ' ' + Math.round(r.hit_rate * 100) + '%' + base + ' · 5 ' + (r.timeframe === 'daily' ? 'days' : 'bars') + ' · n=' + r.count + (beatsBase(r) ? ' ★' : '');
  }
  // whether the hit rate's 95 % interval lies wholly above the base rate (better than any bar, beyond chance)
  function beatsBase(r) {
    return typeof r.hit_rate_low === 'number' && typeof r.base_hit_rate === 'number' && r.hit_rate_low > r.base_hit_rate;
  }
  function recordClass(p) {
    const r = recordRow(p);
    return r && beatsBase(r) ? 'record beats-base' : 'record';
  }
  loadRecords().catch(() => {});
  setInterval(() => loadRecords().catch(() => {}), 300000);
  // asks a backtest worker to recompute the records of the session's symbols; reloads them when it reports back
  $('refresh-records').addEventListener('click', async () => {
    const b = $('refresh-records');
    b.disabled = true;
    try {
      const r = await fetch('/streaming/api/scorecard/refresh', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      const body = await r.json().catch(() => ({}));
      state.recordsJob = body.job_id;
      b.title = r.ok ? (body.workers ? 'recomputing ' + body.symbols + ' symbols…' : 'no backtest worker is running') : String(body.error || r.status);
    } finally {
      setTimeout(() => { b.disabled = false; }, 5000);
    }
  });

  function renderPatterns() {
    const fSym = $('filter-symbol').value.trim().toUpperCase(), fType = $('filter-type').value.trim().toLowerCase();
    const fConf = parseFloat($('filter-confidence').value) || 0;
    const list = $('pattern-list');
    const items = state.patterns.filter((p) => (!fSym || p.symbol === fSym) && (!fType || String(p.pattern_type).toLowerCase().includes(fType)) && p.confidence >= fConf);
    list.replaceChildren(...items.slice(0, 100).map((p) => li([['sym', p.symbol], [String(p.direction || 'neutral'), String(p.pattern_type)],
      ['', pct(p.confidence)], [recordClass(p), recordOf(p)], ['time', nyClock(p.timestamp)]])));
  }

  function renderAlerts() {
    const fSym = $('filter-alert-symbol').value.trim().toUpperCase();
    const shown = fSym ? state.alerts.filter((a) => a.kind === 'indicator' && a.symbol === fSym) : state.alerts;
    $('alert-list').replaceChildren(...shown.slice(0, 60).map((a) => a.kind === 'critical'
      ? li([['sev-' + a.severity, String(a.severity)], ['', a.component + ': ' + a.message], ['time', localClock(a.timestamp)]])
      : li([['sym', a.symbol], ['sev-' + a.severity, String(a.alert_type)], ['', a.data && num(a.data.value) != null ? a.data.value.toFixed(2) : ''],
            ['time', nyClock(a.timestamp)]])));
  }

  function renderHealth() {
    const h = state.health;
    if (state.engine && state.engine.status === 'lost') {
      $('health-status').textContent = 'engine lost';
      $('health-status').dataset.status = 'critical';
    } else if (h) {
      $('health-status').textContent = h.status;
      $('health-status').dataset.status = h.status;
    }
    if (h) {
      const rows = [['connection', h.connection_status], ['ticks/s', h.data_flow && h.data_flow.ticks_per_second],
        ['bars/min', h.data_flow && h.data_flow.bars_per_minute], ['lag ms', h.data_flow && h.data_flow.processing_lag_ms],
        ['CPU %', h.resource_usage && h.resource_usage.cpu_percent], ['memory MB', h.resource_usage && h.resource_usage.memory_mb],
        ['threads', h.resource_usage && h.resource_usage.threads_active], ['stale symbols', h.stale_symbols ? h.stale_symbols.count : 0]];
      const dl = $('health');
      dl.replaceChildren();
      for (const [k, v] of rows) {
        const dt = document.createElement('dt'); dt.textContent = k;
        const dd = document.createElement('dd'); dd.textContent = v == null ? '–' : String(v);
        dl.append(dt, dd);
      }
      $('health-issues').replaceChildren(...(Array.isArray(h.issues) ? h.issues : []).map((i) => li([['', String(i)]])));
    }
  }

  function schedule() {
    if (!state.dirty) { state.dirty = true; requestAnimationFrame(render); }
  }
  ['filter-symbol', 'filter-type', 'filter-confidence'].forEach((id) => $(id).addEventListener('input', schedule));
  ['filter-type', 'filter-confidence'].forEach((id) => $(id).addEventListener('input', refreshMarkers));
  $('filter-alert-symbol').addEventListener('input', schedule);
  setInterval(() => { state.eventsPerSecond = state.itemsThisSecond; state.itemsThisSecond = 0; schedule(); }, 1000);

  // ---- notifications: critical alerts and the pattern types chosen in "notify on" ----------
  function notify(title, body) {
    if ('Notification' in window && Notification.permission === 'granted') new Notification(title, { body });
  }
  function notifyPatterns() {
    return new Set($('notify-patterns').value.split(/[ ,]+/).filter(Boolean).map((t) => t.toUpperCase()));
  }
  // Switches kept per browser: 'patterns' (the names in "notify on"), 'confident' (confidence ≥ 0.8), 'critical'
  // (critical and error alerts), 'health' (health turning critical); all on by default.
  const NOTIFY_SWITCHES = ['patterns', 'confident', 'critical', 'health'];
  function notifySetting(name) { return localStorage.getItem('tickstock.notify.' + name) !== 'off'; }
  NOTIFY_SWITCHES.forEach((name) => {
    const box = $('notify-on-' + name);
    box.checked = notifySetting(name);
    box.addEventListener('change', () => localStorage.setItem('tickstock.notify.' + name, box.checked ? 'on' : 'off'));
  });
  // A pattern named in "notify on" by its pattern_type (Hammer) or its TA-Lib function (CDLHAMMER), or confident.
  function wantsNotification(p) {
    const names = notifyPatterns(), fn = p.metadata && p.metadata.talib_function;
    const named = names.has(String(p.pattern_type).toUpperCase()) || (typeof fn === 'string' && names.has(fn.toUpperCase()));
    return (named && notifySetting('patterns')) || (p.confidence >= 0.8 && notifySetting('confident'));
  }
  $('notify-patterns').value = localStorage.getItem('tickstock.notifyPatterns') || '';
  $('notify-patterns').addEventListener('change', (e) => localStorage.setItem('tickstock.notifyPatterns', e.target.value));
  function askPermission() {
    localStorage.setItem('tickstock.notifyAsked', '1');
    if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission();
  }
  $('notify-button').addEventListener('click', askPermission);
  if (!localStorage.getItem('tickstock.notifyAsked')) askPermission(); // once per browser

  // ---- watchlist: every symbol's row from /streaming/api/watchlist, every 2 s while the page is visible ----------
  // Rows are kept as <tr> elements by symbol and updated in place (no re-creation), re-ordered only when the sort
  // order changes, so 500 symbols cost a few milliseconds per refresh.
  const watch = { rows: [], sortKey: 'symbol', sortDesc: false, trs: new Map() };
  function watchCell(tr, i, text, cls) {
    const td = tr.children[i];
    if (td.textContent !== text) td.textContent = text;
    if (cls !== undefined && td.className !== cls) td.className = cls;
  }
  function heat(change) { // green or red, stronger with the size of the move (±2 % is full strength)
    const a = Math.min(1, Math.abs(change) / 2) * 0.55;
    return change >= 0 ? `rgba(63,185,80,${a.toFixed(2)})` : `rgba(248,81,73,${a.toFixed(2)})`;
  }
  function renderWatchlist() {
    const f = $('watch-filter').value.trim().toUpperCase();
    const k = watch.sortKey, dir = watch.sortDesc ? -1 : 1;
    const rows = watch.rows.filter((r) => !f || r.symbol.startsWith(f)).sort((a, b) => {
      const x = a[k], y = b[k];
      if (x == null && y == null) return a.symbol < b.symbol ? -1 : 1;
      if (x == null) return 1;
      if (y == null) return -1;
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    const body = $('watchlist').querySelector('tbody');
    const ordered = rows.map((r) => {
      let tr = watch.trs.get(r.symbol);
      if (!tr) {
        tr = document.createElement('tr');
        for (let i = 0; i < 6; i++) tr.appendChild(document.createElement('td'));
        tr.children[1].className = 'n'; tr.children[3].className = 'n';
        tr.addEventListener('click', () => { $('chart-symbol').value = r.symbol; chooseChart(r.symbol); });
        watch.trs.set(r.symbol, tr);
      }
      watchCell(tr, 0, r.symbol, 'sym');
      watchCell(tr, 1, num(r.last) == null ? '' : r.last.toFixed(2));
      watchCell(tr, 2, num(r.change_percent) == null ? '' : (r.change_percent >= 0 ? '+' : '') + r.change_percent.toFixed(2), 'n');
      tr.children[2].style.background = num(r.change_percent) == null ? '' : heat(r.change_percent);
      watchCell(tr, 3, num(r.rsi) == null ? '' : r.rsi.toFixed(1), 'n' + (r.rsi >= 70 ? ' sev-warning' : r.rsi <= 30 ? ' sev-info' : ''));
      watchCell(tr, 4, r.pattern || '', r.direction || 'neutral');
      watchCell(tr, 5, nyClock(r.pattern_at), 'time');
      return tr;
    });
    const same = ordered.length === body.children.length && ordered.every((tr, i) => body.children[i] === tr);
    if (!same) body.replaceChildren(...ordered);
    $('watch-count').textContent = rows.length + ' symbols';
    state.watchRows = rows.length;
  }
  async function loadWatchlist() {
    if (document.visibilityState !== 'visible') return;
    watch.rows = await getJson('/streaming/api/watchlist');
    panel('watchlist', renderWatchlist);
  }
  $('watchlist').querySelectorAll('th').forEach((th) => th.addEventListener('click', () => {
    const key = th.dataset.key;
    watch.sortDesc = watch.sortKey === key ? !watch.sortDesc : key !== 'symbol' && key !== 'pattern';
    watch.sortKey = key;
    $('watchlist').querySelectorAll('th').forEach((h) => { h.dataset.sort = h === th ? (watch.sortDesc ? 'desc' : 'asc') : ''; });
    panel('watchlist', renderWatchlist);
  }));
  $('watch-filter').addEventListener('input', () => panel('watchlist', renderWatchlist));
  setInterval(() => loadWatchlist().catch(() => {}), 2000);
  loadWatchlist().catch(() => {});

  // ---- admin: start and stop the engine's session (POST /streaming/api/admin/session/{start|stop}) ----
  async function sessionCommand(action) {
    $('admin-result').textContent = action + '…';
    try {
      const r = await fetch('/streaming/api/admin/session/' + action, { method: 'POST', credentials: 'same-origin' });
      const body = await r.json().catch(() => ({}));
      $('admin-result').textContent = r.ok ? action + ' requested (' + body.engines + ' engine' + (body.engines === 1 ? '' : 's') + ')'
        : String(body.error || r.status);
    } catch (e) { $('admin-result').textContent = 'failed: ' + e.message; }
  }
  $('session-start').addEventListener('click', () => sessionCommand('start'));
  $('session-stop').addEventListener('click', () => sessionCommand('stop'));
  getJson('/streaming/api/me').then((me) => { state.user = me; $('admin').hidden = me.role !== 'admin'; }).catch(() => {});

  // ---- connection --------------------------------------------------------------------------
  // One frame from the server; a frame that is not JSON, names no handler or makes its handler throw is counted and skipped.
  function receive(text) {
    let frame;
    try { frame = TickStockFrames.decode(JSON.parse(text)); } catch (e) { state.badFrames++; console.warn('unreadable frame', e); return; }
    const h = frame && typeof frame === 'object' ? handlers[frame.event] : null;
    if (!h) return;
    try { h(frame.data && typeof frame.data === 'object' ? frame.data : {}); } catch (e) { state.badFrames++; console.warn('frame ' + frame.event + ' skipped', e); }
    schedule();
  }

  let backoff = 500;
  function connect() {
    const conn = $('connection-state');
    conn.dataset.state = 'connecting'; conn.textContent = 'connecting…';
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/streaming/ws');
    socket = ws;
    ws.onopen = () => {
      state.live = false; // until this connection's snapshot_end
      backoff = 500; conn.dataset.state = 'open'; conn.textContent = 'live';
      state.connects = (state.connects || 0) + 1;
      subscribe();
      loadHealth().catch(console.error);
      loadAlertHistory().catch(console.error);
    };
    ws.onmessage = (m) => {
      receive(m.data);
    };
    ws.onclose = (e) => {
      conn.dataset.state = 'closed';
      conn.textContent = 'reconnecting…' + (e.reason ? ' (' + e.reason + ')' : '');
      if (e.code === 1008 || e.code === 4401) { fetch('/streaming/api/status').then((r) => { if (r.status === 401) location.href = '/login'; }); }
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 10000);
    };
  }
  connect();
  loadTotals().catch(() => {});
  window.tickstock = { state, receive, wantsNotification, chart, candles, markerTimes: () => [...markerGroups.keys()] };
})();

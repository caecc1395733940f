// TickStock session history: the sessions table (/streaming/api/sessions) and, for the one opened, its symbols,
// a candle chart of one symbol's bars with its pattern markers, and its pattern and alert lists. Text is set with
// textContent only.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const nyDateTime = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  const nyTime = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hour12: false });
  const when = (iso) => { const d = new Date(iso); return iso && !isNaN(d) ? nyDateTime.format(d) + ' NY' : ''; };
  const clock = (iso) => { const d = new Date(iso); return iso && !isNaN(d) ? nyTime.format(d) : ''; };
  const secs = (iso) => Math.floor(Date.parse(iso) / 1000);
  const duration = (s) => (s == null ? '' : s >= 3600 ? Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min' : Math.floor(s / 60) + ' min ' + (s % 60) + ' s');
  const state = { sessions: [], open: null, symbol: null, bars: 0, markers: 0 };

  async function getJson(url) {
    const r = await fetch(url, { credentials: 'same-origin' });
    if (r.status === 401) { location.href = '/login'; throw new Error('login required'); }
    if (!r.ok) throw new Error(url + ': ' + r.status);
    return r.json();
  }
  function cell(tr, text, cls) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (cls) td.className = cls;
    tr.appendChild(td);
  }

  async function loadSessions() {
    state.sessions = await getJson('/streaming/api/sessions?limit=200');
    const body = $('session-table').querySelector('tbody');
    body.replaceChildren(...state.sessions.map((s) => {
      const tr = document.createElement('tr');
      tr.dataset.session = s.session_id;
      tr.tabIndex = 0;
      cell(tr, when(s.started_at));
      cell(tr, s.universe);
      cell(tr, s.trigger_type);
      cell(tr, duration(s.duration_seconds));
      cell(tr, s.status, 'status-' + s.status);
      for (const k of ['symbol_count', 'bars', 'patterns', 'indicators', 'alerts']) cell(tr, s[k], 'n');
      tr.addEventListener('click', () => openSession(s));
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') openSession(s); });
      return tr;
    }));
    const wanted = new URLSearchParams(location.search).get('session');
    const first = state.sessions.find((s) => s.session_id === wanted);
    if (first) openSession(first);
  }

  // ---- one session ---------------------------------------------------------------------------
  const LC = window.LightweightCharts;
  const chart = LC.createChart($('detail-chart'), {
    layout: { background: { color: '#182029' }, textColor: '#e6e6e6', attributionLogo: true },
    grid: { vertLines: { color: '#22303c' }, horzLines: { color: '#22303c' } },
    timeScale: { timeVisible: true, secondsVisible: false, tickMarkFormatter: (t) => nyTime.format(new Date(t * 1000)) },
    autoSize: true,
  });
  const candles = chart.addSeries(LC.CandlestickSeries, { upColor: '#3fb950', downColor: '#f85149', borderVisible: false, wickUpColor: '#3fb950', wickDownColor: '#f85149' });
  const markers = LC.createSeriesMarkers(candles, []);

  async function openSession(s) {
    state.open = s.session_id;
    document.querySelectorAll('#session-table tr.selected').forEach((r) => r.classList.remove('selected'));
    const row = document.querySelector(`#session-table tr[data-session="${s.session_id}"]`);
    if (row) row.classList.add('selected');
    $('session-detail').hidden = false;
    $('detail-title').textContent = (s.universe || 'Session') + ' · ' + when(s.started_at) + ' · ' + s.status;
    const base = '/streaming/api/sessions/' + encodeURIComponent(s.session_id);
    $('detail-export-patterns').href = base + '/patterns?limit=5000&format=csv';
    $('detail-export-alerts').href = base + '/alerts?limit=5000&format=csv';
    const [symbols, alerts] = await Promise.all([getJson(base + '/symbols'), getJson(base + '/alerts?limit=500')]);
    if (state.open !== s.session_id) return;
    const select = $('detail-symbol');
    select.replaceChildren(...symbols.map((r) => {
      const o = document.createElement('option');
      o.value = r.symbol; o.textContent = r.symbol + ' (' + r.bars + ' bars)';
      return o;
    }));
    $('detail-alerts').replaceChildren(...alerts.map((a) => li([['sym', a.symbol], ['sev-' + a.severity, a.alert_type],
      ['', a.data && typeof a.data.value === 'number' ? a.data.value.toFixed(2) : ''], ['time', clock(a.timestamp)]])));
    state.alerts = alerts.length;
    if (symbols.length) await showSymbol(symbols[0].symbol);
    else { candles.setData([]); markers.setMarkers([]); $('detail-patterns').replaceChildren(); state.bars = 0; }
  }

  async function showSymbol(symbol) {
    const sid = state.open;
    state.symbol = symbol;
    $('detail-symbol').value = symbol;
    const base = '/streaming/api/sessions/' + encodeURIComponent(sid);
    $('detail-export-bars').href = base + '/bars/' + encodeURIComponent(symbol) + '?format=csv';
    const [bars, patterns] = await Promise.all([
      getJson(base + '/bars/' + encodeURIComponent(symbol)),
      getJson(base + '/patterns?limit=5000&symbol=' + encodeURIComponent(symbol)),
    ]);
    if (state.open !== sid || state.symbol !== symbol) return;
    const data = bars.map((b) => ({ time: secs(b.timestamp), open: b.open, high: b.high, low: b.low, close: b.close }))
      .filter((c) => isFinite(c.time)).sort((a, b) => a.time - b.time);
    candles.setData(data);
    state.bars = data.length;
    // one marker per bar, coloured by the dominant direction, with the count when several (as on the live chart)
    const groups = new Map();
    for (const p of patterns) {
      const t = secs(p.timestamp);
      if (!isFinite(t)) continue;
      const g = groups.get(t) || { bull: 0, bear: 0, n: 0 };
      const dir = p.metadata && p.metadata.direction;
      if (dir === 'bullish') g.bull++; else if (dir === 'bearish') g.bear++;
      g.n++;
      groups.set(t, g);
    }
    const list = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([time, g]) => ({
      time, position: g.bear > g.bull ? 'aboveBar' : 'belowBar', color: g.bull > g.bear ? '#3fb950' : g.bear > g.bull ? '#f85149' : '#d29922',
      shape: g.bull > g.bear ? 'arrowUp' : g.bear > g.bull ? 'arrowDown' : 'circle', text: g.n > 1 ? String(g.n) : '' }));
    markers.setMarkers(list);
    state.markers = list.length;
    chart.timeScale().fitContent();
    $('detail-patterns').replaceChildren(...patterns.slice(0, 500).map((p) => li([['sym', p.symbol],
      [(p.metadata && p.metadata.direction) || 'neutral', p.pattern_type], ['', Math.round(p.confidence * 100) + '%'], ['time', clock(p.timestamp)]])));
    state.patterns = patterns.length;
  }
  $('detail-symbol').addEventListener('change', (e) => showSymbol(e.target.value).catch(console.error));

  function li(parts) {
    const el = document.createElement('li');
    for (const [cls, text] of parts) {
      const span = document.createElement('span');
      if (cls) span.className = cls;
      span.textContent = text == null ? '' : String(text);
      el.appendChild(span);
    }
    return el;
  }

  loadSessions().catch(console.error);
  window.tickstockSessions = { state, openSession: (id) => openSession(state.sessions.find((s) => s.session_id === id)) };
})();

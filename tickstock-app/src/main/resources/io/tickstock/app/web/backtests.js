// TickStock backtests: submit a job (POST /streaming/api/backtests), follow it (backtest_progress and
// backtest_result frames on /streaming/ws, and the jobs list), read its result: summary, equity curve, the
// per pattern × symbol table (sortable) and the trades. Text is set with textContent only.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const pct = (v) => (typeof v === 'number' && isFinite(v) ? (v * 100).toFixed(2) + '%' : '–');
  const num = (v, d = 2) => (typeof v === 'number' && isFinite(v) ? v.toFixed(d) : '–');
  const when = (iso) => { const d = new Date(iso); return iso && !isNaN(d) ? d.toLocaleString() : ''; };
  const state = { jobs: [], open: null, result: null, sortKey: 'total_return', sortDesc: true, progress: {}, frames: 0 };

  async function getJson(url, init) {
    const r = await fetch(url, Object.assign({ credentials: 'same-origin' }, init || {}));
    if (r.status === 401) { location.href = '/login'; throw new Error('login required'); }
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw Object.assign(new Error(body.error || String(r.status)), { body });
    return body;
  }
  function cell(tr, text, cls) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }

  // ---- submit ------------------------------------------------------------------------------
  $('job-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const n = (k) => Number(f.get(k));
    const job = {
      symbols: String(f.get('symbols')).split(/[ ,]+/).filter(Boolean),
      start_date: f.get('start_date'), end_date: f.get('end_date'), timeframe: f.get('timeframe'),
      patterns: String(f.get('patterns')).split(/[ ,]+/).filter(Boolean),
      parameters: { initial_capital: n('initial_capital'), commission_rate: n('commission_rate'), slippage_rate: n('slippage_rate'),
        max_position_size: n('max_position_size'), stop_loss_pct: n('stop_loss_pct'), take_profit_pct: n('take_profit_pct'),
        hold_bars: n('hold_bars'), allow_short: f.get('allow_short') === 'on', adjustment: f.get('adjustment') },
    };
    $('job-message').textContent = 'submitting…';
    try {
      const r = await getJson('/streaming/api/backtests', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(job) });
      $('job-message').textContent = 'job ' + r.job_id + ' queued' + (r.note ? ' — ' + r.note : '');
      state.submitted = r.job_id;
      await loadJobs();
    } catch (err) {
      $('job-message').textContent = (err.body && err.body.parameter ? err.body.parameter + ': ' : '') + err.message;
    }
  });

  // ---- jobs --------------------------------------------------------------------------------
  async function loadJobs() {
    state.jobs = await getJson('/streaming/api/backtests?limit=100');
    renderJobs();
  }
  function renderJobs() {
    $('job-table').querySelector('tbody').replaceChildren(...state.jobs.map((j) => {
      const tr = document.createElement('tr');
      tr.dataset.job = j.job_id;
      const live = state.progress[j.job_id];
      const status = live && live.status ? live.status : j.status;
      const progress = live && live.progress != null ? live.progress : j.progress;
      const s = (live && live.summary) || j.summary || {};
      cell(tr, when(j.created_at));
      cell(tr, Array.isArray(j.symbols) ? j.symbols.join(',') : '');
      cell(tr, j.timeframe);
      cell(tr, (j.start_date || '') + ' → ' + (j.end_date || ''));
      cell(tr, status + (j.error ? ': ' + j.error : ''), 'status-' + status);
      cell(tr, Math.round((progress || 0) * 100) + '%', 'n');
      cell(tr, s.trades, 'n');
      cell(tr, pct(s.total_return), 'n');
      cell(tr, num(s.sharpe), 'n');
      const actions = cell(tr, '');
      if (status === 'queued' || status === 'running') {
        const b = document.createElement('button');
        b.type = 'button'; b.textContent = 'Cancel';
        b.addEventListener('click', (e) => { e.stopPropagation(); getJson('/streaming/api/backtests/' + j.job_id + '/cancel', { method: 'POST' }).catch(console.error); });
        actions.appendChild(b);
      }
      if (status === 'completed') tr.addEventListener('click', () => openResult(j.job_id));
      return tr;
    }));
  }

  // ---- one result --------------------------------------------------------------------------
  const LC = window.LightweightCharts;
  const chart = LC.createChart($('equity-chart'), {
    layout: { background: { color: '#182029' }, textColor: '#e6e6e6', attributionLogo: true },
    grid: { vertLines: { color: '#22303c' }, horzLines: { color: '#22303c' } }, autoSize: true,
  });
  const equity = chart.addSeries(LC.LineSeries, { color: '#2f81f7', lineWidth: 2, title: 'strategy' });
  // buy and hold of the job's symbols, equal weight, same capital and costs
  const benchmark = chart.addSeries(LC.LineSeries, { color: '#d29922', lineWidth: 1, lineStyle: LC.LineStyle.Dashed, title: 'buy & hold' });
  // the strategy's drawdown from its running peak, in percent (0 at a new high)
  const ddChart = LC.createChart($('drawdown-chart'), {
    layout: { background: { color: '#182029' }, textColor: '#e6e6e6', attributionLogo: true },
    grid: { vertLines: { color: '#22303c' }, horzLines: { color: '#22303c' } }, autoSize: true,
  });
  const drawdown = ddChart.addSeries(LC.AreaSeries, { lineColor: '#f85149', topColor: 'rgba(248,81,73,0.05)', bottomColor: 'rgba(248,81,73,0.4)', lineWidth: 1,
    invertFilledArea: true, priceFormat: { type: 'custom', formatter: (v) => v.toFixed(1) + '%' } });
  // one series' points by second (a later point of the same second wins), in time order
  function line(points, value) {
    const bySecond = new Map();
    for (const p of points || []) bySecond.set(Math.floor(Date.parse(p.timestamp) / 1000), value(p));
    return [...bySecond.entries()].sort((a, b) => a[0] - b[0]).map(([time, v]) => ({ time, value: v }));
  }

  // the trades on a candle chart of one symbol (when the result carries its bars: at most 50,000 in all)
  const candleChart = LC.createChart($('candle-chart'), {
    layout: { background: { color: '#182029' }, textColor: '#e6e6e6', attributionLogo: true },
    grid: { vertLines: { color: '#22303c' }, horzLines: { color: '#22303c' } }, autoSize: true,
    timeScale: { timeVisible: true, secondsVisible: false },
  });
  const candles = candleChart.addSeries(LC.CandlestickSeries, { upColor: '#3fb950', downColor: '#f85149', borderVisible: false, wickUpColor: '#3fb950', wickDownColor: '#f85149' });
  const tradeMarkers = LC.createSeriesMarkers(candles, []);
  function drawTrades(symbol) {
    const r = state.result;
    const bars = (r && r.candles && r.candles[symbol]) || [];
    candles.setData(bars.map((b) => ({ time: b.time, open: b.open, high: b.high, low: b.low, close: b.close })));
    const secs = (iso) => Math.floor(Date.parse(iso) / 1000);
    const marks = [];
    for (const t of (r ? r.trades : []).filter((x) => x.symbol === symbol)) {
      const long = t.side === 'long';
      marks.push({ time: secs(t.entry_time), position: long ? 'belowBar' : 'aboveBar', color: long ? '#3fb950' : '#f85149',
        shape: long ? 'arrowUp' : 'arrowDown', text: '' });
      marks.push({ time: secs(t.exit_time), position: long ? 'aboveBar' : 'belowBar', color: t.pnl >= 0 ? '#3fb950' : '#f85149',
        shape: 'circle', text: '' });
    }
    marks.sort((a, b) => a.time - b.time);
    tradeMarkers.setMarkers(bars.length ? marks : []);
    state.tradeMarkers = bars.length ? marks.length : 0;
    candleChart.timeScale().fitContent();
  }
  $('candle-symbol').addEventListener('change', (e) => drawTrades(e.target.value));

  async function openResult(id) {
    const job = await getJson('/streaming/api/backtests/' + id);
    state.open = id; state.result = job.results;
    $('result').hidden = false;
    $('result-title').textContent = 'Result · ' + (job.config && job.config.symbols ? job.config.symbols.join(',') : '') + ' · ' + id;
    $('result-csv').href = '/streaming/api/backtests/' + id + '?format=csv';
    const s = job.results.summary;
    const rows = [['final equity', num(s.final_equity)], ['total return', pct(s.total_return)], ['CAGR', pct(s.cagr)],
      ['buy & hold', pct(s.benchmark_return)], ['buy & hold CAGR', pct(s.benchmark_cagr)], ['alpha', pct(s.alpha)],
      ['Sharpe', num(s.sharpe)], ['Sortino', num(s.sortino)], ['Calmar', num(s.calmar)], ['max drawdown', pct(s.max_drawdown)],
      ['longest drawdown', s.max_drawdown_duration_days == null ? '–' : Math.round(s.max_drawdown_duration_days) + ' days'],
      ['win rate', pct(s.win_rate)], ['profit factor', num(s.profit_factor)], ['expectancy', num(s.expectancy)],
      ['avg win', num(s.avg_win)], ['avg loss', num(s.avg_loss)], ['exposure', pct(s.exposure)], ['trades', String(s.trades)]];
    for (const [name, g] of Object.entries(Object.assign({}, s.by_side, s.by_exit_reason)))
      rows.push([name.replace(/_/g, ' '), g.trades + ' · ' + pct(g.win_rate) + ' · ' + num(g.pnl)]);
    const adj = job.results.adjustment || {};
    rows.push(['prices', Object.entries(adj).map(([sym, a]) => sym + ' ' + a).join(', ') || '–']);
    $('result-summary').replaceChildren(...rows.flatMap(([k, v]) => {
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = v;
      return [dt, dd];
    }));
    $('result-warnings').replaceChildren(...(job.results.warnings || []).map((w) => { const li = document.createElement('li'); li.textContent = w; return li; }));
    const strategy = line(job.results.equity_curve, (p) => p.equity);
    equity.setData(strategy);
    benchmark.setData(line(job.results.benchmark_curve, (p) => p.equity));
    let peak = s.initial_capital;
    drawdown.setData(strategy.map((p) => { peak = Math.max(peak, p.value); return { time: p.time, value: (p.value / peak - 1) * 100 }; }));
    // after the panel is laid out (it was hidden): the whole range
    requestAnimationFrame(() => { chart.timeScale().fitContent(); ddChart.timeScale().fitContent(); });
    state.equityPoints = strategy.length;
    state.benchmarkPoints = (job.results.benchmark_curve || []).length;
    renderPatterns();
    const symbols = Object.keys(job.results.candles || {});
    $('candle-symbol').replaceChildren(...symbols.map((sym) => { const o = document.createElement('option'); o.value = sym; o.textContent = sym; return o; }));
    if (symbols.length) drawTrades(symbols[0]);
    $('trade-table').querySelector('tbody').replaceChildren(...job.results.trades.slice(0, 1000).map((t) => {
      const tr = document.createElement('tr');
      cell(tr, t.symbol); cell(tr, t.pattern); cell(tr, t.side, t.side === 'long' ? 'bullish' : 'bearish');
      cell(tr, when(t.entry_time)); cell(tr, num(t.entry_price), 'n'); cell(tr, when(t.exit_time)); cell(tr, num(t.exit_price), 'n');
      cell(tr, t.shares, 'n'); cell(tr, t.exit_reason); cell(tr, num(t.pnl), 'n ' + (t.pnl >= 0 ? 'bullish' : 'bearish'));
      return tr;
    }));
  }
  function renderPatterns() {
    if (!state.result) return;
    const k = state.sortKey, dir = state.sortDesc ? -1 : 1;
    const rows = state.result.by_pattern_symbol.slice().sort((a, b) => {
      const x = a[k], y = b[k];
      if (x == null) return 1;
      if (y == null) return -1;
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    $('pattern-table').querySelector('tbody').replaceChildren(...rows.map((g) => {
      const tr = document.createElement('tr');
      cell(tr, g.pattern); cell(tr, g.symbol); cell(tr, g.trades, 'n'); cell(tr, pct(g.win_rate), 'n'); cell(tr, pct(g.avg_return), 'n');
      cell(tr, pct(g.median_return), 'n'); cell(tr, pct(g.total_return), 'n'); cell(tr, num(g.profit_factor), 'n');
      cell(tr, num(g.sharpe), 'n'); cell(tr, pct(g.max_drawdown), 'n'); cell(tr, num(g.avg_bars_held, 1), 'n');
      return tr;
    }));
    state.patternRows = rows.length;
  }
  $('pattern-table').querySelectorAll('th').forEach((th) => th.addEventListener('click', () => {
    state.sortDesc = state.sortKey === th.dataset.key ? !state.sortDesc : !['pattern', 'symbol'].includes(th.dataset.key);
    state.sortKey = th.dataset.key;
    $('pattern-table').querySelectorAll('th').forEach((h) => { h.dataset.sort = h === th ? (state.sortDesc ? 'desc' : 'asc') : ''; });
    renderPatterns();
  }));

  // ---- live progress over the WebSocket (broadcast frames; no stream subscribed) ----------------
  function connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/streaming/ws');
    ws.onopen = () => ws.send(JSON.stringify({ action: 'subscribe', streams: {} }));
    ws.onmessage = (m) => {
      let f; try { f = JSON.parse(m.data); } catch (e) { return; }
      if (!f || (f.event !== 'backtest_progress' && f.event !== 'backtest_result') || !f.data || !f.data.job_id) return;
      state.frames++;
      state.progress[f.data.job_id] = Object.assign(state.progress[f.data.job_id] || {}, f.data,
        f.event === 'backtest_result' ? { progress: f.data.status === 'completed' ? 1 : undefined } : {});
      if (f.event === 'backtest_result') loadJobs().catch(console.error); else renderJobs();
    };
    ws.onclose = () => setTimeout(connect, 2000);
  }
  connect();
  loadJobs().catch(console.error);
  window.tickstockBacktests = { state, openResult };
})();

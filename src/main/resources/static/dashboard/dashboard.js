// Orchestration dashboard (SPEC §10.3). Plain browser JavaScript, no build step; charts by ECharts (WebJar).
//
// Safety rules of this file: every text that comes from the API is put into the page as text (textContent,
// createTextNode) — never as markup; the only HTML strings are ECharts tooltips, and every value in them goes through
// esc(). No inline event handlers (the page's Content-Security-Policy forbids inline script anyway).
//
// Data: /api/** with the Camunda webapp session (one login for Tasklist, Cockpit and this page). A panel whose
// endpoint answers 404 says "not available" and the others carry on.
(function () {
  'use strict';

  const STATES = ['PENDING', 'IN_PLANNING', 'ASSIGNED', 'IN_PROGRESS', 'BLOCKED', 'ESCALATED', 'UNDER_REVIEW',
    'DOMAIN_REVIEW', 'READY_FOR_HANDOFF', 'COMPLETED', 'CANCELLED'];
  const ENDED = ['COMPLETED', 'CANCELLED', 'REJECTED'];
  // Display colours of the capacity bands. The band of each IC and domain, and the boundaries the heat-map and the
  // utilisation chart colour by, come from the API (DMN capacity-bands: GET /api/capacity → bands).
  const BAND_COLOURS = { HEALTHY: '#2f9e44', CAUTION: '#e6a700', NO_NEW_WORK: '#e8590c', OVERSUBSCRIBED: '#c92a2a' };
  const REFRESH_MILLIS = 60000;

  const state = { user: null, groups: [], charts: {}, instructions: [], selected: null, feed: null,
    feedLastId: null, feedRetry: 1000, refreshTimer: null };

  // ------------------------------------------------------------------------------------------ DOM and formats

  function $(id) { return document.getElementById(id); }

  /** el('td', {class: 'num', dataset: {value: 3}}, 'text', childNode) — strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (name === 'dataset') Object.entries(value).forEach(([k, v]) => { node.dataset[k] = String(v); });
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child == null || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Escapes text for the HTML of ECharts tooltips. */
  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"'`]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]);
  }

  function hours(v) { return v == null ? '—' : Number(v).toFixed(1) + ' h'; }
  function percent(ratio) { return ratio == null ? '—' : Math.round(Number(ratio) * 100) + ' %'; }
  function when(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString(undefined,
      { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }
  function day(isoDate) {
    const d = new Date(isoDate + 'T12:00:00Z');
    return isNaN(d) ? String(isoDate) : d.toLocaleDateString(undefined,
      { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  }

  function tasklistLink(userTaskId, text) {
    return el('a', { href: '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(userTaskId),
      class: 'tasklist-link' }, text || 'Tasklist');
  }
  function cockpitLink(processInstanceId, text) {
    return el('a', { href: '/camunda/app/cockpit/default/#/process-instance/' + encodeURIComponent(processInstanceId),
      class: 'cockpit-link' }, text || 'Cockpit');
  }

  function table(headers, rows, attrs) {
    return el('div', { class: 'table-scroll' }, el('table', attrs || {},
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : null },
        h.label || h)))),
      el('tbody', {}, rows)));
  }

  /** A numeric cell: the raw API value in data-value, the formatted one as text. */
  function num(value, text, field) {
    return el('td', { class: 'num', dataset: { value: value == null ? '' : value, field: field || '' } }, text);
  }

  function body(panelId) { return document.querySelector('#' + panelId + ' .panel-body'); }

  function replace(panelId, ...children) {
    const target = body(panelId);
    disposeCharts(target);
    target.replaceChildren();
    return append(target, children);
  }

  function unavailable(panelId, why) {
    replace(panelId, el('p', { class: 'unavailable' }, why));
  }

  // ------------------------------------------------------------------------------------------ API

  class ApiError extends Error {
    constructor(status, detail) { super(detail); this.status = status; }
  }

  async function api(path, accept) {
    const response = await fetch(path, { credentials: 'same-origin',
      headers: { Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
    if (response.status === 401) {
      showLogin('Your session has ended; please log in again.');
      throw new ApiError(401, 'not logged in');
    }
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch (e) { /* not JSON */ }
      throw new ApiError(response.status, detail);
    }
    return (accept || '').startsWith('text/') ? response.text() : response.json();
  }

  /** Runs one panel: a 404 means the endpoint is not there (yet) — the panel says so, the others carry on. */
  async function panel(panelId, render) {
    try {
      await render();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      if (e instanceof ApiError && e.status === 404) {
        unavailable(panelId, 'Not available: this server does not provide the data for this panel.');
      } else {
        unavailable(panelId, 'Could not load: ' + (e.message || e));
      }
    }
  }

  // ------------------------------------------------------------------------------------------ login

  async function session() {
    const response = await fetch('/dashboard/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('session check failed: ' + response.status);
    return response.json();
  }

  /** Camunda's CSRF token of this session; a GET under /camunda/api creates one when the session has none. */
  async function csrfToken() {
    const current = await session();
    if (current.csrfToken) return current.csrfToken;
    const response = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
    return response.headers.get('X-XSRF-TOKEN') || (await session()).csrfToken;
  }

  async function login(event) {
    event.preventDefault();
    const user = $('login-user').value.trim();
    const password = $('login-password').value;
    $('login-error').textContent = '';
    if (!user || !password) {
      $('login-error').textContent = 'Enter your user name and password.';
      return;
    }
    $('login-submit').disabled = true;
    try {
      const response = await fetch('/camunda/api/admin/auth/user/default/login/tasklist', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': await csrfToken(),
          Accept: 'application/json' },
        body: new URLSearchParams({ username: user, password: password }) });
      if (!response.ok) {
        $('login-error').textContent = response.status === 401 || response.status === 403
          ? 'User name or password is wrong.' : 'Login failed (' + response.status + ').';
        return;
      }
      $('login-password').value = '';
      await start();
    } catch (e) {
      $('login-error').textContent = 'Login failed: ' + (e.message || e);
    } finally {
      $('login-submit').disabled = false;
    }
  }

  async function logout() {
    closeFeed();
    try {
      await fetch('/camunda/api/admin/auth/user/default/logout', { method: 'POST', credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': await csrfToken(), Accept: 'application/json' } });
    } finally {
      showLogin('You are logged out.');
    }
  }

  function showLogin(message) {
    closeFeed();
    clearTimeout(state.refreshTimer);
    state.user = null;
    $('loading').hidden = true;
    $('dashboard').hidden = true;
    $('who').hidden = true;
    $('login-section').hidden = false;
    $('login-error').textContent = message || '';
    $('login-user').focus();
  }

  async function start() {
    const current = await session();
    $('loading').hidden = true;
    if (!current.userId) {
      showLogin('');
      return;
    }
    state.user = current.userId;
    state.groups = current.groups || [];
    $('who-user').textContent = current.userId;
    $('who').hidden = false;
    $('login-section').hidden = true;
    $('dashboard').hidden = false;
    chooseStandupDefaults();
    await refresh();
    openFeed();
  }

  // ------------------------------------------------------------------------------------------ refresh

  async function refresh() {
    clearTimeout(state.refreshTimer);
    const [capacity, metrics] = await Promise.all([
      api('/api/capacity').catch((e) => e),
      api('/api/metrics').catch((e) => e)]);
    await Promise.all([
      panel('panel-instructions', renderInstructions),
      panel('panel-heatmap', () => renderHeatmap(capacity)),
      panel('panel-domains', () => renderDomains(capacity)),
      panel('panel-wip', () => renderWip(metrics)),
      panel('panel-sla', () => renderSla(metrics)),
      panel('panel-bottlenecks', renderBottlenecks),
      panel('panel-standup', renderStandup)]);
    await panel('panel-critical-path', renderCriticalPath);
    $('updated').textContent = 'Updated ' + new Date().toLocaleTimeString() + ' · refreshes every minute';
    if (state.user) state.refreshTimer = setTimeout(() => refresh().catch(() => {}), REFRESH_MILLIS);
  }

  function chart(container, option) {
    const instance = echarts.init(container, null, { renderer: 'canvas' });
    const label = container.getAttribute('aria-label');
    instance.setOption(Object.assign({ aria: { enabled: true, label: label ? { description: label } : {} },
      animation: false }, option));
    state.charts[container.id] = instance;
    return instance;
  }

  function disposeCharts(root) {
    root.querySelectorAll('.chart').forEach((node) => {
      const instance = echarts.getInstanceByDom(node);
      if (instance) instance.dispose();
      delete state.charts[node.id];
    });
  }

  function throwIfError(value) { if (value instanceof Error) throw value; return value; }

  // ------------------------------------------------------------------------------------------ instructions

  async function renderInstructions() {
    const all = await api('/api/instructions?limit=200');
    const open = all.filter((i) => !ENDED.includes(i.state));
    state.instructions = open;
    const done = all.length - open.length;
    const rows = open.map((i) => el('tr', { dataset: { key: i.key }, class: i.key === state.selected ? 'selected' : null },
      el('td', {}, el('button', { type: 'button', class: 'link choose-instruction', dataset: { key: i.key },
        'aria-label': 'Show the critical path of ' + i.key }, i.key)),
      el('td', {}, i.title),
      num(i.tier, String(i.tier), 'tier'),
      el('td', {}, i.priority),
      el('td', {}, i.state),
      num(i.progress, percent(i.progress), 'progress')));
    const container = el('div', { id: 'chart-instructions', class: 'chart', role: 'img',
      'aria-label': 'Progress of ' + open.length + ' open instructions' });
    container.style.height = Math.max(160, 60 + open.length * 28) + 'px';
    replace('panel-instructions', container,
      el('p', { class: 'muted' }, open.length + ' open, ' + done + ' ended (completed, cancelled or rejected).'),
      table(['Instruction', 'Title', { label: 'Tier', num: true }, 'Priority', 'State', { label: 'Progress', num: true }],
        rows, { id: 'table-instructions' }));
    const sorted = open.slice().reverse();
    chart(container, {
      grid: { left: 140, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: sorted.map((i) => i.key) },
      tooltip: { trigger: 'item', formatter: (p) => {
        const i = sorted[p.dataIndex];
        return '<b>' + esc(i.key) + '</b><br>' + esc(i.title) + '<br>tier ' + esc(i.tier) + ' · ' + esc(i.priority)
          + ' · ' + esc(i.state) + '<br>progress ' + esc(percent(i.progress));
      } },
      series: [{ type: 'bar', data: sorted.map((i) => Math.round(i.progress * 1000) / 10),
        itemStyle: { color: '#0b5cad' }, label: { show: true, position: 'right', formatter: '{c} %' } }]
    }).on('click', (p) => selectInstruction(sorted[p.dataIndex].key));
    fillInstructionChoice(open);
  }

  function fillInstructionChoice(open) {
    const select = $('cp-instruction');
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('instruction');
    const candidates = open.filter((i) => i.tier >= 2 || i.key === fromHash);
    if (!state.selected || !open.some((i) => i.key === state.selected)) {
      const best = fromHash && open.some((i) => i.key === fromHash) ? fromHash
        : (candidates.slice().sort((a, b) => b.tier - a.tier || (a.state === 'EXECUTING' ? -1 : 1))[0] || {}).key;
      state.selected = best || null;
    }
    select.replaceChildren(...candidates.map((i) => el('option', { value: i.key, selected: i.key === state.selected },
      i.key + ' — ' + i.title + ' (tier ' + i.tier + ', ' + i.state + ')')));
  }

  function selectInstruction(key) {
    state.selected = key;
    history.replaceState(null, '', '#instruction=' + encodeURIComponent(key));
    $('cp-instruction').value = key;
    document.querySelectorAll('#table-instructions tr[data-key]').forEach((row) =>
      row.classList.toggle('selected', row.dataset.key === key));
    panel('panel-critical-path', renderCriticalPath);
    $('panel-critical-path').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  // ------------------------------------------------------------------------------------------ capacity

  /**
   * The band boundaries in percent, as DMN capacity-bands gives them (GET /api/capacity → bands); null when capacity
   * could not be read — the page never shows boundaries of its own as if they were the table's.
   */
  function limits(capacity) {
    if (capacity instanceof Error) return null;
    const b = capacity.bands;
    const pct = (v) => Math.round(v * 1000) / 10;
    return { caution: pct(b.cautionFrom), full: pct(b.noNewWorkFrom), over: pct(b.oversubscribedFrom) };
  }

  /** Heat-map colours by band; without the boundaries, one neutral colour for every number. */
  function bandPieces(b) {
    if (!b) return [{ lte: 0, color: '#e9eef3', label: 'nothing' }, { gt: 0, color: '#829ab1', label: 'planned' }];
    return [{ lte: 0, color: '#e9eef3', label: 'nothing' },
      { gt: 0, lt: b.caution, color: BAND_COLOURS.HEALTHY, label: '< ' + b.caution + ' %' },
      { gte: b.caution, lte: b.full, color: BAND_COLOURS.CAUTION, label: b.caution + '–' + b.full + ' %' },
      { gt: b.full, lte: b.over, color: BAND_COLOURS.NO_NEW_WORK, label: b.full + '–' + b.over + ' %' },
      { gt: b.over, color: BAND_COLOURS.OVERSUBSCRIBED, label: '> ' + b.over + ' %' }];
  }

  async function renderHeatmap(capacity) {
    const forecast = await api('/api/capacity/forecast');
    const workload = {};
    if (!(capacity instanceof Error)) capacity.people.forEach((p) => { workload[p.personId] = p; });
    const people = forecast.people.slice().sort((a, b) =>
      String(a.domain).localeCompare(String(b.domain)) || a.personId.localeCompare(b.personId));
    const labels = people.map((p) => p.personId + ' (' + p.domain + ')');
    // one cell per IC and working day (the forecast), and a last column with the IC's 3-day workload (capacity),
    // which — unlike a single day — can pass 100 %
    const cells = [];
    people.forEach((p, y) => {
      p.days.forEach((d, x) => cells.push([x, y, d.utilisation == null ? '-' : Math.round(d.utilisation * 1000) / 10]));
      const w = workload[p.personId];
      if (w) cells.push([p.days.length, y, w.workload == null ? '-' : Math.round(w.workload * 1000) / 10]);
    });
    const container = el('div', { id: 'chart-heatmap', class: 'chart', role: 'img',
      'aria-label': 'Heat-map of planned hours against capacity for ' + people.length + ' ICs over '
        + forecast.days.length + ' working days; the numbers are in the table below' });
    container.style.height = Math.max(240, 90 + people.length * 26) + 'px';
    const rows = [];
    people.forEach((p) => p.days.forEach((d) => rows.push(el('tr', { dataset: { person: p.personId, date: d.date } },
      el('td', {}, p.personId), el('td', {}, p.domain), el('td', {}, day(d.date)),
      num(d.plannedHours, hours(d.plannedHours), 'plannedHours'),
      num(d.capacityHours, hours(d.capacityHours), 'capacityHours'),
      num(d.utilisation, percent(d.utilisation), 'utilisation'),
      el('td', {}, p.availableFrom ? day(p.availableFrom) : '—'),
      workload[p.personId] ? num(workload[p.personId].workload, percent(workload[p.personId].workload), 'workload')
        : el('td', {}, '—')))));
    const misses = people.flatMap((p) => (p.projectedMisses || []).map((m) => el('li', {},
      p.personId + ': ' + m.taskKey + ' due ' + when(m.deadline) + ', projected to finish '
        + (m.projectedFinish ? day(m.projectedFinish) : 'beyond a year'))));
    const b = limits(capacity);
    replace('panel-heatmap', container,
      el('p', { class: 'muted', id: 'heatmap-legend' }, 'Each row is an IC (home domain); each column a working day, '
        + 'the last one the IC\'s workload over all three days (committed hours over capacity). '
        + (b ? 'Colours (DMN capacity-bands): under ' + b.caution + ' % healthy, ' + b.caution + '–' + b.full
          + ' % caution, over ' + b.full + ' % full, over ' + b.over + ' % oversubscribed.'
          : 'Band boundaries unavailable: capacity could not be read.')),
      misses.length ? el('div', {}, el('h3', {}, 'Projected deadline misses'), el('ul', {}, misses)) : null,
      el('details', { id: 'heatmap-numbers' }, el('summary', {}, 'The numbers of the heat-map'),
        table(['IC', 'Domain', 'Day', { label: 'Planned', num: true }, { label: 'Capacity', num: true },
          { label: 'Utilisation', num: true }, 'Free from', { label: '3-day workload', num: true }], rows,
        { id: 'table-heatmap' })));
    chart(container, {
      grid: { left: 190, right: 20, top: 10, bottom: 70 },
      xAxis: { type: 'category', data: forecast.days.map(day).concat(['3-day workload']), splitArea: { show: true } },
      yAxis: { type: 'category', data: labels, inverse: true, splitArea: { show: true } },
      visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 2,
        pieces: bandPieces(b) },
      tooltip: { formatter: (p) => {
        const person = people[p.value[1]];
        const d = person.days[p.value[0]];
        const w = workload[person.personId];
        const head = '<b>' + esc(person.personId) + '</b> (' + esc(person.domain) + ')<br>';
        if (!d) {
          return head + '3 working days: ' + esc(hours(w.committed)) + ' committed of ' + esc(hours(w.capacity))
            + ' (' + esc(percent(w.workload)) + ', ' + esc(w.band) + '), ' + esc(w.openTasks) + ' open tasks';
        }
        return head + esc(day(d.date)) + ': ' + esc(hours(d.plannedHours)) + ' planned of '
          + esc(hours(d.capacityHours)) + ' (' + esc(percent(d.utilisation)) + ')'
          + (person.availableFrom ? '<br>free from ' + esc(day(person.availableFrom)) : '<br>no free day in the horizon');
      } },
      series: [{ type: 'heatmap', data: cells,
        label: { show: true, formatter: (p) => p.value[2] === '-' || p.value[2] === 0 ? '' : p.value[2] + ' %' },
        emphasis: { itemStyle: { borderColor: '#102a43', borderWidth: 1 } } }]
    });
  }

  function renderDomains(capacity) {
    throwIfError(capacity);
    const domains = capacity.domains;
    const bands = limits(capacity);
    const container = el('div', { id: 'chart-domains', class: 'chart', role: 'img',
      'aria-label': 'Utilisation per domain; the numbers are in the table below' });
    const system = capacity.system;
    replace('panel-domains', container,
      el('p', { class: 'muted', id: 'system-utilisation', dataset: { value: system.utilisation == null ? '' : system.utilisation } },
        'System: ' + hours(system.committed) + ' committed of ' + hours(system.capacity) + ' — '
          + percent(system.utilisation)),
      el('details', {}, el('summary', {}, 'The numbers'),
        table(['Domain', { label: 'Committed', num: true }, { label: 'Capacity', num: true },
          { label: 'Utilisation', num: true }, 'Band'], domains.map((d) => el('tr', { dataset: { domain: d.domain } },
          el('td', {}, d.domain), num(d.committed, hours(d.committed), 'committed'),
          num(d.capacity, hours(d.capacity), 'capacity'), num(d.utilisation, percent(d.utilisation), 'utilisation'),
          el('td', {}, el('span', { class: 'badge ' + d.band }, d.band)))), { id: 'table-domains' })));
    chart(container, {
      grid: { left: 70, right: 30, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: domains.map((d) => d.domain) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
      tooltip: { formatter: (p) => {
        const d = domains[p.dataIndex];
        return '<b>' + esc(d.domain) + '</b><br>' + esc(hours(d.committed)) + ' of ' + esc(hours(d.capacity))
          + ' — ' + esc(percent(d.utilisation)) + '<br>' + esc(d.band);
      } },
      series: [{ type: 'bar', data: domains.map((d) => ({ value: d.utilisation == null ? 0 : Math.round(d.utilisation * 1000) / 10,
        itemStyle: { color: BAND_COLOURS[d.band] || '#829ab1' } })),
        label: { show: true, position: 'top', formatter: '{c} %' },
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed' },
          data: [{ yAxis: bands.full, name: 'no new work' }, { yAxis: bands.over, name: 'oversubscribed' }],
          label: { formatter: '{b}' } } }]
    });
  }

  // ------------------------------------------------------------------------------------------ metrics

  /** [[label, value]] from {STATE: n}, {STATE: {count: n}} or [{state, count}] — whichever shape the API gives. */
  function counts(value) {
    if (value == null) return [];
    if (Array.isArray(value)) {
      return value.map((item) => [item.state || item.name || item.key || item.group || item.label,
        Number(item.count != null ? item.count : item.value != null ? item.value : item.wip)]);
    }
    if (typeof value === 'object') {
      return Object.entries(value).map(([k, v]) => [k, typeof v === 'object' && v !== null
        ? Number(v.count != null ? v.count : v.value) : Number(v)]);
    }
    return [];
  }

  function byStateOrder(pairs) {
    return pairs.filter((p) => !isNaN(p[1])).sort((a, b) =>
      (STATES.indexOf(a[0]) + 1 || 99) - (STATES.indexOf(b[0]) + 1 || 99) || String(a[0]).localeCompare(String(b[0])));
  }

  function barChart(panelId, id, pairs, label, colour) {
    const container = el('div', { id: id, class: 'chart', role: 'img', 'aria-label': label });
    replace(panelId, container, el('details', {}, el('summary', {}, 'The numbers'),
      table(['', { label: 'Count', num: true }], pairs.map(([k, v]) => el('tr', { dataset: { key: k } },
        el('td', {}, k), num(v, String(v)))), { id: id.replace('chart', 'table') })));
    chart(container, {
      grid: { left: 50, right: 20, top: 20, bottom: 80 },
      xAxis: { type: 'category', data: pairs.map((p) => p[0]), axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      tooltip: { formatter: (p) => '<b>' + esc(p.name) + '</b>: ' + esc(p.value) },
      series: [{ type: 'bar', barMaxWidth: 48, data: pairs.map((p) => p[1]), itemStyle: { color: colour },
        label: { show: true, position: 'top' } }]
    });
  }

  function renderWip(metrics) {
    const m = throwIfError(metrics);
    const pairs = byStateOrder(counts(m.wipPerState)).filter((p) => p[0] !== 'COMPLETED' && p[0] !== 'CANCELLED');
    if (!pairs.length) { unavailable('panel-wip', 'No work in progress.'); return; }
    barChart('panel-wip', 'chart-wip', pairs, 'Open tasks per lifecycle state; the numbers are in the table below',
      '#0b5cad');
  }

  async function renderSla(metrics) {
    const since = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
    const events = await api('/api/sla-events?kind=BREACH&since=' + encodeURIComponent(since));
    const perState = {};
    events.forEach((e) => { perState[e.state] = (perState[e.state] || 0) + 1; });
    const pairs = byStateOrder(Object.entries(perState));
    const newest = events.slice().sort((a, b) => String(b.firedAt).localeCompare(String(a.firedAt))).slice(0, 12);
    const container = el('div', { id: 'chart-sla', class: 'chart', role: 'img',
      'aria-label': events.length + ' SLA breaches in the last 7 days by state' });
    container.style.height = '220px';
    const fromMetrics = metrics instanceof Error || metrics.slaBreaches == null ? null
      : el('p', { id: 'sla-period', dataset: { value: metrics.slaBreaches.total } }, slaPeriodText(metrics));
    replace('panel-sla',
      el('p', { id: 'sla-count', dataset: { value: events.length } }, events.length + ' breaches in the last 7 days.'),
      events.length ? container : null,
      events.length ? table(['Task', 'State', 'Due', 'Fired', 'Instance'], newest.map((e) => el('tr', {},
        el('td', {}, e.instructionKey + '/' + e.taskKey), el('td', {}, e.state), el('td', {}, when(e.dueAt)),
        el('td', {}, when(e.firedAt)), el('td', {}, e.processInstanceId ? cockpitLink(e.processInstanceId) : '—'))),
      { id: 'table-sla' }) : null,
      fromMetrics);
    if (events.length) {
      chart(container, {
        grid: { left: 40, right: 20, top: 20, bottom: 60 },
        xAxis: { type: 'category', data: pairs.map((p) => p[0]), axisLabel: { rotate: 25, interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        tooltip: { formatter: (p) => '<b>' + esc(p.name) + '</b>: ' + esc(p.value) + ' breaches' },
        series: [{ type: 'bar', barMaxWidth: 48, data: pairs.map((p) => p[1]), itemStyle: { color: BAND_COLOURS.OVERSUBSCRIBED },
          label: { show: true, position: 'top' } }]
      });
    }
  }

  /** The metrics' breaches over their whole period, the states that had any first. */
  function slaPeriodText(metrics) {
    const b = metrics.slaBreaches;
    const states = byStateOrder(Object.entries(b.perState || {})).filter((p) => p[1] > 0)
      .map((p) => p[0] + ' ' + p[1]).join(', ');
    const period = metrics.period ? ' since ' + when(metrics.period.from) : '';
    return b.total + ' breaches' + period + (states ? ' (' + states + ')' : '') + '.';
  }

  /** The three bottleneck findings as sentences with their numbers (SPEC §10.2). */
  function bottleneckCard(id, title, value, line) {
    return el('div', { class: 'card', id: id }, el('h3', {}, title),
      value == null ? el('p', { class: 'muted' }, 'None.') : el('p', {}, line(value)));
  }

  /** Any JSON value as a small definition list (text only). */
  function describe(value) {
    if (value == null) return el('span', { class: 'muted' }, '—');
    if (typeof value !== 'object') return el('span', {}, formatScalar(value));
    if (Array.isArray(value)) {
      return el('ol', {}, value.slice(0, 10).map((v) => el('li', {}, describe(v))));
    }
    return el('dl', {}, Object.entries(value).flatMap(([k, v]) => [el('dt', {}, words(k)), el('dd', {}, describe(v))]));
  }

  /** meanWaitHours → "mean wait hours" */
  function words(key) {
    return String(key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  }

  function formatScalar(v) {
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
    return String(v);
  }

  async function renderBottlenecks() {
    const b = await api('/api/insight/bottlenecks');
    const cards = [
      bottleneckCard('bottleneck-state', 'State or gate', b.stateOrGate, (s) => [el('strong', {}, s.name), ' (' + s.kind + '): '
        + s.wip + ' open × ' + hours(s.meanWaitHours) + ' mean wait = ' + formatScalar(s.score)]),
      bottleneckCard('bottleneck-group', 'Longest queue', b.group, (g) => [el('strong', {}, g.group), ': ' + g.queued
        + ' waiting, the oldest for ' + hours(g.oldestWaitHours)]),
      bottleneckCard('bottleneck-ic', 'Most over capacity', b.overloadedIc, (ic) => [el('strong', {}, ic.personId),
        ' (' + ic.domain + '): ' + percent(ic.workload) + ', ' + String(ic.band).toLowerCase() + ', '
        + hours(ic.committedHours) + ' of ' + hours(ic.capacityHours) + ' — ' + hours(ic.hoursOver) + ' over'])];
    const ranking = Array.isArray(b.ranking) ? b.ranking : [];
    const pairs = ranking.map((r) => [labelOf(r), valueOf(r)]).filter((p) => p[0] != null && !isNaN(p[1]));
    const container = el('div', { id: 'chart-bottlenecks', class: 'chart', role: 'img',
      'aria-label': 'Ranking of states and gates by work in progress times mean wait' });
    container.style.height = '240px';
    replace('panel-bottlenecks', el('div', { class: 'cards' }, cards),
      pairs.length ? container : null,
      ranking.length ? el('details', {}, el('summary', {}, 'The ranking'), describe(ranking)) : null);
    if (pairs.length) {
      chart(container, {
        grid: { left: 150, right: 30, top: 10, bottom: 30 },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: pairs.map((p) => p[0]), inverse: true },
        tooltip: { formatter: (p) => '<b>' + esc(p.name) + '</b>: ' + esc(formatScalar(p.value)) },
        series: [{ type: 'bar', data: pairs.map((p) => p[1]), itemStyle: { color: '#e8590c' } }]
      });
    }
  }

  function labelOf(item) {
    if (item == null || typeof item !== 'object') return item;
    const key = ['stateOrGate', 'state', 'gate', 'name', 'key', 'group', 'label'].find((k) => typeof item[k] === 'string');
    return key ? item[key] : Object.values(item).find((v) => typeof v === 'string');
  }

  function valueOf(item) {
    if (typeof item === 'number') return item;
    if (item == null || typeof item !== 'object') return NaN;
    const key = ['score', 'weight', 'wipTimesMeanWait', 'wipTimesWait', 'value'].find((k) => typeof item[k] === 'number');
    return key ? item[key] : Number(Object.values(item).find((v) => typeof v === 'number'));
  }

  // ------------------------------------------------------------------------------------------ critical path

  async function renderCriticalPath() {
    const key = state.selected;
    if (!key) { unavailable('panel-critical-path', 'No open instruction of tier 2 or more.'); return; }
    const [detail, path] = await Promise.all([api('/api/instructions/' + encodeURIComponent(key)),
      api('/api/instructions/' + encodeURIComponent(key) + '/critical-path').catch((e) => e)]);
    const header = el('p', { id: 'cp-instruction-detail' }, el('strong', {}, detail.key), ' — ', detail.title,
      ' · tier ' + detail.tier + ' · ' + detail.state + ' · ' + percent(detail.progress) + ' done',
      detail.deadline ? ' · deadline ' + when(detail.deadline) : '',
      detail.links && detail.links.cockpit ? [' · ', el('a', { href: detail.links.cockpit, class: 'cockpit-link' },
        'process in Cockpit')] : '');
    if (path instanceof Error) {
      if (path instanceof ApiError && path.status === 404) {
        replace('panel-critical-path', header, el('p', { class: 'unavailable' },
          'Critical path not available: this server does not provide it for ' + key + '.'));
        return;
      }
      throw path;
    }
    const tasks = (path.tasks || []).slice().sort((a, b) =>
      a.earliestStartHours - b.earliestStartHours || String(a.taskKey).localeCompare(String(b.taskKey)));
    const summary = el('dl', { class: 'summary', id: 'cp-summary' },
      fact('Remaining', hours(path.remainingHours), path.remainingHours, 'remainingHours'),
      fact('Original estimate', hours(path.originalHours), path.originalHours, 'originalHours'),
      fact('Projected', hours(path.projectedHours), path.projectedHours, 'projectedHours'),
      fact('Slip', path.slipRatio == null ? '—' : percent(path.slipRatio), path.slipRatio, 'slipRatio'),
      fact('Projected completion', when(path.projectedCompletion), path.projectedCompletion, 'projectedCompletion'));
    const pathText = Array.isArray(path.path) ? path.path.map((p) => typeof p === 'object' ? p.taskKey || labelOf(p) : p)
      .join(' → ') : '';
    const container = el('div', { id: 'chart-critical-path', class: 'chart', role: 'img',
      'aria-label': 'Gantt chart of the remaining tasks of ' + key + ', hours from now; critical tasks in red, '
        + 'slack as a light bar; the numbers are in the table below' });
    container.style.height = Math.max(200, 80 + tasks.length * 30) + 'px';
    const rows = tasks.map((t) => el('tr', { class: t.critical ? 'critical' : null, dataset: { taskKey: t.taskKey } },
      el('td', {}, t.taskKey), el('td', {}, t.title || ''), el('td', {}, t.domain || ''), el('td', {}, t.state || ''),
      el('td', {}, t.assignee || '—'),
      num(t.remainingHours, hours(t.remainingHours), 'remainingHours'),
      num(t.earliestStartHours, hours(t.earliestStartHours), 'earliestStartHours'),
      num(t.earliestFinishHours, hours(t.earliestFinishHours), 'earliestFinishHours'),
      num(t.latestStartHours, hours(t.latestStartHours), 'latestStartHours'),
      num(t.latestFinishHours, hours(t.latestFinishHours), 'latestFinishHours'),
      num(t.slackHours, hours(t.slackHours), 'slackHours'),
      el('td', { dataset: { field: 'critical', value: !!t.critical } }, t.critical ? 'critical' : ''),
      el('td', {}, t.userTaskId ? tasklistLink(t.userTaskId) : null, t.userTaskId && t.processInstanceId ? ' · ' : null,
        t.processInstanceId ? cockpitLink(t.processInstanceId) : null)));
    replace('panel-critical-path', header, summary,
      pathText ? el('p', { id: 'cp-path' }, el('strong', {}, 'Path: '), pathText) : null,
      tasks.length ? container : el('p', { class: 'muted' }, 'No remaining work.'),
      tasks.length ? table(['Task', 'Title', 'Domain', 'State', 'Assignee', { label: 'Remaining', num: true },
        { label: 'Earliest start', num: true }, { label: 'Earliest finish', num: true },
        { label: 'Latest start', num: true }, { label: 'Latest finish', num: true }, { label: 'Slack', num: true },
        'Critical', 'Open'], rows, { id: 'table-critical-path' }) : null);
    if (tasks.length) ganttChart(container, tasks);
  }

  function fact(label, text, raw, field) {
    return el('div', {}, el('dt', {}, label), el('dd', { dataset: { field: field, value: raw == null ? '' : raw } }, text));
  }

  /** Bars from earliest start to earliest finish (hours from now); the slack up to the latest finish as a light bar. */
  function ganttChart(container, tasks) {
    const data = tasks.map((t, i) => ({ name: t.taskKey,
      value: [i, t.earliestStartHours, t.earliestFinishHours, t.latestFinishHours, t.critical ? 1 : 0] }));
    const max = Math.max(1, ...tasks.map((t) => t.latestFinishHours || t.earliestFinishHours || 0));
    chart(container, {
      grid: { left: 80, right: 30, top: 30, bottom: 40 },
      xAxis: { type: 'value', min: 0, max: Math.ceil(max), name: 'hours from now', nameLocation: 'middle', nameGap: 25 },
      yAxis: { type: 'category', data: tasks.map((t) => t.taskKey), inverse: true },
      legend: { data: ['critical', 'with slack'], top: 0 },
      tooltip: { formatter: (p) => {
        const t = tasks[p.value[0]];
        return '<b>' + esc(t.taskKey) + '</b> ' + esc(t.title || '') + '<br>' + esc(t.state || '') + ' · '
          + esc(t.assignee || 'unassigned') + '<br>remaining ' + esc(hours(t.remainingHours))
          + '<br>earliest ' + esc(hours(t.earliestStartHours)) + ' → ' + esc(hours(t.earliestFinishHours))
          + '<br>latest ' + esc(hours(t.latestStartHours)) + ' → ' + esc(hours(t.latestFinishHours))
          + '<br>slack ' + esc(hours(t.slackHours)) + (t.critical ? '<br><b>on the critical path</b>' : '');
      } },
      series: ['critical', 'with slack'].map((name, s) => ({ type: 'custom', name: name,
        itemStyle: { color: s === 0 ? '#c92a2a' : '#0b5cad' },
        encode: { x: [1, 2, 3], y: 0 },
        data: data.filter((d) => d.value[4] === (s === 0 ? 1 : 0)),
        renderItem: renderGanttBar }))
    });
  }

  function renderGanttBar(params, api) {
    const row = api.value(0);
    const start = api.coord([api.value(1), row]);
    const finish = api.coord([api.value(2), row]);
    const lateFinish = api.coord([api.value(3), row]);
    const height = api.size([0, 1])[1] * 0.55;
    const box = { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height };
    const children = [];
    if (lateFinish[0] > finish[0]) {
      const slack = echarts.graphic.clipRectByRect({ x: finish[0], y: start[1] - height / 4,
        width: lateFinish[0] - finish[0], height: height / 2 }, box);
      if (slack) children.push({ type: 'rect', shape: slack, style: { fill: '#a5d8ff' } });
    }
    const bar = echarts.graphic.clipRectByRect({ x: start[0], y: start[1] - height / 2,
      width: Math.max(finish[0] - start[0], 2), height: height }, box);
    if (bar) children.push({ type: 'rect', shape: bar, style: api.style() });
    return { type: 'group', children: children };
  }

  // ------------------------------------------------------------------------------------------ feed (SSE)

  async function openFeed() {
    closeFeed();
    try {
      const latest = await api('/api/inbox?limit=30');
      $('feed-list').replaceChildren();
      latest.forEach((a) => addAnnouncement(a, false));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setFeedStatus('down', 'Could not load the feed: ' + e.message);
    }
    connectFeed();
  }

  function connectFeed() {
    if (!state.user) return;
    const url = '/api/inbox/stream' + (state.feedLastId != null ? '?lastEventId=' + encodeURIComponent(state.feedLastId) : '');
    const source = new EventSource(url);
    state.feed = source;
    source.addEventListener('open', () => { state.feedRetry = 1000; setFeedStatus('live', 'live'); });
    source.addEventListener('announcement', (event) => {
      try { addAnnouncement(JSON.parse(event.data), true); } catch (e) { /* a malformed event is skipped */ }
    });
    source.addEventListener('error', () => {
      // EventSource retries by itself while CONNECTING (sending Last-Event-ID); once CLOSED it gives up (e.g. a 401
      // or a server restart answering 503) and we reconnect ourselves, later each time, from the last id we saw.
      if (source.readyState === EventSource.CLOSED && state.feed === source) {
        setFeedStatus('down', 'reconnecting…');
        state.feed = null;
        const delay = state.feedRetry;
        state.feedRetry = Math.min(state.feedRetry * 2, 60000);
        setTimeout(() => session().then((s) => s.userId ? connectFeed() : showLogin('Your session has ended; please log in again.'))
          .catch(() => setTimeout(connectFeed, delay)), delay);
      } else {
        setFeedStatus('down', 'reconnecting…');
      }
    });
  }

  function closeFeed() {
    if (state.feed) state.feed.close();
    state.feed = null;
  }

  function setFeedStatus(kind, text) {
    const status = $('feed-status');
    status.className = 'status ' + kind;
    status.textContent = text;
  }

  function addAnnouncement(a, live) {
    if (state.feedLastId != null && a.id <= state.feedLastId && live) return;
    state.feedLastId = state.feedLastId == null ? a.id : Math.max(state.feedLastId, a.id);
    const item = el('li', { class: live ? 'new' : null, dataset: { id: a.id } },
      el('div', { class: 'meta' }, when(a.createdAt) + ' · #' + a.channel + ' · ' + a.author + ' ',
        el('span', { class: 'badge ' + a.type }, a.type), ' ', el('span', { class: 'badge ' + a.priority }, a.priority)),
      el('div', { class: 'subject' }, a.subject),
      a.message ? el('p', { class: 'message' }, a.message) : null,
      a.actionItems && a.actionItems.length ? el('ul', {}, a.actionItems.map((x) => el('li', {}, x))) : null,
      a.affectedInstructions && a.affectedInstructions.length ? el('div', { class: 'meta' }, 'Instructions: ',
        a.affectedInstructions.map((key, i) => [i ? ', ' : '', el('button', { type: 'button', class: 'link choose-instruction',
          dataset: { key: key } }, key)])) : null);
    const list = $('feed-list');
    list.insertBefore(item, list.firstChild);
    while (list.children.length > 60) list.removeChild(list.lastChild);
  }

  // ------------------------------------------------------------------------------------------ standup

  /** EM and TL: the weekly report; a domain lead: their domain's; an IC: their own; anyone else: a domain's. */
  function chooseStandupDefaults() {
    const lead = state.groups.find((g) => g.startsWith('leads-'));
    const team = state.groups.find((g) => g.startsWith('team-'));
    let level = 'domain';
    if (state.groups.includes('engineering-managers') || state.groups.includes('tech-leads')) level = 'weekly';
    else if (lead) $('standup-domain').value = lead.slice('leads-'.length);
    else if (team) { level = 'ic'; $('standup-domain').value = team.slice('team-'.length); }
    $('standup-level').value = level;
    $('standup-domain').disabled = level !== 'domain';
  }

  async function renderStandup() {
    const level = $('standup-level').value;
    $('standup-domain').disabled = level !== 'domain';
    const query = new URLSearchParams({ level: level, format: 'markdown' });
    if (level === 'domain') query.set('domain', $('standup-domain').value);
    if (level === 'ic') query.set('person', state.user);
    let markdown;
    try {
      markdown = await api('/api/standups?' + query, 'text/markdown');
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) {
        replace('panel-standup', el('p', { class: 'muted' }, e.message));
        return;
      }
      throw e;
    }
    replace('panel-standup', renderMarkdown(markdown));
  }

  /**
   * The Markdown our standups are written in (StandupMarkdown): headings, paragraphs, "- " lists, pipe tables,
   * "---" rules, **bold** and `code`. Built as DOM nodes from text: nothing in it can become markup.
   */
  function renderMarkdown(text) {
    const root = document.createDocumentFragment();
    const lines = String(text).split(/\r?\n/);
    let list = null;
    let paragraph = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (!line.trim()) { list = null; paragraph = null; continue; }
      if (heading) {
        list = null; paragraph = null;
        root.appendChild(inline(el('h' + Math.min(6, heading[1].length + 2)), heading[2]));
      } else if (/^\s*---+\s*$/.test(line)) {
        list = null; paragraph = null;
        root.appendChild(el('hr'));
      } else if (/^\s*[-*]\s+/.test(line)) {
        paragraph = null;
        if (!list) { list = el('ul'); root.appendChild(list); }
        list.appendChild(inline(el('li'), line.replace(/^\s*[-*]\s+/, '')));
      } else if (line.trim().startsWith('|')) {
        list = null; paragraph = null;
        const rows = [];
        while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(lines[i++]);
        i--;
        root.appendChild(markdownTable(rows));
      } else {
        list = null;
        if (!paragraph) { paragraph = el('p'); root.appendChild(paragraph); } else paragraph.appendChild(document.createTextNode(' '));
        inline(paragraph, line.trim());
      }
    }
    return root;
  }

  function markdownTable(rows) {
    const cells = (row) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
    const header = cells(rows[0]);
    const bodyRows = rows.slice(1).filter((r) => !/^\s*\|?\s*:?-{3,}/.test(r));
    return el('div', { class: 'table-scroll' }, el('table', {},
      el('thead', {}, el('tr', {}, header.map((h) => inline(el('th', { scope: 'col' }), h)))),
      el('tbody', {}, bodyRows.map((r) => el('tr', {}, cells(r).map((c) => inline(el('td'), c)))))));
  }

  function inline(node, text) {
    const parts = String(text).split(/(\*\*[^*]+\*\*|`[^`]+`)/);
    parts.forEach((part) => {
      if (/^\*\*[^*]+\*\*$/.test(part)) node.appendChild(el('strong', {}, part.slice(2, -2)));
      else if (/^`[^`]+`$/.test(part)) node.appendChild(el('code', {}, part.slice(1, -1)));
      else if (part) node.appendChild(document.createTextNode(part));
    });
    return node;
  }

  // ------------------------------------------------------------------------------------------ wiring

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('refresh').addEventListener('click', () => refresh().catch(() => {}));
    $('cp-instruction').addEventListener('change', (e) => selectInstruction(e.target.value));
    $('standup-level').addEventListener('change', () => panel('panel-standup', renderStandup));
    $('standup-domain').addEventListener('change', () => panel('panel-standup', renderStandup));
    document.addEventListener('click', (e) => {
      const button = e.target.closest('button.choose-instruction');
      if (button) selectInstruction(button.dataset.key);
    });
    window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.resize()));
    if (typeof echarts === 'undefined') {
      $('loading').textContent = 'The chart library did not load (/webjars/echarts/dist/echarts.min.js).';
      return;
    }
    start().catch((e) => { $('loading').textContent = 'Could not start: ' + (e.message || e); });
  });
}());

import { get, query } from './api.js';
import { h, replace, announce, isTyping } from './dom.js';
import { when } from './time.js';
import { bars, total } from './chart.js';
import { state, appsOfTeam, showError } from './app.js';
import { STATUS_LABELS, statusBadge, changeStatus } from './actions.js';

const SORTS = { last_seen: 'Last seen', last_activity: 'Last activity', first_seen: 'First seen', occurrences: 'Occurrences', users: 'Users' };
const MODES = { production: 'Production', development: 'Development', all: 'All' };
const CLAIMS = { '': 'All', mine: 'Claimed by me', none: 'Unclaimed', held: 'Claimed' };
// Polling, not server-sent events: one request every 10 s of the first page the user looks at is cheap for the server,
// passes every proxy, and needs no connection held open per browser tab on a small machine.
const POLL_MS = 10000;

function select(id, label, options, value, onchange) {
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, onchange: (e) => onchange(e.target.value) },
      Object.entries(options).map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

function versions(issue) {
  const first = issue.first_seen_app_version;
  const last = issue.last_seen_app_version;
  if (!first && !last) return h('span', { class: 'muted' }, '—');
  return first === last || !first || !last ? (first ?? last) : `${first} – ${last}`;
}

export async function showStream(main, params) {
  const teams = state.me.teams;
  if (!teams.length) {
    replace(main, h('p', null, 'You are not a member of any team yet.'));
    return null;
  }
  const team = teams.some((t) => t.id === params.get('team')) ? params.get('team') : teams[0].id;
  const projects = state.projects.filter((p) => p.team_id === team);
  const project = projects.some((p) => p.id === params.get('project')) ? params.get('project') : '';
  const filters = {
    status: STATUS_LABELS[params.get('status')] ? params.get('status') : '',
    app: params.get('app') ?? '',
    mode: MODES[params.get('mode')] ? params.get('mode') : 'production',
    sort: SORTS[params.get('sort')] ? params.get('sort') : 'last_seen',
    claim: CLAIMS[params.get('claim')] ? params.get('claim') : '',
  };
  sessionStorage.setItem('owlmetry-stream', window.location.hash || '#/');
  const appsOfScope = appsOfTeam(team);
  const hashFor = (changes) => `#/stream${query({ team, project, ...filters, ...changes })}`;
  const go = (changes) => { window.location.hash = hashFor(changes); };
  const listUrl = (cursor) => {
    const common = { status: filters.status, app_id: filters.app, data_mode: filters.mode, claim: filters.claim, sort: filters.sort, cursor, limit: 50 };
    return project ? `/v1/projects/${project}/issues${query(common)}` : `/v1/issues${query({ team_id: team, ...common })}`;
  };
  // The tabs' counts take the list's filters but its status: each tab says how many it would show.
  const countsUrl = () => {
    const common = { app_id: filters.app, data_mode: filters.mode };
    return project ? `/v1/projects/${project}/issues/counts${query(common)}` : `/v1/issues/counts${query({ team_id: team, ...common })}`;
  };

  const rowsBody = h('tbody');
  const more = h('button', { type: 'button', id: 'load-more', hidden: true }, 'Load more issues');
  const empty = h('p', { class: 'muted', hidden: true }, 'No issues match.');
  let cursor = null;
  let selected = -1;
  const shown = new Map();

  function row(issue) {
    const href = `#/issue/${issue.project_id}/${issue.id}`;
    const tr = h('tr', { 'data-id': issue.id },
      h('td', { class: 'title' },
        h('a', { href, class: 'issue-link' }, issue.title),
        h('div', { class: 'sub muted' },
          issue.source_module ? h('span', { class: 'module' }, issue.source_module) : null,
          issue.project_name ? h('span', null, issue.project_name) : null,
          issue.is_dev ? h('span', { class: 'badge dev' }, 'dev') : null,
          issue.claim ? h('span', { class: 'claimed' }, `claimed by ${issue.claim.holder_name}`) : null)),
      h('td', { 'data-label': 'App' }, issue.app_name ?? '—'),
      h('td', { 'data-label': 'Status' }, statusBadge(issue.status)),
      h('td', { class: 'num', 'data-label': 'Events' }, issue.occurrence_count),
      h('td', { class: 'num', 'data-label': 'Users' }, issue.unique_user_count),
      h('td', { 'data-label': 'First seen' }, when(issue.first_seen_at)),
      h('td', { 'data-label': 'Last seen' }, when(issue.last_seen_at)),
      h('td', { 'data-label': 'Versions' }, versions(issue)),
      h('td', { class: 'trend', 'data-label': '14 days' }));
    shown.set(issue.id, { issue, tr });
    return tr;
  }

  // The rows' 14-day charts, after the rows are on the screen: one request for the whole page, not one per row.
  async function loadCharts(issues) {
    if (!issues.length) return;
    const found = await get(`/v1/issues/daily-counts${query({ ids: issues.map((i) => i.id).join(',') })}`);
    for (const chart of found.issues) {
      const cell = shown.get(chart.issue_id)?.tr.querySelector('td.trend');
      if (cell) replace(cell, bars(chart.daily_counts, { barWidth: 5, height: 20, label: `${total(chart.daily_counts)} in the last 14 days` }));
    }
  }

  const tabCounts = new Map();
  const countBadge = (status) => {
    const badge = h('span', { class: 'count' });
    tabCounts.set(status, badge);
    return badge;
  };
  async function loadCounts() {
    // The counts route counts by status and ignores claims: with a claim filter its numbers would not be the list's.
    if (filters.claim) return;
    const counts = await get(countsUrl());
    for (const [status, count] of [['all', counts.total], ...Object.entries(counts.statuses)]) {
      const badge = tabCounts.get(status);
      if (badge) badge.textContent = String(count);
    }
  }
  // Charts and counts come after the rows; when one fails, the stream stays usable and says so.
  const later = (work) => work.catch((e) => announce(`Charts or counts not loaded: ${e.message}`));

  async function load(first) {
    const page = await (first ?? get(listUrl(cursor)));
    rowsBody.append(...page.issues.map(row));
    cursor = page.cursor;
    more.hidden = !page.has_more;
    empty.hidden = shown.size > 0;
    later(loadCharts(page.issues));
  }
  more.addEventListener('click', () => load().catch(showError));
  // The first page and the team's apps at once: the stream is usable when both are in.
  const [apps, firstPage] = await Promise.all([appsOfScope, get(listUrl(null))]);
  const appsShown = apps.filter((a) => !project || a.project_id === project);

  // A claim changes no updated_at: a poll compares it on its own.
  const claimOf = (issue) => (issue.claim ? `${issue.claim.holder_id} ${issue.claim.expires_at}` : '');
  async function poll() {
    if (document.visibilityState !== 'visible') return;
    const page = await get(listUrl(null));
    const redrawn = [];
    let fresh = 0;
    for (const issue of [...page.issues].reverse()) {
      const known = shown.get(issue.id);
      if (!known) {
        const tr = row(issue);
        tr.classList.add('fresh');
        rowsBody.prepend(tr);
        redrawn.push(issue);
        fresh++;
      } else if (known.issue.updated_at !== issue.updated_at || known.issue.last_seen_at !== issue.last_seen_at || claimOf(known.issue) !== claimOf(issue)) {
        const tr = row(issue);
        if (issue.status !== known.issue.status) tr.classList.add('fresh');
        known.tr.replaceWith(tr);
        redrawn.push(issue);
      }
    }
    if (redrawn.length) await Promise.all([loadCharts(redrawn), loadCounts()]);
    if (fresh) { empty.hidden = true; announce(`${fresh} new issue${fresh === 1 ? '' : 's'}`); }
  }

  const rows = () => [...rowsBody.querySelectorAll('tr')];
  function choose(index) {
    const all = rows();
    if (!all.length) return;
    selected = Math.max(0, Math.min(all.length - 1, index));
    all.forEach((tr, i) => tr.classList.toggle('selected', i === selected));
    all[selected].querySelector('a').focus();
  }
  const current = () => shown.get(rows()[selected]?.dataset.id)?.issue;

  async function act(target) {
    const issue = current();
    if (!issue) return;
    try {
      const changed = await changeStatus(issue, target);
      if (!changed) return;
      const tr = row(changed);
      rows()[selected].replaceWith(tr);
      choose(selected);
      later(Promise.all([loadCharts([changed]), loadCounts()]));
      announce(`${changed.title}: ${STATUS_LABELS[changed.status]}`);
    } catch (e) {
      announce(e.message);
      window.alert(e.message);
    }
  }

  function onKey(event) {
    if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]')) return;
    const key = event.key;
    if (key === 'j' || key === 'ArrowDown') { event.preventDefault(); choose(selected + 1); }
    else if (key === 'k' || key === 'ArrowUp') { event.preventDefault(); choose(selected - 1); }
    else if (key === 'Enter' && current() && !(event.target instanceof HTMLAnchorElement)) { window.location.hash = `#/issue/${current().project_id}/${current().id}`; }
    else if (key === 'r') { event.preventDefault(); act('resolved'); }
    else if (key === 's') { event.preventDefault(); act('snoozed'); }
  }

  const tabs = h('nav', { class: 'tabs', 'aria-label': 'Status' },
    [['', 'All'], ...Object.entries(STATUS_LABELS)].map(([value, label]) =>
      h('a', { href: hashFor({ status: value }), 'aria-current': value === filters.status ? 'page' : null, 'data-status': value || 'all' }, label, ' ',
        countBadge(value || 'all'))));
  replace(main,
    h('h1', { class: 'sr-only' }, 'Issues'),
    h('div', { class: 'filters' },
      select('filter-team', 'Team', Object.fromEntries(teams.map((t) => [t.id, t.name])), team, (v) => { window.location.hash = `#/stream${query({ team: v })}`; }),
      select('filter-project', 'Project', { '': 'All projects', ...Object.fromEntries(projects.map((p) => [p.id, p.name])) }, project, (v) => go({ project: v, app: '' })),
      select('filter-app', 'App', { '': 'All apps', ...Object.fromEntries(appsShown.map((a) => [a.id, a.name])) }, filters.app, (v) => go({ app: v })),
      select('filter-mode', 'Data', MODES, filters.mode, (v) => go({ mode: v })),
      select('filter-claim', 'Claim', CLAIMS, filters.claim, (v) => go({ claim: v })),
      select('filter-sort', 'Sort by', SORTS, filters.sort, (v) => go({ sort: v }))),
    tabs,
    h('p', { class: 'keys muted' }, 'Keys: j/k or ↑/↓ move, Enter opens, r resolves, s snoozes.'),
    h('table', { class: 'stream', id: 'stream' },
      h('caption', { class: 'sr-only' }, 'Issues, ', SORTS[filters.sort].toLowerCase(), ' first'),
      h('thead', null, h('tr', null, ['Issue', 'App', 'Status', 'Events', 'Users', 'First seen', 'Last seen', 'Versions', '14 days'].map((c) => h('th', { scope: 'col' }, c)))),
      rowsBody),
    empty, more);
  await load(firstPage);
  later(loadCounts());

  const timer = setInterval(() => poll().catch(() => {}), POLL_MS);
  document.addEventListener('keydown', onKey);
  return () => { clearInterval(timer); document.removeEventListener('keydown', onKey); };
}

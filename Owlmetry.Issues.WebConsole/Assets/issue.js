import { api, get, query } from './api.js';
import { h, replace, announce, isTyping } from './dom.js';
import { bars, total } from './chart.js';
import { when } from './time.js';
import { render as markdown } from './markdown.js';
import { state, showError, rerender, teamRole } from './app.js';
import { ACTION_LABELS, STATUS_LABELS, statusBadge, changeStatus } from './actions.js';

// A person's claim lasts as long as the API allows (24 hours): the console does not renew it in the background as an
// agent's loop does, and a person's work on an issue spans meetings and breaks. A claim that lapsed after an hour would
// hand the issue to the next agent in the middle of the work it was taken to protect; a forgotten one ends by the next
// day, shows its holder and expiry, and an owner or admin may release it.
const CLAIM_SECONDS = 86400;

function fact(label, value) {
  return [h('dt', null, label), h('dd', null, value ?? h('span', { class: 'muted' }, '—'))];
}

function chart(days) {
  return h('figure', { class: 'chart' },
    bars(days, { barWidth: 12, height: 40, label: `${total(days)} occurrences in the last 14 days` }),
    h('figcaption', { class: 'muted' }, 'Occurrences per day, last 14 days (UTC)'));
}

function breakdown(title, rows) {
  return h('section', { class: 'breakdown' },
    h('h3', null, title),
    rows.length
      ? h('table', null, h('tbody', null, rows.slice(0, 8).map((r) => h('tr', null, h('th', { scope: 'row' }, r.value ?? 'none'), h('td', { class: 'num' }, r.count)))))
      : h('p', { class: 'muted' }, 'None'));
}

export async function showIssue(main, projectId, issueId, params) {
  const base = `/v1/projects/${encodeURIComponent(projectId)}/issues/${encodeURIComponent(issueId)}`;
  const back = sessionStorage.getItem('owlmetry-stream') ?? '#/';
  const [detail, overview] = await Promise.all([get(base), get(`${base}/overview`)]);
  const project = state.projects.find((p) => p.id === projectId);
  const rights = new Map(overview.comments.map((c) => [c.id, c]));
  let issue = detail;

  const refresh = async (message) => {
    await rerender();
    if (message) announce(message);
  };

  async function act(target) {
    if (!overview.allowed_transitions.includes(target)) return;
    try {
      const changed = await changeStatus(issue, target);
      if (changed) await refresh(`Status: ${STATUS_LABELS[changed.status]}`);
    } catch (e) {
      showError(e);
    }
  }

  // The claim: a person takes the issue so that agents leave it alone, and releases it when done. The holder releases
  // their own; owners and admins of the team may release anyone's, as the API lets them (the members page decides its
  // controls by the same role). A refusal, such as an agent that took the issue meanwhile, is the API's message.
  let claim = detail.claim;
  const administers = ['owner', 'admin'].includes(teamRole(project?.team_id));
  const holdsClaim = () => claim?.holder_kind === 'user' && claim.holder_id === state.me.user.id;
  const claimView = h('span', { id: 'claim' });
  const claimError = h('p', { class: 'error claim-error', role: 'alert', id: 'claim-error' });
  async function changeClaim(method, body, done) {
    claimError.textContent = '';
    try {
      claim = (await api(method, `${base}/claim`, body)).claim;
      announce(done);
    } catch (e) {
      claimError.textContent = e.message;
      // Show who holds the issue now, whatever the page showed before.
      claim = (await get(base).catch(() => ({ claim }))).claim;
    }
    drawClaim();
  }
  const takeClaim = () => changeClaim('POST', { duration_seconds: CLAIM_SECONDS }, 'Claimed');
  const releaseClaim = () => changeClaim('DELETE', undefined, 'Claim released');
  function drawClaim() {
    replace(claimView,
      claim ? [claim.holder_name, claim.holder_kind === 'agent' ? ' (agent)' : '', ' until ', when(claim.expires_at)] : h('span', { class: 'muted' }, 'nobody'),
      ' ',
      !claim ? h('button', { type: 'button', class: 'link', id: 'claim-take', onclick: takeClaim }, 'Claim')
        : holdsClaim() || administers ? h('button', { type: 'button', class: 'link', id: 'claim-release', onclick: releaseClaim }, 'Release') : null);
  }
  drawClaim();

  const actions = h('div', { class: 'actions', role: 'group', 'aria-label': 'Change status' },
    overview.allowed_transitions.map((target) =>
      h('button', { type: 'button', 'data-target': target, onclick: () => act(target) }, ACTION_LABELS[target] ?? target)));

  // Occurrences, newest first, a page at a time.
  const occurrenceRows = h('tbody');
  const olderButton = h('button', { type: 'button', id: 'older-occurrences' }, 'Older occurrences');
  let occurrenceCursor = detail.occurrence_cursor;
  const addOccurrences = (list) => occurrenceRows.append(...list.map((o) => h('tr', null,
    h('td', { 'data-label': 'When' }, when(o.timestamp)),
    h('td', { 'data-label': 'Version' }, o.app_version ?? '—'),
    h('td', { 'data-label': 'Environment' }, o.environment ?? '—'),
    h('td', { 'data-label': 'Country' }, o.country_code ?? '—'),
    h('td', { 'data-label': 'User' }, o.user_id ?? '—'),
    h('td', { 'data-label': 'SDK' }, [o.sdk_name, o.sdk_version].filter(Boolean).join(' ') || '—'))));
  addOccurrences(detail.occurrences);
  olderButton.hidden = !detail.occurrence_has_more;
  olderButton.addEventListener('click', async () => {
    try {
      const page = await get(`${base}${query({ occurrence_cursor: occurrenceCursor })}`);
      addOccurrences(page.occurrences);
      occurrenceCursor = page.occurrence_cursor;
      olderButton.hidden = !page.occurrence_has_more;
    } catch (e) { showError(e); }
  });

  // Comments: Markdown rendered as DOM nodes; edit and delete where the API's comment rules allow the caller.
  function comment(c) {
    const right = rights.get(c.id) ?? { can_edit: false, can_delete: false };
    const body = h('div', { class: 'comment-body' }, markdown(c.body));
    const item = h('li', { class: 'comment', id: `comment-${c.id}` },
      h('div', { class: 'comment-head' },
        h('strong', null, c.author_name), ' ', h('span', { class: 'muted' }, c.author_type === 'agent' ? '(agent) ' : ''), when(c.created_at),
        c.updated_at !== c.created_at ? h('span', { class: 'muted' }, ' (edited)') : null),
      body,
      h('div', { class: 'comment-actions' },
        right.can_edit ? h('button', { type: 'button', class: 'link', onclick: () => edit(c, body) }, 'Edit') : null,
        right.can_delete ? h('button', { type: 'button', class: 'link', onclick: async () => {
          if (!window.confirm('Delete this comment?')) return;
          try { await api('DELETE', `${base}/comments/${c.id}`); await refresh('Comment deleted'); } catch (e) { showError(e); }
        } }, 'Delete') : null));
    return item;
  }
  function edit(c, body) {
    const area = h('textarea', { 'aria-label': 'Edit comment', rows: 5 }, c.body);
    const form = h('form', { class: 'comment-edit', onsubmit: async (event) => {
      event.preventDefault();
      try { await api('PATCH', `${base}/comments/${c.id}`, { body: area.value }); await refresh('Comment saved'); } catch (e) { showError(e); }
    } }, area, h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Save'),
      h('button', { type: 'button', onclick: () => form.replaceWith(body) }, 'Cancel')));
    body.replaceWith(form);
    area.focus();
  }
  const newComment = h('textarea', { id: 'new-comment', name: 'body', rows: 4, required: true, maxlength: 10000 });
  const commentForm = h('form', { class: 'comment-new', onsubmit: async (event) => {
    event.preventDefault();
    try { await api('POST', `${base}/comments`, { body: newComment.value }); await refresh('Comment added'); } catch (e) { showError(e); }
  } },
  h('label', { for: 'new-comment' }, 'Add a comment (Markdown)'), newComment,
  h('button', { type: 'submit', id: 'add-comment' }, 'Comment'));

  // Merge: find another issue of the project by title, and merge it into this one.
  const mergeResults = h('ul', { class: 'merge-results', id: 'merge-results', 'aria-live': 'polite' });
  const mergeInput = h('input', { id: 'merge-search', type: 'search', autocomplete: 'off', placeholder: 'Words of its title' });
  const mergeForm = h('form', { class: 'merge', role: 'search', onsubmit: async (event) => {
    event.preventDefault();
    if (!mergeInput.value.trim()) return;
    try {
      const found = await get(`/v1/projects/${projectId}/issues/search${query({ q: mergeInput.value, limit: 10 })}`);
      const others = found.issues.filter((i) => i.id !== issueId);
      replace(mergeResults, others.length ? others.map((other) => h('li', null,
        h('span', null, other.title, ' ', h('span', { class: 'muted' }, `(${other.occurrence_count} events, ${STATUS_LABELS[other.status]})`)),
        h('button', { type: 'button', class: 'merge-this', onclick: async () => {
          if (!window.confirm(`Merge "${other.title}" into this issue? It is deleted, its occurrences and comments move here.`)) return;
          try {
            await api('POST', `${base}/merge`, { source_issue_id: other.id });
            await refresh('Merged');
          } catch (e) { showError(e); }
        } }, 'Merge into this issue'))) : h('li', { class: 'muted' }, 'No other issue matches.'));
    } catch (e) { showError(e); }
  } },
  h('label', { for: 'merge-search' }, 'Merge another issue into this one'), mergeInput, h('button', { type: 'submit' }, 'Find'));

  const audited = (a) => {
    if (a.action === 'issue.merged') return `${a.actor_name} merged another issue into this one`;
    if (a.action === 'comment.edited') return `${a.actor_name} edited a comment`;
    if (a.action === 'comment.deleted') return `${a.actor_name} deleted a comment`;
    return `${a.actor_name} changed the status from ${STATUS_LABELS[a.from_status]} to ${STATUS_LABELS[a.to_status]}${a.to_resolved_at_version ? ` (fixed in ${a.to_resolved_at_version})` : ''}`;
  };
  const activity = [
    ...overview.activity.map((a) => ({ at: a.created_at, text: audited(a) })),
    ...detail.comments.map((c) => ({ at: c.created_at, text: `${c.author_name} commented` })),
  ].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));

  async function download(attachment) {
    try {
      const found = await get(`/v1/attachments/${attachment.id}`);
      const url = new URL(found.download_url.url, window.location.href);
      const link = h('a', { href: url.pathname + url.search, download: attachment.original_filename, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (e) { showError(e); }
  }

  replace(main,
    h('p', { class: 'crumbs' }, h('a', { href: back, id: 'back' }, '← Issues'), project ? ` · ${project.name}` : ''),
    h('div', { class: 'issue-head' },
      h('h1', { id: 'issue-title' }, issue.title),
      h('p', null, statusBadge(issue.status), issue.is_dev ? h('span', { class: 'badge dev' }, 'dev') : null,
        issue.source_module ? h('span', { class: 'module' }, issue.source_module) : null)),
    actions,
    h('p', { class: 'keys muted' }, 'Keys: Esc or Backspace goes back, r resolves, s snoozes, c claims or releases your claim.'),
    h('div', { class: 'overview' },
      h('dl', { class: 'facts' },
        fact('App', issue.app_name),
        fact('Occurrences', String(issue.occurrence_count)),
        fact('Users', String(issue.unique_user_count)),
        fact('First seen', [when(issue.first_seen_at), issue.first_seen_app_version ? ` in ${issue.first_seen_app_version}` : '']),
        fact('Last seen', [when(issue.last_seen_at), issue.last_seen_app_version ? ` in ${issue.last_seen_app_version}` : '']),
        fact('SDK versions', [issue.first_seen_sdk_version, issue.last_seen_sdk_version].filter(Boolean).join(' – ') || null),
        fact('Resolved in', issue.resolved_at_version),
        fact('Snoozed', issue.snoozed_at ? when(issue.snoozed_at) : null),
        fact('Claimed by', [claimView, claimError])),
      chart(overview.daily_counts)),
    h('section', { class: 'breakdowns', 'aria-labelledby': 'breakdowns-title' },
      h('h2', { id: 'breakdowns-title' }, 'Breakdown'),
      h('div', { class: 'grid' },
        breakdown('App version', overview.breakdowns.app_version),
        breakdown('Environment', overview.breakdowns.environment),
        breakdown('Country', overview.breakdowns.country_code))),
    h('section', { 'aria-labelledby': 'occurrences-title' },
      h('h2', { id: 'occurrences-title' }, 'Occurrences'),
      h('table', { class: 'occurrences' },
        h('thead', null, h('tr', null, ['When', 'Version', 'Environment', 'Country', 'User', 'SDK'].map((c) => h('th', { scope: 'col' }, c)))),
        occurrenceRows),
      olderButton),
    h('section', { 'aria-labelledby': 'comments-title' },
      h('h2', { id: 'comments-title' }, 'Comments'),
      detail.comments.length ? h('ol', { class: 'comments', id: 'comments' }, detail.comments.map(comment)) : h('p', { class: 'muted' }, 'No comments yet.'),
      commentForm),
    h('section', { 'aria-labelledby': 'attachments-title' },
      h('h2', { id: 'attachments-title' }, 'Attachments'),
      detail.attachments.length
        ? h('ul', { class: 'attachments' }, detail.attachments.map((a) => h('li', null,
          h('button', { type: 'button', class: 'link', onclick: () => download(a) }, a.original_filename),
          h('span', { class: 'muted' }, ` ${a.content_type}, ${a.size_bytes} bytes, `), when(a.created_at))))
        : h('p', { class: 'muted' }, 'None.')),
    h('section', { 'aria-labelledby': 'fingerprints-title' },
      h('h2', { id: 'fingerprints-title' }, 'Fingerprints'),
      h('ul', { class: 'fingerprints' }, issue.fingerprints.map((f) => h('li', null, h('code', null, f))))),
    h('section', { 'aria-labelledby': 'merge-title' },
      h('h2', { id: 'merge-title' }, 'Merge'), mergeForm, mergeResults),
    h('section', { 'aria-labelledby': 'activity-title' },
      h('h2', { id: 'activity-title' }, 'Activity'),
      activity.length ? h('ol', { class: 'activity' }, activity.map((a) => h('li', null, when(a.at), ' ', a.text))) : h('p', { class: 'muted' }, 'Nothing yet.')));
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });

  function onKey(event) {
    if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]')) return;
    if (event.key === 'Escape' || event.key === 'Backspace') { event.preventDefault(); window.location.hash = back; }
    else if (event.key === 'r') { event.preventDefault(); act('resolved'); }
    else if (event.key === 's') { event.preventDefault(); act('snoozed'); }
    // Only the user's own claim: another's is released with its button, knowingly.
    else if (event.key === 'c' && !claim) { event.preventDefault(); takeClaim(); }
    else if (event.key === 'c' && holdsClaim()) { event.preventDefault(); releaseClaim(); }
  }
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
